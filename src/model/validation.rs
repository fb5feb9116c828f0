//! Validation of [`Assumptions`] (docs/model.md, "Inputs"): typed errors that name the field by
//! its query name, and sanitizing — NaN and infinities to the default, out-of-range values
//! to the nearest bound, then the cross-field rules (the cap price must exceed the
//! conversion price, interest-only months must be fewer than the term, the proceeds cannot
//! be spent twice). Nothing here panics.

use super::assumptions::{Assumptions, EARLIEST_START, LATEST_START};
use super::fields::FIELDS;
use crate::data::calendar::YearMonth;
use std::fmt;

impl Assumptions {
    /// Every problem with these assumptions, each naming its field; empty when valid.
    pub fn validate(&self) -> Result<(), Vec<AssumptionError>> {
        let mut errors = Vec::new();
        for f in FIELDS {
            let value = (f.get)(self);
            if !value.is_finite() {
                errors.push(AssumptionError::NotFinite { field: f.query });
            } else if !f.accepts(value) {
                errors.push(AssumptionError::OutOfRange { field: f.query, value, min: f.min, max: f.max });
            }
        }
        if self.start < EARLIEST_START || self.start > LATEST_START {
            errors.push(AssumptionError::StartOutOfRange { start: self.start });
        }
        errors.extend(self.cross_field_errors());
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    fn cross_field_errors(&self) -> Vec<AssumptionError> {
        let mut errors = Vec::new();
        if self.has_capped_call() && self.cap_pct <= self.premium_pct {
            errors.push(AssumptionError::CapNotAboveConversionPrice { cap_pct: self.cap_pct, premium_pct: self.premium_pct });
        }
        if self.loan_interest_only_months >= self.loan_term_months {
            errors.push(AssumptionError::InterestOnlyNotShorterThanTerm {
                interest_only_months: self.loan_interest_only_months,
                term_months: self.loan_term_months,
            });
        }
        if self.hpc_share_pct + self.proceeds_cash_pct > 100.0 {
            errors.push(AssumptionError::ProceedsOverAllocated { hpc_pct: self.hpc_share_pct, cash_pct: self.proceeds_cash_pct });
        }
        errors
    }

    /// A runnable copy: non-finite numbers become the default, out-of-range ones the nearest
    /// bound, then cross-field rules are enforced. Each change is returned as a [`Fix`].
    pub fn sanitized(&self) -> (Assumptions, Vec<Fix>) {
        let mut a = self.clone();
        let mut fixes = Vec::new();
        for f in FIELDS {
            let value = (f.get)(&a);
            match f.clamp(value) {
                Some(v) if v == value => {}
                Some(v) => {
                    (f.set)(&mut a, v);
                    fixes.push(Fix { field: f.query, reason: FixReason::Clamped, used: v });
                }
                None => {
                    (f.set)(&mut a, f.default);
                    fixes.push(Fix { field: f.query, reason: FixReason::NotFinite, used: f.default });
                }
            }
        }
        a.start = a.start.clamp(EARLIEST_START, LATEST_START);
        a.enforce_cross_field(&mut fixes);
        (a, fixes)
    }

    /// Cross-field rules, applied after each field is in range.
    pub(crate) fn enforce_cross_field(&mut self, fixes: &mut Vec<Fix>) {
        if self.has_capped_call() && self.cap_pct <= self.premium_pct {
            // No cap above the conversion price: the capped call would be worthless.
            self.cap_pct = 0.0;
            fixes.push(Fix { field: "cap", reason: FixReason::CapNotAbovePremium, used: 0.0 });
        }
        if self.loan_interest_only_months >= self.loan_term_months {
            self.loan_interest_only_months = self.loan_term_months.saturating_sub(1);
            fixes.push(Fix { field: "loan_io", reason: FixReason::InterestOnlyTooLong, used: self.loan_interest_only_months as f64 });
        }
        if self.hpc_share_pct + self.proceeds_cash_pct > 100.0 {
            self.proceeds_cash_pct = 100.0 - self.hpc_share_pct;
            fixes.push(Fix { field: "proceeds_cash", reason: FixReason::ProceedsOverAllocated, used: self.proceeds_cash_pct });
        }
    }
}

/// A value [`Assumptions::sanitized`] changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// The query name of the field.
    pub field: &'static str,
    pub reason: FixReason,
    /// The stored value now used.
    pub used: f64,
}

/// Why a value was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixReason {
    /// NaN or infinite: the default is used.
    NotFinite,
    /// Outside the field's range: the nearest bound is used.
    Clamped,
    /// The cap was at or below the premium: the capped call is turned off.
    CapNotAbovePremium,
    /// Interest-only months reached the term: shortened to term − 1.
    InterestOnlyTooLong,
    /// HPC share plus cash held exceeded 100%: the cash share is reduced.
    ProceedsOverAllocated,
}

/// A problem with an input, naming the field by its query name.
#[derive(Clone, Debug, PartialEq)]
pub enum AssumptionError {
    /// NaN or infinite.
    NotFinite { field: &'static str },
    /// Outside the field's range.
    OutOfRange { field: &'static str, value: f64, min: f64, max: f64 },
    /// `start` before the data or too far ahead.
    StartOutOfRange { start: YearMonth },
    /// The capped call's cap must be above the conversion price (`cap` > `premium`).
    CapNotAboveConversionPrice { cap_pct: f64, premium_pct: f64 },
    /// `loan_io` must be shorter than `loan_term`.
    InterestOnlyNotShorterThanTerm { interest_only_months: u32, term_months: u32 },
    /// `hpc_share` + `proceeds_cash` must not exceed 100%.
    ProceedsOverAllocated { hpc_pct: f64, cash_pct: f64 },
}

impl AssumptionError {
    /// The query name of the field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            AssumptionError::NotFinite { field } | AssumptionError::OutOfRange { field, .. } => field,
            AssumptionError::StartOutOfRange { .. } => "start",
            AssumptionError::CapNotAboveConversionPrice { .. } => "cap",
            AssumptionError::InterestOnlyNotShorterThanTerm { .. } => "loan_io",
            AssumptionError::ProceedsOverAllocated { .. } => "proceeds_cash",
        }
    }
}

impl fmt::Display for AssumptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssumptionError::NotFinite { field } => write!(f, "{field} is not a finite number"),
            AssumptionError::OutOfRange { field, value, min, max } => {
                write!(f, "{field} = {value} is outside {min}..{max}")
            }
            AssumptionError::StartOutOfRange { start } => {
                write!(f, "start = {start} is outside {EARLIEST_START}..{LATEST_START}")
            }
            AssumptionError::CapNotAboveConversionPrice { cap_pct, premium_pct } => {
                write!(f, "cap = {cap_pct}% must exceed the premium of {premium_pct}%")
            }
            AssumptionError::InterestOnlyNotShorterThanTerm { interest_only_months, term_months } => {
                write!(f, "loan_io = {interest_only_months} months must be shorter than loan_term = {term_months}")
            }
            AssumptionError::ProceedsOverAllocated { hpc_pct, cash_pct } => {
                write!(f, "hpc_share {hpc_pct}% + proceeds_cash {cash_pct}% exceed 100%")
            }
        }
    }
}

impl std::error::Error for AssumptionError {}

