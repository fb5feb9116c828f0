//! Structure A, the 2021-style ASIC-backed loan (docs/model.md, "Structure A: the machine-backed
//! loan"): amortisation, debt service coverage, LTV covenant with cure and re-amortisation,
//! payment and covenant default, repossession with haircut, recourse or not, closing fee.
//!
//! Written once over [`Money`]: exact in the deterministic run, `f64` in Monte Carlo.

use super::company::Company;
use super::month::MonthMarket;
use super::rates::payment;
use super::terms::Terms;
use super::money::{Money, RATE_DECIMALS};

/// Why the loan defaulted (docs/model.md, "Structure A: the machine-backed loan").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoanDefault {
    /// The obligor's pool could not pay what was due.
    Payment,
    /// LTV above the covenant and the pool could not pay the cure.
    Covenant,
}

/// Why the company sold the pledged machines to repay the loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaleReason {
    /// The machines had stood idle `sell_after` months: the rule for all the company's machines.
    Idle,
    /// The company's cash could not cover the subsidiary's shortfall.
    CashShort,
}

/// What happened to the loan.
#[derive(Clone, Debug, PartialEq)]
pub struct LoanOutcome<M> {
    pub default_month: Option<u32>,
    pub default_cause: Option<LoanDefault>,
    pub repaid_month: Option<u32>,
    /// PMT at closing.
    pub payment_at_closing: M,
    /// LTV at closing: the one asked for when the fleet can secure the loan, else what the
    /// whole fleet (with what the loan buys) gives, F / (H × v_0 × 1000).
    pub loan_to_value_at_closing: M,
    /// Whether the fleet can secure the loan at the loan-to-value asked for. A loan it cannot
    /// secure is not available on these terms: it is neither made nor capped (a smaller loan
    /// would break "the same principal under every structure"), and it stays out of every
    /// comparison.
    pub available: bool,
    pub pledged_ph: M,
    /// Lowest monthly DSCR while the loan was live (None if it never ran a month).
    pub min_debt_service_coverage: Option<M>,
    pub seized_ph: M,
    pub seized_machines: M,
    pub recovery: M,
    /// Claim minus recovery: the lender's loss (non-recourse) or the company's bill (recourse).
    pub deficiency: M,
    /// What a seizure or a sale of the collateral left above the claim, returned to the company.
    pub surplus: M,
    /// The subsidiary's cash the lender took with the machines in a non-recourse default.
    pub cash_taken: M,
    pub interest_paid: M,
    pub debt_service_paid: M,
    pub cures_paid: M,
    /// Cash the parent paid into the SPV to cover its shortfalls (non-recourse).
    pub support_paid: M,
    /// The month the parent sold the pledged machines and repaid the loan, and how many PH/s.
    pub sold_month: Option<u32>,
    pub sold_ph: M,
    pub sale_reason: Option<SaleReason>,
}

/// The loan while it runs.
#[derive(Clone, Debug)]
pub struct Loan<M> {
    pub balance: M,
    pub spv_cash: M,
    pub pledged_ph: M,
    scheduled_payment: M,
    live: bool,
    pub outcome: LoanOutcome<M>,
}

/// One month's coverage and value, for the charts.
#[derive(Clone, Copy, Debug)]
pub struct LoanMonth<M> {
    pub debt_service_coverage: Option<M>,
    pub collateral_value: M,
    pub loan_to_value: Option<M>,
}

