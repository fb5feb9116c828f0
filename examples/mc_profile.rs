//! A Monte Carlo run to profile on the host (issue 8): `cargo build --profile bench --example
//! mc_profile`, then `valgrind --tool=callgrind target/release/examples/mc_profile 10000`
//! (instruction counts are reproducible on a busy machine, unlike timings). Same scenario as
//! `cargo bench --bench model` and examples/mc_bench.rs: default assumptions, 72 months.

use debt_or_dilution::model::assumptions::{Assumptions, PathKind};
use debt_or_dilution::model::montecarlo::run_monte_carlo;

fn main() {
    let paths: u32 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let a = Assumptions { path: PathKind::MonteCarlo, monte_carlo_paths: paths, horizon_months: 72, ..Assumptions::default() };
    let (a, _) = a.sanitized();
    println!("P(loan default) = {}", run_monte_carlo(&a).loan_default_probability);
}
