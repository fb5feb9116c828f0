//! Published links keep their meaning. Every link in `tests/fixtures/published_links_v1.tsv`
//! (schema `v=1`, migrated by `src/model/migrate.rs`) and `tests/fixtures/published_links_v2.tsv`
//! parses with no notice, and shows the figures it showed when it was published, except where a deliberate correction of the model is recorded in
//! `tests/fixtures/corrections.tsv` (see `src/model/corrections.rs` for the policy).
//!
//! The check replays the recorded corrections, in file order, over each link's published
//! figures: a row's old value must be what the figure showed at that point (so a recorded change
//! that did not happen fails), and after the last row every figure must equal today's (so an
//! unrecorded change fails). Metrics added since publication are not compared; a metric that
//! disappeared must be recorded as `removed`.
//!
//! Recording a correction: `RECORD_CORRECTIONS=R2 cargo test --test published_links` appends one
//! row for each figure that differs today, citing rule R2 and today's date, and fails so the
//! run is never mistaken for a check. Review the rows, then run the test without the variable.

use debt_or_dilution::model::corrections::{parse, CORRECTIONS_TSV, REMOVED, RULES};
use debt_or_dilution::model::metrics::metrics;
use debt_or_dilution::model::query::parse_query;
use debt_or_dilution::model::simulate::simulate;
use std::collections::BTreeMap;
use std::fmt::Write as _;

struct Link {
    /// The schema version of the fixture file the link comes from.
    version: u32,
    name: String,
    query: String,
    published: Vec<(String, String)>,
}

/// The published links of every schema version, oldest first.
fn links() -> Vec<Link> {
    [(1, include_str!("fixtures/published_links_v1.tsv")), (2, include_str!("fixtures/published_links_v2.tsv"))]
        .into_iter()
        .flat_map(|(version, file)| file.lines().map(move |line| (version, line)))
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(version, line)| {
            let mut cols = line.split('\t');
            let (name, query, values) = (cols.next().unwrap(), cols.next().unwrap(), cols.next().unwrap_or(""));
            let published = values
                .split(' ')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or_else(|| panic!("{name}: bad pair {p}"));
                    (k.to_string(), v.to_string())
                })
                .collect();
            Link { version, name: name.into(), query: query.into(), published }
        })
        .collect()
}

/// Today's figures of a link, by metric name.
fn today(link: &Link) -> BTreeMap<String, String> {
    let (a, notices) = parse_query(&link.query);
    assert!(notices.is_empty(), "{}: notices {notices:?}", link.name);
    metrics(&simulate(&a)).into_iter().map(|m| (m.name.to_string(), m.value)).collect()
}

/// The published figures with the recorded corrections applied in order, or why a row does not
/// apply.
fn corrected(link: &Link) -> Result<BTreeMap<String, String>, String> {
    let mut figures: BTreeMap<String, String> = link.published.iter().cloned().collect();
    let rows = parse(CORRECTIONS_TSV).map_err(|e| format!("corrections.tsv line {}: {}", e.line, e.reason))?;
    for row in rows.iter().filter(|r| r.link == link.query) {
        let Some(current) = figures.get(row.metric) else {
            return Err(format!("{}: {} {} was already removed or never published", link.name, row.rule, row.metric));
        };
        if current != row.old {
            return Err(format!(
                "{}: {} records {} changing from {}, but at that point it showed {current}",
                link.name, row.rule, row.metric, row.old
            ));
        }
        if row.new == REMOVED {
            figures.remove(row.metric);
        } else {
            figures.insert(row.metric.to_string(), row.new.to_string());
        }
    }
    Ok(figures)
}

/// Today's date, `YYYY-MM-DD`, from the system clock (days since 1970 to the civil date).
fn today_date() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[test]
fn there_are_at_least_ten_published_links_covering_every_path_and_structure() {
    let links = links();
    assert!(links.len() >= 10, "{} links", links.len());
    for needle in ["path=replay", "path=trend", "path=montecarlo", "deal=", "settlement=", "wall="] {
        assert!(links.iter().any(|l| l.query.contains(needle)), "no published link uses {needle}");
    }
    for l in &links {
        let v = format!("v={}", l.version);
        assert!(l.query == v || l.query.starts_with(&format!("{v}&")), "{}: a link of the v{} fixture names its schema version", l.name, l.version);
    }
    assert!(links.iter().any(|l| l.version == 2 && l.query.contains("btc_drift=")), "a v=2 link sets the drift");
}

#[test]
fn every_correction_names_a_published_link_and_a_rule() {
    let rows = parse(CORRECTIONS_TSV).unwrap_or_else(|e| panic!("corrections.tsv line {}: {}", e.line, e.reason));
    let queries: Vec<String> = links().into_iter().map(|l| l.query).collect();
    for row in &rows {
        assert!(queries.iter().any(|q| q == row.link), "corrections.tsv names a link that was never published: {}", row.link);
        assert!(RULES.contains(&row.rule), "{}", row.rule);
    }
}

#[test]
fn every_published_link_shows_its_figures_with_the_recorded_corrections() {
    let rule = std::env::var("RECORD_CORRECTIONS").ok();
    if let Some(rule) = &rule {
        assert!(RULES.contains(&rule.as_str()), "RECORD_CORRECTIONS must be one of {RULES:?}");
    }
    let mut failures = Vec::new();
    let mut new_rows = String::new();
    for link in links() {
        let expected = match corrected(&link) {
            Ok(e) => e,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let shown = today(&link);
        for (metric, value) in &expected {
            let now = shown.get(metric).map(String::as_str).unwrap_or(REMOVED);
            if now != value {
                match &rule {
                    Some(rule) => writeln!(new_rows, "{}\t{metric}\t{value}\t{now}\t{rule}\t{}", link.query, today_date()).unwrap(),
                    None => failures.push(format!(
                        "{}: {metric} was {value} when published (after recorded corrections) and is now {now}; \
                         record a deliberate correction in tests/fixtures/corrections.tsv, or raise `v` with a migration \
                         if a parameter's meaning changed",
                        link.name
                    )),
                }
            }
        }
    }
    if rule.is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corrections.tsv");
        let mut text = std::fs::read_to_string(path).expect("read corrections.tsv");
        text.push_str(&new_rows);
        std::fs::write(path, text).expect("write corrections.tsv");
        panic!("RECORD_CORRECTIONS: appended {} rows; review them and run again without the variable", new_rows.lines().count());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
