//! The URL format (issue 5): printing then parsing gives the same assumptions, hostile input
//! never panics, and every fallback or clamp names its parameter.
//!
//! CI runs proptest's default case count (256). The long run:
//! `PROPTEST_CASES=1000000 CARGO_TARGET_DIR=target/model cargo test --release --test model_query`

use debt_or_dilution::data::calendar::YearMonth;
use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement, WallPolicy, EARLIEST_START, LATEST_START};
use debt_or_dilution::model::fields::{FieldKind, FIELDS};
use debt_or_dilution::model::presets::loadable_deal_ids;
use debt_or_dilution::model::query::{parse_query, to_query, to_query_pinned, NoticeKind};
use proptest::prelude::*;

/// Any valid state: every field in range (sometimes off), any enum, start and seed, maybe a deal.
fn valid_assumptions() -> impl Strategy<Value = Assumptions> {
    let deals = loadable_deal_ids();
    (
        proptest::collection::vec(0.0..=1.0f64, FIELDS.len()),
        0..4usize,
        0..3usize,
        0..2usize,
        any::<u64>(),
        0..(EARLIEST_START.months_until(LATEST_START) + 1),
        proptest::option::of(0..deals.len().max(1)),
    )
        .prop_map(move |(fractions, path, settlement, wall, seed, start, deal)| {
            let mut a = match deal.and_then(|i| deals.get(i)) {
                Some(id) => debt_or_dilution::model::presets::deal_preset(id).map(|p| p.assumptions).unwrap_or_default(),
                None => Assumptions::default(),
            };
            for (spec, fraction) in FIELDS.iter().zip(fractions) {
                let value = if spec.zero_means_off && fraction < 0.1 {
                    0.0
                } else {
                    let raw = spec.min + fraction * (spec.max - spec.min);
                    match spec.kind {
                        FieldKind::Real => raw,
                        FieldKind::Integer | FieldKind::MonthsAsYears => raw.round(),
                        FieldKind::Flag => (fraction >= 0.5) as u8 as f64,
                    }
                };
                (spec.set)(&mut a, value);
            }
            a.path = PathKind::ALL[path];
            a.settlement = Settlement::ALL[settlement];
            a.wall_policy = WallPolicy::ALL[wall];
            a.seed = seed;
            a.start = EARLIEST_START.add_months(start);
            a.sanitized().0
        })
}

proptest! {
    /// parse(print(x)) == x, with no notice, for every valid state.
    #[test]
    fn printing_then_parsing_gives_the_same_state(a in valid_assumptions()) {
        let query = to_query(&a);
        let (parsed, notices) = parse_query(&query);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(parsed, a, "{}", query);
    }

    /// An embed link pins every value and drops the deal: it still reads back the same state.
    #[test]
    fn a_pinned_link_gives_the_same_state_without_its_deal(a in valid_assumptions()) {
        let query = to_query_pinned(&a);
        let (parsed, notices) = parse_query(&query);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(parsed, Assumptions { deal: None, ..a }, "{}", query);
    }

    /// Any text at all parses without panicking into a state that validates.
    #[test]
    fn any_text_parses_into_a_valid_state(query in ".{0,200}") {
        let (a, _) = parse_query(&query);
        prop_assert!(a.validate().is_ok(), "{query}: {:?}", a.validate());
    }

    /// Any value for any known parameter: a valid state, and a notice unless accepted as is.
    #[test]
    fn any_value_for_a_known_parameter_is_used_or_named(index in 0..FIELDS.len(), value in prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        Just("NaN".to_string()), Just("inf".to_string()), Just("1e308".to_string()), Just("-1e308".to_string()),
        "[a-z<>%&=]{0,8}",
    ]) {
        let spec = &FIELDS[index];
        let query = format!("{}={}", spec.query, value.replace('&', "%26"));
        let (a, notices) = parse_query(&query);
        prop_assert!(a.validate().is_ok());
        let stored = value.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| spec.from_query_number(v));
        let accepted = stored.is_some_and(|v| spec.accepts(v)) && (spec.get)(&a) == stored.unwrap_or(f64::NAN);
        prop_assert!(accepted || notices.iter().any(|n| n.parameter == spec.query), "{query}: {notices:?}");
    }
}

