//! The browser half of `make bench` (issue 8): the model's [`run_monte_carlo`], compiled for
//! wasm32 with the app's release profile and loaded in a blank page, so the browser's Monte
//! Carlo time is measured without adding an export to the shipped bundle. It runs the same
//! scenario as `cargo bench --bench model` (default assumptions, 72 months). On the host this
//! example is an empty library. Besides `monte_carlo`, it exports `draw_paths` and `normals`,
//! the two floors of a run (paths alone, shocks alone), to time by hand, e.g. in node after
//! `wasm-bindgen --target nodejs`: `require('./mc_bench.js').normals(10000, 72)`.

#[cfg(target_arch = "wasm32")]
mod browser {
    use debt_or_dilution::model::assumptions::{Assumptions, PathKind, DEFAULT_SEED};
    use debt_or_dilution::model::market::{Drivers, MarketPath};
    use debt_or_dilution::model::montecarlo::{draw_path, path_rng, run_monte_carlo};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Runs `paths` Monte Carlo paths over `months` months, all three structures, in one go;
    /// returns the loan's default probability (so the work cannot be optimised away).
    #[wasm_bindgen]
    pub fn monte_carlo(paths: u32, months: u32) -> f64 {
        let a = Assumptions { path: PathKind::MonteCarlo, monte_carlo_paths: paths, horizon_months: months, ..Assumptions::default() };
        let (a, _) = a.sanitized();
        run_monte_carlo(&a).loan_default_probability
    }

    /// The paths alone (shocks and market, no structures): what drawing costs in wasm, like
    /// `cargo bench --bench model`'s "drawing" line. Returns the last hashprice.
    #[wasm_bindgen]
    pub fn draw_paths(paths: u32, months: u32) -> f64 {
        let a = Assumptions { path: PathKind::MonteCarlo, monte_carlo_paths: paths, horizon_months: months, ..Assumptions::default() };
        let (a, _) = a.sanitized();
        let drivers = Drivers::from_assumptions(&a);
        let rewards = drivers.block_rewards();
        let (mut shocks, mut path) = ((Vec::new(), Vec::new()), MarketPath::default());
        for index in 0..paths as u64 {
            draw_path(&drivers, &rewards, a.seed, index, &mut shocks, &mut path);
        }
        path.hashprice.last().copied().unwrap_or(0.0)
    }

    /// The shocks alone: a stream per path and 2 × `months` standard normals from each,
    /// the random-number floor of a run. Returns their sum.
    #[wasm_bindgen]
    pub fn normals(paths: u32, months: u32) -> f64 {
        let mut sum = 0.0;
        for index in 0..paths as u64 {
            let mut rng = path_rng(DEFAULT_SEED, index);
            for _ in 0..2 * months {
                let z = rng.normal();
                sum += z;
            }
        }
        sum
    }
}
