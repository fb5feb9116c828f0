//! The hostile URL list (`tests/fixtures/hostile_urls.txt`, loaded in the browser by
//! `tests/e2e/hostile.test.mjs`) checked on the host: it covers every parameter the page reads
//! with a script or HTML payload, and each line's expected notices are exactly the parser's (and
//! the page's own, for `theme` and `embed_id`), so
//! the browser test's expectations are the parser's own.

use debt_or_dilution::embed::{embed_request, page_notices};
use debt_or_dilution::model::fields::{field, FIELDS};
use debt_or_dilution::model::query::{pairs, parse_query};
use std::collections::BTreeSet;

/// Names the page reads besides the numeric fields.
const OTHER_NAMES: [&str; 10] = ["path", "start", "seed", "settlement", "wall", "deal", "v", "embed", "embed_id", "theme"];

/// Names that are not the calculator's: a notice never names them.
fn presentation_or_unknown(name: &str) -> bool {
    matches!(name, "embed" | "embed_id" | "theme") || !(field(name).is_some() || OTHER_NAMES.contains(&name))
}

/// `{repeat:N:TEXT}` expanded, as the browser test does.
fn expand(query: &str) -> String {
    let mut out = String::new();
    let mut rest = query;
    while let Some(at) = rest.find("{repeat:") {
        out.push_str(&rest[..at]);
        let inner = &rest[at + 8..];
        let end = inner.find('}').expect("a closing brace");
        let (count, text) = inner[..end].split_once(':').expect("{repeat:N:TEXT}");
        out.push_str(&text.repeat(count.parse().expect("a count")));
        rest = &inner[end + 1..];
    }
    out.push_str(rest);
    out
}

/// (name, query, expected notices) of every line of the fixture.
fn lines() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile_urls.txt")).unwrap();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "three tab-separated columns: {l}");
            (cols[0].to_string(), expand(cols[1]), cols[2].to_string())
        })
        .collect()
}

#[test]
fn every_parameter_carries_a_payload_somewhere() {
    let mut with_payload = BTreeSet::new();
    for (_, query, _) in lines() {
        for (k, v) in pairs(&query) {
            if v.contains('<') && v.contains("hostile") {
                with_payload.insert(k);
            }
        }
    }
    let missing: Vec<&str> =
        FIELDS.iter().map(|f| f.query).chain(OTHER_NAMES).filter(|n| !with_payload.contains(*n)).collect();
    assert!(missing.is_empty(), "parameters without a script/HTML payload in the list: {missing:?}");
}

#[test]
fn the_list_covers_what_the_issue_names() {
    let all: Vec<(String, String, String)> = lines();
    let queries: Vec<&str> = all.iter().map(|(_, q, _)| q.as_str()).collect();
    let has = |needle: &str| queries.iter().any(|q| q.contains(needle));
    for needle in ["=NaN", "=inf", "=-0", "=1e308", "premium=&", "v=3", "deal=NOPE", "x_", "embed=<hostile"] {
        assert!(has(needle), "no URL with {needle}");
    }
    assert!(queries.iter().any(|q| q.len() >= 10_000), "a 10 KB query");
    assert!(
        queries.iter().any(|q| {
            let names: Vec<String> = pairs(q).into_iter().map(|(k, _)| k).collect();
            names.iter().enumerate().any(|(i, n)| names[..i].contains(n))
        }),
        "a repeated parameter"
    );
    assert!(all.len() >= 20, "{} URLs", all.len());
}

#[test]
fn each_url_gives_a_valid_state_and_exactly_the_notices_listed() {
    let mut failures = Vec::new();
    for (name, query, expected) in lines() {
        let (a, notices) = parse_query(&query);
        if let Err(errors) = a.validate() {
            failures.push(format!("{name}: invalid state {errors:?}"));
        }
        // The page shows the parser's notices and its own (theme, embed_id); an unknown embed
        // view shows the list of views instead.
        let unknown_view = embed_request(&query).is_some_and(|r| r.view.is_err());
        let got: BTreeSet<String> = if unknown_view {
            BTreeSet::new()
        } else {
            notices.iter().chain(&page_notices(&query)).map(|n| n.parameter.clone()).collect()
        };
        let want: BTreeSet<String> = match expected.as_str() {
            "-" => BTreeSet::new(),
            "all" => pairs(&query).into_iter().map(|(k, _)| k).filter(|k| !presentation_or_unknown(k)).collect(),
            list => list.split(',').map(String::from).collect(),
        };
        if got != want {
            failures.push(format!("{name}: notices name {got:?}, the list says {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
