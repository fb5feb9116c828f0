//! Figures other people published about the wave: TheMinerMag's quarterly issuance totals and
//! VanEck's estimate of miners' debt outstanding. Shown beside our own sums, never tuned to them.

use super::calendar::{Day, PartialDate, Quarter};
use super::csv::{parse_records, CsvError};
use rust_decimal::Decimal;
use std::sync::OnceLock;

pub const PUBLISHED_FIGURES_CSV: &str = include_str!("../../data/published_figures.csv");

/// Whether a figure is a value or an upper bound ("under $200 million").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Exact,
    Under,
}

/// A quarter's published debt-issuance total (a flow).
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedQuarter {
    pub quarter: Quarter,
    pub value_usd: Decimal,
    pub bound: Bound,
    pub publisher: String,
    pub source_url: String,
    /// The day the figure was published, when the source gives it.
    pub published_on: Option<Day>,
}

/// A published estimate of debt outstanding on a date (a stock, not issuance).
#[derive(Clone, Debug, PartialEq)]
pub struct DebtOutstanding {
    /// As precise as the source: VanEck's first estimate is dated only to October 2024.
    pub as_of: PartialDate,
    pub value_usd: Decimal,
    pub publisher: String,
    pub source_url: String,
}

/// Both kinds of published figure.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PublishedFigures {
    pub quarters: Vec<PublishedQuarter>,
    pub debt_outstanding: Vec<DebtOutstanding>,
}

pub fn parse_published(text: &str) -> Result<PublishedFigures, CsvError> {
    let t = parse_records(text)?;
    let (ck, cp, cv, cb, cu, cs, cd) = (
        t.column("kind")?,
        t.column("period")?,
        t.column("value_usd")?,
        t.column("bound")?,
        t.column("publisher")?,
        t.column("source_url")?,
        t.column("published_on")?,
    );
    let mut out = PublishedFigures::default();
    for (i, row) in t.rows.iter().enumerate() {
        let line = i + 2;
        // A plain decimal, as in `deals::parse_deals` (no scientific notation).
        let value = Decimal::from_str_radix(&row[cv], 10).map_err(|_| CsvError::bad(line, "value_usd", &row[cv]))?;
        let bound = match row[cb].as_str() {
            "exact" => Bound::Exact,
            "under" => Bound::Under,
            other => return Err(CsvError::bad(line, "bound", other)),
        };
        let published_on = match row[cd].as_str() {
            "" => None,
            text => Some(Day::parse(text).ok_or_else(|| CsvError::bad(line, "published_on", text))?),
        };
        match row[ck].as_str() {
            "issuance_quarter" => out.quarters.push(PublishedQuarter {
                quarter: Quarter::parse(&row[cp]).ok_or_else(|| CsvError::bad(line, "period", &row[cp]))?,
                value_usd: value,
                bound,
                publisher: row[cu].clone(),
                source_url: row[cs].clone(),
                published_on,
            }),
            "debt_outstanding" => out.debt_outstanding.push(DebtOutstanding {
                as_of: PartialDate::parse(&row[cp]).ok_or_else(|| CsvError::bad(line, "period", &row[cp]))?,
                value_usd: value,
                publisher: row[cu].clone(),
                source_url: row[cs].clone(),
            }),
            other => return Err(CsvError::bad(line, "kind", other)),
        }
    }
    Ok(out)
}

/// The embedded figures, parsed once (checked by the test suite).
/// `ok().expect`: the error's `Debug` would add formatting code to the wasm, for a case the
/// test suite rules out.
#[allow(clippy::ok_expect)]
pub fn published() -> &'static PublishedFigures {
    static FIGURES: OnceLock<PublishedFigures> = OnceLock::new();
    FIGURES.get_or_init(|| parse_published(PUBLISHED_FIGURES_CSV).ok().expect("embedded published_figures.csv is valid"))
}
