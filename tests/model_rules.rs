//! The model's rules of conduct, each stated as a credit analyst would and checked with
//! hand-computed cases and properties: when a borrower supports, sells or walks away, what
//! machines are worth, what owners keep. `docs/model.md` states each rule in words.

mod common;
use common::table::{f, Table};
use debt_or_dilution::model::assumptions::{Assumptions, PathKind};
use debt_or_dilution::model::company::DISTRESS_COST;
use debt_or_dilution::model::market::MarketPath;
use debt_or_dilution::model::money::{Exact, Money};
use debt_or_dilution::model::query::parse_query;
use debt_or_dilution::model::simulate::{run_on_path, simulate};
use proptest::prelude::*;

const MONEY: f64 = 0.01;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64)
}

/// A flat market with no halving: the hashprice, and so the machines' margin and price, never
/// change, so keeping machines that earn their costs can only be worth more than losing them.
fn flat(query: &str) -> Assumptions {
    parse_query(&format!("path=flat&halving=0&{query}")).0
}

/// The support rule by hand at the defaults on a flat market: each month the parent pays the
/// subsidiary what the pledged machines' margin leaves of the payment.
#[test]
fn the_parent_pays_what_the_subsidiary_is_short() {
    let s = simulate(&flat("horizon=12"));
    let a = &s.assumptions;
    let loan = &s.outcomes.loan.outcome;
    // Margin of a running PH/s for a month: hashprice × uptime × days less power (e × u × 24 h ×
    // c) and other running costs, all × days.
    let days = a.days_per_month;
    let margin = a.hashprice_usd_per_ph_day * 0.95 * days - a.efficiency_j_per_th * 0.95 * 24.0 * a.power_usd_per_mwh / 1000.0 * days - a.other_opex_usd_per_ph_day * days;
    let pledged = f(loan.pledged_ph);
    let shortfall = f(loan.payment_at_closing) - pledged * margin;
    let mut t = Table::default();
    t.check("pledged PH/s = $250M / (70% × 300 days × $38.24)", pledged, 250e6 / (0.7 * 300.0 * 38.24), 1e-6);
    t.check("twelve months of support", f(loan.support_paid), 12.0 * shortfall, 1.0);
    t.check_eq("no default", loan.default_month, None);
    t.check_eq("no sale", loan.sold_month, None);
    t.finish();
}

/// At the defaults the subsidiary is short from month 1 while the collateral is worth far more
/// than the loan: the parent supports it rather than hand the machines over, until the machines
/// stand idle long enough to be sold, and the lender is repaid in full from the sale.
#[test]
fn at_the_defaults_the_parent_supports_then_sells_and_repays() {
    let s = simulate(&Assumptions::default());
    let o = &s.outcomes.loan.outcome;
    let mut t = Table::default();
    t.check_eq("loan available", o.available, true);
    t.check_eq("no default", o.default_month, None);
    t.check_eq("sold in the month the idle fleet is sold", o.sold_month, s.outcomes.fleet_sold_month);
    t.check_eq("support was paid", o.support_paid > Exact::ZERO, true);
    t.check_eq("the sale left a surplus", o.surplus > Exact::ZERO, true);
    t.check("lender's loss", f(o.deficiency), 0.0, MONEY);
    t.finish();
}

/// Handing the lender machines worth more than the loan is never better for the owners than
/// paying the shortfall, where the machines keep their value: on flat markets, at several
/// hashprices and sizes, the owners' value when the subsidiary is left to default (`support=0`,
/// a default with the collateral above the claim) is no higher than with the parent's support.
#[test]
fn defaulting_with_equity_is_no_better_than_curing() {
    let mut t = Table::default();
    let mut compared = 0;
    for hashprice in [33.0, 35.0, 38.24, 40.0, 42.0, 45.0, 60.0] {
        for principal in [100e6, 250e6] {
            let q = format!("hashprice={hashprice}&principal={principal}");
            let supported = simulate(&flat(&q));
            let alone = simulate(&flat(&format!("{q}&support=0")));
            let o = &alone.outcomes.loan.outcome;
            if !o.available || o.default_month.is_none() || o.surplus <= Exact::ZERO {
                continue;
            }
            compared += 1;
            let (with, without) = (f(supported.outcomes.loan.end.equity_value), f(alone.outcomes.loan.end.equity_value));
            t.check_eq(&format!("{q}: supported {with} >= left to default {without}"), with >= without, true);
        }
    }
    t.check_eq("cases where the subsidiary alone defaults with equity", compared >= 5, true);
    t.finish();
}

