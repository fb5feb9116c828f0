//! The browser runs Monte Carlo in chunks ([`MonteCarloRun`]) that yield to the page between
//! them. The finished result must be bit-identical to the one-shot [`run_monte_carlo`],
//! whatever the chunk sizes, and the one-shot result is pinned by fingerprints, so any change
//! to what Monte Carlo computes is deliberate (the fingerprints change in the same commit as
//! the model).

use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement};
use debt_or_dilution::model::montecarlo::{run_monte_carlo, MonteCarloRun, MonteCarloSummary, Quantiles};

/// FNV-1a over the bits of every number of a summary, in field order.
fn fingerprint(s: &MonteCarloSummary) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut eat = |bits: u64| {
        for byte in bits.to_le_bytes() {
            h ^= byte as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    };
    let q = |q: &Quantiles| [q.p5, q.p25, q.p50, q.p75, q.p90, q.p95, q.mean];
    eat(s.paths as u64);
    eat(s.seed);
    eat(s.months as u64);
    let mut floats = vec![s.loan_default_probability, s.secured_default_probability, s.conversion_probability, s.wall_probability, s.loan_worse_than_convertible];
    floats.extend(&s.loan_default_by_month);
    floats.extend(&s.secured_default_by_month);
    for quantiles in [&s.wall_usd, &s.dilution_conversion, &s.dilution_total, &s.loan_equity_value, &s.convertible_equity_value, &s.secured_equity_value] {
        floats.extend(q(quantiles));
    }
    for month in &s.hashprice_by_month {
        floats.extend(q(month));
    }
    for x in floats {
        eat(x.to_bits());
    }
    for c in s.loan_default_month_counts.iter().chain(&s.dilution_total_histogram) {
        eat(*c as u64);
    }
    h
}

/// Scenarios with their recorded fingerprints.
fn cases() -> Vec<(&'static str, Assumptions, u64)> {
    let mc = |a: Assumptions| Assumptions { path: PathKind::MonteCarlo, ..a }.sanitized().0;
    vec![
        ("defaults, 2,000 paths", mc(Assumptions::default()), FINGERPRINTS[0]),
        ("story futures, 1,000 paths", mc(Assumptions { monte_carlo_paths: 1_000, principal_usd: 3e8, cash_usd: 5e7, premium_pct: 30.0, loan_to_value_pct: 60.0, loan_term_months: 36, ..Assumptions::default() }), FINGERPRINTS[1]),
        ("net share, recourse, 2,500 paths over 72 months, seed 7", mc(Assumptions { monte_carlo_paths: 2_500, horizon_months: 72, seed: 7, recourse: true, settlement: Settlement::NetShare, ..Assumptions::default() }), FINGERPRINTS[2]),
    ]
}

const FINGERPRINTS: [u64; 3] = [0xa051_540e_f608_697b, 0x980d_cb5e_0436_7590, 0xeb6b_cf2e_7205_fb1f];

#[test]
fn one_shot_run_matches_the_recorded_fingerprints() {
    let changed: Vec<String> = cases()
        .into_iter()
        .map(|(name, a, expected)| (name, fingerprint(&run_monte_carlo(&a)), expected))
        .filter(|(_, got, expected)| got != expected)
        .map(|(name, got, _)| format!("{name}: run_monte_carlo changed ({got:#018x})"))
        .collect();
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

#[test]
fn chunked_runs_finish_bit_identical_to_the_one_shot_run() {
    for (name, a, _) in cases() {
        let whole = run_monte_carlo(&a);
        let expected = fingerprint(&whole);
        for chunk in [1u32, 7, 64, 333, 1_999, u32::MAX] {
            let mut run = MonteCarloRun::new(&a);
            assert_eq!(run.paths(), whole.paths, "{name}");
            let mut steps = 0u32;
            while !run.step(chunk) {
                steps += 1;
                assert_eq!(run.done(), chunk.saturating_mul(steps), "{name}: a step of {chunk} runs {chunk} paths");
            }
            assert_eq!(run.done(), run.paths(), "{name}");
            let chunked = run.finish();
            assert_eq!(fingerprint(&chunked), expected, "{name}: chunks of {chunk}");
            assert_eq!(chunked, whole, "{name}: chunks of {chunk}");
        }
    }
}

#[test]
fn finishing_early_runs_the_remaining_paths() {
    let (_, a, _) = cases().swap_remove(1);
    let mut run = MonteCarloRun::new(&a);
    run.step(10);
    assert_eq!(run.done(), 10);
    assert!(!run.is_finished());
    assert_eq!(fingerprint(&run.finish()), fingerprint(&run_monte_carlo(&a)));
}

#[test]
fn the_cases_run_the_paths_they_name() {
    let paths: Vec<u32> = cases().iter().map(|(_, a, _)| run_monte_carlo(a).paths).collect();
    assert_eq!(paths, [2_000, 1_000, 2_500]);
}

/// Neighbouring seeds draw unrelated paths: no path of seed `s` appears among the paths of seed
/// `s + 1`, in any position (a stream per path, keyed by the seed, not `seed + index`).
#[test]
fn two_seeds_share_no_path() {
    use debt_or_dilution::model::montecarlo::path_rng;
    let draws = |seed: u64, index: u64| -> Vec<u64> {
        let mut rng = path_rng(seed, index);
        (0..24).map(|_| rng.normal().to_bits()).collect()
    };
    for seed in [0u64, 41, 42, u64::MAX - 1] {
        let first: Vec<Vec<u64>> = (0..300).map(|i| draws(seed, i)).collect();
        let second: Vec<Vec<u64>> = (0..300).map(|i| draws(seed.wrapping_add(1), i)).collect();
        for (i, path) in first.iter().enumerate() {
            assert!(!second.contains(path), "seed {seed} path {i} reappears under seed {}", seed.wrapping_add(1));
        }
        // And within a seed, no two paths are the same.
        for (i, path) in first.iter().enumerate() {
            assert!(!first[i + 1..].contains(path), "seed {seed}: path {i} repeats");
        }
    }
}