impl<M: Money> Loan<M> {
    /// Closing (t = 0; docs/model.md, "Structure A: the machine-backed loan"): D = F, pledge `F / (LTV0 × v_0 × 1000)` of the fleet
    /// after the raise, SPV reserve out of company cash. When the fleet is too small for that
    /// pledge the loan is not made: the company keeps its pre-raise state ([`Company::without_raise`]).
    pub fn open(terms: &Terms<M>, company: &mut Company<M>, machine_value_at_closing_per_th: M) -> Self {
        let principal = terms.principal;
        let per_ph = machine_value_at_closing_per_th * M::from_int(1000);
        let wanted = principal.checked_ratio(terms.loan_to_value * per_ph).unwrap_or(company.fleet_ph);
        let wanted = wanted.rounded(RATE_DECIMALS);
        let available = wanted <= company.fleet_ph && wanted > M::ZERO;
        // When the fleet covers the pledge the LTV is the one asked for (not its value
        // recomputed from the rounded pledge); otherwise the whole fleet's.
        let loan_to_value_at_closing =
            if available { terms.loan_to_value } else { principal.checked_ratio(company.fleet_ph * per_ph).unwrap_or(M::ZERO) };
        let pledged_ph = if available { wanted } else { M::ZERO };
        if available {
            company.cash = company.cash - terms.spv_reserve;
        } else {
            *company = Company::without_raise(terms);
        }
        let scheduled_payment = if available { terms.loan_payment_at_closing } else { M::ZERO };
        Loan {
            balance: if available { principal } else { M::ZERO },
            spv_cash: if available { terms.spv_reserve } else { M::ZERO },
            pledged_ph,
            scheduled_payment,
            live: available,
            outcome: LoanOutcome {
                default_month: None,
                default_cause: None,
                repaid_month: None,
                payment_at_closing: scheduled_payment,
                loan_to_value_at_closing,
                available,
                pledged_ph,
                min_debt_service_coverage: None,
                seized_ph: M::ZERO,
                seized_machines: M::ZERO,
                recovery: M::ZERO,
                deficiency: M::ZERO,
                surplus: M::ZERO,
                cash_taken: M::ZERO,
                interest_paid: M::ZERO,
                debt_service_paid: M::ZERO,
                cures_paid: M::ZERO,
                support_paid: M::ZERO,
                sold_month: None,
                sold_ph: M::ZERO,
                sale_reason: None,
            },
        }
    }

    pub fn is_live(&self) -> bool {
        self.live
    }

    /// Month `t`, including the company's operations (docs/model.md, "Structure A: the machine-backed loan").
    ///
    /// Non-recourse, the SPV pays from its own cash and the pledged machines' margin. When that
    /// falls short of what is due (a payment, or a covenant cure) the parent decides
    /// ([`Loan::shortfall`]): it supports the SPV from its cash while the collateral covers the
    /// loan, sells the collateral and repays when the machines no longer earn their keep or its
    /// cash runs short, and walks away only when the collateral is worth less than the loan.
    /// With recourse the loan is the company's own debt: it pays from company cash and, when
    /// that is short, new shares ([`Company::can_pay`]); when it cannot, the lender takes the
    /// machines and the rest stays owed.
    pub fn month(&mut self, t: u32, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) -> LoanMonth<M> {
        let mut report = LoanMonth { debt_service_coverage: None, collateral_value: M::ZERO, loan_to_value: None };
        if !self.live {
            company.operate(company.fleet_ph, market, terms);
            return report;
        }
        let monthly = terms.loan_rate_monthly;
        let pledged_margin = market.mining_margin(self.pledged_ph);
        let company_ocf = company.operating_cash_flow(market, terms);
        let interest = self.balance * monthly;
        let accrued = self.balance + interest;
        let due = if t <= terms.loan_interest_only_months { interest } else { self.scheduled_payment.min_of(accrued) };
        let coverage_cash = if terms.recourse { company_ocf } else { pledged_margin };
        let coverage = coverage_cash.checked_ratio(due);
        report.debt_service_coverage = coverage;
        if let Some(c) = coverage {
            let lowest = self.outcome.min_debt_service_coverage.map_or(c, |m| m.min_of(c));
            self.outcome.min_debt_service_coverage = Some(lowest);
        }
        // Credit the month's operations: the pledged machines' margin to the SPV when
        // non-recourse, everything to the company when recourse.
        if terms.recourse {
            company.operate(company.fleet_ph, market, terms);
        } else {
            company.operate(company.fleet_ph - self.pledged_ph, market, terms);
            self.spv_cash = self.spv_cash + pledged_margin;
        }
        let collateral = market.machine_value_per_th() * M::from_int(1000) * self.pledged_ph;
        report.collateral_value = collateral;
        if market.sell_idle(terms) {
            // The pledged machines have stood idle as long as any machine of the company's
            // before it is sold: the borrower sells them and repays, or walks away from a loan
            // they no longer cover (R6 applies to every machine, R1 decides how).
            self.idle_exit(t, accrued, interest, collateral, market, company, terms);
            return report;
        }
        if !terms.recourse && self.spv_cash < due {
            let short = due - self.spv_cash;
            if !self.shortfall(t, short, accrued, interest, collateral, LoanDefault::Payment, market, company, terms) {
                return report;
            }
        }
        if terms.recourse && !company.can_pay(due, market, terms) {
            self.default(t, LoanDefault::Payment, accrued, collateral, company, terms);
            return report;
        }
        if terms.recourse {
            company.pay(due);
        } else {
            self.spv_cash = self.spv_cash - due;
        }
        self.balance = accrued - due;
        self.outcome.interest_paid = self.outcome.interest_paid + interest;
        self.outcome.debt_service_paid = self.outcome.debt_service_paid + due;
        let tiny = M::from_f64(1e-6);
        report.loan_to_value = self.balance.checked_ratio(collateral);
        if let Some(covenant) = terms.loan_to_value_covenant {
            if self.balance > tiny && self.balance > covenant * collateral {
                let cure = self.balance - covenant * collateral;
                if !terms.recourse && self.spv_cash < cure {
                    let short = cure - self.spv_cash;
                    let claim = self.balance;
                    if !self.shortfall(t, short, claim, M::ZERO, collateral, LoanDefault::Covenant, market, company, terms) {
                        return report;
                    }
                }
                if terms.recourse && !company.can_pay(cure, market, terms) {
                    let claim = self.balance;
                    self.default(t, LoanDefault::Covenant, claim, collateral, company, terms);
                    return report;
                }
                if terms.recourse { company.pay(cure) } else { self.spv_cash = self.spv_cash - cure }
                self.balance = self.balance - cure;
                self.outcome.cures_paid = self.outcome.cures_paid + cure;
                // Re-amortise over the months left (docs/model.md, "Structure A: the machine-backed loan").
                let left = terms.loan_term_months as i64 - t as i64;
                let io_left = (terms.loan_interest_only_months as i64 - t as i64).max(0);
                self.scheduled_payment = payment(self.balance, terms.loan_rate, left - io_left);
                report.loan_to_value = self.balance.checked_ratio(collateral);
            }
        }
        if self.balance <= tiny {
            // Repaid: the SPV's cash and machines go back to the company.
            self.balance = M::ZERO;
            let released = self.spv_cash;
            company.receive(released);
            self.spv_cash = M::ZERO;
            self.pledged_ph = M::ZERO;
            self.live = false;
            self.outcome.repaid_month = Some(t);
        }
        report
    }

