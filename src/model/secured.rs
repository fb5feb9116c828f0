//! Structure C, senior secured notes on the data-center assets (MODEL.md §3.6, issue 4): the
//! TeraWulf $3.2B shape.
//!
//! - Coupon (default 7.75%) paid semi-annually (months 6, 12, …), on the balance outstanding.
//! - Interest-only through the build months; after them, `secured_amort` of face (default
//!   2.5%, **an assumption**) every six months; the rest is a balloon at maturity (default
//!   60 months).
//! - Obligor pool: company cash. No mark-to-market covenant.
//! - A coupon or amortisation payment that cash cannot cover is a **payment default** (no
//!   rescue equity for it): the lender takes the HPC assets (book value less the haircut)
//!   and the company's cash up to its claim; anything left of the claim is the lender's loss.
//! - The balloon follows the convertible's wall policy: rescue equity fills it, or the
//!   company defaults on what it cannot pay and the lender enforces on the collateral.

use super::assumptions::WallPolicy;
use super::company::Company;
use super::month::MonthMarket;
use super::terms::Terms;
use super::money::Money;

/// Why the secured notes defaulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecuredDefault {
    /// A coupon or amortisation payment cash could not cover.
    Payment,
    /// The balloon at maturity, under the `default` wall policy.
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
    /// Recovered by the lender from the collateral and cash.
    pub recovery: M,
    /// Claim the lender could not recover.
    pub deficiency: M,
}

/// The notes while outstanding.
#[derive(Clone, Debug)]
pub struct SecuredNotes<M> {
    pub balance: M,
    last_interest_month: u32,
    pub outcome: SecuredOutcome<M>,
}

impl<M: Money> SecuredNotes<M> {
    pub fn issue(terms: &Terms<M>) -> Self {
        SecuredNotes {
            balance: terms.principal,
            last_interest_month: 0,
            outcome: SecuredOutcome {
                interest_paid: M::ZERO,
                principal_paid: M::ZERO,
                default_month: None,
                default_cause: None,
                repaid_month: None,
                balloon_wall: M::ZERO,
                recovery: M::ZERO,
                deficiency: M::ZERO,
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
        if company.cash < due {
            let claim = self.balance + interest;
            self.enforce(t, SecuredDefault::Payment, claim, company, terms);
            return;
        }
        company.pay(due);
        self.last_interest_month = t;
        self.outcome.interest_paid = self.outcome.interest_paid + interest;
        self.outcome.principal_paid = self.outcome.principal_paid + amortisation;
        self.balance = self.balance - amortisation;
        if t == maturity {
            self.balloon(t, company, terms);
        } else if self.balance <= M::ZERO {
            self.outcome.repaid_month = Some(t);
        }
    }

    fn balloon(&mut self, t: u32, company: &mut Company<M>, terms: &Terms<M>) {
        let balloon = self.balance;
        let available = company.cash.positive_part();
        if available < balloon {
            self.outcome.balloon_wall = balloon - available;
        }
        match terms.wall_policy {
            WallPolicy::Equity => {
                company.pay(balloon);
                self.outcome.principal_paid = self.outcome.principal_paid + balloon;
                self.balance = M::ZERO;
                self.outcome.repaid_month = Some(t);
            }
            WallPolicy::Default if available < balloon => {
                self.enforce(t, SecuredDefault::Balloon, balloon, company, terms);
            }
            WallPolicy::Default => {
                company.pay(balloon);
                self.outcome.principal_paid = self.outcome.principal_paid + balloon;
                self.balance = M::ZERO;
                self.outcome.repaid_month = Some(t);
            }
        }
    }

    /// Enforcement on the collateral: HPC assets at book less the haircut first, then the
    /// company's cash; the surplus over the claim returns to the company.
    fn enforce(&mut self, t: u32, cause: SecuredDefault, claim: M, company: &mut Company<M>, terms: &Terms<M>) {
        let collateral = if company.owns_hpc { terms.hpc_book_value * (M::ONE - terms.haircut) } else { M::ZERO };
        let from_collateral = claim.min_of(collateral);
        let from_cash = (claim - from_collateral).min_of(company.cash.positive_part());
        company.pay(from_cash);
        company.receive((collateral - claim).positive_part());
        company.owns_hpc = false;
        let o = &mut self.outcome;
        o.default_month = Some(t);
        o.default_cause = Some(cause);
        o.recovery = from_collateral + from_cash;
        o.deficiency = claim - o.recovery;
        self.balance = M::ZERO;
    }
}