#[test]
fn hostile_urls_fall_back_with_notices() {
    struct Case {
        name: &'static str,
        query: &'static str,
        parameter: &'static str,
        kind: NoticeKind,
        check: fn(&Assumptions) -> bool,
    }
    let cases = [
        Case { name: "NaN premium", query: "premium=NaN", parameter: "premium", kind: NoticeKind::Malformed, check: |a| a.premium_pct == 37.5 },
        Case { name: "1e308 principal", query: "principal=1e308", parameter: "principal", kind: NoticeKind::Clamped, check: |a| a.principal_usd == 1e10 },
        Case { name: "negative hashprice", query: "hashprice=-5", parameter: "hashprice", kind: NoticeKind::Clamped, check: |a| a.hashprice_usd_per_ph_day == 1.0 },
        Case { name: "script in path", query: "path=<script>alert(1)</script>", parameter: "path", kind: NoticeKind::Malformed, check: |a| a.path == PathKind::Trend },
        Case { name: "bad settlement", query: "settlement=shares", parameter: "settlement", kind: NoticeKind::Malformed, check: |a| a.settlement == Settlement::Physical },
        Case { name: "bad start", query: "start=2022-13", parameter: "start", kind: NoticeKind::Malformed, check: |a| a.start == YearMonth { year: 2025, month: 12 } },
        Case { name: "cap below premium", query: "premium=60&cap=50", parameter: "cap", kind: NoticeKind::Adjusted, check: |a| a.cap_pct == 0.0 },
        Case { name: "unknown deal", query: "deal=NOPE-2030", parameter: "deal", kind: NoticeKind::UnknownDeal, check: |a| a.deal.is_none() },
        Case { name: "reference-only deal", query: "deal=GLXY-2025-10-EQUITY", parameter: "deal", kind: NoticeKind::NoTermsToLoad, check: |a| a.deal.is_none() },
        Case { name: "no-principal deal", query: "deal=CORZ-2021-CONV", parameter: "deal", kind: NoticeKind::NoTermsToLoad, check: |a| a.deal.is_none() },
        Case { name: "future version", query: "v=3&premium=40", parameter: "v", kind: NoticeKind::UnknownVersion, check: |a| a.premium_pct == 40.0 },
        Case { name: "malformed override keeps the deal's value", query: "deal=CIFR-2025-09&premium=abc", parameter: "premium", kind: NoticeKind::Malformed, check: |a| a.premium_pct == 37.5 && a.share_price_usd == 11.66 },
    ];
    let mut failures = Vec::new();
    for case in cases {
        let (a, notices) = parse_query(case.query);
        if !notices.iter().any(|n| n.parameter == case.parameter && n.kind == case.kind) {
            failures.push(format!("{}: no {:?} notice for {} in {notices:?}", case.name, case.kind, case.parameter));
        }
        if !(case.check)(&a) {
            failures.push(format!("{}: unexpected state for {}", case.name, case.query));
        }
        if a.validate().is_err() {
            failures.push(format!("{}: state does not validate", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explicit_parameters_override_the_deals_terms() {
    let (a, notices) = parse_query("deal=CIFR-2025-09&premium=40&share_price=10");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((a.premium_pct, a.share_price_usd, a.principal_usd), (40.0, 10.0, 1.3e9));
    assert_eq!(to_query(&a), "v=2&deal=CIFR-2025-09&share_price=10&premium=40");
}

#[test]
fn maturity_is_written_in_years_and_kept_in_whole_months() {
    let (a, _) = parse_query("maturity=7.0833");
    assert_eq!(a.maturity_months, 85);
    assert_eq!(parse_query(&to_query(&a)).0.maturity_months, 85);
}
