//! Table-driven checks whose failures name their row, collected so one run reports them all
//! (the rust_decimal habit in design/STYLE.md).

use debt_or_dilution::model::money::{Exact, Money};

#[derive(Default)]
pub struct Table {
    failures: Vec<String>,
}

impl Table {
    pub fn check(&mut self, case: &str, got: f64, want: f64, tolerance: f64) {
        let within = (got - want).abs() <= tolerance; // false for NaN too
        if !within {
            self.failures.push(format!("{case}: got {got}, want {want} (±{tolerance})"));
        }
    }

    pub fn check_eq<T: PartialEq + std::fmt::Debug>(&mut self, case: &str, got: T, want: T) {
        if got != want {
            self.failures.push(format!("{case}: got {got:?}, want {want:?}"));
        }
    }

    pub fn finish(self) {
        assert!(self.failures.is_empty(), "failing rows:\n{}", self.failures.join("\n"));
    }
}

/// Exact money as `f64`, for comparing with docs/model.md's printed figures.
pub fn f(x: Exact) -> f64 {
    x.to_f64()
}