/// A 24-month hashprice path.
fn hashprice_path() -> impl Strategy<Value = (f64, Vec<f64>)> {
    (20.0..200.0f64, proptest::collection::vec(5.0..200.0f64, 24))
}

/// A default never leaves owners better off than paying: the convertible's unpaid principal
/// stays owed with the cost of the default, and takes the company's cash (the case a credit
/// analyst found, where defaulting at the wall beat refinancing it).
#[test]
fn defaulting_at_the_wall_costs_owners_more_than_refinancing() {
    let refinanced = simulate(&parse_query("deal=CIFR-2025-09&wall=default").0);
    let defaulted = simulate(&parse_query("deal=CIFR-2025-09&wall=default&refi_max=0").0);
    let mut t = Table::default();
    t.check_eq("refinanced: no default", refinanced.outcomes.convertible.outcome.default_month, None);
    t.check_eq("without refinancing: a default at the put", defaulted.outcomes.convertible.outcome.default_month, Some(49));
    t.check_eq(
        "owners keep less after the default",
        f(defaulted.outcomes.convertible.end.equity_value) < f(refinanced.outcomes.convertible.end.equity_value),
        true,
    );
    t.finish();
}

/// The secured notes' data-center income is what their proceeds built: less than the
/// convertible's when part of the money is set aside as the interest reserve.
#[test]
fn the_secured_notes_earn_on_what_they_built() {
    let s = simulate(&parse_query("hpc_share=100&principal=1000000000").0);
    let mut t = Table::default();
    t.check_eq("a reserve was set aside", f(s.outcomes.secured.outcome.reserve) > 0.0, true);
    t.check_eq("their income is less than the full build's", f(s.outcomes.secured_hpc_noi_total) < f(s.outcomes.hpc_noi_total), true);
    t.finish();
}

/// Without recourse the owners can walk away, so they never end with less than with recourse
/// when they choose well: on the replays from late 2021 and 2022 the machines earned more than
/// the loan after their market price had fallen below it, so the parent keeps paying, as a
/// company that owes the loan itself must.
#[test]
fn walking_away_is_never_worse_than_recourse_on_the_2021_22_replays() {
    let value = |q: &str| f(simulate(&parse_query(q).0).outcomes.loan.end.equity_value);
    let mut t = Table::default();
    for start in ["2021-10", "2021-12", "2022-01", "2022-03", "2022-04", "2022-06"] {
        let (walk, owe) = (value(&format!("path=replay&start={start}")), value(&format!("path=replay&start={start}&recourse=1")));
        t.check_eq(&format!("{start}: without recourse at least as well off"), walk >= owe - MONEY, true);
    }
    t.finish();
}

