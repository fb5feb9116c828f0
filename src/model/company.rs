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

use super::assumptions::WallPolicy;
use super::month::MonthMarket;
use super::money::{Money, RATE_DECIMALS};
use super::terms::Terms;

/// The cost of a default, as a share of what it leaves unpaid: studies of US firms in financial
/// distress put its direct and indirect costs at 10-20% of firm value (Andrade and Kaplan,
/// 1998); the model takes the low end, on the unpaid claim.
pub const DISTRESS_COST: f64 = 0.10;

/// Notes the company sold to refinance a wall: plain senior notes at `refi_coupon`, paid
/// semi-annually from the month of issue, due `REFINANCING_TERM_MONTHS` later.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Refinancing<M> {
    pub balance: M,
    pub issued_month: u32,
    pub last_coupon_month: u32,
    pub maturity_month: u32,
}

/// Principal falling due: how much, and in how many months (the sooner, when two are).
#[derive(Clone, Copy, Debug)]
pub struct Due<M> {
    pub amount: M,
    pub months_left: u32,
}

impl<M: Money> Due<M> {
    /// Nothing due.
    pub fn none() -> Self {
        Due { amount: M::ZERO, months_left: u32::MAX }
    }

    /// Both of two amounts due, by the sooner date.
    pub fn and(self, other: Due<M>) -> Self {
        Due { amount: self.amount + other.amount, months_left: self.months_left.min(other.months_left) }
    }
}

/// How far ahead a company sees a wall coming and starts selling shares to meet it: a year,
/// the usual span of the at-the-market share programs miners run.
pub const PREFUND_MONTHS: u32 = 12;

/// The term of refinancing notes: five years, the usual tenor of the notes that refinanced
/// miners' converts in 2024-25.
pub const REFINANCING_TERM_MONTHS: u32 = 60;

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
    /// Claims a default left unpaid: they stay owed, ahead of the shareholders, and accrue
    /// interest ([`Company::open_month`]).
    pub unpaid_claims: M,
    /// Notes outstanding from a refinancing, if any.
    pub refinancing: Option<Refinancing<M>>,
    /// Principal raised by refinancing over the run, and the month of a default on it.
    pub refinanced: M,
    pub refinancing_default_month: Option<u32>,
    /// PH/s sold after standing idle, and what they fetched.
    pub sold_ph: M,
    pub sale_proceeds: M,
    /// Cash received this month (revenue, NOI, releases, new shares).
    pub inflow: M,
    /// Cash paid this month (operating costs, debt service, principal).
    pub outflow: M,
}

impl<M: Money> Company<M> {
    /// The company at t = 0 after deploying the proceeds (docs/model.md, "The data center"): new machines at
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
            refinancing: None,
            refinanced: M::ZERO,
            refinancing_default_month: None,
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

    /// Starts a month's ledger. Claims a default left unpaid grow by a month's interest at
    /// `refi_coupon`, what the market charges the company for money: a default does not make
    /// a debt cheaper than refinancing it.
    pub fn open_month(&mut self, terms: &Terms<M>) {
        if self.unpaid_claims > M::ZERO {
            self.unpaid_claims = self.unpaid_claims * (M::ONE + terms.refinancing_coupon / M::from_int(12));
        }
        self.inflow = M::ZERO;
        self.outflow = M::ZERO;
        self.shares_sold_this_month = M::ZERO;
    }

    /// This month's data-center income, for the share the company owns.
    pub fn hpc_noi(&self, market: &MonthMarket<M>) -> M {
        if self.hpc_fraction == M::ZERO { M::ZERO } else { market.hpc_noi * self.hpc_fraction }
    }

    /// Operating cash flow of the fleet `fleet_ph` (the part the company keeps) plus HPC NOI
    /// less G&A: revenue in, costs out (docs/model.md, "Mining").
    pub fn operate(&mut self, fleet_ph: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let noi = self.hpc_noi(market);
        self.receive(fleet_ph * market.revenue_per_ph + noi);
        self.pay(fleet_ph * market.cost_per_ph + terms.overhead_usd_per_month);
    }

    /// OCF_t of the whole company (docs/model.md, "Mining").
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

    /// Refinancing (R10): at a wall, the market lends the company up to `amount` in new notes
    /// when refinancing is on (`refi_max` > 0), the company has no refinancing outstanding and
    /// is not in default: at most `refi_max` of its equity market value (share price × shares)
    /// or, for secured notes, what their collateral fetches (`secured_by`, at market less the
    /// haircut). A wall larger than that is refinanced in part, and the rest follows the wall
    /// policy. The notes' cash is received now. Returns the amount refinanced.
    pub fn refinance(&mut self, t: u32, amount: M, secured_by: M, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        let Some(limit) = terms.refinance_limit else { return M::ZERO };
        if amount <= M::ZERO || self.refinancing.is_some() || self.unpaid_claims > M::ZERO {
            return M::ZERO;
        }
        let market_value = market.share_price() * self.shares;
        let lent = amount.min_of((limit * market_value).max_of(secured_by).positive_part());
        if lent <= M::ZERO {
            return M::ZERO;
        }
        self.refinancing =
            Some(Refinancing { balance: lent, issued_month: t, last_coupon_month: t, maturity_month: t + REFINANCING_TERM_MONTHS });
        self.refinanced = self.refinanced + lent;
        self.receive(lent);
        lent
    }

