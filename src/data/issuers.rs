//! Who counts as a public Bitcoin miner (`data/issuers.csv`). The story is about miners, so its
//! sums (the headline cards, the issuance bars, the then-and-now figures) count the deals of
//! pure-play miners only. Other issuers' deals stay in the dataset and the table, marked as
//! outside those sums, with the reason the file gives. `build.rs` writes each deal's scope into
//! the embedded deals file ([`super::deals::Deal::in_scope`]); this module is for the words.

use super::csv::{parse_records, CsvError};
use std::sync::OnceLock;

pub const ISSUERS_CSV: &str = include_str!("../../data/issuers.csv");

/// Whether an issuer's deals count in the story's sums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A pure-play public miner: counted.
    Miner,
    /// Shown, but outside the sums.
    Other,
}

/// One issuer of the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuer {
    pub ticker: String,
    pub name: String,
    pub scope: Scope,
    /// Why an issuer is outside the sums; empty for miners.
    pub why: String,
}

/// Parses `data/issuers.csv`.
pub fn parse_issuers(text: &str) -> Result<Vec<Issuer>, CsvError> {
    let t = parse_records(text)?;
    let (ct, cn, cs, cw) = (t.column("ticker")?, t.column("issuer")?, t.column("scope")?, t.column("why")?);
    t.rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let scope = match row[cs].as_str() {
                "miner" => Scope::Miner,
                "other" => Scope::Other,
                other => return Err(CsvError::bad(i + 2, "scope", other)),
            };
            Ok(Issuer { ticker: row[ct].clone(), name: row[cn].clone(), scope, why: row[cw].clone() })
        })
        .collect()
}

/// The embedded table, parsed once (the test suite checks it parses and covers every deal).
pub fn issuers() -> &'static [Issuer] {
    static ISSUERS: OnceLock<Vec<Issuer>> = OnceLock::new();
    ISSUERS.get_or_init(|| parse_issuers(ISSUERS_CSV).unwrap_or_default())
}

/// The issuer with this ticker, if the table has it.
pub fn issuer(ticker: &str) -> Option<&'static Issuer> {
    issuers().iter().find(|i| i.ticker == ticker)
}
