//! Model timings (issue 4, "Exactness and speed"): one deterministic run of all three
//! structures over 72 months (target ≤ 50 µs) and 10,000 Monte Carlo paths × 72 months
//! (target ≤ 20 ms), single-threaded, on the host. A benchmark, not a timed test:
//! `cargo bench --bench model`.

use debt_or_dilution::model::assumptions::{Assumptions, PathKind};
use debt_or_dilution::model::market::{deterministic_path, Drivers, MarketPath};
use debt_or_dilution::model::money::Exact;
use debt_or_dilution::model::montecarlo::{draw_path, run_monte_carlo};
use debt_or_dilution::model::simulate::{hpc_plan, run_structures, simulate};
use std::hint::black_box;
use std::time::Instant;

fn time<T>(label: &str, iterations: u32, mut f: impl FnMut() -> T) -> f64 {
    // Warm up, then report the median of `iterations` timed runs.
    for _ in 0..iterations.min(10) {
        black_box(f());
    }
    let mut samples: Vec<f64> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    let median = samples[samples.len() / 2];
    let (value, unit) = if median < 1e-3 { (median * 1e6, "µs") } else { (median * 1e3, "ms") };
    println!("{label:<58} median {value:>9.2} {unit}  (min {:.2e} s, {iterations} runs)", samples[0]);
    median
}

fn main() {
    let a = Assumptions { horizon_months: 72, ..Assumptions::default() };
    let (a, _) = a.sanitized();
    let path = deterministic_path(&a);
    let hpc = hpc_plan(&a);
    let structures = time("deterministic: 3 structures x 72 months (Decimal)", 2_000, || {
        run_structures::<Exact>(&a, &hpc, &path, true)
    });
    time("deterministic: 3 structures x 72 months (Decimal, no series)", 2_000, || {
        run_structures::<Exact>(&a, &hpc, &path, false)
    });
    time("deterministic: path + structures + series (simulate)", 1_000, || simulate(&a));
    time("deterministic: 3 structures x 72 months (f64, one MC path)", 2_000, || {
        run_structures::<f64>(&a, &hpc, &path, false)
    });
    let mc = Assumptions { path: PathKind::MonteCarlo, monte_carlo_paths: 10_000, horizon_months: 72, ..Assumptions::default() };
    let (mc, _) = mc.sanitized();
    let drivers = Drivers::from_assumptions(&mc);
    let rewards = drivers.block_rewards();
    time("Monte Carlo: drawing 10,000 paths only", 10, || {
        let mut shocks = (Vec::new(), Vec::new());
        let mut path = MarketPath::default();
        for index in 0..10_000 {
            draw_path(&drivers, &rewards, mc.seed, index, &mut shocks, &mut path);
        }
        path
    });
    let monte_carlo = time("Monte Carlo: 10,000 paths x 72 months x 3 structures", 10, || run_monte_carlo(&mc));
    // What the calculator runs by default (`paths` = 2,000), in the browser in slices.
    let (calculator, _) = Assumptions { monte_carlo_paths: 2_000, ..mc.clone() }.sanitized();
    time("Monte Carlo: 2,000 paths x 72 months (calculator default)", 10, || run_monte_carlo(&calculator));
    println!();
    println!("targets: deterministic <= 50 µs: {} ({:.1} µs)", verdict(structures <= 50e-6), structures * 1e6);
    println!("         Monte Carlo  <= 20 ms: {} ({:.1} ms)", verdict(monte_carlo <= 20e-3), monte_carlo * 1e3);
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}