    /// Month `t` of any refinancing notes: the coupon every six months from issue, and the
    /// principal at maturity, refinanced again where the market allows, else paid from cash and
    /// new shares. What the company cannot pay is a default, and stays owed.
    pub fn service_refinancing(&mut self, t: u32, market: &MonthMarket<M>, terms: &Terms<M>) {
        let Some(mut notes) = self.refinancing else { return };
        let due_coupon = (t - notes.issued_month).is_multiple_of(6) || t == notes.maturity_month;
        if !due_coupon || t == notes.issued_month {
            return;
        }
        let months = M::from_int((t - notes.last_coupon_month) as i64);
        let coupon = notes.balance * terms.refinancing_coupon * months / M::from_int(12);
        let principal = if t == notes.maturity_month { notes.balance } else { M::ZERO };
        self.refinancing = None;
        if principal > M::ZERO {
            let wall = (principal + coupon - self.cash.positive_part()).positive_part();
            self.refinance(t, wall, M::ZERO, market, terms);
        }
        let due = coupon + principal;
        if !self.can_pay(due, market, terms) {
            self.owe_after_default(notes.balance + coupon);
            self.refinancing_default_month = Some(t);
            return;
        }
        self.pay(due);
        if principal == M::ZERO {
            notes.last_coupon_month = t;
            self.refinancing = Some(notes);
        }
    }

    /// What the company owes on refinancing notes.
    pub fn refinancing_balance(&self) -> M {
        self.refinancing.map_or(M::ZERO, |n| n.balance)
    }

    /// A default leaves `amount` unpaid: it stays owed, ahead of the shareholders, and the
    /// restructuring adds [`DISTRESS_COST`] of it (advisers, lawyers, and the discount the
    /// company's dealings carry while in default), so defaulting never costs owners less than
    /// paying would have.
    pub fn owe_after_default(&mut self, amount: M) {
        if amount > M::ZERO {
            self.unpaid_claims = self.unpaid_claims + amount * (M::ONE + M::from_f64(DISTRESS_COST));
        }
    }

    /// Claims a default left unpaid are due at once: whatever cash the company has at a month's
    /// end goes to them, so they stop growing as soon as it can pay.
    pub fn pay_claims_from_cash(&mut self) {
        let paid = self.unpaid_claims.min_of(self.cash.positive_part());
        if paid > M::ZERO {
            self.pay(paid);
            self.unpaid_claims = self.unpaid_claims - paid;
        }
    }

    /// New shares (the one rule): negative cash at month end is filled by selling shares at
    /// [`Company::share_sale_price`], up to this month's limit. Returns the shares sold.
    pub fn rescue(&mut self, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        if self.cash >= M::ZERO {
            return M::ZERO;
        }
        self.sell_shares_for(-self.cash, market, terms)
    }

    /// Pre-funding (the one rule, ahead of a wall): `due` falls due within
    /// [`PREFUND_MONTHS`] and the company's cash, with what the market would lend against it
    /// now (up to `refi_max` of its market value, or `secured_by`, what collateral fetches), falls
    /// short. With the `equity` wall policy and a monthly limit on share sales, it sells shares
    /// ahead of the wall rather than all at once at it, where one month's limit could not fill
    /// it: this month, its share of the gap over the months left, within the limit. The gap
    /// counts the cash the company expects to earn before the wall at this month's rate, and it
    /// is measured again each month, so the company sells no more than what remains.
    pub fn prefund(&mut self, due: Due<M>, secured_by: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let Due { amount: due, months_left } = due;
        if due <= M::ZERO || terms.wall_policy != WallPolicy::Equity || terms.rescue_limit.is_none() {
            return;
        }
        let lendable = match terms.refinance_limit {
            Some(limit) if self.refinancing.is_none() && self.unpaid_claims == M::ZERO => {
                (limit * market.share_price() * self.shares).max_of(secured_by)
            }
            _ => M::ZERO,
        };
        // What the company expects to earn before then: this month's operating cash flow
        // (mining margin and data-center income less overhead) in each month left, if positive.
        let months = M::from_int(i64::from(months_left.max(1)));
        let earned = self.operating_cash_flow(market, terms).positive_part() * months;
        let gap = due - self.cash.positive_part() - lendable - earned;
        if gap > M::ZERO {
            self.sell_shares_for(gap / months, market, terms);
        }
    }

    /// Sells new shares at [`Company::share_sale_price`] to raise `amount`, within this month's
    /// limit. Returns the shares sold.
    fn sell_shares_for(&mut self, amount: M, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        let price = Company::share_sale_price(market, terms);
        let Some(wanted) = amount.checked_ratio(price) else { return M::ZERO };
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
        let raised = if sold == wanted { amount } else { sold * price };
        self.receive(raised);
        sold
    }

    /// Refinancing notes that fall due within `months` after `t`: their balance and the months
    /// until then, else [`Due::none`].
    pub fn refinancing_due_within(&self, t: u32, months: u32) -> Due<M> {
        match self.refinancing {
            Some(n) if n.maturity_month > t && n.maturity_month <= t + months => Due { amount: n.balance, months_left: n.maturity_month - t },
            _ => Due::none(),
        }
    }
}
