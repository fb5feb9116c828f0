//! The URL parser fuzzed with real query strings (issue 9, "Hostile input"): cargo-fuzz needs a
//! nightly toolchain this machine cannot install, so proptest generates what a crafted link
//! could hold: known and unknown names (some percent-encoded), repeated names, broken `%`
//! escapes, huge and empty values, and numbers in every odd form (`1e308`, `-0`, `NaN`, `inf`,
//! `+5`, `0x10`, `1_000`, `.5`, `5.`, unicode digits, whitespace).
//!
//! The property: every query yields a valid state (every field finite and in range, the
//! cross-field rules held, the start month in range) and a notice for every known parameter
//! whose last value was not taken as given; nothing panics.
//!
//! `make test` runs proptest's default 256 cases. The long run (README, "Other commands"):
//! `make fuzz`, i.e. `PROPTEST_CASES=1000000 cargo test --release --test model_query_fuzz`.

use debt_or_dilution::data::calendar::YearMonth;
use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement, WallPolicy};
use debt_or_dilution::model::fields::{field, FIELDS};
use debt_or_dilution::model::migrate::{version_of, Version};
use debt_or_dilution::model::number::parse_number;
use debt_or_dilution::model::presets::{deal_preset, loadable_deal_ids};
use debt_or_dilution::model::query::{pairs, parse_query, Notice};
use proptest::prelude::*;

/// Names the parser knows besides the numeric fields, and the embed page's own names.
const OTHER_NAMES: [&str; 10] = ["path", "start", "seed", "settlement", "wall", "deal", "v", "embed", "embed_id", "theme"];

/// Numbers as nobody should write them, and a few words.
const ODD_VALUES: [&str; 44] = [
    "1e308", "-1e308", "1e309", "1e-400", "-0", "0", "+0", "NaN", "nan", "-NaN", "inf", "-inf", "+inf", "Infinity",
    "+5", "0x10", "0b1", "1_000", "1,000", ".5", "5.", ".", "-", "+", "e5", "5e", "5e+", "1e2e3", "--5", "5-",
    "١٢", "５", "٣.٥", "²", "Ⅻ", " 5 ", "\t7\n", "5 5", "00000000000000000012.5000000000", "-.0", "1.7976931348623157e308",
    "4.9e-324", "18446744073709551616", "-9223372036854775809",
];

/// Words, dates and ids the enum-like parameters use, right and wrong.
const WORDS: [&str; 22] = [
    "flat", "trend", "replay", "montecarlo", "TREND", "physical", "net_share", "cash", "equity", "default", "2022-01",
    "2021-01", "2035-12", "1999-01", "2022-13", "2022-1", "2022-00", "99999-01", "CIFR-2025-09", "NOPE-2030", "calculator",
    "dark",
];

/// A name: known (sometimes percent-encoded or padded), unknown, or empty.
fn name() -> impl Strategy<Value = String> {
    let known: Vec<String> = FIELDS.iter().map(|f| f.query.to_string()).chain(OTHER_NAMES.iter().map(|s| s.to_string())).collect();
    let encoded = known.clone();
    prop_oneof![
        6 => proptest::sample::select(known),
        1 => proptest::sample::select(encoded).prop_map(|n| n.bytes().map(|b| format!("%{b:02X}")).collect()),
        1 => "[a-z_]{1,12}",
        1 => "[^&=]{0,6}",
    ]
}

