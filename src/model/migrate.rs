//! Links of older schema versions, rewritten into the current one.
//!
//! What a published link shows may change in one way only: a deliberate correction of the model
//! (a rule that gave a wrong answer is fixed, or a default changes), recorded figure by figure in
//! `tests/fixtures/corrections.tsv` (see [`super::corrections`]), never hidden behind a new `v`.
//! A change to what a parameter *means* (a new unit, a renamed parameter) is different: the schema
//! version goes up by one and a [`Migration`] from the old version is appended to [`MIGRATIONS`],
//! rewriting the link's parameters so today's parser reads them as the author meant them.
//! `tests/fixtures/published_links_v1.tsv` holds published `v=1` links with the figures they
//! showed; `tests/published_links.rs` fails if one of them shows anything else than those figures
//! with the recorded corrections applied.
//!
//! The current version is `1 + MIGRATIONS.len()`, so adding a migration is what raises it.

/// One step: rewrites the decoded pairs of a link of version `from` into version `from + 1`.
#[derive(Clone, Copy)]
pub struct Migration {
    pub from: u32,
    /// What changed, for the reader of this table.
    pub change: &'static str,
    pub apply: fn(&mut Vec<(String, String)>),
}

/// Every migration, in order: the `i`-th migrates version `i + 1`.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    // What changed is for the reader of this table and its tests; the page never shows it.
    change: if cfg!(target_arch = "wasm32") { "" } else { "btc_drift and network_growth become effective annual rates (v=1 read them as log rates)" },
    apply: effective_rates,
}];

/// The rate parameters whose unit changed from a log rate (v=1) to an effective annual rate (v=2),
/// with their v=1 defaults in percent.
const LOG_RATES_OF_V1: [(&str, f64); 2] = [("btc_drift", 0.0), ("network_growth", 30.0)];

/// v=1 → v=2: a log rate g becomes the effective rate x = e^g − 1 that grows by the same factor
/// in a year. A parameter the link left out took its v=1 default, which is written out in its
/// effective form, since v=2's default is a different growth. A value that is not a number is
/// left alone: the parser reports it as malformed whatever its version.
fn effective_rates(pairs: &mut Vec<(String, String)>) {
    for (name, v1_default) in LOG_RATES_OF_V1 {
        let effective = |log_pct: f64| format!("{}", (libm::exp(log_pct / 100.0) - 1.0) * 100.0);
        let mut present = false;
        for (_, value) in pairs.iter_mut().filter(|(k, _)| k == name) {
            present = true;
            if let Some(g) = super::number::parse_number(value.trim()).filter(|g| g.is_finite()) {
                *value = effective(g);
            }
        }
        if !present {
            pairs.push((name.to_string(), effective(v1_default)));
        }
    }
}

/// The schema version links are written with.
pub const CURRENT: u32 = 1 + MIGRATIONS.len() as u32;

/// What a link's `v` says about how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// A version from 1 to the current one: migrated, then read.
    Known(u32),
    /// Missing (a hand-written link): read as the current version.
    Missing,
    /// Not a number, zero, or newer than this parser: read as the current version, with a notice.
    Unknown,
}

/// Reads the last `v` of a link's pairs.
pub fn version_of(pairs: &[(String, String)]) -> Version {
    match pairs.iter().rev().find(|(k, _)| k == "v") {
        None => Version::Missing,
        Some((_, v)) => match v.trim().parse::<u32>() {
            Ok(n) if (1..=CURRENT).contains(&n) => Version::Known(n),
            _ => Version::Unknown,
        },
    }
}

/// Applies the migrations of `table` from version `from` onwards, in order.
pub fn migrate_with(table: &[Migration], pairs: &mut Vec<(String, String)>, from: u32) {
    for step in table.iter().filter(|m| m.from >= from) {
        (step.apply)(pairs);
    }
}

