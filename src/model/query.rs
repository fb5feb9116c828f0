//! The one parser and printer of the calculator's URL state (docs/model.md, "Inputs"),
//! shared by the browser and the host `scenario` binary.
//!
//! - Names and units are those of [`super::fields::FIELDS`] plus `path`, `start`, `seed`,
//!   `settlement`, `wall`, `deal` and the schema version `v` (= [`SCHEMA_VERSION`]).
//! - `deal=ID` loads the dataset deal's terms first (`presets::deal_preset`); explicit
//!   parameters then override them.
//! - A malformed value (`abc`, `NaN`, `inf`) falls back to the default (the deal's value when
//!   a deal is loaded) and an out-of-range one is clamped to the nearest bound; both give a
//!   [`Notice`] naming the parameter and the value used. Unknown parameters are ignored.
//!   Nothing panics.
//! - [`to_query`] writes `v` and every value that differs from the default (or the deal's
//!   terms), so `parse_query(&to_query(&a)).0 == a` for any sanitized `a`.

use super::assumptions::{Assumptions, PathKind, Settlement, WallPolicy, EARLIEST_START, LATEST_START};
use super::fields::{field, FieldKind, FIELDS};
use super::presets::{deal_preset, DealPresetError};
use crate::data::calendar::YearMonth;
use std::fmt;

/// The query-string schema version written as `v` (one more than the number of migrations).
pub const SCHEMA_VERSION: u32 = super::migrate::CURRENT;

/// Something the parser changed or could not use, for the visible notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The parameter's name (`premium`).
    pub parameter: String,
    /// The value as given in the URL.
    pub given: String,
    /// The value used instead, in the URL's units (empty when nothing is used).
    pub used: String,
    pub kind: NoticeKind,
}

/// Why a notice was raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Not a number or not a known word: the default is used.
    Malformed,
    /// Outside the range: the nearest bound is used.
    Clamped,
    /// Changed to satisfy a rule between fields (cap above premium, ...).
    Adjusted,
    /// `deal` names no dataset deal.
    UnknownDeal,
    /// The deal has no terms the model can load (reference-only, or no principal).
    NoTermsToLoad,
    /// A schema version this parser does not know; read as version 1.
    UnknownVersion,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, given, used) = (&self.parameter, &self.given, &self.used);
        match self.kind {
            NoticeKind::Malformed => write!(f, "{p}: \"{given}\" is not a valid value; using {used}"),
            NoticeKind::Clamped => write!(f, "{p}: {given} is out of range; using {used}"),
            NoticeKind::Adjusted => write!(f, "{p}: {given} conflicts with another setting; using {used}"),
            NoticeKind::UnknownDeal => write!(f, "{p}: no deal \"{given}\" in the dataset; ignored"),
            NoticeKind::NoTermsToLoad => write!(f, "{p}: {given} has no terms to load"),
            NoticeKind::UnknownVersion => write!(f, "{p}: version \"{given}\" is unknown; reading it as version {used}"),
        }
    }
}

/// Decodes `%XX` escapes and `+` (a space in form encoding); invalid escapes stay as typed.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let (high, low) = (bytes[i + 1], bytes[i + 2]);
                let hex = (high.is_ascii_hexdigit() && low.is_ascii_hexdigit())
                    .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
                    .flatten();
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A number as written in the URL: shortest round-trip form.
fn number(value: f64) -> String {
    format!("{value}")
}

/// Splits a query (with or without the leading `?`) into decoded pairs, in order.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

