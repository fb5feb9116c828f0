//! Properties of the model, stated as a finance reader would (issue 4, "Tests").
//!
//! CI runs modest case counts (set per block below). The long run:
//! `PROPTEST_CASES=1000000 CARGO_TARGET_DIR=target/model cargo test --release --test model_properties`

use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement};
use debt_or_dilution::model::convertible::ConversionTerms;
use debt_or_dilution::model::market::MarketPath;
use debt_or_dilution::model::money::{Exact, Money};
use debt_or_dilution::model::montecarlo::run_path;
use debt_or_dilution::model::simulate::{run_on_path, simulate, Outcomes};
use proptest::prelude::*;

fn settlement() -> impl Strategy<Value = Settlement> {
    prop_oneof![Just(Settlement::Physical), Just(Settlement::NetShare), Just(Settlement::Cash)]
}

/// Conversion terms within the calculator's ranges and a share price at settlement.
fn conversion_case() -> impl Strategy<Value = (f64, f64, f64, f64, f64, f64, Settlement)> {
    // (principal, reference, premium, cap premium above premium, shares before, price, settlement)
    (1e6..1e10f64, 0.1..1000.0f64, 0.05..1.0f64, 0.01..1.0f64, 1e6..1e10f64, 0.01..5000.0f64, settlement())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases().max(64)))]

    /// Conversion dilution — new shares over all shares — is never negative and never 100%.
    #[test]
    fn conversion_dilution_is_a_fraction((principal, reference, premium, extra, before, price, mode) in conversion_case(), capped in any::<bool>()) {
        let cap = capped.then(|| Exact::from_f64(premium + extra));
        let terms = ConversionTerms::new(Exact::from_f64(principal), Exact::from_f64(reference), Exact::from_f64(premium), cap);
        let price = Exact::from_f64(price);
        if price > terms.conversion_price {
            let s = terms.settle(Exact::from_f64(principal), price, mode);
            let before = Exact::from_f64(before);
            let dilution = s.net_shares / (before + s.net_shares);
            prop_assert!(dilution >= Exact::ZERO && dilution < Exact::ONE, "dilution {dilution}");
        }
    }

    /// A capped call never increases the shares issued on conversion.
    #[test]
    fn a_capped_call_never_adds_dilution((principal, reference, premium, extra, _before, price, mode) in conversion_case()) {
        let f = Exact::from_f64(principal);
        let plain = ConversionTerms::new(f, Exact::from_f64(reference), Exact::from_f64(premium), None);
        let capped = ConversionTerms::new(f, Exact::from_f64(reference), Exact::from_f64(premium), Some(Exact::from_f64(premium + extra)));
        let price = Exact::from_f64(price);
        if price > plain.conversion_price {
            prop_assert!(capped.settle(f, price, mode).net_shares <= plain.settle(f, price, mode).net_shares);
        }
    }
}

/// A 24-month hashprice path (and a non-negative lift for every month after closing).
fn hashprice_paths() -> impl Strategy<Value = (f64, Vec<f64>, Vec<f64>)> {
    (5.0..400.0f64, proptest::collection::vec(2.0..400.0f64, 24), proptest::collection::vec(0.0..100.0f64, 24))
}

