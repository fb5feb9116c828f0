//! The record of deliberate corrections to the model (`tests/fixtures/corrections.tsv`).
//!
//! A published link shows what the model computed when it was published. When the model is
//! corrected (a rule that gave a wrong answer is fixed), a published figure may change: that is
//! allowed only when the change is recorded here, one row per figure and rule, with the value
//! before and after. `tests/published_links.rs` replays the rows over each published link's
//! figures and requires the result to equal what the model shows today, so an unrecorded change
//! fails, and so does a recorded change that did not happen.
//!
//! A change to what a parameter *means* is not a correction: it raises the link schema `v` and
//! adds a migration ([`super::migrate`]). A changed default is a correction.
//!
//! The page's "Corrections and changes" list counts the rows of each rule from this same file.

/// The rules a correction may cite: the model's corrected rules, one id each.
pub const RULES: [&str; 10] = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"];

/// The value recorded for a metric that no longer exists under its old name.
pub const REMOVED: &str = "removed";

/// The file, as committed (host only: the page needs only [`counts_by_rule`]).
#[cfg(not(target_arch = "wasm32"))]
pub const CORRECTIONS_TSV: &str = include_str!("../../tests/fixtures/corrections.tsv");

/// `build.rs`'s summary of the file: `rule<TAB>rows<TAB>last date` per rule with rows.
const COUNTS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/correction_counts.tsv"));

/// One recorded change of one published figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction<'a> {
    /// The published link's query (`v=1&deal=CIFR-2025-09`).
    pub link: &'a str,
    /// The `data-metric` name.
    pub metric: &'a str,
    /// The value before this correction (the published one, or an earlier row's new value).
    pub old: &'a str,
    /// The value after it, or [`REMOVED`].
    pub new: &'a str,
    /// One of [`RULES`].
    pub rule: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
}

/// A row that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based line number in the file.
    pub line: usize,
    pub reason: &'static str,
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Every row of a corrections file, in order (comment lines start with `#`).
pub fn parse(text: &str) -> Result<Vec<Correction<'_>>, BadRow> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = |reason| BadRow { line: i + 1, reason };
        let cols: Vec<&str> = line.split('\t').collect();
        let [link, metric, old, new, rule, date] = cols[..] else { return Err(bad("a row has six tab-separated columns")) };
        if !RULES.contains(&rule) {
            return Err(bad("the rule id is not one of R1-R10"));
        }
        if !is_date(date) {
            return Err(bad("the date is not YYYY-MM-DD"));
        }
        if old == new {
            return Err(bad("the old and new values are the same"));
        }
        if link.is_empty() || metric.is_empty() {
            return Err(bad("the link and metric are required"));
        }
        rows.push(Correction { link, metric, old, new, rule, date });
    }
    Ok(rows)
}

/// The committed corrections (empty if the file cannot be read; its test reports why).
#[cfg(not(target_arch = "wasm32"))]
pub fn corrections() -> Vec<Correction<'static>> {
    parse(CORRECTIONS_TSV).unwrap_or_default()
}

/// How many published figures each rule moved, and the date of its last row, in [`RULES`]
/// order, with 0 and no date for a rule with no row.
pub fn counts_by_rule() -> Vec<(&'static str, usize, Option<&'static str>)> {
    RULES
        .iter()
        .map(|rule| {
            let line = COUNTS_TSV.lines().map(|l| l.split('\t').collect::<Vec<_>>()).find(|cols| cols.first() == Some(rule));
            let count = line.as_ref().and_then(|c| c.get(1)).and_then(|n| n.parse().ok()).unwrap_or(0);
            (*rule, count, line.and_then(|c| c.get(2).copied()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_checked() {
        let ok = "# header\nv=1\tloan-nav\t1.00\t2.00\tR2\t2026-12-03\n";
        assert_eq!(parse(ok).unwrap().len(), 1);
        for (text, reason) in [
            ("v=1\tloan-nav\t1.00\t2.00\tR11\t2026-12-03", "the rule id is not one of R1-R10"),
            ("v=1\tloan-nav\t1.00\t2.00\tR0\t2026-12-03", "the rule id is not one of R1-R10"),
            ("v=1\tloan-nav\t1.00\t2.00\tR2\t3 Dec 2026", "the date is not YYYY-MM-DD"),
            ("v=1\tloan-nav\t1.00\t1.00\tR2\t2026-12-03", "the old and new values are the same"),
            ("v=1\tloan-nav\t1.00\t2.00\tR2", "a row has six tab-separated columns"),
        ] {
            assert_eq!(parse(text), Err(BadRow { line: 1, reason }), "{text}");
        }
    }

    #[test]
    fn the_committed_file_reads() {
        assert!(parse(CORRECTIONS_TSV).is_ok(), "{:?}", parse(CORRECTIONS_TSV));
    }

    #[test]
    fn the_build_summary_counts_the_file() {
        let rows = corrections();
        for (rule, count, date) in counts_by_rule() {
            let mine: Vec<_> = rows.iter().filter(|r| r.rule == rule).collect();
            assert_eq!(count, mine.len(), "{rule}");
            assert_eq!(date, mine.iter().map(|r| r.date).max(), "{rule}");
        }
    }
}
