//! Structure C, senior notes secured on what their proceeds bought (docs/model.md, "Structure C: senior secured notes"): the
//! TeraWulf $3.2B shape.
//!
//! - Coupon (default 7.75%) paid semi-annually (months 6, 12, …), on the balance outstanding.
//! - An interest reserve of `secured_reserve` months of coupon is set aside from the proceeds
//!   (so less is built), and held as cash that pays the coupons of the build.
//! - Interest-only through the build months; after them, `secured_amort` of face (default
//!   2.5%, **an assumption**) every six months; the rest is a balloon at maturity (default
//!   60 months).
//! - The notes are the company's own debt, secured on the data center and the machines the
//!   proceeds bought. Payments follow the one rule of every obligation ([`Company::can_pay`]):
//!   cash, then new shares; what the company cannot pay is a default.
//! - On a default the holders take their collateral first (data center at book value and the
//!   machines at market, both less the haircut); the surplus over their claim is the
//!   company's, and a shortfall stays owed by the company, ahead of its shareholders.
//! - Machines sold after standing idle repay the notes with the collateral's share of the
//!   proceeds (secured notes require asset sales to pay them down).
//! - The balloon is refinanced where the market allows, then follows the wall policy, like the
//!   convertible's principal.

use super::assumptions::WallPolicy;
use super::company::{Company, Due};
use super::month::MonthMarket;
use super::money::Money;
use super::terms::Terms;

/// Why the secured notes defaulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecuredDefault {
    /// A coupon or amortisation payment the company could not pay.
    Payment,
    /// The balloon at maturity.
    Balloon,
}

/// What happened to the secured notes.
#[derive(Clone, Debug, PartialEq)]
pub struct SecuredOutcome<M> {
    pub interest_paid: M,
    pub principal_paid: M,
    pub default_month: Option<u32>,
    pub default_cause: Option<SecuredDefault>,
    pub repaid_month: Option<u32>,
    /// Balloon that cash could not cover at maturity.
    pub balloon_wall: M,
    /// The interest reserve taken from the proceeds.
    pub reserve: M,
    /// The part of the balloon refinanced with new notes.
    pub refinanced: M,
    /// Recovered by the holders from their collateral.
    pub recovery: M,
    /// What the collateral did not cover: still owed by the company.
    pub unpaid_claim: M,
    /// Repaid early from the sale of the machines the notes paid for, and when.
    pub prepaid: M,
    pub prepaid_month: Option<u32>,
}

/// The notes while outstanding.
#[derive(Clone, Debug)]
pub struct SecuredNotes<M> {
    pub balance: M,
    last_interest_month: u32,
    /// Machines the proceeds bought, pledged to the holders.
    collateral_ph: M,
    pub outcome: SecuredOutcome<M>,
}

impl<M: Money> SecuredNotes<M> {
    /// Issue: `collateral_ph` is what the proceeds bought in machines.
    pub fn issue(terms: &Terms<M>, collateral_ph: M) -> Self {
        SecuredNotes {
            balance: terms.principal,
            last_interest_month: 0,
            collateral_ph,
            outcome: SecuredOutcome {
                interest_paid: M::ZERO,
                principal_paid: M::ZERO,
                default_month: None,
                default_cause: None,
                repaid_month: None,
                balloon_wall: M::ZERO,
                reserve: terms.secured_reserve,
                refinanced: M::ZERO,
                recovery: M::ZERO,
                unpaid_claim: M::ZERO,
                prepaid: M::ZERO,
                prepaid_month: None,
            },
        }
    }

    /// Issue cost.
    pub fn fees(terms: &Terms<M>) -> M {
        terms.secured_cost * terms.principal
    }

    /// Month `t`, including the company's operations.
    pub fn month(&mut self, t: u32, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) {
        company.operate(company.fleet_ph, market, terms);
        if self.balance <= M::ZERO {
            return;
        }
        let maturity = terms.secured_term_months;
        let payment_date = t.is_multiple_of(6) || t == maturity;
        if !payment_date {
            return;
        }
        let months = M::from_int((t - self.last_interest_month) as i64);
        let interest = self.balance * terms.secured_coupon * months / M::from_int(12);
        let amortisation = if t > terms.build_months && t < maturity {
            (terms.secured_amortization * terms.principal).min_of(self.balance)
        } else {
            M::ZERO
        };
        let due = interest + amortisation;
        if !company.can_pay(due, market, terms) {
            let claim = self.balance + interest;
            self.enforce(t, SecuredDefault::Payment, claim, market, company, terms);
            return;
        }
        company.pay(due);
        self.last_interest_month = t;
        self.outcome.interest_paid = self.outcome.interest_paid + interest;
        self.outcome.principal_paid = self.outcome.principal_paid + amortisation;
        self.balance = self.balance - amortisation;
        if t == maturity {
            self.balloon(t, market, company, terms);
        } else if self.balance <= M::ZERO {
            self.outcome.repaid_month = Some(t);
        }
    }