/// Parses a query string into assumptions and the notices to show.
pub fn parse_query(query: &str) -> (Assumptions, Vec<Notice>) {
    let mut pairs = pairs(query);
    let mut notices = Vec::new();
    let version = super::migrate::version_of(&pairs);
    if version == super::migrate::Version::Unknown {
        let given = pairs.iter().rev().find(|(k, _)| k == "v").map(|(_, v)| v.as_str()).unwrap_or_default();
        notices.push(notice("v", given, &SCHEMA_VERSION.to_string(), NoticeKind::UnknownVersion));
    }
    super::migrate::migrate(&mut pairs);
    let mut a = Assumptions::default();
    if let Some((_, id)) = pairs.iter().rev().find(|(k, _)| k == "deal") {
        match deal_preset(id) {
            Ok(preset) => a = preset.assumptions,
            Err(DealPresetError::UnknownDeal) => notices.push(notice("deal", id, "", NoticeKind::UnknownDeal)),
            Err(DealPresetError::NoTermsToLoad(_)) => notices.push(notice("deal", id, "", NoticeKind::NoTermsToLoad)),
        }
    }
    let baseline = a.clone();
    for (key, value) in &pairs {
        let value = value.trim();
        match key.as_str() {
            "deal" | "v" => {}
            "path" => match PathKind::from_query(value) {
                Some(p) => a.path = p,
                None => {
                    a.path = baseline.path;
                    notices.push(notice(key, value, baseline.path.as_query(), NoticeKind::Malformed));
                }
            },
            "settlement" => match Settlement::from_query(value) {
                Some(s) => a.settlement = s,
                None => {
                    a.settlement = baseline.settlement;
                    notices.push(notice(key, value, baseline.settlement.as_query(), NoticeKind::Malformed));
                }
            },
            "wall" => match WallPolicy::from_query(value) {
                Some(w) => a.wall_policy = w,
                None => {
                    a.wall_policy = baseline.wall_policy;
                    notices.push(notice(key, value, baseline.wall_policy.as_query(), NoticeKind::Malformed));
                }
            },
            "seed" => match value.parse::<u64>() {
                Ok(s) => a.seed = s,
                Err(_) => {
                    a.seed = baseline.seed;
                    notices.push(notice(key, value, &baseline.seed.to_string(), NoticeKind::Malformed));
                }
            },
            "start" => match YearMonth::parse(value) {
                Some(m) => {
                    let used = m.clamp(EARLIEST_START, LATEST_START);
                    if used != m {
                        notices.push(notice(key, value, &used.to_string(), NoticeKind::Clamped));
                    }
                    a.start = used;
                }
                None => {
                    a.start = baseline.start;
                    notices.push(notice(key, value, &baseline.start.to_string(), NoticeKind::Malformed));
                }
            },
            other => {
                let Some(spec) = field(other) else { continue };
                let parsed = super::number::parse_number(value).filter(|v| v.is_finite());
                match parsed.map(|v| spec.from_query_number(v)).and_then(|v| spec.clamp(v).map(|c| (v, c))) {
                    Some((stored, used)) => {
                        (spec.set)(&mut a, used);
                        if used != stored {
                            notices.push(notice(other, value, &number(spec.to_query_number(used)), NoticeKind::Clamped));
                        }
                    }
                    None => {
                        let fallback = (spec.get)(&baseline);
                        (spec.set)(&mut a, fallback);
                        notices.push(notice(other, value, &number(spec.to_query_number(fallback)), NoticeKind::Malformed));
                    }
                }
            }
        }
    }
    let mut fixes = Vec::new();
    a.enforce_cross_field(&mut fixes);
    for fix in fixes {
        let Some(spec) = field(fix.field) else { continue };
        let given = pairs.iter().rev().find(|(k, _)| k == fix.field).map(|(_, v)| v.clone()).unwrap_or_default();
        notices.push(notice(fix.field, &given, &number(spec.to_query_number(fix.used)), NoticeKind::Adjusted));
    }
    (a, notices)
}

fn notice(parameter: &str, given: &str, used: &str, kind: NoticeKind) -> Notice {
    Notice { parameter: parameter.to_string(), given: given.to_string(), used: used.to_string(), kind }
}

/// Writes `v`, the deal (if any) and every value that differs from the baseline (the
/// deal's terms, or the defaults).
pub fn to_query(a: &Assumptions) -> String {
    let loaded = a.deal.as_deref().and_then(|id| deal_preset(id).ok());
    let baseline = loaded.as_ref().map(|p| p.assumptions.clone()).unwrap_or_default();
    let deal = a.deal.as_deref().filter(|_| loaded.is_some());
    write_query(a, deal, Some(&baseline))
}

/// Writes `v` and every value, defaults included, and no deal: what an embed link carries, so
/// that a later change of defaults or of a deal's terms never changes a published article.
pub fn to_query_pinned(a: &Assumptions) -> String {
    write_query(a, None, None)
}

