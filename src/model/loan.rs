//! Structure A, the 2021-style ASIC-backed loan (MODEL.md §2, §4.6): amortisation, debt
//! service coverage, LTV covenant with cure and re-amortisation, payment and covenant
//! default, repossession with haircut, recourse or not, closing fee.
//!
//! Written once over [`Money`]: exact in the deterministic run, `f64` in Monte Carlo.

use super::company::{Company, MonthMarket, Terms};
use super::money::{Money, RATE_DECIMALS};

/// Level payment (MODEL.md §2.2): `PMT = D0 × r_m / (1 − (1 + r_m)^−n)`, `D0/n` at a zero
/// rate, and the whole balance with a month's interest when no months remain.
pub fn payment<M: Money>(balance: M, annual_rate: M, months: i64) -> M {
    let monthly = annual_rate / M::from_int(12);
    if months <= 0 {
        return balance * (M::ONE + monthly);
    }
    if monthly == M::ZERO {
        return balance / M::from_int(months);
    }
    let discount = (M::ONE + monthly).powi(-(months.min(i32::MAX as i64) as i32));
    let denominator = M::ONE - discount;
    balance * monthly / denominator
}

/// Why the loan defaulted (MODEL.md §2.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoanDefault {
    /// The obligor's pool could not pay what was due.
    Payment,
    /// LTV above the covenant and the pool could not pay the cure.
    Covenant,
}

/// What happened to the loan.
#[derive(Clone, Debug, PartialEq)]
pub struct LoanOutcome<M> {
    pub default_month: Option<u32>,
    pub default_cause: Option<LoanDefault>,
    pub repaid_month: Option<u32>,
    /// PMT at closing.
    pub payment_at_closing: M,
    /// LTV0_actual = F / (H_pledged × v_0 × 1000).
    pub loan_to_value_at_closing: M,
    /// The fleet could not support the LTV asked for (LTV0_actual > LTV0).
    pub under_collateralised: bool,
    pub pledged_ph: M,
    /// Lowest monthly DSCR while the loan was live (None if it never ran a month).
    pub min_debt_service_coverage: Option<M>,
    pub seized_ph: M,
    pub seized_machines: M,
    pub recovery: M,
    /// Claim minus recovery: the lender's loss (non-recourse) or the company's bill (recourse).
    pub deficiency: M,
    /// Collateral value above the claim, returned to the company.
    pub surplus: M,
    pub interest_paid: M,
    pub debt_service_paid: M,
    pub cures_paid: M,
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
    /// Closing (MODEL.md §4.6, t = 0): D = F, pledge `min(H_0, F / (LTV0 × v_0 × 1000))`,
    /// SPV reserve out of company cash.
    pub fn open(terms: &Terms<M>, company: &mut Company<M>, machine_value_at_closing_per_th: M) -> Self {
        let principal = terms.principal;
        let per_ph = machine_value_at_closing_per_th * M::from_int(1000);
        let wanted = principal.checked_ratio(terms.loan_to_value * per_ph).unwrap_or(company.fleet_ph);
        let wanted = wanted.rounded(RATE_DECIMALS);
        let pledged_ph = company.fleet_ph.min_of(wanted).positive_part();
        // When the fleet covers the pledge the LTV is the one asked for (not its value
        // recomputed from the rounded pledge).
        let loan_to_value_at_closing = if pledged_ph == wanted && pledged_ph > M::ZERO {
            terms.loan_to_value
        } else {
            principal.checked_ratio(pledged_ph * per_ph).unwrap_or(M::ZERO)
        };
        company.cash = company.cash - terms.spv_reserve;
        let scheduled_payment = terms.loan_payment_at_closing;
        Loan {
            balance: principal,
            spv_cash: terms.spv_reserve,
            pledged_ph,
            scheduled_payment,
            live: principal > M::ZERO,
            outcome: LoanOutcome {
                default_month: None,
                default_cause: None,
                repaid_month: None,
                payment_at_closing: scheduled_payment,
                loan_to_value_at_closing,
                under_collateralised: loan_to_value_at_closing > terms.loan_to_value,
                pledged_ph,
                min_debt_service_coverage: None,
                seized_ph: M::ZERO,
                seized_machines: M::ZERO,
                recovery: M::ZERO,
                deficiency: M::ZERO,
                surplus: M::ZERO,
                interest_paid: M::ZERO,
                debt_service_paid: M::ZERO,
                cures_paid: M::ZERO,
            },
        }
    }

    pub fn is_live(&self) -> bool {
        self.live
    }

    /// Month `t` (MODEL.md §4.6 steps 1-8), including the company's operations.
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
        let (pool, coverage_cash) = if terms.recourse {
            (company.cash + company_ocf, company_ocf)
        } else {
            (self.spv_cash + pledged_margin, pledged_margin)
        };
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
        if pool < due {
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
                let available = if terms.recourse { company.cash } else { self.spv_cash };
                if available >= cure {
                    if terms.recourse { company.pay(cure) } else { self.spv_cash = self.spv_cash - cure }
                    self.balance = self.balance - cure;
                    self.outcome.cures_paid = self.outcome.cures_paid + cure;
                    // Re-amortise over the months left (MODEL.md §2.4).
                    let left = terms.loan_term_months as i64 - t as i64;
                    let io_left = (terms.loan_interest_only_months as i64 - t as i64).max(0);
                    self.scheduled_payment = payment(self.balance, terms.loan_rate, left - io_left);
                    report.loan_to_value = self.balance.checked_ratio(collateral);
                } else {
                    let claim = self.balance;
                    self.default(t, LoanDefault::Covenant, claim, collateral, company, terms);
                    return report;
                }
            }
        }
        if self.balance <= tiny {
            // Repaid: the SPV's cash goes back to the company.
            self.balance = M::ZERO;
            let released = self.spv_cash;
            company.receive(released);
            self.spv_cash = M::ZERO;
            self.live = false;
            self.outcome.repaid_month = Some(t);
        }
        report
    }

    /// Repossession (MODEL.md §2.5): the lender takes the pledged machines and any positive
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
            company.pay(deficiency);
        }
        let o = &mut self.outcome;
        o.default_month = Some(t);
        o.default_cause = Some(cause);
        o.seized_ph = self.pledged_ph;
        o.seized_machines = (self.pledged_ph * M::from_int(1000)).checked_ratio(terms.th_per_machine).unwrap_or(M::ZERO);
        o.recovery = recovery;
        o.deficiency = deficiency;
        o.surplus = surplus;
        company.fleet_ph = (company.fleet_ph - self.pledged_ph).positive_part();
        self.pledged_ph = M::ZERO;
        self.balance = M::ZERO;
        self.spv_cash = M::ZERO;
        self.live = false;
    }

    /// The hashprice at which the pledged fleet's margin just covers the closing payment
    /// (DSCR = 1, MODEL.md §2.2): `HP* = (PMT / (H_pledged × d) + o) / u + e × 24 × c`.
    pub fn breakeven_hashprice(&self, terms: &Terms<M>) -> Option<M> {
        let per_ph_day = self.outcome.payment_at_closing.checked_ratio(self.outcome.pledged_ph * terms.days_per_month)?;
        let power = terms.efficiency_j_per_th * M::from_int(24) * terms.power_usd_per_kwh;
        Some((per_ph_day + terms.other_opex_usd_per_ph_day).checked_ratio(terms.uptime)? + power)
    }
}