/// A value: an odd number, a plain one, a word, text of any kind, broken escapes, huge or empty.
fn value() -> impl Strategy<Value = String> {
    let deals: Vec<String> = loadable_deal_ids().into_iter().map(String::from).collect();
    prop_oneof![
        4 => proptest::sample::select(ODD_VALUES.to_vec()).prop_map(String::from),
        3 => any::<f64>().prop_map(|v| v.to_string()),
        3 => (-1e4..1e4f64).prop_map(|v| format!("{v}")),
        2 => (0..200i64).prop_map(|v| v.to_string()),
        2 => proptest::sample::select(WORDS.to_vec()).prop_map(String::from),
        1 => proptest::sample::select(deals),
        2 => ".{0,12}",
        1 => "(%[0-9A-Fa-f]{2}|%[G-Zg-z%]?.?|%|[0-9.e+-]){1,8}",
        1 => Just(String::new()),
        1 => (1..12_000usize, proptest::sample::select(vec!['9', 'x', '<', '%', '0'])).prop_map(|(n, c)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// How a value is written into the query: as is, percent-encoded, or form-encoded.
fn written(value: &str, how: u8) -> String {
    match how {
        0 => value.to_string(),
        1 => value.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect(),
        _ => value.replace(' ', "+").replace('&', "%26").replace('=', "%3D").replace('#', "%23"),
    }
}

/// A whole query string: 0 to 24 pairs (names repeat), some without `=`, maybe a leading `?`
/// and empty segments.
fn query() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec((name(), value(), 0..3u8, 0..12u8), 0..24),
        any::<bool>(),
    )
        .prop_map(|(parts, question)| {
            let mut out = String::from(if question { "?" } else { "" });
            for (i, (n, v, how, shape)) in parts.iter().enumerate() {
                if i > 0 {
                    out.push('&');
                }
                match shape {
                    0 => out.push_str(n),
                    1 => out.push('&'),
                    _ => {
                        out.push_str(n);
                        out.push('=');
                        out.push_str(&written(v, *how));
                    }
                }
            }
            out
        })
}

/// Whether `a` holds the last value given for the known parameter `name` exactly as written.
fn taken_as_given(a: &Assumptions, name: &str, value: &str) -> bool {
    let v = value.trim();
    match name {
        "path" => PathKind::from_query(v) == Some(a.path),
        "settlement" => Settlement::from_query(v) == Some(a.settlement),
        "wall" => WallPolicy::from_query(v) == Some(a.wall_policy),
        "seed" => v.parse::<u64>().ok() == Some(a.seed),
        "start" => YearMonth::parse(v) == Some(a.start),
        "deal" => deal_preset(value).is_ok(),
        _ => match field(name) {
            Some(spec) => parse_number(v)
                .filter(|x| x.is_finite())
                .map(|x| spec.from_query_number(x))
                .is_some_and(|x| spec.accepts(x) && (spec.get)(a) == x),
            None => true,
        },
    }
}

/// Every problem with the parse of `query`, one line each.
fn problems(query: &str, a: &Assumptions, notices: &[Notice]) -> Vec<String> {
    let mut out = Vec::new();
    if let Err(errors) = a.validate() {
        out.push(format!("invalid state: {errors:?}"));
    }
    for spec in FIELDS {
        if !(spec.get)(a).is_finite() {
            out.push(format!("{} is not finite", spec.query));
        }
    }
    let given = pairs(query);
    let mut last: Vec<(&str, &str)> = Vec::new();
    for (k, v) in given.iter().rev() {
        if !last.iter().any(|(seen, _)| seen == k) {
            last.push((k, v));
        }
    }
    for (k, v) in &last {
        let named = notices.iter().any(|n| n.parameter == *k);
        if !named && !taken_as_given(a, k, v) {
            out.push(format!("{k}={v:?} was not used as given and no notice names it"));
        }
    }
    if version_of(&given) == Version::Unknown && !notices.iter().any(|n| n.parameter == "v") {
        out.push("an unknown version without a notice".into());
    }
    for n in notices {
        let known = field(&n.parameter).is_some() || OTHER_NAMES.contains(&n.parameter.as_str());
        if !known || n.to_string().is_empty() {
            out.push(format!("a notice on an unknown parameter: {n:?}"));
        }
    }
    out
}

proptest! {
    /// Any query string a link could carry: a valid state, and a notice for every value not
    /// taken as given.
    #[test]
    fn any_real_query_gives_a_valid_state_and_names_what_it_replaced(query in query()) {
        let (a, notices) = parse_query(&query);
        let found = problems(&query, &a, &notices);
        prop_assert!(found.is_empty(), "{query:?}: {}\nnotices: {notices:?}", found.join("; "));
    }

    /// Only unknown names: the defaults, and no notice at all (unknown parameters are ignored).
    #[test]
    fn unknown_parameters_are_ignored(names in proptest::collection::vec("x_[a-z]{1,8}", 0..8), values in proptest::collection::vec(value(), 8)) {
        let query: Vec<String> = names.iter().zip(&values).map(|(n, v)| format!("{n}={}", written(v, 2))).collect();
        let (a, notices) = parse_query(&query.join("&"));
        prop_assert!(notices.is_empty(), "{notices:?}");
        prop_assert_eq!(a, Assumptions::default());
    }
}

/// Each odd number form, in every numeric field: a valid state, and a notice unless the form is
/// a plain decimal the field accepts (exhaustive, so a regression names the form and field).
#[test]
fn every_odd_number_form_in_every_field() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for spec in FIELDS {
        for odd in ODD_VALUES {
            for how in 0..3 {
                let query = format!("{}={}", spec.query, written(odd, how));
                let (a, notices) = parse_query(&query);
                failures.extend(problems(&query, &a, &notices).into_iter().map(|p| format!("{query}: {p}")));
                cases += 1;
            }
        }
    }
    for bad in ["NaN", "inf", "0x10", "1_000", "١٢", "５", "Infinity"] {
        let (_, notices) = parse_query(&format!("premium={bad}"));
        if !notices.iter().any(|n| n.parameter == "premium") {
            failures.push(format!("premium={bad}: no notice"));
        }
    }
    assert!(cases > 1000, "{cases}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
