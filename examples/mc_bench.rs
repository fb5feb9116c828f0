//! The browser half of `make bench` (issue 8): the model's [`run_monte_carlo`], compiled for
//! wasm32 with the app's release profile and loaded in a blank page, so the browser's Monte
//! Carlo time is measured without adding an export to the shipped bundle. It runs the same
//! scenario as `cargo bench --bench model` (default assumptions, 72 months). On the host this
//! example is an empty library.

#[cfg(target_arch = "wasm32")]
mod browser {
    use debt_or_dilution::model::assumptions::{Assumptions, PathKind};
    use debt_or_dilution::model::montecarlo::run_monte_carlo;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Runs `paths` Monte Carlo paths over `months` months, all three structures, in one go;
    /// returns the loan's default probability (so the work cannot be optimised away).
    #[wasm_bindgen]
    pub fn monte_carlo(paths: u32, months: u32) -> f64 {
        let a = Assumptions { path: PathKind::MonteCarlo, monte_carlo_paths: paths, horizon_months: months, ..Assumptions::default() };
        let (a, _) = a.sanitized();
        run_monte_carlo(&a).loan_default_probability
    }
}
