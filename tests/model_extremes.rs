//! No input can make the model panic or print a non-finite number (issue 4, "Inputs"):
//! every field at its minimum together, at its maximum together, alternating, and hostile
//! values (NaN, infinities, 1e308, negatives) everywhere at once, under every path and
//! settlement.

use debt_or_dilution::data::calendar::YearMonth;
use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement, WallPolicy};
use debt_or_dilution::model::fields::FIELDS;
use debt_or_dilution::model::metrics::metrics;
use debt_or_dilution::model::money::Money;
use debt_or_dilution::model::simulate::{simulate, Scenario};

/// Every field from `pick(index, min, max)`.
fn with_fields(pick: impl Fn(usize, f64, f64) -> f64) -> Assumptions {
    let mut a = Assumptions::default();
    for (i, spec) in FIELDS.iter().enumerate() {
        (spec.set)(&mut a, pick(i, spec.min, spec.max));
    }
    a
}

fn problems(name: &str, s: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    for m in metrics(s) {
        if !m.value.is_empty() && !m.value.parse::<f64>().is_ok_and(f64::is_finite) {
            out.push(format!("{name}: metric {} = {:?}", m.name, m.value));
        }
    }
    let o = &s.outcomes;
    for (structure, end) in [("loan", &o.loan.end), ("convertible", &o.convertible.end), ("secured", &o.secured.end)] {
        for (what, v) in [("cash", end.cash), ("NAV", end.net_asset_value), ("shares", end.shares), ("equity value", end.equity_value)] {
            if !v.to_f64().is_finite() {
                out.push(format!("{name}: {structure} {what} not finite"));
            }
        }
    }
    for (structure, series) in [("loan", &o.loan.series), ("convertible", &o.convertible.series), ("secured", &o.secured.series)] {
        if series.cash.iter().chain(&series.debt).chain(&series.shares).any(|v| !v.is_finite()) {
            out.push(format!("{name}: {structure} series not finite"));
        }
    }
    for (what, series) in [("hashprice", &s.market.hashprice), ("BTC", &s.market.btc_price_usd), ("share price", &s.market.share_price_usd)] {
        if series.iter().any(|v| !v.is_finite()) {
            out.push(format!("{name}: {what} path not finite"));
        }
    }
    if let Some(mc) = &s.monte_carlo {
        if !mc.dilution_total.p90.is_finite() || !mc.loan_default_probability.is_finite() {
            out.push(format!("{name}: Monte Carlo summary not finite"));
        }
    }
    out
}

#[test]
fn extremes_run_without_panics_or_non_finite_values() {
    let corners = [
        ("all minimums", with_fields(|_, min, _| min)),
        ("all maximums", with_fields(|_, _, max| max)),
        ("alternating min/max", with_fields(|i, min, max| if i % 2 == 0 { min } else { max })),
        ("alternating max/min", with_fields(|i, min, max| if i % 2 == 0 { max } else { min })),
        ("all zero", with_fields(|_, _, _| 0.0)),
    ];
    let mut failures = Vec::new();
    for (name, corner) in corners {
        for path in PathKind::ALL {
            for (settlement, wall) in [(Settlement::Physical, WallPolicy::Equity), (Settlement::NetShare, WallPolicy::Default), (Settlement::Cash, WallPolicy::Equity)] {
                for start in [YearMonth { year: 2021, month: 1 }, YearMonth { year: 2035, month: 12 }] {
                    let mut a = Assumptions { path, settlement, wall_policy: wall, start, ..corner.clone() };
                    // The full 20,000-path maximum once; 100 paths elsewhere keeps CI fast.
                    let full = name == "all maximums" && settlement == Settlement::Physical && start.year == 2021;
                    if path == PathKind::MonteCarlo && !full {
                        a.monte_carlo_paths = 100;
                    }
                    let case = format!("{name}, {path:?}, {settlement:?}, {wall:?}, start {start}");
                    let s = simulate(&a);
                    failures.extend(problems(&case, &s));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hostile_values_everywhere_are_sanitized() {
    let mut failures = Vec::new();
    for (name, value) in [("NaN", f64::NAN), ("+inf", f64::INFINITY), ("-inf", f64::NEG_INFINITY), ("1e308", 1e308), ("-1e308", -1e308), ("-1", -1.0), ("tiny", 1e-300)] {
        for path in [PathKind::Trend, PathKind::Replay, PathKind::MonteCarlo] {
            let mut a = with_fields(|_, _, _| value);
            a.path = path;
            let (clean, _) = a.sanitized();
            if let Err(errors) = clean.validate() {
                failures.push(format!("{name}: sanitized state invalid: {errors:?}"));
            }
            if path == PathKind::MonteCarlo {
                a.monte_carlo_paths = 100;
            }
            failures.extend(problems(&format!("{name}, {path:?}"), &simulate(&a)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Any f64 at all, weighted towards the hostile ones.
    fn any_value() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(1e308),
            Just(-1e308),
            Just(0.0),
            -1e12..1e12f64,
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Every field set to anything at once: the run completes and prints finite numbers.
        #[test]
        fn any_values_simulate_without_panic(values in proptest::collection::vec(any_value(), FIELDS.len()), path in 0..4usize) {
            let mut a = with_fields(|i, _, _| values[i]);
            a.path = PathKind::ALL[path];
            if a.path == PathKind::MonteCarlo {
                a.monte_carlo_paths = 100;
            }
            let failures = problems("fuzz", &simulate(&a));
            prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
        }
    }
}
