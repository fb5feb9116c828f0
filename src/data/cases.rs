//! Dated events the story marks on its charts (`data/cases_2022.csv`): what happened to miners
//! that had borrowed against their machines in 2022-23, and China's 2021 move against mining,
//! each with the page that reports it.

use super::calendar::YearMonth;
use super::csv::{parse_records, CsvError};
use std::sync::OnceLock;

/// `data/cases_2022.csv` without its `source_reports` column (`build.rs`).
pub const CASES_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/cases_embedded.csv"));

/// One event, as the file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: String,
    pub company: String,
    pub month: YearMonth,
    /// What happened, one sentence ending in a full stop.
    pub what: String,
    /// The debt the event settled or put in default, in dollars, if it has one.
    pub amount_usd: Option<f64>,
    /// How the amount reads after it ("of debt extinguished").
    pub amount_role: String,
    /// Computed from the source's figures rather than stated by it: the page says "about".
    pub amount_is_derived: bool,
    pub source_url: String,
}

/// Parses `data/cases_2022.csv`.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, CsvError> {
    let t = parse_records(text)?;
    let col = |name| t.column(name);
    let (ci, cc, cm, cw, ca, cr, cd, cu) = (
        col("id")?,
        col("company")?,
        col("month")?,
        col("what")?,
        col("amount_usd")?,
        col("amount_role")?,
        col("amount_is_derived")?,
        col("source_url")?,
    );
    t.rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let line = i + 2;
            let amount_usd = match row[ca].as_str() {
                "" => None,
                text => Some(text.parse::<u64>().map_err(|_| CsvError::bad(line, "amount_usd", text))? as f64),
            };
            let amount_is_derived = match row[cd].as_str() {
                "true" => true,
                "false" => false,
                other => return Err(CsvError::bad(line, "amount_is_derived", other)),
            };
            Ok(Case {
                id: row[ci].clone(),
                company: row[cc].clone(),
                month: YearMonth::parse(&row[cm]).ok_or_else(|| CsvError::bad(line, "month", &row[cm]))?,
                what: row[cw].clone(),
                amount_usd,
                amount_role: row[cr].clone(),
                amount_is_derived,
                source_url: row[cu].clone(),
            })
        })
        .collect()
}

/// Every event in the file, in its order (the test suite checks it parses).
fn all() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| parse_cases(CASES_CSV).unwrap_or_default())
}

/// The 2022-23 cases of miners and their lenders, in date order: the events with an amount.
pub fn loan_cases() -> Vec<&'static Case> {
    all().iter().filter(|c| c.amount_usd.is_some()).collect()
}

/// The event with this id.
pub fn event(id: &str) -> Option<&'static Case> {
    all().iter().find(|c| c.id == id)
}