    /// The parent's choice when the SPV is `short` of what is due (R1). `claim` is what the
    /// lender is owed now (with this month's `interest`, which a sale pays). Returns whether the
    /// loan carries on (the parent paid the shortfall into the SPV).
    ///
    /// - The collateral, with the SPV's cash, covers the claim, counted at the better of what it
    ///   fetches (market less the haircut) and what it earns (value in use): the owners have
    ///   equity in it. The parent pays the shortfall from its cash, not from new shares; it
    ///   sells the collateral and repays instead when the machines have stood idle long enough
    ///   to be sold (`sell_after`, the rule for all of the company's machines) or its cash
    ///   cannot cover the shortfall, if the sale covers the claim. The surplus of the sale is
    ///   the company's.
    /// - Otherwise the parent walks away: the lender takes the machines and the SPV's cash, and
    ///   a non-recourse lender bears the rest.
    ///
    /// With `support` off the SPV stands alone: every shortfall is a default.
    #[allow(clippy::too_many_arguments)]
    fn shortfall(
        &mut self,
        t: u32,
        short: M,
        claim: M,
        interest: M,
        collateral: M,
        cause: LoanDefault,
        market: &MonthMarket<M>,
        company: &mut Company<M>,
        terms: &Terms<M>,
    ) -> bool {
        let cash = self.spv_cash.positive_part();
        let sale = collateral * (M::ONE - terms.haircut) + cash;
        // What the machines are worth to the owners if they keep them: their margin over their
        // remaining life. A parent keeps paying for machines that earn more than the loan even
        // when a forced sale would fetch less.
        let kept = market.value_in_use_per_ph(terms) * self.pledged_ph + cash;
        if !terms.parent_support || sale.max_of(kept) < claim {
            self.default(t, cause, claim, collateral, company, terms);
            return false;
        }
        let reason = if market.sell_idle(terms) {
            Some(SaleReason::Idle)
        } else if company.cash < short {
            Some(SaleReason::CashShort)
        } else {
            None
        };
        if let Some(reason) = reason {
            // A sale that does not cover the claim is no way out: the parent walks away.
            if sale < claim {
                self.default(t, cause, claim, collateral, company, terms);
                return false;
            }
            self.outcome.sale_reason = Some(reason);
            self.sell(t, claim, interest, collateral, company, terms);
            return false;
        }
        company.pay(short);
        self.spv_cash = self.spv_cash + short;
        self.outcome.support_paid = self.outcome.support_paid + short;
        true
    }