/// The printer of both forms: with a baseline, only the values that differ from it.
fn write_query(a: &Assumptions, deal: Option<&str>, baseline: Option<&Assumptions>) -> String {
    let mut out = vec![format!("v={SCHEMA_VERSION}")];
    if let Some(id) = deal {
        out.push(format!("deal={}", percent_encode(id)));
    }
    let differs = |same: bool| baseline.is_none() || !same;
    let base = baseline.cloned().unwrap_or_default();
    if differs(a.path == base.path) {
        out.push(format!("path={}", a.path.as_query()));
    }
    if differs(a.start == base.start) {
        out.push(format!("start={}", a.start));
    }
    for spec in FIELDS {
        let value = (spec.get)(a);
        if differs(value == (spec.get)(&base)) {
            let written = match spec.kind {
                FieldKind::MonthsAsYears => number(spec.to_query_number(value)),
                _ => number(value),
            };
            out.push(format!("{}={}", spec.query, written));
        }
    }
    if differs(a.settlement == base.settlement) {
        out.push(format!("settlement={}", a.settlement.as_query()));
    }
    if differs(a.wall_policy == base.wall_policy) {
        out.push(format!("wall={}", a.wall_policy.as_query()));
    }
    if differs(a.seed == base.seed) {
        out.push(format!("seed={}", a.seed));
    }
    out.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_print_as_the_version_alone() {
        assert_eq!(to_query(&Assumptions::default()), "v=2");
        assert_eq!(parse_query("v=2"), (Assumptions::default(), vec![]));
        // A v=1 link meant v=1's defaults, whose network growth v=2 writes as 34.99% a year.
        let (v1, notices) = parse_query("v=1");
        assert_eq!(notices, vec![]);
        assert_eq!(to_query(&v1), "v=2&network_growth=34.98588075760032");
    }

    #[test]
    fn malformed_and_out_of_range_values_give_named_notices() {
        let (a, notices) = parse_query("premium=abc&coupon=NaN&ltv=1e308&maturity=5.9&bogus=1&cap=10&start=2019-01");
        assert_eq!(a.premium_pct, 37.5);
        assert_eq!(a.coupon_pct, 0.0);
        assert_eq!(a.loan_to_value_pct, 100.0);
        assert_eq!(a.maturity_months, 71);
        assert_eq!(a.start.to_string(), "2021-01");
        let named: Vec<(&str, NoticeKind)> = notices.iter().map(|n| (n.parameter.as_str(), n.kind)).collect();
        assert!(named.contains(&("premium", NoticeKind::Malformed)), "{named:?}");
        assert!(named.contains(&("coupon", NoticeKind::Malformed)), "{named:?}");
        assert!(named.contains(&("ltv", NoticeKind::Clamped)), "{named:?}");
        assert!(named.contains(&("cap", NoticeKind::Clamped)), "{named:?}");
        assert!(named.contains(&("start", NoticeKind::Clamped)), "{named:?}");
        assert!(!named.iter().any(|(p, _)| *p == "bogus"));
        assert!(notices.iter().any(|n| n.to_string() == "premium: \"abc\" is not a valid value; using 37.5"));
    }

    #[test]
    fn a_pinned_link_reads_back_the_same_without_its_deal() {
        let (cipher, _) = parse_query("v=2&deal=CIFR-2025-09&premium=45&path=trend");
        let pinned = to_query_pinned(&cipher);
        assert!(!pinned.contains("deal="), "{pinned}");
        for name in ["v=2", "path=trend", "premium=45", "hashprice=", "secured_coupon=", "settlement=", "wall=", "seed="] {
            assert!(pinned.contains(name), "{name} missing from {pinned}");
        }
        let (back, notices) = parse_query(&pinned);
        assert_eq!(notices, vec![]);
        assert_eq!(back, Assumptions { deal: None, ..cipher });
        assert_eq!(parse_query(&to_query_pinned(&Assumptions::default())), (Assumptions::default(), vec![]));
    }

    #[test]
    fn percent_escapes_and_hostile_text_never_panic() {
        for q in ["%", "%4", "%zz", "a=%E2%82", "deal=%3Cscript%3E", "&&==&", "premium=%33%37", "hashprice=-inf", "seed=-1"] {
            let _ = parse_query(q);
        }
        assert_eq!(parse_query("premium=%34%30").0.premium_pct, 40.0);
    }
}