fn loan_scenario(recourse: bool, covenant: f64, cash: f64) -> Assumptions {
    Assumptions { recourse, loan_to_value_covenant_pct: covenant, cash_usd: cash, horizon_months: 24, ..Assumptions::default() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases().clamp(32, 1 << 20) / 2))]

    /// With the hashprice at closing and the pledged fleet fixed, a path with a higher
    /// hashprice in every later month never makes the loan default earlier.
    ///
    /// Without the loan-to-value covenant only: with it, a lower early hashprice makes the
    /// company cure (pay the loan down) while the machines still cover the loan, and a higher one
    /// postpones that cure to a month when they no longer do, so walking away can come first
    /// (a 52% covenant, hashprice $329 then $166 in month 3: the higher path defaults in month 3,
    /// the lower in month 4). That is what a covenant does, not a fault of the rule.
    #[test]
    fn higher_hashprice_never_brings_default_forward(
        (closing, lower, lift) in hashprice_paths(),
        recourse in any::<bool>(),
        covenant in Just(0.0),
        cash in 0.0..5e8f64,
    ) {
        let a = loan_scenario(recourse, covenant, cash);
        let higher: Vec<f64> = lower.iter().zip(&lift).map(|(l, d)| l + d).collect();
        let low = run_on_path(&a, MarketPath::from_hashprices(closing, &lower, 91_000.0));
        let high = run_on_path(&a, MarketPath::from_hashprices(closing, &higher, 91_000.0));
        prop_assert_eq!(low.outcomes.loan.outcome.pledged_ph, high.outcomes.loan.outcome.pledged_ph);
        let month = |m: Option<u32>| m.unwrap_or(u32::MAX);
        prop_assert!(
            month(high.outcomes.loan.outcome.default_month) >= month(low.outcomes.loan.outcome.default_month),
            "higher path defaults in {:?}, lower in {:?}", high.outcomes.loan.outcome.default_month, low.outcomes.loan.outcome.default_month
        );
    }

    /// With the issuer call and the holder put off, on the same path, a higher conversion
    /// premium never issues more shares on conversion. (Between K and the cap both issue
    /// exactly F / S, so equality is compared to a hundredth of a share: decimal rounding.)
    #[test]
    fn a_higher_premium_never_issues_more_shares(
        low in 5.0..100.0f64, raise in 0.0..50.0f64, drift in -50.0..80.0f64,
        mode in settlement(), cap in prop_oneof![Just(0.0), 101.0..150.0f64],
    ) {
        let base = Assumptions {
            path: PathKind::Trend, btc_drift_pct: drift, maturity_months: 24, horizon_months: 24,
            call_start_month: 0, put_month: 0, settlement: mode, cap_pct: cap, ..Assumptions::default()
        };
        let high_premium = (low + raise).min(100.0);
        let shares = |premium: f64| {
            let s = simulate(&Assumptions { premium_pct: premium, ..base.clone() });
            s.outcomes.convertible.outcome.conversion.map_or(Exact::ZERO, |c| c.net_shares)
        };
        prop_assert!(shares(high_premium) <= shares(low) + Exact::from_f64(0.01));
    }
}

/// A scenario with its main levers drawn from the calculator's ranges.
fn scenario() -> impl Strategy<Value = Assumptions> {
    (
        (10.0..200.0f64, 10.0..60.0f64, 20.0..120.0f64, 0.0..10.0f64, 0.0..1e9f64),
        (1e7..3e9f64, 0.0..100.0f64, 0.0..20.0f64, 6u32..60, 30.0..100.0f64, prop_oneof![Just(0.0), 50.0..150.0f64]),
        (any::<bool>(), 0.0..8.0f64, 12u32..96, 5.0..90.0f64, prop_oneof![Just(0.0), 95.0..150.0f64], settlement()),
        (-50.0..50.0f64, -20.0..50.0f64, 0.0..2.5f64, 0.0..60.0f64, 0.0..15.0f64, any::<bool>()),
    )
        .prop_map(|((hashprice, efficiency, power, opex, cash), (principal, hpc, hpc_weight, term, ltv, covenant), (recourse, coupon, maturity, premium, cap, mode), (drift, growth, beta, build, secured, halving))| {
            Assumptions {
                hashprice_usd_per_ph_day: hashprice, efficiency_j_per_th: efficiency, power_usd_per_mwh: power,
                other_opex_usd_per_ph_day: opex, cash_usd: cash, principal_usd: principal, hpc_share_pct: hpc,
                hpc_weight_pct: hpc_weight, loan_term_months: term, loan_to_value_pct: ltv,
                loan_to_value_covenant_pct: covenant, recourse, coupon_pct: coupon, maturity_months: maturity,
                premium_pct: premium, cap_pct: cap, settlement: mode, btc_drift_pct: drift, network_growth_pct: growth,
                share_beta: beta, build_months: build.round() as u32, secured_coupon_pct: secured, halving,
                ..Assumptions::default()
            }
            .sanitized()
            .0
        })
}

