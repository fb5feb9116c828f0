//! The story's figures that come from the dataset (and the model at its defaults) rather than
//! a reader's scenario, named as the prose's `data-out` elements name them.
//!
//! They never change while the page runs, so they are computed on the host
//! (`fact_sources::compute`) and committed as `src/story/facts.tsv`, which the page embeds: the
//! wasm carries the sentences, not the code that derives them. `tests/story.rs` fails when the
//! file and the computation disagree (`UPDATE_FACTS=1 cargo test --test story` rewrites it), so
//! the two cannot drift.

use std::sync::OnceLock;

/// `name<TAB>text` per line, in `fact_sources::compute`'s order (texts hold no tab or newline).
pub const FACTS_TSV: &str = include_str!("facts.tsv");

/// (name, text) for every figure the story states, from [`FACTS_TSV`].
pub fn facts() -> &'static [(&'static str, &'static str)] {
    static FACTS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    FACTS.get_or_init(|| FACTS_TSV.lines().filter_map(|l| l.split_once('\t')).collect())
}

/// One fact's text.
pub fn fact(name: &str) -> Option<&'static str> {
    facts().iter().find(|f| f.0 == name).map(|f| f.1)
}


/// The rows of the then-and-now table, whose cells are the facts `era-then-<row>` and
/// `era-now-<row>`; the five coupon rows follow `CouponClass::ALL`.
pub const ERA_ROWS: [&str; 10] = [
    "deals",
    "raised",
    "machines",
    "convertible",
    "ai",
    "coupons-loans",
    "coupons-convertible",
    "coupons-senior-secured",
    "coupons-senior-unsecured",
    "coupons-facilities-other",
];

/// Separates the fields of a fact that holds a list (a tab could not: the file is TSV).
pub const FIELD: &str = "\u{1f}";
/// Separates the items of a fact that holds a list.
pub const RECORD: &str = "\u{1e}";

/// One of the 2022 cases marked on the loan section's replay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoanCase {
    pub month: crate::data::calendar::YearMonth,
    pub company: &'static str,
    /// What happened, with the amount, as a sentence.
    pub sentence: &'static str,
    pub source_url: &'static str,
}

/// The 2022 cases, in date order, from the fact `loan-cases`.
pub fn loan_cases() -> Vec<LoanCase> {
    fact("loan-cases")
        .unwrap_or_default()
        .split(RECORD)
        .filter_map(|case| {
            let mut f = case.split(FIELD);
            Some(LoanCase {
                month: crate::data::calendar::YearMonth::parse(f.next()?)?,
                company: f.next()?,
                sentence: f.next()?,
                source_url: f.next()?,
            })
        })
        .collect()
}

/// The events the hashprice history marks, from the fact `history-events` (computed on the
/// host by `data::history::history_events`).
pub fn history_events() -> Vec<crate::data::history::HistoryEvent> {
    fact("history-events")
        .unwrap_or_default()
        .split(RECORD)
        .filter_map(|event| {
            let mut f = event.split(FIELD);
            Some(crate::data::history::HistoryEvent {
                date: crate::data::calendar::PartialDate::parse(f.next()?)?,
                hashprice: f.next()?.parse::<u64>().ok()? as f64 / 1e6,
                label: f.next()?.to_string(),
                detail: f.next()?.to_string(),
                source_url: f.next().filter(|u| !u.is_empty()).map(str::to_string),
            })
        })
        .collect()
}
