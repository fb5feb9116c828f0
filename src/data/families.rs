//! The families the charts group deals by, and the mapping tables that assign them.
//!
//! The mappings are data (`data/instrument_families.csv`, `data/collateral_families.csv`),
//! not code branches: a new deal with a new collateral wording lands in "other or unknown"
//! until a row maps it, and the table says so in plain sight.

use super::csv::{parse_records, CsvError};
use super::deals::Instrument;
use std::sync::OnceLock;

pub const INSTRUMENT_FAMILIES_CSV: &str = include_str!("../../data/instrument_families.csv");
pub const COLLATERAL_FAMILIES_CSV: &str = include_str!("../../data/collateral_families.csv");

/// How the issuance chart stacks deals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InstrumentFamily {
    Convertible,
    SeniorNotes,
    Loans,
    FacilitiesOther,
}

impl InstrumentFamily {
    pub const ALL: [Self; 4] = [Self::Convertible, Self::SeniorNotes, Self::Loans, Self::FacilitiesOther];

    pub fn code(self) -> &'static str {
        match self {
            Self::Convertible => "convertible",
            Self::SeniorNotes => "senior_notes",
            Self::Loans => "loans",
            Self::FacilitiesOther => "facilities_other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Convertible => "Convertible notes",
            Self::SeniorNotes => "Senior and senior secured notes",
            Self::Loans => "Equipment and bitcoin-backed loans",
            Self::FacilitiesOther => "Credit facilities and other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// How the deal scatter colours and shapes deals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CollateralFamily {
    MachinesOrBitcoin,
    Unsecured,
    DataCenter,
    OtherUnknown,
}

impl CollateralFamily {
    pub const ALL: [Self; 4] = [Self::MachinesOrBitcoin, Self::Unsecured, Self::DataCenter, Self::OtherUnknown];

    pub fn code(self) -> &'static str {
        match self {
            Self::MachinesOrBitcoin => "machines_or_bitcoin",
            Self::Unsecured => "unsecured",
            Self::DataCenter => "data_center",
            Self::OtherUnknown => "other_unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MachinesOrBitcoin => "Machines or bitcoin",
            Self::Unsecured => "Unsecured",
            Self::DataCenter => "Data-center assets and leases",
            Self::OtherUnknown => "Other or unknown",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The two mapping tables, parsed.
#[derive(Debug, Clone)]
pub struct Mappings {
    instrument: Vec<(String, InstrumentFamily)>,
    collateral: Vec<(String, CollateralFamily)>,
}

impl Mappings {
    /// The family of an instrument; every instrument code has a row (checked by tests).
    pub fn instrument_family(&self, instrument: Instrument) -> InstrumentFamily {
        self.instrument.iter().find(|(k, _)| k == instrument.code()).map(|(_, f)| *f).unwrap_or(InstrumentFamily::FacilitiesOther)
    }

    /// The family of a verbatim collateral text; unmapped text is "other or unknown".
    pub fn collateral_family(&self, collateral: &str) -> CollateralFamily {
        self.collateral.iter().find(|(k, _)| k == collateral).map(|(_, f)| *f).unwrap_or(CollateralFamily::OtherUnknown)
    }

    /// Whether the collateral table has a row for this text (tests require one per deal).
    pub fn maps_collateral(&self, collateral: &str) -> bool {
        self.collateral.iter().any(|(k, _)| k == collateral)
    }
}

/// Parses both mapping tables.
pub fn parse_mappings(instrument_csv: &str, collateral_csv: &str) -> Result<Mappings, CsvError> {
    let t = parse_records(instrument_csv)?;
    let (ci, cf) = (t.column("instrument")?, t.column("family")?);
    let mut instrument = Vec::new();
    for (i, row) in t.rows.iter().enumerate() {
        let fam = InstrumentFamily::from_code(&row[cf]).ok_or_else(|| CsvError::bad(i + 2, "family", &row[cf]))?;
        instrument.push((row[ci].clone(), fam));
    }
    let t = parse_records(collateral_csv)?;
    let (cc, cf) = (t.column("collateral")?, t.column("family")?);
    let mut collateral = Vec::new();
    for (i, row) in t.rows.iter().enumerate() {
        let fam = CollateralFamily::from_code(&row[cf]).ok_or_else(|| CsvError::bad(i + 2, "family", &row[cf]))?;
        collateral.push((row[cc].clone(), fam));
    }
    Ok(Mappings { instrument, collateral })
}

/// The embedded mapping tables, parsed once (checked by the test suite).
/// `ok().expect`: the error's `Debug` would add formatting code to the wasm, for a case the
/// test suite rules out.
#[allow(clippy::ok_expect)]
pub fn mappings() -> &'static Mappings {
    static MAPPINGS: OnceLock<Mappings> = OnceLock::new();
    MAPPINGS.get_or_init(|| {
        parse_mappings(INSTRUMENT_FAMILIES_CSV, COLLATERAL_FAMILIES_CSV).ok().expect("embedded mapping tables are valid")
    })
}