fn same_money(got: f64, want: f64) -> bool {
    // docs/model.md, "Validation cases", V10: ±$0.01 (or 1e-12 of amounts beyond $10bn, where f64 cannot hold cents).
    (got - want).abs() <= 0.01f64.max(want.abs() * 1e-12)
}

fn compare(exact: &Outcomes<Exact>, fast: &Outcomes<f64>) -> Result<(), String> {
    let money = [
        ("loan cash", exact.loan.end.cash.to_f64(), fast.loan.end.cash),
        ("loan NAV", exact.loan.end.net_asset_value.to_f64(), fast.loan.end.net_asset_value),
        ("loan interest", exact.loan.outcome.interest_paid.to_f64(), fast.loan.outcome.interest_paid),
        ("loan deficiency", exact.loan.outcome.deficiency.to_f64(), fast.loan.outcome.deficiency),
        ("convertible cash", exact.convertible.end.cash.to_f64(), fast.convertible.end.cash),
        ("convertible wall", exact.convertible.outcome.refinancing_wall.to_f64(), fast.convertible.outcome.refinancing_wall),
        ("convertible coupons", exact.convertible.outcome.coupons_paid.to_f64(), fast.convertible.outcome.coupons_paid),
        ("secured cash", exact.secured.end.cash.to_f64(), fast.secured.end.cash),
        ("secured interest", exact.secured.outcome.interest_paid.to_f64(), fast.secured.outcome.interest_paid),
        ("secured equity value", exact.secured.end.equity_value.to_f64(), fast.secured.end.equity_value),
    ];
    for (name, want, got) in money {
        if !same_money(got, want) {
            return Err(format!("{name}: exact {want}, Monte Carlo {got}"));
        }
    }
    let ratios = [
        ("loan ownership", exact.loan.end.ownership_retained.to_f64(), fast.loan.end.ownership_retained),
        ("convertible dilution", exact.convertible.end.dilution_total.to_f64(), fast.convertible.end.dilution_total),
        ("secured dilution", exact.secured.end.dilution_total.to_f64(), fast.secured.end.dilution_total),
    ];
    for (name, want, got) in ratios {
        // Relative 1e-9, and 1e-12 absolute near zero: the f64 path can end a month a fraction
        // of a cent short where the exact one breaks even, and sells a millionth of a share for it.
        if (got - want).abs() > (1e-9 * want.abs()).max(1e-12) {
            return Err(format!("{name}: exact {want}, Monte Carlo {got}"));
        }
    }
    if exact.loan.outcome.default_month != fast.loan.outcome.default_month {
        return Err("loan default month differs".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases().clamp(32, 1 << 20) / 2))]

    /// Each month, under every structure, the change in company cash equals the cash received
    /// less the cash paid.
    #[test]
    fn cash_changes_by_inflows_less_outflows(a in scenario()) {
        let s = simulate(&a);
        for (name, series) in [("loan", &s.outcomes.loan.series), ("convertible", &s.outcomes.convertible.series), ("secured", &s.outcomes.secured.series)] {
            for t in 1..series.cash.len() {
                let change = series.cash[t] - series.cash[t - 1];
                let flows = series.inflow[t] - series.outflow[t];
                let scale = series.inflow[t].abs().max(series.outflow[t].abs()).max(1.0);
                prop_assert!((change - flows).abs() <= 1e-9 * scale, "{name} month {t}: change {change}, flows {flows}");
            }
        }
    }

    /// Monte Carlo with zero volatility is the deterministic run (docs/model.md, "Validation cases", V10).
    #[test]
    fn monte_carlo_without_volatility_is_the_deterministic_run(a in scenario(), index in 0u64..1000) {
        let a = Assumptions { path: PathKind::MonteCarlo, btc_volatility_pct: 0.0, network_volatility_pct: 0.0, monte_carlo_paths: 100, ..a };
        let exact = simulate(&Assumptions { path: PathKind::Trend, ..a.clone() });
        let (_, fast) = run_path(&exact.assumptions, index);
        prop_assert!(compare(&exact.outcomes, &fast).is_ok(), "{:?}", compare(&exact.outcomes, &fast));
    }
}
