//! docs/model.md, "Validation cases" V10 and V11: Monte Carlo against the deterministic run and a closed form.

mod common;
use common::table::{f, Table};
use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement};
use debt_or_dilution::model::montecarlo::run_monte_carlo;
use debt_or_dilution::model::simulate::simulate;

const MONEY: f64 = 0.01;


#[test]
fn v10_monte_carlo_without_volatility_is_the_deterministic_run() {
    use debt_or_dilution::model::montecarlo::run_path;
    let mut t = Table::default();
    for (case, a) in [
        ("V10 defaults", Assumptions::default()),
        ("V10 AI pivot shape", Assumptions { principal_usd: 1e9, hpc_share_pct: 100.0, hpc_weight_pct: 40.0, loan_to_value_pct: 60.0, loan_term_months: 36, ..Assumptions::default() }),
        ("V10 recourse, coupon, net share", Assumptions { recourse: true, coupon_pct: 3.5, settlement: Settlement::NetShare, btc_drift_pct: 40.0, ..Assumptions::default() }),
    ] {
        let a = Assumptions { path: PathKind::MonteCarlo, btc_volatility_pct: 0.0, network_volatility_pct: 0.0, monte_carlo_paths: 100, ..a };
        let exact = simulate(&a).outcomes;
        let (_, fast) = run_path(&simulate(&a).assumptions, 3);
        let pairs = [
            ("loan cash", f(exact.loan.end.cash), fast.loan.end.cash),
            ("loan NAV", f(exact.loan.end.net_asset_value), fast.loan.end.net_asset_value),
            ("loan interest", f(exact.loan.outcome.interest_paid), fast.loan.outcome.interest_paid),
            ("loan deficiency", f(exact.loan.outcome.deficiency), fast.loan.outcome.deficiency),
            ("loan equity value", f(exact.loan.end.equity_value), fast.loan.end.equity_value),
            ("convertible cash", f(exact.convertible.end.cash), fast.convertible.end.cash),
            ("convertible NAV", f(exact.convertible.end.net_asset_value), fast.convertible.end.net_asset_value),
            ("convertible coupons", f(exact.convertible.outcome.coupons_paid), fast.convertible.outcome.coupons_paid),
            ("convertible wall", f(exact.convertible.outcome.refinancing_wall), fast.convertible.outcome.refinancing_wall),
            ("convertible equity value", f(exact.convertible.end.equity_value), fast.convertible.end.equity_value),
            ("secured cash", f(exact.secured.end.cash), fast.secured.end.cash),
            ("secured interest", f(exact.secured.outcome.interest_paid), fast.secured.outcome.interest_paid),
            ("secured equity value", f(exact.secured.end.equity_value), fast.secured.end.equity_value),
            ("convertible shares", f(exact.convertible.end.shares), fast.convertible.end.shares),
            ("HPC NOI", f(exact.hpc_noi_total), fast.hpc_noi_total),
        ];
        for (name, want, got) in pairs {
            t.check(&format!("{case}: {name}"), got, want, MONEY);
        }
        let ratios = [
            ("loan ownership", f(exact.loan.end.ownership_retained), fast.loan.end.ownership_retained),
            ("convertible dilution", f(exact.convertible.end.dilution_total), fast.convertible.end.dilution_total),
            ("convertible conversion dilution", f(exact.convertible.outcome.dilution_conversion), fast.convertible.outcome.dilution_conversion),
            ("secured ownership", f(exact.secured.end.ownership_retained), fast.secured.end.ownership_retained),
            ("loan min DSCR", exact.loan.outcome.min_debt_service_coverage.map_or(0.0, f), fast.loan.outcome.min_debt_service_coverage.unwrap_or(0.0)),
        ];
        for (name, want, got) in ratios {
            t.check(&format!("{case}: {name}"), got, want, 1e-9 * want.abs().max(1e-12));
        }
        t.check_eq(&format!("{case}: loan default month"), fast.loan.outcome.default_month, exact.loan.outcome.default_month);
        t.check_eq(&format!("{case}: secured default month"), fast.secured.outcome.default_month, exact.secured.outcome.default_month);
        t.check_eq(&format!("{case}: event"), fast.convertible.outcome.event, exact.convertible.outcome.event);
    }
    t.finish();
}

/// V11: P(S_T > K) from 20,000 paths within 3σ (0.0086) of the closed form 0.202932. A
/// single seeded run, not a property.
#[test]
fn v11_conversion_probability_matches_the_closed_form() {
    let a = Assumptions {
        path: PathKind::MonteCarlo,
        monte_carlo_paths: 20_000,
        seed: 42,
        hpc_weight_pct: 0.0,
        btc_drift_pct: 0.0,
        btc_volatility_pct: 55.0,
        share_beta: 1.5,
        maturity_months: 72,
        horizon_months: 72,
        premium_pct: 37.5,
        call_start_month: 0,
        put_month: 0,
        ..Assumptions::default()
    };
    let (a, fixes) = a.sanitized();
    assert!(fixes.is_empty(), "{fixes:?}");
    let summary = run_monte_carlo(&a);
    let p = summary.conversion_probability;
    assert!((p - 0.202932).abs() <= 0.0086, "V11 P(convert) = {p}, want 0.202932 ± 0.0086");
}