    fn balloon(&mut self, t: u32, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) {
        let balloon = self.balance;
        if company.cash.positive_part() < balloon {
            let wall = balloon - company.cash.positive_part();
            self.outcome.balloon_wall = wall;
            self.outcome.refinanced = company.refinance(t, wall, self.collateral_value(market, company, terms), market, terms);
        }
        let available = company.cash.positive_part();
        let pays = match terms.wall_policy {
            WallPolicy::Equity => company.can_pay(balloon, market, terms),
            WallPolicy::Default => available >= balloon,
        };
        if pays {
            company.pay(balloon);
            self.outcome.principal_paid = self.outcome.principal_paid + balloon;
            self.balance = M::ZERO;
            self.outcome.repaid_month = Some(t);
        } else {
            self.enforce(t, SecuredDefault::Balloon, balloon, market, company, terms);
        }
    }

    /// The company's machines were sold after standing idle, for `proceeds` in all: the
    /// collateral's share repays the notes.
    pub fn collateral_sold(&mut self, t: u32, sold_ph: M, proceeds: M, company: &mut Company<M>) {
        if self.balance <= M::ZERO || sold_ph <= M::ZERO {
            return;
        }
        let collateral = self.collateral_ph.min_of(sold_ph);
        let prepay = (proceeds * collateral / sold_ph).min_of(self.balance);
        company.pay(prepay);
        self.balance = self.balance - prepay;
        self.outcome.principal_paid = self.outcome.principal_paid + prepay;
        if prepay > M::ZERO {
            self.outcome.prepaid = self.outcome.prepaid + prepay;
            self.outcome.prepaid_month = self.outcome.prepaid_month.or(Some(t));
        }
        self.collateral_ph = self.collateral_ph - collateral;
    }

    /// The balloon that falls due in the `months` after `t` (the balance now, before the last
    /// amortisation), with the months until then; [`Due::none`] otherwise.
    pub fn balloon_due_within(&self, t: u32, months: u32, terms: &Terms<M>) -> Due<M> {
        let m = terms.secured_term_months;
        if self.balance > M::ZERO && self.outcome.default_month.is_none() && m > t && m <= t + months {
            Due { amount: self.balance, months_left: m - t }
        } else {
            Due::none()
        }
    }

    /// What the collateral fetches now: the data center at book value and the machines the
    /// notes bought at market, less the haircut.
    pub fn collateral_value(&self, market: &MonthMarket<M>, company: &Company<M>, terms: &Terms<M>) -> M {
        let machines = self.collateral_ph.min_of(company.fleet_ph).positive_part();
        (company.hpc_fraction * terms.hpc_book_value + machines * market.machine_value_per_th() * M::from_int(1000)) * (M::ONE - terms.haircut)
    }

    /// Enforcement: the holders take the data center (book value) and the machines the
    /// proceeds bought (market price), both less the haircut; a surplus over their claim comes
    /// back to the company, and a shortfall stays owed by it.
    fn enforce(&mut self, t: u32, cause: SecuredDefault, claim: M, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) {
        let machines = self.collateral_ph.min_of(company.fleet_ph).positive_part();
        let collateral = self.collateral_value(market, company, terms);
        let recovery = claim.min_of(collateral);
        company.receive((collateral - claim).positive_part());
        company.hpc_fraction = M::ZERO;
        company.fleet_ph = company.fleet_ph - machines;
        company.owe_after_default(claim - recovery);
        self.collateral_ph = M::ZERO;
        let o = &mut self.outcome;
        o.default_month = Some(t);
        o.default_cause = Some(cause);
        o.recovery = recovery;
        o.unpaid_claim = claim - recovery;
        self.balance = M::ZERO;
    }
}
