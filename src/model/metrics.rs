//! The `data-metric` values of a scenario (issue 5, "Outputs"): one ordered list of (name,
//! raw value) shared by the browser's cards and the host `scenario` binary, so both print
//! the same digits.
//!
//! Value rules: a raw number with a dot decimal and no unit or separator; money (and
//! hashprices, in $) rounded to cents with two decimals; share counts to hundredths, as
//! docs/model.md's tables; ratios and fractions at full precision (shortest round-trip `f64`);
//! months as integers; empty when not applicable (no default, no Monte Carlo, ...). With
//! Monte Carlo on, every non-`mc-*` value is the zero-volatility central path's.

use super::money::{format_cents, format_cents_f64, format_ratio, Exact, Money};
use super::simulate::Scenario;

/// One metric: its `data-metric` name and `data-value` (empty = not applicable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metric {
    pub name: &'static str,
    pub value: String,
}

fn money(x: Exact) -> String {
    format_cents(x.0)
}

fn ratio(x: Exact) -> String {
    format_ratio(x.to_f64())
}

fn month(m: Option<u32>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

/// Every metric of a scenario, in the cards' order.
pub fn metrics(s: &Scenario) -> Vec<Metric> {
    let o = &s.outcomes;
    let (loan, convertible, secured) = (&o.loan, &o.convertible, &o.secured);
    let b = &convertible.outcome;
    let conversion = b.conversion.as_ref();
    let mc = s.monte_carlo.as_ref();
    let mc_value = |f: &dyn Fn(&super::montecarlo::MonteCarloSummary) -> String| mc.map(f).unwrap_or_default();
    let terms = super::terms::Terms::<Exact>::new(&s.assumptions, &super::simulate::hpc_plan(&s.assumptions));
    let (loan_fee, convert_fees, secured_fees) = terms.costs_at_issue();
    let costs = super::costs::costs(&s.assumptions);
    let rate = |r: Option<f64>| r.map(format_ratio).unwrap_or_default();
    let list: Vec<(&'static str, String)> = vec![
        ("breakeven-hashprice", format_cents_f64(s.breakeven_power)),
        ("breakeven-hashprice-cash", if s.breakeven_cash.is_finite() { format_cents_f64(s.breakeven_cash) } else { String::new() }),
        ("loan-breakeven-hashprice", o.loan_breakeven_hashprice.map(money).unwrap_or_default()),
        ("loan-payment", money(loan.outcome.payment_at_closing)),
        ("loan-ltv-closing", ratio(loan.outcome.loan_to_value_at_closing)),
        ("loan-available", if loan.outcome.available { "1" } else { "0" }.to_string()),
        ("loan-min-dscr", loan.outcome.min_debt_service_coverage.map(ratio).unwrap_or_default()),
        ("loan-default-month", month(loan.outcome.default_month)),
        ("loan-seized-ph", ratio(loan.outcome.seized_ph)),
        ("loan-seized-machines", ratio(loan.outcome.seized_machines)),
        ("loan-recovery", money(loan.outcome.recovery)),
        ("loan-deficiency", money(loan.outcome.deficiency)),
        ("loan-sold-month", month(loan.outcome.sold_month)),
        ("loan-sold-ph", ratio(loan.outcome.sold_ph)),
        ("loan-parent-support", money(loan.outcome.support_paid)),
        ("loan-surplus", money(loan.outcome.surplus)),
        ("loan-cost-at-issue", money(loan_fee)),
        ("loan-all-in-yield", rate(costs.loan_yield)),
        ("loan-interest-paid", money(loan.outcome.interest_paid)),
        ("loan-debt-service", money(loan.outcome.debt_service_paid)),
        ("loan-cash-end", money(loan.end.cash)),
        ("loan-nav", money(loan.end.net_asset_value)),
        ("loan-equity-value", money(loan.end.equity_value)),
        ("loan-ownership-retained", ratio(loan.end.ownership_retained)),
        ("loan-dilution-total", ratio(loan.end.dilution_total)),
        ("convert-conversion-price", money(b.terms.conversion_price)),
        ("convert-conversion-rate", ratio(b.terms.conversion_rate)),
        ("convert-shares-if-converted", money(b.terms.if_converted_shares)),
        ("convert-event-month", month(b.event_month)),
        ("convert-converted", if conversion.is_some() { "1" } else { "0" }.to_string()),
        ("convert-shares-issued", money(conversion.map_or(Exact::ZERO, |c| c.net_shares))),
        ("convert-capped-call-value", money(conversion.map_or(Exact::ZERO, |c| c.capped_call_value))),
        ("convert-dilution-reported", ratio(b.dilution_reported)),
        ("convert-dilution", ratio(b.dilution_conversion)),
        ("convert-dilution-total", ratio(convertible.end.dilution_total)),
        ("convert-refinancing-wall", money(b.refinancing_wall)),
        ("convert-refinanced", money(b.refinanced)),
        ("convert-rescue-shares", money(convertible.end.rescue_shares)),
        ("convert-cost-at-issue", money(convert_fees)),
        ("convert-capped-call-value-at-issue", format_cents_f64(costs.capped_call_value_at_issue)),
        ("convert-all-in-yield", rate(costs.convertible_yield)),
        ("convert-coupons-paid", money(b.coupons_paid)),
        ("convert-principal-paid", money(b.principal_paid_cash)),
        ("convert-default-month", month(b.default_month)),
        ("convert-cash-end", money(convertible.end.cash)),
        ("convert-nav", money(convertible.end.net_asset_value)),
        ("convert-equity-value", money(convertible.end.equity_value)),
        ("convert-ownership-retained", ratio(convertible.end.ownership_retained)),
        ("secured-cost-at-issue", money(secured_fees)),
        ("secured-all-in-yield", rate(costs.secured_yield)),
        ("secured-interest-paid", money(secured.outcome.interest_paid)),
        ("secured-principal-paid", money(secured.outcome.principal_paid)),
        ("secured-default-month", month(secured.outcome.default_month)),
        ("secured-balloon-wall", money(secured.outcome.balloon_wall)),
        ("secured-refinanced", money(secured.outcome.refinanced)),
        ("secured-prepaid", money(secured.outcome.prepaid)),
        ("secured-reserve", money(secured.outcome.reserve)),
        ("secured-recovery", money(secured.outcome.recovery)),
        ("secured-unpaid-claim", money(secured.outcome.unpaid_claim)),
        ("secured-cash-end", money(secured.end.cash)),
        ("secured-nav", money(secured.end.net_asset_value)),
        ("secured-equity-value", money(secured.end.equity_value)),
        ("secured-ownership-retained", ratio(secured.end.ownership_retained)),
        ("secured-dilution-total", ratio(secured.end.dilution_total)),
        ("net-assets-start", money(o.net_assets_at_start)),
        ("baseline-equity-value", money(o.baseline_equity_value)),
        ("idle-months", o.idle_months.to_string()),
        ("fleet-sold-month", month(o.fleet_sold_month)),
        ("hpc-mw", format_ratio(super::simulate::hpc_plan(&s.assumptions).megawatts(s.assumptions.principal_usd))),
        ("hpc-noi-total", money(o.hpc_noi_total)),
        ("secured-hpc-noi-total", money(o.secured_hpc_noi_total)),
        ("mc-paths", mc_value(&|m| m.paths.to_string())),
        ("mc-default-probability", mc_value(&|m| format_ratio(m.loan_default_probability))),
        ("mc-secured-default-probability", mc_value(&|m| format_ratio(m.secured_default_probability))),
        ("mc-convert-default-probability", mc_value(&|m| format_ratio(m.convertible_default_probability))),
        ("mc-conversion-probability", mc_value(&|m| format_ratio(m.conversion_probability))),
        ("mc-wall-probability", mc_value(&|m| format_ratio(m.wall_probability))),
        ("mc-dilution-median", mc_value(&|m| format_ratio(m.dilution_total.p50))),
        ("mc-dilution-p90", mc_value(&|m| format_ratio(m.dilution_total.p90))),
        ("mc-dilution-p95", mc_value(&|m| format_ratio(m.dilution_total.p95))),
        ("mc-loan-worse-probability", mc_value(&|m| format_ratio(m.loan_worse_than_convertible))),
        ("mc-owners-loan-p5", mc_value(&|m| format_cents_f64(m.loan_equity_value.p5))),
        ("mc-owners-loan-median", mc_value(&|m| format_cents_f64(m.loan_equity_value.p50))),
        ("mc-owners-loan-p95", mc_value(&|m| format_cents_f64(m.loan_equity_value.p95))),
        ("mc-owners-convert-p5", mc_value(&|m| format_cents_f64(m.convertible_equity_value.p5))),
        ("mc-owners-convert-median", mc_value(&|m| format_cents_f64(m.convertible_equity_value.p50))),
        ("mc-owners-convert-p95", mc_value(&|m| format_cents_f64(m.convertible_equity_value.p95))),
        ("mc-owners-secured-p5", mc_value(&|m| format_cents_f64(m.secured_equity_value.p5))),
        ("mc-owners-secured-median", mc_value(&|m| format_cents_f64(m.secured_equity_value.p50))),
        ("mc-owners-secured-p95", mc_value(&|m| format_cents_f64(m.secured_equity_value.p95))),
    ];
    // A loan that is not available on these terms has no outcome to show: only whether it is
    // available and the loan-to-value the fleet would give.
    let shown = |name: &str| {
        let about_the_loan = name.starts_with("loan-") || name.starts_with("mc-owners-loan") || matches!(name, "mc-default-probability" | "mc-loan-worse-probability");
        loan.outcome.available || !about_the_loan || matches!(name, "loan-available" | "loan-ltv-closing")
    };
    list.into_iter().map(|(name, value)| Metric { name, value: if shown(name) { value } else { String::new() } }).collect()
}

/// The metric names, in order (the stable contract listed in the README).
pub fn metric_names() -> Vec<&'static str> {
    metrics(&super::simulate::simulate(&super::assumptions::Assumptions { horizon_months: 12, ..Default::default() }))
        .into_iter()
        .map(|m| m.name)
        .collect()
}
