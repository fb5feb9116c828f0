//! What a run leaves: the shareholders' side at the end ([`EndState`]), and the month-by-month
//! series the charts draw ([`StructureSeries`]).

use super::company::Company;
use super::month::MonthMarket;
use super::money::Money;
use super::terms::Terms;

/// The value of a company to the holders of `shares_before` of its `shares_after` shares:
/// their pro-rata share of what the company is worth (its net assets plus the market's premium
/// over them), and nothing below zero (limited liability: owners can lose what they own, no
/// more). New shares count like old ones, at their claim on the same value, so selling $X of
/// shares at a discount d to their value moves $X·d/(1 − d) from today's owners to the buyers,
/// and shares sold at their value move nothing.
pub fn owners_value<M: Money>(company_value: M, shares_before: M, shares_after: M) -> M {
    let ownership = shares_before.checked_ratio(shares_after).unwrap_or(M::ONE);
    company_value.positive_part() * ownership
}

/// What the stock market pays for a company above its net assets: shares × share price less
/// net assets, never below zero. Taken at the end of a run for the same company had it raised
/// nothing (the baseline), it is the part of the company's value the model does not build from
/// cash, machines and the data center, and that the stock prices from growth. Adding it to a
/// structure's net assets makes owners' value the market value of the company without the raise
/// plus what the raise changed in its net assets: a share is worth about its market price, the
/// price new shares are sold and converted at, so neither a sale nor a conversion at that price
/// reads as a gain, and cash or machines the company had before the raise count once, whatever
/// the structure.
pub fn market_premium<M: Money>(baseline_net_assets: M, baseline_shares: M, share_price: M) -> M {
    (baseline_shares * share_price - baseline_net_assets).positive_part()
}

/// The shareholders' side at the end of a run (docs/model.md, "Priority and what owners keep (R4)"), for every structure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndState<M> {
    pub cash: M,
    /// What the owners hold through a ring-fenced subsidiary still in the run: its cash and
    /// machines less its debt, and never below zero (a non-recourse lender has no claim on
    /// the rest of the company).
    pub ring_fenced: M,
    pub fleet_ph: M,
    /// The company's own machines at value in use at the last month's hashprice (not their
    /// market price).
    pub machine_value: M,
    pub hpc_book_value: M,
    /// The company's own debt outstanding, with any claim a default left unpaid.
    pub debt: M,
    pub shares: M,
    /// New shares sold to raise cash over the run.
    pub rescue_shares: M,
    /// NAV_T = cash + ring-fenced value + machines (value in use) + HPC book − debt.
    pub net_asset_value: M,
    /// [`market_premium`] of the baseline at the end: the same for every structure on a path.
    pub market_premium: M,
    /// N0 / shares_T.
    pub ownership_retained: M,
    /// 1 − N0 / shares_T: all new shares over all shares.
    pub dilution_total: M,
    /// [`owners_value`]: max(NAV_T + premium_T, 0) × N0 / shares_T, the value to the original
    /// holders.
    pub equity_value: M,
    pub share_price: M,
}

impl<M: Money> EndState<M> {
    /// The end of a run. `ring_fenced` is the owners' net value in a non-recourse subsidiary
    /// (already floored at zero), `pledged_ph` the machines counted in it, `debt` the
    /// company's own debt, `market_premium` the [`market_premium`] at the last month.
    pub fn new(company: &Company<M>, ring_fenced: M, pledged_ph: M, debt: M, last: &MonthMarket<M>, terms: &Terms<M>, market_premium: M) -> Self {
        let own_ph = (company.fleet_ph - pledged_ph).positive_part();
        let machine_value = last.value_in_use_per_ph(terms) * own_ph;
        let hpc_book_value = company.hpc_fraction * terms.hpc_book_value;
        let debt = debt + company.unpaid_claims + company.refinancing_balance();
        let net_asset_value = company.cash + ring_fenced + machine_value + hpc_book_value - debt;
        let ownership_retained = terms.shares_before_raise.checked_ratio(company.shares).unwrap_or(M::ONE);
        EndState {
            cash: company.cash,
            ring_fenced,
            fleet_ph: company.fleet_ph,
            machine_value,
            hpc_book_value,
            debt,
            shares: company.shares,
            rescue_shares: company.rescue_shares,
            net_asset_value,
            market_premium,
            ownership_retained,
            dilution_total: M::ONE - ownership_retained,
            equity_value: owners_value(net_asset_value + market_premium, terms.shares_before_raise, company.shares),
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
