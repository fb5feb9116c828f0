//! The downloadable scenario series (issue 7): the CSV parses, has a row per month, and every
//! cell is the number the charts draw; the JSON carries the same rows and the pinned query.

use debt_or_dilution::export::{column_names, scenario_csv, scenario_json};
use debt_or_dilution::model::query::parse_query;
use debt_or_dilution::model::simulate::simulate;

fn scenario(query: &str) -> debt_or_dilution::model::simulate::Scenario {
    let (a, notices) = parse_query(query);
    assert!(notices.is_empty(), "{notices:?}");
    simulate(&a)
}

#[test]
fn the_csv_has_a_row_per_month_holding_the_chart_series() {
    let s = scenario("v=1&path=replay&start=2022-01&ltv=60");
    let csv = scenario_csv(&s);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], column_names().join(","));
    assert_eq!(lines.len(), 1 + s.market.hashprice.len());
    let header: Vec<&str> = lines[0].split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    for (t, line) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), header.len(), "row {t}: {line}");
        assert_eq!(cells[col("t")], t.to_string());
        assert_eq!(cells[col("month")], s.timeline.month(t as u32).to_string());
        let read = |name: &str| cells[col(name)].parse::<f64>().unwrap();
        assert_eq!(read("hashprice_usd_per_ph_day"), s.market.hashprice[t]);
        assert_eq!(read("loan_balance_usd"), s.outcomes.loan.series.debt[t]);
        assert_eq!(read("convertible_shares_outstanding"), s.outcomes.convertible.series.shares[t]);
        assert_eq!(read("secured_company_cash_usd"), s.outcomes.secured.series.cash[t]);
    }
    assert_eq!(lines[1].split(',').next(), Some("2021-12"), "t = 0 is the month before the start");
}

#[test]
fn the_json_has_the_same_rows_and_the_query_that_reproduces_them() {
    let s = scenario("v=1&path=trend&premium=45");
    let json = scenario_json(&s);
    let query = json.split("\"query\":\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
    assert_eq!(parse_query(query).0, s.assumptions);
    let csv = scenario_csv(&s);
    let rows: Vec<&str> = json.lines().filter(|l| l.starts_with("[\"")).collect();
    assert_eq!(rows.len(), s.market.hashprice.len());
    for (row, line) in rows.iter().zip(csv.lines().skip(1)) {
        let cells: Vec<String> = row.trim_end_matches(',').trim_start_matches('[').trim_end_matches(']').split(',').map(|c| c.trim_matches('"').replace("null", "")).collect();
        assert_eq!(cells.join(","), line);
    }
}