/// Rewrites a link's pairs from its version into the current one.
pub fn migrate(pairs: &mut Vec<(String, String)>) {
    if let Version::Known(from) = version_of(pairs) {
        migrate_with(MIGRATIONS, pairs, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_table_is_a_chain_from_version_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from, i as u32 + 1, "migration {i} ({}) must start from version {}", m.change, i + 1);
        }
        assert_eq!(CURRENT, MIGRATIONS.len() as u32 + 1);
    }

    #[test]
    fn v1_log_rates_become_the_effective_rates_of_the_same_growth() {
        let mut p = pairs(&[("v", "1"), ("btc_drift", "-20"), ("premium", "40")]);
        migrate(&mut p);
        let value = |p: &[(String, String)], k: &str| p.iter().find(|(n, _)| n == k).map(|(_, v)| v.parse::<f64>().unwrap());
        // e^-0.2 − 1 = −18.13%: a "−20%" log drift was an 18.1% fall in a year.
        assert!((value(&p, "btc_drift").unwrap() - -18.126_924_692_201_82).abs() < 1e-12);
        // The v=1 default growth of 30 (log) is written out: ×e^0.3 = ×1.3499 a year.
        assert!((value(&p, "network_growth").unwrap() - 34.985_880_757_600_31).abs() < 1e-12);
        assert_eq!(value(&p, "premium"), Some(40.0));
        let mut v2 = pairs(&[("v", "2"), ("btc_drift", "-20")]);
        migrate(&mut v2);
        assert_eq!(v2, pairs(&[("v", "2"), ("btc_drift", "-20")]));
        let mut bad = pairs(&[("v", "1"), ("btc_drift", "abc")]);
        migrate(&mut bad);
        assert_eq!(value(&bad, "network_growth").map(|g| g.round()), Some(35.0));
        assert_eq!(bad[1], ("btc_drift".to_string(), "abc".to_string()));
    }

    #[test]
    fn v2_ranges_hold_the_images_of_the_v1_ranges() {
        use super::super::fields::field;
        for (name, (lo, hi)) in [("btc_drift", (-100.0, 100.0)), ("network_growth", (-50.0, 100.0))] {
            let spec = field(name).unwrap();
            for g in [lo, hi] {
                let x = libm::expm1(g / 100.0) * 100.0;
                assert!(spec.to_query_number(spec.min) <= x && x <= spec.to_query_number(spec.max), "{name}: {g} → {x}");
            }
        }
    }

    #[test]
    fn versions_are_read_from_the_last_v() {
        assert_eq!(version_of(&pairs(&[("v", "1")])), Version::Known(1));
        assert_eq!(version_of(&pairs(&[("premium", "40")])), Version::Missing);
        for bad in ["0", "x", "", "-1", "99999999999", "1.0"] {
            assert_eq!(version_of(&pairs(&[("v", bad)])), Version::Unknown, "{bad}");
        }
        assert_eq!(version_of(&pairs(&[("v", "x"), ("v", "1")])), Version::Known(1));
        assert_eq!(version_of(&pairs(&[("v", &(CURRENT + 1).to_string())])), Version::Unknown);
    }

    // The table's signature takes the `Vec`: a migration may add or remove pairs; this one
    // only rewrites them.
    #[allow(clippy::ptr_arg)]
    fn rename_premium(p: &mut Vec<(String, String)>) {
        for (k, _) in p.iter_mut().filter(|(k, _)| k == "prem") {
            *k = "premium".into();
        }
    }

    // The table's signature takes the `Vec`: a migration may add or remove pairs; this one
    // only rewrites them.
    #[allow(clippy::ptr_arg)]
    fn percent_from_fraction(p: &mut Vec<(String, String)>) {
        for (_, v) in p.iter_mut().filter(|(k, _)| k == "premium") {
            if let Ok(x) = v.parse::<f64>() {
                *v = format!("{}", x * 100.0);
            }
        }
    }

    #[test]
    fn a_chain_of_steps_applies_from_the_link_version_on() {
        // A made-up history: v1 called it `prem` as a fraction; v2 renamed it; v3 made it a percent.
        let table = [
            Migration { from: 1, change: "prem renamed premium", apply: rename_premium },
            Migration { from: 2, change: "premium in percent", apply: percent_from_fraction },
        ];
        let mut v1 = pairs(&[("v", "1"), ("prem", "0.4")]);
        migrate_with(&table, &mut v1, 1);
        assert_eq!(v1, pairs(&[("v", "1"), ("premium", "40")]));
        let mut v2 = pairs(&[("v", "2"), ("premium", "0.3")]);
        migrate_with(&table, &mut v2, 2);
        assert_eq!(v2, pairs(&[("v", "2"), ("premium", "30")]));
        let mut v3 = pairs(&[("v", "3"), ("premium", "25")]);
        migrate_with(&table, &mut v3, 3);
        assert_eq!(v3, pairs(&[("v", "3"), ("premium", "25")]));
    }
}
