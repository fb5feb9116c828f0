//! Presets: three scenarios, and real deals' terms loaded from the dataset by id.
//!
//! A scenario preset is a query string over the defaults, read by the one parser. So is a deal
//! preset: the rules that turn a dataset row into terms (`super::deal_terms`, in
//! docs/model.md's "Deal presets") run on the host, and their result is committed as
//! `deal_presets.tsv`, which the page embeds. The page carries each deal's terms, not the code
//! that derives them; `tests/model_presets.rs` fails when the file and the rules disagree
//! (`UPDATE_FACTS=1` rewrites it).

use super::assumptions::Assumptions;
use super::query::parse_query;
use std::fmt;

/// Which structure a deal's terms feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Structure {
    /// A: ASIC-backed loan (and other loans and facilities).
    Loan,
    /// B: convertible notes.
    Convertible,
    /// C: senior (secured) notes.
    SecuredNotes,
}

/// A named starting point for the calculator.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// `2022-replay`, `2026-mining-expansion`, `2026-ai-pivot`, or the dataset id.
    pub id: String,
    pub title: String,
    pub description: String,
    pub assumptions: Assumptions,
    /// The structure a deal's terms were loaded into.
    pub structure: Option<Structure>,
    /// Query names of terms the dataset does not give (shown as "assumed").
    pub assumed: Vec<&'static str>,
    pub source_url: Option<String>,
    pub source_title: Option<String>,
}

/// Why a deal cannot be loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealPresetError {
    /// No deal with that id.
    UnknownDeal,
    /// The deal has nothing the model can run; the reason in words.
    NoTermsToLoad(&'static str),
}

impl fmt::Display for DealPresetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DealPresetError::UnknownDeal => write!(f, "no such deal in the dataset"),
            DealPresetError::NoTermsToLoad(reason) => write!(f, "no terms to load ({reason})"),
        }
    }
}

impl std::error::Error for DealPresetError {}

/// The 2022 replay's terms, shared by the "2022 replay" preset and the story's loan section: the
/// validation cases' 2021-style loan ($70M at 12% over 24 months, 70% loan-to-value, 30 J/TH
/// machines valued at 400 days of hashprice) on 2022's real hashprice. The fleet is 1,100 PH/s
/// so that the loan is what it says: at January 2022's hashprice 1,000 PH/s were worth $94.6M,
/// a 74% loan-to-value for $70M.
pub const REPLAY_2022: &str = "path=replay&start=2022-01&fleet=1100&efficiency=30&opex=0&uptime=100&cash=20000000&shares=100000000&share_price=10&machine_value=400&th_per_machine=100&principal=70000000&proceeds_cash=100&ltv_max=0&haircut=0&loan_fee=0&maturity=5&premium=35&cap=0&cap_cost=0&issue_cost=0&call_start=0";

/// The scenario presets: (id, title, description, query over the defaults).
const SCENARIOS: &[(&str, &str, &str, &str)] = &[
    (
        "2026-mining-expansion",
        "2026 mining expansion",
        "Today's conditions: $150M raised for new machines, a 60% LTV loan over 36 months against a convertible.",
        "path=montecarlo&principal=150000000&ltv=60&loan_term=36",
    ),
    (
        "2026-ai-pivot",
        "2026 AI pivot",
        "$1B raised for an AI/HPC build-out by a company worth $3.5B, TeraWulf's size in August 2025: ASIC collateral cannot back it, convertible or secured notes can.",
        "path=montecarlo&principal=1000000000&hpc_share=100&hpc_weight=40&ltv=60&loan_term=36&share_price=14",
    ),
    (
        "2022-replay",
        "2022 replay",
        "A 2021-style loan on a 1,100 PH/s S19-class fleet struck in January 2022, against a zero-coupon convertible, on 2022's real hashprice, on the terms of the model's validation cases.",
        REPLAY_2022,
    ),
];

/// The three scenario presets.
pub fn scenario_presets() -> Vec<Preset> {
    SCENARIOS
        .iter()
        .map(|(id, title, description, query)| Preset {
            id: id.to_string(),
            title: title.to_string(),
            description: description.to_string(),
            assumptions: parse_query(query).0,
            structure: None,
            assumed: Vec::new(),
            source_url: None,
            source_title: None,
        })
        .collect()
}

/// The scenario preset with this id.
pub fn scenario_preset(id: &str) -> Option<Preset> {
    scenario_presets().into_iter().find(|p| p.id == id)
}

/// Each dataset row's preset, one line each, tab-separated: `id, structure (A, B or C),
/// description, assumed terms (comma-separated), query over the defaults`; or `id, -, why it
/// has no terms to load`. The title and the source come from the dataset row itself.
pub const DEAL_PRESETS_TSV: &str = include_str!("deal_presets.tsv");

/// The deal's terms over the defaults (what `deal=ID` in a URL loads).
pub fn deal_preset(id: &str) -> Result<Preset, DealPresetError> {
    let deal = crate::data::deals::find(id).ok_or(DealPresetError::UnknownDeal)?;
    let row = DEAL_PRESETS_TSV.lines().find(|l| l.split('\t').next() == Some(id)).ok_or(DealPresetError::UnknownDeal)?;
    let f: Vec<&'static str> = row.split('\t').collect();
    let field = |i: usize| f.get(i).copied().unwrap_or_default();
    let structure = match field(1) {
        "A" => Structure::Loan,
        "B" => Structure::Convertible,
        "C" => Structure::SecuredNotes,
        _ => return Err(DealPresetError::NoTermsToLoad(field(2))),
    };
    let mut assumptions = parse_query(field(4)).0;
    assumptions.deal = Some(id.to_string());
    Ok(Preset {
        id: id.to_string(),
        title: format!("{} {}", deal.issuer, deal.closing_month().map(|m| m.to_string()).unwrap_or_default()),
        description: field(2).to_string(),
        assumptions,
        structure: Some(structure),
        assumed: field(3).split(',').filter(|a| !a.is_empty()).collect(),
        source_url: Some(deal.source_url.clone()),
        source_title: Some(deal.source_host().to_string()),
    })
}

/// Every dataset id that loads.
pub fn loadable_deal_ids() -> Vec<&'static str> {
    DEAL_PRESETS_TSV.lines().filter_map(|l| l.split_once('\t')).filter(|(_, rest)| !rest.starts_with('-')).map(|(id, _)| id).collect()
}
