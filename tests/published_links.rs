//! Published links keep their meaning (issue 7): every `v=1` link in
//! `tests/fixtures/published_links_v1.tsv` parses with no notice and shows exactly the
//! `data-metric` values it showed when it was published. A change that breaks or silently
//! alters one needs a new schema version and a migration, not an edit of the fixture.

use debt_or_dilution::model::metrics::metrics;
use debt_or_dilution::model::query::parse_query;
use debt_or_dilution::model::simulate::simulate;

struct Link {
    name: String,
    query: String,
    expected: Vec<(String, String)>,
}

fn links() -> Vec<Link> {
    include_str!("fixtures/published_links_v1.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.split('\t');
            let (name, query, values) = (cols.next().unwrap(), cols.next().unwrap(), cols.next().unwrap_or(""));
            let expected = values
                .split(' ')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or_else(|| panic!("{name}: bad pair {p}"));
                    (k.to_string(), v.to_string())
                })
                .collect();
            Link { name: name.into(), query: query.into(), expected }
        })
        .collect()
}

#[test]
fn there_are_at_least_ten_published_links_covering_every_path_and_structure() {
    let links = links();
    assert!(links.len() >= 10, "{} links", links.len());
    for needle in ["path=replay", "path=trend", "path=montecarlo", "deal=", "settlement=", "wall="] {
        assert!(links.iter().any(|l| l.query.contains(needle)), "no published link uses {needle}");
    }
    assert!(links.iter().all(|l| l.query.starts_with("v=1")), "every fixture link names its schema version");
}

#[test]
fn every_published_link_parses_cleanly_and_shows_the_same_values() {
    for link in links() {
        let (a, notices) = parse_query(&link.query);
        assert!(notices.is_empty(), "{}: notices {notices:?}", link.name);
        let shown: Vec<(String, String)> = metrics(&simulate(&a)).into_iter().map(|m| (m.name.to_string(), m.value)).collect();
        assert_eq!(shown.len(), link.expected.len(), "{}: the set of metrics changed", link.name);
        for ((name, value), (e_name, e_value)) in shown.iter().zip(&link.expected) {
            assert_eq!(name, e_name, "{}: metric order changed", link.name);
            assert_eq!(
                value, e_value,
                "{}: {name} was {e_value} when published and is now {value}; a change that alters a published link needs a new `v` and a migration",
                link.name
            );
        }
    }
}
