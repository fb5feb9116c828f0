//! The README is part of the contract: it lists every `data-metric` name and every query
//! parameter a reader is likely to use, so a renamed metric cannot go unnoticed.

use debt_or_dilution::model::metrics::metric_names;

const README: &str = include_str!("../README.md");

#[test]
fn every_metric_name_is_listed() {
    let missing: Vec<&str> = metric_names().into_iter().filter(|n| !README.contains(&format!("`{n}`"))).collect();
    assert!(missing.is_empty(), "README.md does not list: {missing:?}");
}

#[test]
fn it_opens_with_the_two_commands() {
    let mut lines = README.lines().filter(|l| !l.trim().is_empty());
    assert_eq!(lines.next(), Some("```sh"));
    assert_eq!(lines.next(), Some("make serve"));
    assert_eq!(lines.next(), Some("make test"));
    assert_eq!(lines.next(), Some("```"));
}
