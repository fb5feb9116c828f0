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

/// Every migration, in order: the `i`-th migrates version `i + 1`. Empty while `v=1` is
/// the only version ever published.
pub const MIGRATIONS: &[Migration] = &[];

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
