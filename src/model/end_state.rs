//! What a run leaves: the shareholders' side at the end ([`EndState`]), and the month-by-month
//! series the charts draw ([`StructureSeries`]).

use super::company::Company;
use super::month::MonthMarket;
use super::money::Money;
use super::terms::Terms;

/// The shareholders' side at the end of a run (MODEL.md §4.8), for every structure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndState<M> {
    pub cash: M,
    /// Cash still trapped in the loan's SPV (structure A).
    pub spv_cash: M,
    pub fleet_ph: M,
    /// The fleet's value in use at the last month's hashprice (not its market price).
    pub machine_value: M,
    pub hpc_book_value: M,
    /// Loan balance, notes outstanding or unpaid principal.
    pub debt: M,
    pub shares: M,
    /// Shares sold as rescue equity over the run (MODEL.md §4.8).
    pub rescue_shares: M,
    /// NAV_T = cash + SPV cash + machines (value in use) + HPC book − debt.
    pub net_asset_value: M,
    /// N0 / shares_T.
    pub ownership_retained: M,
    /// 1 − N0 / shares_T: all new shares over all shares.
    pub dilution_total: M,
    /// NAV_T × N0 / shares_T, the value to the original holders.
    pub equity_value: M,
    pub share_price: M,
}

impl<M: Money> EndState<M> {
    pub fn new(company: &Company<M>, spv_cash: M, debt: M, last: &MonthMarket<M>, terms: &Terms<M>) -> Self {
        let machine_value = last.value_in_use_per_ph(terms) * company.fleet_ph;
        let hpc_book_value = if company.owns_hpc { terms.hpc_book_value } else { M::ZERO };
        let net_asset_value = company.cash + spv_cash + machine_value + hpc_book_value - debt;
        let ownership_retained = terms.shares_before_raise.checked_ratio(company.shares).unwrap_or(M::ONE);
        EndState {
            cash: company.cash,
            spv_cash,
            fleet_ph: company.fleet_ph,
            machine_value,
            hpc_book_value,
            debt,
            shares: company.shares,
            rescue_shares: company.rescue_shares,
            net_asset_value,
            ownership_retained,
            dilution_total: M::ONE - ownership_retained,
            equity_value: net_asset_value * ownership_retained,
            share_price: last.share_price(),
        }
    }
}

/// Per-month values of one structure, for the charts (f64: drawing only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StructureSeries {
    /// Company cash at month end, t = 0..T.
    pub cash: Vec<f64>,
    /// Loan balance, notes outstanding or secured balance, t = 0..T.
    pub debt: Vec<f64>,
    pub shares: Vec<f64>,
    pub fleet_ph: Vec<f64>,
    /// Cash received and paid in each month (t = 0 holds zeros).
    pub inflow: Vec<f64>,
    pub outflow: Vec<f64>,
}

impl StructureSeries {
    pub fn with_capacity(months: usize) -> Self {
        StructureSeries {
            cash: Vec::with_capacity(months),
            debt: Vec::with_capacity(months),
            shares: Vec::with_capacity(months),
            fleet_ph: Vec::with_capacity(months),
            inflow: Vec::with_capacity(months),
            outflow: Vec::with_capacity(months),
        }
    }

    pub fn push<M: Money>(&mut self, company: &Company<M>, debt: M) {
        self.cash.push(company.cash.to_chart());
        self.debt.push(debt.to_chart());
        self.shares.push(company.shares.to_chart());
        self.fleet_ph.push(company.fleet_ph.to_chart());
        self.inflow.push(company.inflow.to_chart());
        self.outflow.push(company.outflow.to_chart());
    }
}