/// A wall larger than what the market will lend is refinanced up to that limit, and the rest
/// follows the wall policy (with no monthly limit on share sales, so nothing is sold ahead).
#[test]
fn a_wall_is_refinanced_up_to_the_limit() {
    let s = simulate(&parse_query("deal=WULF-2025-10-SSN&refi_max=10&rescue_limit=0").0);
    let o = &s.outcomes.convertible.outcome;
    let mut t = Table::default();
    t.check_eq("part of the wall is refinanced", f(o.refinanced) > 0.0 && f(o.refinanced) < f(o.refinancing_wall), true);
    t.check_eq("the rest is paid, not defaulted", o.default_month, None);
    t.finish();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases().clamp(32, 1 << 20) / 2))]

    /// A solvent parent with equity in the collateral never walks away: whenever a
    /// non-recourse loan ends in the lender taking the machines, they were worth less than
    /// the claim (a shortfall for the lender, nothing back for the company).
    #[test]
    fn a_parent_with_equity_in_the_collateral_never_walks_away(
        (closing, monthly) in hashprice_path(),
        ltv in 30.0..90.0f64,
        cash in 0.0..5e8f64,
        haircut in 0.0..30.0f64,
        covenant in prop_oneof![Just(0.0), 80.0..150.0f64],
    ) {
        let a = Assumptions {
            path: PathKind::Flat, loan_to_value_pct: ltv, cash_usd: cash, liquidation_haircut_pct: haircut,
            loan_to_value_covenant_pct: covenant, horizon_months: 24, ..Assumptions::default()
        };
        let s = run_on_path(&a, MarketPath::from_hashprices(closing, &monthly, 91_000.0));
        let o = &s.outcomes.loan.outcome;
        if o.default_month.is_some() {
            prop_assert!(o.deficiency > Exact::ZERO, "default with the collateral covering the claim: {o:?}");
            prop_assert!(o.surplus == Exact::ZERO, "{o:?}");
        }
        if o.sold_month.is_some() {
            prop_assert!(o.deficiency == Exact::ZERO && o.default_month.is_none(), "{o:?}");
        }
    }
}

/// The value metric counts new shares at their claim on the same net assets: selling $X of
/// shares at a discount d to their value (the net assets per share after the sale) lowers
/// today's owners' value by exactly X·d/(1 − d), the discount handed to the buyers.
#[test]
fn selling_shares_at_a_discount_costs_owners_the_discount() {
    use debt_or_dilution::model::end_state::owners_value;
    let mut t = Table::default();
    for (nav, shares, x, d) in [(300e6, 100e6, 50e6, 0.1), (1e9, 400e6, 250e6, 0.25), (80e6, 50e6, 5e6, 0.05), (2e9, 1e9, 1e9, 0.5)] {
        // Price p = (1 − d) × (nav + x) / (shares + n) and x = n × p give
        // n = x × shares / ((1 − d) × nav − d × x).
        let n = x * shares / ((1.0 - d) * nav - d * x);
        let before = owners_value(nav, shares, shares);
        let after = owners_value(nav + x, shares, shares + n);
        t.check(&format!("nav {nav}, {x} at {d}"), before - after, x * d / (1.0 - d), 1e-6 * nav);
    }
    // Limited liability: owners can lose what they own, not more.
    t.check("negative net assets", owners_value(-5e6, 100.0, 100.0), 0.0, 0.0);
    // At d = 0 (a share sold at its value) nothing moves: 100M shares worth $3 each, 25M more
    // sold at $3.
    t.check("a sale at value", owners_value(300e6 + 75e6, 100e6, 125e6), 300e6, 1e-6);
    t.finish();
}

/// The market's premium is measured on the company had it raised nothing: its owners' value is
/// then exactly the stock market value of their shares, cash or machines held before the raise
/// count once, and a default does not take the premium away (the claims it leaves are in the
/// net assets already).
#[test]
fn owners_value_counts_the_market_premium_of_the_company_without_the_raise() {
    use debt_or_dilution::model::end_state::market_premium;
    let mut t = Table::default();
    // By hand: 100 shares at $3 are $300 on the market; with $120 of net assets the premium is
    // $180, and none when net assets exceed the market value.
    t.check("premium", market_premium(120.0, 100.0, 3.0), 180.0, 0.0);
    t.check("no premium above net assets", market_premium(400.0, 100.0, 3.0), 0.0, 0.0);
    // A raise of nothing: every structure's company is the baseline, worth its shares at S_T.
    let s = simulate(&parse_query("principal=1000000&btc_drift=20").0);
    let end = &s.outcomes.convertible.end;
    let market_value = f(end.shares) * f(end.share_price);
    t.check_eq("a tiny raise sells no shares", f(end.rescue_shares), 0.0);
    t.check("owners' value with a tiny raise is about the market value", f(end.equity_value) / market_value, 1.0, 1e-3);
    // More cash before the raise is counted once: the convertible's owners' value does not move.
    let value = |q: &str| f(simulate(&parse_query(q).0).outcomes.convertible.end.equity_value);
    t.check("cash before the raise counts once", value("btc_drift=20&cash=300000000"), value("btc_drift=20&cash=100000000"), MONEY);
    // A secured default that leaves a claim keeps the premium: the claim is in the net assets.
    let defaulted = simulate(&parse_query("refi_max=0&wall=default&cash=0&hpc_share=50&principal=500000000").0);
    t.check_eq("a default keeps the premium", f(defaulted.outcomes.secured.end.market_premium) > 0.0, true);
    t.finish();
}

