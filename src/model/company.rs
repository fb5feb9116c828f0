//! The company under one structure: cash, shares, fleet and data center, this month's ledger,
//! and the two things any company may do whatever its financing: sell machines and sell new
//! shares.
//!
//! **New shares, one rule for every structure.** A company that must pay more than its cash
//! sells new shares at month end, at the share price less `rescue_discount`, plus
//! `crash_discount` of the fall since closing (a stock down 60% with a 25% crash discount sells
//! at a further 15% off). It can sell at most `rescue_limit` of its shares outstanding in a
//! month: what the market takes from a small company in distress. An obligation the company
//! cannot meet with its cash and that month's share capacity is a default
//! ([`Company::can_pay`]). Voluntary payments (support of a non-recourse subsidiary) come from
//! cash only.

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
    /// The share of the planned data center the company owns and earns from: 1 when the
    /// proceeds built all of it, less when a reserve was taken from them, 0 once secured
    /// holders have taken it.
    pub hpc_fraction: M,
    pub rescue_shares: M,
    /// Shares sold in the current month (against `rescue_limit`).
    shares_sold_this_month: M,
    /// Claims a default left unpaid: they stay owed, ahead of the shareholders.
    pub unpaid_claims: M,
    /// PH/s sold after standing idle, and what they fetched.
    pub sold_ph: M,
    pub sale_proceeds: M,
    /// Cash received this month (revenue, NOI, releases, new shares).
    pub inflow: M,
    /// Cash paid this month (operating costs, debt service, principal).
    pub outflow: M,
}

impl<M: Money> Company<M> {
    /// The company at t = 0 after deploying the proceeds (MODEL.md §4.5): new machines at
    /// v_0, HPC at cost, the rest held as cash, less the structure's fees. `reserve` is set
    /// aside from the proceeds as cash before the rest is deployed (the secured notes' interest
    /// reserve), so less is built and bought.
    pub fn after_raise(terms: &Terms<M>, machine_value_at_closing_per_th: M, fees: M, reserve: M) -> Self {
        let deployed = (terms.principal - reserve).positive_part();
        let machine_spend = terms.share_of_proceeds_to_machines * deployed;
        let new_fleet = (machine_spend / (machine_value_at_closing_per_th * M::from_int(1000))).positive_part().rounded(RATE_DECIMALS);
        Company {
            cash: terms.cash_before_raise + terms.share_of_proceeds_held * deployed + reserve - fees,
            shares: terms.shares_before_raise,
            fleet_ph: terms.fleet_before_raise_ph + new_fleet,
            hpc_fraction: deployed.checked_ratio(terms.principal).unwrap_or(M::ONE),
            ..Company::without_raise(terms)
        }
    }

    /// The company as it was before the raise: what a structure that could not be put in
    /// place leaves (an unavailable loan).
    pub fn without_raise(terms: &Terms<M>) -> Self {
        Company {
            cash: terms.cash_before_raise,
            shares: terms.shares_before_raise,
            fleet_ph: terms.fleet_before_raise_ph,
            hpc_fraction: M::ZERO,
            rescue_shares: M::ZERO,
            shares_sold_this_month: M::ZERO,
            unpaid_claims: M::ZERO,
            sold_ph: M::ZERO,
            sale_proceeds: M::ZERO,
            inflow: M::ZERO,
            outflow: M::ZERO,
        }
    }

    /// Sells `ph` PH/s of the company's own (unpledged) machines at the market price less the
    /// haircut a fleet sold at once fetches. Returns the proceeds.
    pub fn sell_machines(&mut self, ph: M, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        let ph = ph.positive_part().min_of(self.fleet_ph);
        if ph <= M::ZERO {
            return M::ZERO;
        }
        let proceeds = ph * market.machine_value_per_th() * M::from_int(1000) * (M::ONE - terms.haircut);
        self.fleet_ph = self.fleet_ph - ph;
        self.sold_ph = self.sold_ph + ph;
        self.sale_proceeds = self.sale_proceeds + proceeds;
        self.receive(proceeds);
        proceeds
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
        self.shares_sold_this_month = M::ZERO;
    }

    /// This month's data-center income, for the share the company owns.
    fn hpc_noi(&self, market: &MonthMarket<M>) -> M {
        if self.hpc_fraction == M::ZERO { M::ZERO } else { market.hpc_noi * self.hpc_fraction }
    }

    /// Operating cash flow of the fleet `fleet_ph` (the part the company keeps) plus HPC NOI
    /// less G&A: revenue in, costs out (MODEL.md §1.2).
    pub fn operate(&mut self, fleet_ph: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let noi = self.hpc_noi(market);
        self.receive(fleet_ph * market.revenue_per_ph + noi);
        self.pay(fleet_ph * market.cost_per_ph + terms.overhead_usd_per_month);
    }

    /// OCF_t of the whole company (MODEL.md §1.2).
    pub fn operating_cash_flow(&self, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        market.mining_margin(self.fleet_ph) - terms.overhead_usd_per_month + self.hpc_noi(market)
    }

    /// The price new shares sell at this month: S_t × (1 − rescue_discount − crash_discount ×
    /// fall since closing), never below 5% of S_t.
    pub fn share_sale_price(market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        let price = market.share_price();
        let fall = price.checked_ratio(terms.reference_price).map_or(M::ZERO, |ratio| (M::ONE - ratio).positive_part());
        let discount = (terms.rescue_discount + terms.crash_discount * fall).min_of(M::from_f64(0.95));
        price * (M::ONE - discount)
    }

    /// Shares the company may still sell this month.
    fn shares_left_this_month(&self, terms: &Terms<M>) -> Option<M> {
        terms.rescue_limit.map(|limit| (limit * self.shares - self.shares_sold_this_month).positive_part())
    }

    /// Whether the company can pay `amount` now: from its cash, and what new shares can raise
    /// this month.
    pub fn can_pay(&self, amount: M, market: &MonthMarket<M>, terms: &Terms<M>) -> bool {
        if self.cash >= amount {
            return true;
        }
        match self.shares_left_this_month(terms) {
            None => Company::share_sale_price(market, terms) > M::ZERO,
            Some(left) => self.cash + left * Company::share_sale_price(market, terms) >= amount,
        }
    }

    /// New shares (the one rule): negative cash at month end is filled by selling shares at
    /// [`Company::share_sale_price`], up to this month's limit. Returns the shares sold.
    pub fn rescue(&mut self, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        if self.cash >= M::ZERO {
            return M::ZERO;
        }
        let price = Company::share_sale_price(market, terms);
        let Some(wanted) = (-self.cash).checked_ratio(price) else { return M::ZERO };
        let sold = match self.shares_left_this_month(terms) {
            Some(left) => wanted.min_of(left),
            None => wanted,
        };
        if sold <= M::ZERO {
            return M::ZERO;
        }
        self.shares = self.shares + sold;
        self.rescue_shares = self.rescue_shares + sold;
        self.shares_sold_this_month = self.shares_sold_this_month + sold;
        let raised = if sold == wanted { -self.cash } else { sold * price };
        self.receive(raised);
        sold
    }
}