    /// The pledged machines have stood idle long enough to be sold. Without recourse the
    /// parent sells them and repays when they cover the loan (and it supports the subsidiary),
    /// and walks away otherwise. With recourse it sells them and pays the rest of the loan
    /// itself, or defaults when it cannot.
    #[allow(clippy::too_many_arguments)]
    fn idle_exit(&mut self, t: u32, claim: M, interest: M, collateral: M, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) {
        let proceeds = collateral * (M::ONE - terms.haircut);
        let covered = proceeds + self.spv_cash.positive_part() >= claim;
        let pays = if terms.recourse { company.can_pay(claim - proceeds, market, terms) || covered } else { terms.parent_support && covered };
        if pays {
            self.outcome.sale_reason = Some(SaleReason::Idle);
            self.sell(t, claim, interest, collateral, company, terms);
        } else {
            self.default(t, LoanDefault::Payment, claim, collateral, company, terms);
        }
    }

    /// The parent sells the pledged machines (at market less the haircut), the lender is repaid
    /// `claim` in full, and the rest is the company's.
    fn sell(&mut self, t: u32, claim: M, interest: M, collateral: M, company: &mut Company<M>, terms: &Terms<M>) {
        let proceeds = collateral * (M::ONE - terms.haircut);
        let surplus = proceeds + self.spv_cash - claim;
        company.receive(surplus);
        company.fleet_ph = (company.fleet_ph - self.pledged_ph).positive_part();
        let o = &mut self.outcome;
        o.sold_month = Some(t);
        o.repaid_month = Some(t);
        o.sold_ph = self.pledged_ph;
        o.surplus = surplus;
        o.interest_paid = o.interest_paid + interest;
        o.debt_service_paid = o.debt_service_paid + claim;
        self.pledged_ph = M::ZERO;
        self.balance = M::ZERO;
        self.spv_cash = M::ZERO;
        self.live = false;
    }

    /// Repossession (docs/model.md, "Structure A: the machine-backed loan"): the lender takes the pledged machines and any positive
    /// SPV cash; the surplus returns to the company; with recourse the company pays the
    /// deficiency.
    fn default(&mut self, t: u32, cause: LoanDefault, claim: M, collateral: M, company: &mut Company<M>, terms: &Terms<M>) {
        let spv_available = if terms.recourse { M::ZERO } else { self.spv_cash.positive_part() };
        let realised = collateral * (M::ONE - terms.haircut) + spv_available;
        let recovery = claim.min_of(realised);
        let surplus = (realised - claim).positive_part();
        let deficiency = claim - recovery;
        company.receive(surplus);
        if terms.recourse {
            // The company owes the rest: a claim that stays alive ahead of its shareholders.
            company.owe_after_default(deficiency);
        }
        let o = &mut self.outcome;
        o.default_month = Some(t);
        o.default_cause = Some(cause);
        o.seized_ph = self.pledged_ph;
        o.seized_machines = (self.pledged_ph * M::from_int(1000)).checked_ratio(terms.th_per_machine).unwrap_or(M::ZERO);
        o.recovery = recovery;
        o.deficiency = deficiency;
        o.surplus = surplus;
        o.cash_taken = spv_available;
        company.fleet_ph = (company.fleet_ph - self.pledged_ph).positive_part();
        self.pledged_ph = M::ZERO;
        self.balance = M::ZERO;
        self.spv_cash = M::ZERO;
        self.live = false;
    }

    /// What the loan leaves in the company's end state: `(ring_fenced, pledged_ph, debt)` for
    /// [`super::end_state::EndState::new`]. A live non-recourse loan sits in its subsidiary:
    /// the owners hold its cash and machines (at value in use) less the balance, never below
    /// zero. A live recourse loan is the company's own debt.
    pub fn end_values(&self, last: &MonthMarket<M>, terms: &Terms<M>) -> (M, M, M) {
        if !self.live {
            return (M::ZERO, M::ZERO, M::ZERO);
        }
        if terms.recourse {
            return (M::ZERO, M::ZERO, self.balance);
        }
        let held = self.spv_cash + last.value_in_use_per_ph(terms) * self.pledged_ph - self.balance;
        (held.positive_part(), self.pledged_ph, M::ZERO)
    }

    /// The hashprice at which the pledged fleet's margin just covers the closing payment
    /// (DSCR = 1, docs/model.md, "Structure A: the machine-backed loan"): `HP* = (PMT / (H_pledged × d) + o) / u + e × 24 × c`.
    pub fn breakeven_hashprice(&self, terms: &Terms<M>) -> Option<M> {
        let per_ph_day = self.outcome.payment_at_closing.checked_ratio(self.outcome.pledged_ph * terms.days_per_month)?;
        let power = terms.efficiency_j_per_th * M::from_int(24) * terms.power_usd_per_kwh;
        Some((per_ph_day + terms.other_opex_usd_per_ph_day).checked_ratio(terms.uptime)? + power)
    }
}