/// Senior secured holders recover from their collateral before the shareholders keep
/// anything, and what the collateral does not cover stays owed: half the proceeds in a data
/// center, no cash of the company's own, no refinancing, and a default at the balloon.
#[test]
fn secured_holders_recover_before_equity_keeps_anything() {
    let s = simulate(&parse_query("refi_max=0&wall=default&cash=0&hpc_share=50&principal=500000000").0);
    let c = &s.outcomes.secured;
    let mut t = Table::default();
    t.check_eq("the secured notes default", c.outcome.default_month.is_some(), true);
    let unpaid = f(c.outcome.unpaid_claim);
    t.check_eq("the holders recovered from their collateral", f(c.outcome.recovery) > 0.0, true);
    t.check_eq("the collateral did not cover the claim", unpaid > 0.0, true);
    // The claim, with the cost of the default, accrues a month's interest at the refinancing
    // coupon each month after the default, and takes the company's cash at each month's end:
    // at the end the company holds cash or owes the claim, never both.
    let months_after = f64::from(s.timeline.months - c.outcome.default_month.unwrap_or(0));
    let owed = unpaid * (1.0 + DISTRESS_COST) * (1.0 + s.assumptions.refinancing_coupon_pct / 1200.0).powf(months_after);
    t.check_eq("the claim never grows faster than its interest", f(c.end.debt) <= owed + 1.0, true);
    t.check_eq("the claim is in the company's debt", f(c.end.debt) > 0.0, true);
    t.check("cash went to the claim", f(c.end.cash).min(f(c.end.debt)), 0.0, 1.0);
    let assets = f(c.end.cash) + f(c.end.machine_value) + f(c.end.hpc_book_value);
    t.check("net assets are what is left after the holders", f(c.end.net_asset_value), assets - f(c.end.debt), MONEY);
    let value = (assets - f(c.end.debt) + f(c.end.market_premium)).max(0.0) * f(c.end.ownership_retained);
    t.check("owners keep max(0, net assets + premium)", f(c.end.equity_value), value, MONEY);
    t.finish();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases().clamp(32, 1 << 20) / 2))]

    /// Owners' value is never below zero, under any structure.
    #[test]
    fn owners_value_is_never_below_zero(
        principal in 1e7..3e9f64, cash in 0.0..5e8f64, hpc in 0.0..100.0f64, drift in -60.0..40.0f64,
        wall in any::<bool>(), recourse in any::<bool>(),
    ) {
        let a = Assumptions {
            path: PathKind::Trend, principal_usd: principal, cash_usd: cash, hpc_share_pct: hpc, btc_drift_pct: drift,
            wall_policy: if wall { debt_or_dilution::model::assumptions::WallPolicy::Default } else { debt_or_dilution::model::assumptions::WallPolicy::Equity },
            recourse, ..Assumptions::default()
        }.sanitized().0;
        let s = simulate(&a);
        for (name, v) in [("loan", s.outcomes.loan.end.equity_value), ("convertible", s.outcomes.convertible.end.equity_value), ("secured", s.outcomes.secured.end.equity_value)] {
            prop_assert!(v >= Exact::ZERO, "{name}: {v}");
        }
    }
}
