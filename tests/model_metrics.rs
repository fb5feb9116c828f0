//! The `data-metric` contract (issue 5): every listed name is produced, values follow the
//! `data-value` rules, a set of URLs exercises every outcome (payment and covenant default,
//! conversion, a wall filled with rescue equity, a structure C default, Monte Carlo) so every
//! metric is non-empty at least once, and the host binary prints the same values.

use debt_or_dilution::model::metrics::{metric_names, metrics};
use debt_or_dilution::model::query::parse_query;
use debt_or_dilution::model::simulate::simulate;
use std::collections::BTreeMap;

const ISSUE_5_NAMES: &[&str] = &[
    "breakeven-hashprice", "breakeven-hashprice-cash", "loan-min-dscr", "loan-default-month", "loan-seized-ph",
    "loan-deficiency", "loan-interest-paid", "loan-equity-value", "convert-conversion-price", "convert-conversion-rate",
    "convert-shares-issued", "convert-dilution-reported", "convert-dilution", "convert-dilution-total",
    "convert-refinancing-wall", "convert-coupons-paid", "convert-equity-value", "secured-interest-paid",
    "secured-default-month", "hpc-noi-total", "loan-ownership-retained", "convert-ownership-retained",
    "secured-ownership-retained", "loan-dilution-total", "secured-dilution-total", "secured-equity-value",
    "mc-default-probability", "mc-dilution-median", "mc-dilution-p90",
];

/// The URL set, shared with the browser test: (what it shows, query).
fn urls() -> Vec<(&'static str, &'static str)> {
    include_str!("fixtures/calculator_urls.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

#[test]
fn every_issue_5_name_is_produced() {
    let names = metric_names();
    let missing: Vec<_> = ISSUE_5_NAMES.iter().filter(|n| !names.contains(n)).collect();
    assert!(missing.is_empty(), "missing metrics: {missing:?}");
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "duplicate metric names");
}

#[test]
fn breakeven_is_24_at_20_j_per_th_and_50_per_mwh() {
    let s = simulate(&parse_query("efficiency=20&power=50").0);
    let m: BTreeMap<_, _> = metrics(&s).into_iter().map(|m| (m.name, m.value)).collect();
    assert_eq!(m["breakeven-hashprice"], "24.00");
    assert_eq!(m["breakeven-hashprice-cash"], "28.21");
}

#[test]
fn the_url_set_fills_every_metric_and_values_are_raw_numbers() {
    let mut seen: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut failures = Vec::new();
    for (case, query) in urls() {
        let (a, notices) = parse_query(query);
        if !notices.is_empty() {
            failures.push(format!("{case}: notices {notices:?}"));
        }
        for m in metrics(&simulate(&a)) {
            let raw = !m.value.contains(',') && !m.value.contains(' ') && m.value.parse::<f64>().is_ok_and(f64::is_finite);
            if !m.value.is_empty() {
                if !raw {
                    failures.push(format!("{case}: {} = {:?} is not a raw number", m.name, m.value));
                }
                seen.entry(m.name).or_default().push(case);
            }
        }
    }
    for name in metric_names() {
        if !seen.contains_key(name) {
            failures.push(format!("{name} is empty in every URL of the set"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_url_set_shows_each_failure_mode() {
    use debt_or_dilution::model::loan::LoanDefault;
    let urls = urls();
    let run = |i: usize| simulate(&parse_query(urls[i].1).0);
    assert_eq!(run(2).outcomes.loan.outcome.default_cause, Some(LoanDefault::Payment), "{}", urls[2].0);
    assert!(run(2).outcomes.convertible.outcome.conversion.is_some(), "{}", urls[2].0);
    assert_eq!(run(3).outcomes.loan.outcome.default_cause, Some(LoanDefault::Covenant), "{}", urls[3].0);
    let wall = run(4);
    assert!(wall.outcomes.convertible.outcome.refinancing_wall.0 > 0.into() && wall.outcomes.convertible.end.rescue_shares.0 > 0.into(), "{}", urls[4].0);
    assert!(run(5).outcomes.secured.outcome.default_month.is_some(), "{}", urls[5].0);
    // Rows found by name, so adding rows never shifts them.
    let named = |prefix: &str| {
        let (name, query) = urls.iter().find(|(n, _)| n.starts_with(prefix)).unwrap_or_else(|| panic!("no URL named {prefix}..."));
        (*name, simulate(&parse_query(query).0))
    };
    let (name, v5) = named("V5-like");
    let b = &v5.outcomes.convertible;
    assert!(b.outcome.conversion.is_none() && b.outcome.refinancing_wall.0 > 0.into() && b.end.rescue_shares.0 > 0.into(), "{name}");
    let (name, v4) = named("V4-like: net share");
    let b = &v4.outcomes.convertible;
    assert!(b.outcome.conversion.is_some() && b.outcome.principal_paid_cash.0 > 0.into(), "{name}: net share pays principal in cash");
}

#[test]
fn the_scenario_binary_prints_the_same_values() {
    let query = "premium=40&share_price=10&cap=abc";
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_scenario")).arg(query).output().expect("run scenario");
    assert!(output.status.success());
    let json = String::from_utf8_lossy(&output.stdout);
    for m in metrics(&simulate(&parse_query(query).0)) {
        let expected = if m.value.is_empty() { format!("\"{}\": null", m.name) } else { format!("\"{}\": \"{}\"", m.name, m.value) };
        assert!(json.contains(&expected), "{expected} not in\n{json}");
    }
    assert!(json.contains("cap: \\\"abc\\\" is not a valid value; using 100"), "{json}");
}

#[test]
fn ownership_curve_marks_conversion_and_cap() {
    let s = simulate(&parse_query("premium=40&share_price=10&cap=100&shares=400000000").0);
    let curve = s.ownership_curve(40.0, 401);
    let at = |price: f64| curve.iter().find(|(p, _)| (p - price).abs() < 1e-9).map(|(_, o)| *o).unwrap_or(f64::NAN);
    assert_eq!(at(14.0), 1.0, "no shares at or below K");
    // Between K and the cap physical settlement issues F / S shares.
    let expected = 400e6 / (400e6 + 250e6 / 17.0);
    assert!((at(17.0) - expected).abs() < 1e-12, "{}", at(17.0));
    assert!(at(40.0) < at(20.0), "above the cap dilution rises again");
}
