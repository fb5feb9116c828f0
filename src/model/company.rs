//! The company under one structure: cash, shares, fleet and data center, this month's ledger,
//! and the two things any company may do whatever its financing: sell machines and sell new
//! shares.

use super::month::MonthMarket;
use super::money::{Money, RATE_DECIMALS};
use super::terms::Terms;

/// The company under one structure: cash, shares, assets, and this month's ledger.
#[derive(Clone, Debug)]
pub struct Company<M> {
    pub cash: M,
    pub shares: M,
    /// PH/s owned, H_t.
    pub fleet_ph: M,
    /// HPC assets still owned (false once a secured lender has taken them).
    pub owns_hpc: bool,
    pub rescue_shares: M,
    /// PH/s sold after standing idle, and what they fetched.
    pub sold_ph: M,
    pub sale_proceeds: M,
    /// Cash received this month (revenue, NOI, releases, rescue equity).
    pub inflow: M,
    /// Cash paid this month (operating costs, debt service, principal).
    pub outflow: M,
}

impl<M: Money> Company<M> {
    /// The company at t = 0 after deploying the proceeds (MODEL.md §4.5): new machines at
    /// v_0, HPC at cost, the rest held as cash, less the structure's fees.
    pub fn after_raise(terms: &Terms<M>, machine_value_at_closing_per_th: M, fees: M) -> Self {
        let machine_spend = terms.share_of_proceeds_to_machines * terms.principal;
        let new_fleet = (machine_spend / (machine_value_at_closing_per_th * M::from_int(1000))).positive_part().rounded(RATE_DECIMALS);
        Company {
            cash: terms.cash_before_raise + terms.share_of_proceeds_held * terms.principal - fees,
            shares: terms.shares_before_raise,
            fleet_ph: terms.fleet_before_raise_ph + new_fleet,
            owns_hpc: true,
            rescue_shares: M::ZERO,
            sold_ph: M::ZERO,
            sale_proceeds: M::ZERO,
            inflow: M::ZERO,
            outflow: M::ZERO,
        }
    }

    /// The company as it was before the raise: what a structure that could not be put in
    /// place leaves (an unavailable loan).
    pub fn without_raise(terms: &Terms<M>) -> Self {
        Company {
            cash: terms.cash_before_raise,
            shares: terms.shares_before_raise,
            fleet_ph: terms.fleet_before_raise_ph,
            owns_hpc: false,
            rescue_shares: M::ZERO,
            sold_ph: M::ZERO,
            sale_proceeds: M::ZERO,
            inflow: M::ZERO,
            outflow: M::ZERO,
        }
    }

    /// Sells `ph` PH/s of the company's own (unpledged) machines at the market price less the
    /// haircut a fleet sold at once fetches.
    pub fn sell_machines(&mut self, ph: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let ph = ph.positive_part().min_of(self.fleet_ph);
        if ph <= M::ZERO {
            return;
        }
        let proceeds = ph * market.machine_value_per_th() * M::from_int(1000) * (M::ONE - terms.haircut);
        self.fleet_ph = self.fleet_ph - ph;
        self.sold_ph = self.sold_ph + ph;
        self.sale_proceeds = self.sale_proceeds + proceeds;
        self.receive(proceeds);
    }

    pub fn receive(&mut self, amount: M) {
        self.cash = self.cash + amount;
        self.inflow = self.inflow + amount;
    }

    pub fn pay(&mut self, amount: M) {
        self.cash = self.cash - amount;
        self.outflow = self.outflow + amount;
    }

    /// Starts a month's ledger.
    pub fn open_month(&mut self) {
        self.inflow = M::ZERO;
        self.outflow = M::ZERO;
    }

    /// Operating cash flow of the fleet `fleet_ph` (the part the company keeps) plus HPC NOI
    /// less G&A: revenue in, costs out (MODEL.md §1.2).
    pub fn operate(&mut self, fleet_ph: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let noi = if self.owns_hpc { market.hpc_noi } else { M::ZERO };
        self.receive(fleet_ph * market.revenue_per_ph + noi);
        self.pay(fleet_ph * market.cost_per_ph + terms.overhead_usd_per_month);
    }

    /// OCF_t of the whole company (MODEL.md §1.2).
    pub fn operating_cash_flow(&self, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        let noi = if self.owns_hpc { market.hpc_noi } else { M::ZERO };
        market.mining_margin(self.fleet_ph) - terms.overhead_usd_per_month + noi
    }

    /// Rescue equity (MODEL.md §4.8): negative cash at month end is filled by selling
    /// `ΔN = −cash / (S_t(1 − disc))` shares. Returns the shares sold.
    pub fn rescue(&mut self, share_price: M, discount: M) -> M {
        if self.cash >= M::ZERO {
            return M::ZERO;
        }
        let price = share_price * (M::ONE - discount);
        let Some(sold) = (-self.cash).checked_ratio(price) else { return M::ZERO };
        self.shares = self.shares + sold;
        self.rescue_shares = self.rescue_shares + sold;
        let raised = -self.cash;
        self.receive(raised);
        sold
    }
}
