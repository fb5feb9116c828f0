//! The current scenario's time series as files a reader can download (issue 7, "Download"):
//! one row per model month, the columns every scenario chart draws from.
//!
//! Where exactness ends: the model runs in exact decimals and hands the charts `f64` series
//! (`StructureSeries`, `MarketSeries`), rounded to cents only on screen. The files carry those
//! chart series at full `f64` precision (shortest round-trip form), so a downloaded file and
//! the chart it came from show the same numbers.

use crate::model::query::to_query_pinned;
use crate::model::simulate::Scenario;

/// A column: its name and how to read month `t` of a scenario.
struct Column {
    name: &'static str,
    value: fn(&Scenario, usize) -> Option<f64>,
}

fn at(series: &[f64], t: usize) -> Option<f64> {
    series.get(t).copied()
}

const COLUMNS: &[Column] = &[
    Column { name: "hashprice_usd_per_ph_day", value: |s, t| at(&s.market.hashprice, t) },
    Column { name: "btc_price_usd", value: |s, t| at(&s.market.btc_price_usd, t) },
    Column { name: "share_price_usd", value: |s, t| at(&s.market.share_price_usd, t) },
    Column { name: "machine_value_usd_per_th", value: |s, t| at(&s.market.machine_value_usd_per_th, t) },
    Column { name: "loan_balance_usd", value: |s, t| at(&s.outcomes.loan.series.debt, t) },
    Column { name: "loan_collateral_value_usd", value: |s, t| at(&s.outcomes.loan.collateral_value, t) },
    Column { name: "loan_to_value", value: |s, t| at(&s.outcomes.loan.loan_to_value, t) },
    Column { name: "loan_debt_service_coverage", value: |s, t| at(&s.outcomes.loan.debt_service_coverage, t) },
    Column { name: "loan_company_cash_usd", value: |s, t| at(&s.outcomes.loan.series.cash, t) },
    Column { name: "loan_fleet_ph_s", value: |s, t| at(&s.outcomes.loan.series.fleet_ph, t) },
    Column { name: "convertible_notes_outstanding_usd", value: |s, t| at(&s.outcomes.convertible.series.debt, t) },
    Column { name: "convertible_company_cash_usd", value: |s, t| at(&s.outcomes.convertible.series.cash, t) },
    Column { name: "convertible_shares_outstanding", value: |s, t| at(&s.outcomes.convertible.series.shares, t) },
    Column { name: "secured_balance_usd", value: |s, t| at(&s.outcomes.secured.series.debt, t) },
    Column { name: "secured_company_cash_usd", value: |s, t| at(&s.outcomes.secured.series.cash, t) },
    Column { name: "secured_shares_outstanding", value: |s, t| at(&s.outcomes.secured.series.shares, t) },
];

/// A number in a file: shortest round-trip form; empty (CSV) or null (JSON) when missing or
/// not finite.
fn number(value: Option<f64>, missing: &str) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => missing.to_string(),
    }
}

fn months(s: &Scenario) -> usize {
    s.market.hashprice.len()
}

/// The header row's names: `month`, `t`, then the series.
pub fn column_names() -> Vec<&'static str> {
    let mut names = vec!["month", "t"];
    names.extend(COLUMNS.iter().map(|c| c.name));
    names
}

/// The scenario as CSV: a header, then one row per month t = 0..T (t = 0 is closing).
pub fn scenario_csv(s: &Scenario) -> String {
    let mut out = column_names().join(",");
    out.push('\n');
    for t in 0..months(s) {
        out.push_str(&format!("{},{t}", s.timeline.month(t as u32)));
        for c in COLUMNS {
            out.push(',');
            out.push_str(&number((c.value)(s, t), ""));
        }
        out.push('\n');
    }
    out
}

/// The scenario as JSON: the pinned query that reproduces it, the column names and the rows.
pub fn scenario_json(s: &Scenario) -> String {
    let names: Vec<String> = column_names().iter().map(|n| format!("\"{n}\"")).collect();
    let rows: Vec<String> = (0..months(s))
        .map(|t| {
            let mut cells = vec![format!("\"{}\"", s.timeline.month(t as u32)), t.to_string()];
            cells.extend(COLUMNS.iter().map(|c| number((c.value)(s, t), "null")));
            format!("[{}]", cells.join(","))
        })
        .collect();
    format!(
        "{{\"query\":\"{}\",\"source\":\"debt-or-dilution model; hashprice history from Coin Metrics community data (CC BY-NC 4.0)\",\"columns\":[{}],\"rows\":[\n{}\n]}}\n",
        to_query_pinned(&s.assumptions),
        names.join(","),
        rows.join(",\n")
    )
}
