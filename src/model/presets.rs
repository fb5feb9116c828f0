//! Presets: three scenarios, and real deals' terms loaded
//! from the dataset by id.
//!
//! A scenario preset is a query string over the defaults, read by the one parser.
//!
//! A deal preset models the notes as issued in their closing month (the announced month
//! where closing is missing): `start` is the month after, so that t = 0 is the closing month, the path a replay from it (history to
//! Nov 2025, then the trend), the principal `principal_usd`, the maturity whole months from
//! then to the maturity date. Of reference price, premium and conversion price (1000 / the
//! published conversion rate where there is one, since printed prices are rounded), two
//! known give the third (MARA-2025-07's reference is its cap, $24.14, over 1.40 — the cap premium
//! its release states, kept in [`PUBLISHED_CAP_PREMIUMS`]). A term the dataset lacks keeps
//! the current value and is listed in [`Preset::assumed`]; shares outstanding always is.
//! Convertibles load structure B's terms, senior (secured) notes structure C's, loans and
//! facilities structure A's coupon and term. Reference-only rows, rows without a principal
//! and `other` instruments have no terms to load.

use super::assumptions::{Assumptions, PathKind, EARLIEST_START, LATEST_START};
use super::money::{Exact, Money};
use super::query::parse_query;
use crate::data::calendar::{PartialDate, YearMonth};
use crate::data::deals::{deals, find, CappedCall, Coupon, Deal, Instrument, Maturity, Put};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
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

/// Cap premiums stated by a source but not a dataset column: (deal id, percent, source).
pub const PUBLISHED_CAP_PREMIUMS: &[(&str, f64, &str)] =
    &[("MARA-2025-07", 40.0, "cap $24.14 = 40% over the reference price (StockTitan)")];

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
        "$1B raised for an AI/HPC build-out: ASIC collateral cannot back it, convertible or secured notes can.",
        "path=montecarlo&principal=1000000000&hpc_share=100&hpc_weight=40&ltv=60&loan_term=36",
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

/// The deal's terms over the defaults (what `deal=ID` in a URL loads).
pub fn deal_preset(id: &str) -> Result<Preset, DealPresetError> {
    let deal = find(id).ok_or(DealPresetError::UnknownDeal)?;
    apply_deal(&Assumptions::default(), deal)
}

/// Every dataset id that loads.
pub fn loadable_deal_ids() -> Vec<&'static str> {
    deals().iter().filter(|d| apply_deal(&Assumptions::default(), d).is_ok()).map(|d| d.id.as_str()).collect()
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Whole months from the closing month to a maturity, when the maturity is a date to the
/// month or day, or a term in words ("36 months", "2 years", "364 days").
fn maturity_months(closing: Option<YearMonth>, maturity: &Maturity) -> Option<u32> {
    let months = match maturity {
        Maturity::Date(date) => closing?.months_until(PartialDate::year_month(*date)?),
        Maturity::Text(text) => {
            let mut words = text.split_whitespace();
            let count: f64 = super::number::parse_number(words.next()?)?;
            let unit = words.next()?.trim_end_matches(|c: char| !c.is_alphabetic());
            match unit {
                "month" | "months" => count as i32,
                "year" | "years" => (count * 12.0) as i32,
                "day" | "days" => libm::round(count / (365.0 / 12.0)) as i32,
                _ => return None,
            }
        }
        Maturity::Unknown => return None,
    };
    (months > 0).then_some(months as u32)
}

/// A fixed coupon, or the middle of a stated range (then assumed).
fn coupon_pct(coupon: &Coupon) -> Option<(f64, bool)> {
    match coupon {
        Coupon::Fixed(c) => Some((to_f64(*c), false)),
        Coupon::Range(lo, hi) => Some((to_f64(((Exact(*lo) + Exact(*hi)) / Exact(Decimal::TWO)).0), true)),
        Coupon::Floating(_) | Coupon::Unknown => None,
    }
}

/// Loads `deal`'s terms over `current` (the rules are in the module docs).
pub fn apply_deal(current: &Assumptions, deal: &Deal) -> Result<Preset, DealPresetError> {
    if deal.reference_only {
        return Err(DealPresetError::NoTermsToLoad("reference only"));
    }
    let principal = deal.principal_usd.ok_or(DealPresetError::NoTermsToLoad("no principal"))?;
    let structure = match deal.instrument {
        Instrument::ConvertibleNotes => Structure::Convertible,
        Instrument::SeniorNotes | Instrument::SeniorSecuredNotes => Structure::SecuredNotes,
        Instrument::EquipmentLoan | Instrument::BtcBackedLoan | Instrument::CreditFacility => Structure::Loan,
        Instrument::Other => return Err(DealPresetError::NoTermsToLoad("not a loan or notes")),
    };
    let mut a = current.clone();
    let mut assumed: Vec<&'static str> = vec!["shares"];
    a.deal = Some(deal.id.clone());
    a.path = PathKind::Replay;
    a.horizon_months = 0;
    a.principal_usd = to_f64(principal);
    let closing = deal.closing_month();
    match closing {
        // t = 0 is the month before `start`: the closing month, so the maturity, put and call
        // months counted from closing land on their calendar months.
        Some(m) if m.add_months(1) >= EARLIEST_START => a.start = m.add_months(1).min(LATEST_START),
        // Before the data (Jan 2021) or undated: the replay starts where it can.
        Some(_) => {
            a.start = EARLIEST_START;
            assumed.push("start");
        }
        None => assumed.push("start"),
    }
    let term = maturity_months(closing, &deal.maturity);
    let coupon = coupon_pct(&deal.coupon);
    if coupon.is_none_or(|(_, middle)| middle) {
        assumed.push(match structure {
            Structure::Loan => "loan_coupon",
            Structure::Convertible => "coupon",
            Structure::SecuredNotes => "secured_coupon",
        });
    }
    match structure {
        Structure::Loan => {
            if let Some((c, _)) = coupon {
                a.loan_coupon_pct = c;
            }
            match term {
                Some(t) => a.loan_term_months = t,
                None => assumed.push("loan_term"),
            }
            a.loan_interest_only_months = a.loan_interest_only_months.min(a.loan_term_months.saturating_sub(1));
        }
        Structure::SecuredNotes => {
            if let Some((c, _)) = coupon {
                a.secured_coupon_pct = c;
            }
            match term {
                Some(t) => a.secured_term_months = t,
                None => assumed.push("secured_term"),
            }
            assumed.push("secured_amort");
            assumed.push("secured_reserve");
        }
        Structure::Convertible => {
            if let Some((c, _)) = coupon {
                a.coupon_pct = c;
            }
            match term {
                Some(t) => a.maturity_months = t,
                None => assumed.push("maturity"),
            }
            convertible_prices(deal, &mut a, &mut assumed);
            puts_and_calls(deal, closing, &mut a, &mut assumed);
        }
    }
    if deal.use_of_proceeds == "ai_hpc" {
        // The proceeds build a data center: all of them in the model, as the split between the
        // build and the rest is not in the dataset.
        a.hpc_share_pct = 100.0;
        a.proceeds_cash_pct = 0.0;
        assumed.push("hpc_share");
    }
    // Loaded terms must be runnable as they are: bring anything a deal could push out of
    // range back in (the preset test checks no dataset deal needs it).
    let (a, _) = a.sanitized();
    Ok(Preset {
        id: deal.id.clone(),
        title: format!("{} {}", deal.issuer, deal.closing_month().map(|m| m.to_string()).unwrap_or_default()),
        description: describe_deal(deal, structure),
        assumptions: a,
        structure: Some(structure),
        assumed,
        source_url: Some(deal.source_url.clone()),
        source_title: Some(deal.source_host().to_string()),
    })
}

/// The holders' put and the issuer's call, in months from the closing month. A deal whose
/// research found no put keeps none; where the research found nothing, the current values stay
/// and are marked assumed.
fn puts_and_calls(deal: &Deal, closing: Option<YearMonth>, a: &mut Assumptions, assumed: &mut Vec<&'static str>) {
    let months_to = |date: PartialDate| Some(closing?.months_until(PartialDate::year_month(date)?)).filter(|m| *m > 0).map(|m| m as u32);
    match deal.put {
        Put::On(date) => match months_to(date) {
            Some(m) => a.put_month = m,
            None => assumed.push("put"),
        },
        Put::None => a.put_month = 0,
        Put::Unknown => assumed.push("put"),
    }
    match deal.call_start.and_then(months_to) {
        Some(m) => a.call_start_month = m,
        None => assumed.push("call_start"),
    }
    match deal.call_trigger_pct {
        Some(pct) => a.call_trigger_pct = to_f64(pct),
        None => assumed.push("call_trigger"),
    }
}

/// One line on the deal and where its terms went: "$1.3B of convertible notes at 0%, due
/// 2031-10-01, loaded as structure B".
fn describe_deal(deal: &Deal, structure: Structure) -> String {
    let amount = deal.principal_usd.map(|p| crate::narrative::format::dollars(to_f64(p))).unwrap_or_else(|| "an unknown amount".into());
    let into = match structure {
        Structure::Loan => "the loan",
        Structure::Convertible => "the convertible",
        Structure::SecuredNotes => "the secured notes",
    };
    format!(
        "{amount} of {}, coupon {}, maturity {}; its terms are loaded into {into}.",
        deal.instrument_family.label().to_ascii_lowercase(),
        deal.coupon.label(),
        deal.maturity.label()
    )
}

/// Reference price, premium, conversion price and cap (docs/model.md, "Structure B: convertible
/// notes"): two of the first three give the third; the cap premium is cap / reference − 1.
///
/// In [`Exact`] arithmetic (see [`super::money::sum_exact`] for why not `Decimal`'s operators).
fn convertible_prices(deal: &Deal, a: &mut Assumptions, assumed: &mut Vec<&'static str>) {
    let (one, hundred) = (Exact(Decimal::ONE), Exact(Decimal::ONE_HUNDRED));
    let published_cap_premium = PUBLISHED_CAP_PREMIUMS
        .iter()
        .find(|(id, _, _)| *id == deal.id)
        .map(|(_, pct, _)| Exact::from_f64(*pct));
    let premium = deal.conversion_premium_pct.map(|p| Exact(p) / hundred);
    // The published conversion rate is the contractual figure; the printed conversion price
    // is rounded to cents, so K = 1000 / CR when the rate is known.
    let conversion = deal
        .conversion_rate_per_1000
        .filter(|cr| !cr.is_zero())
        .map(|cr| Exact(Decimal::ONE_THOUSAND) / Exact(cr))
        .or(deal.conversion_price_usd.map(Exact))
        .filter(|k| !k.0.is_zero());
    let reference = deal
        .reference_price_usd
        .filter(|r| !r.is_zero())
        .map(Exact)
        .or_else(|| Some(conversion? / (one + premium?)))
        .or_else(|| Some(Exact(deal.cap_price_usd?) / (one + published_cap_premium? / hundred)));
    let premium = premium.or_else(|| Some(conversion? / reference? - one));
    match reference {
        Some(r) => a.share_price_usd = to_f64(r.0),
        None => assumed.push("share_price"),
    }
    match premium {
        Some(p) => a.premium_pct = to_f64((p * hundred).0),
        None => assumed.push("premium"),
    }
    match deal.capped_call {
        CappedCall::No => a.cap_pct = 0.0,
        CappedCall::Yes | CappedCall::Unknown => match (deal.cap_price_usd, reference) {
            (Some(cap), Some(r)) if !r.0.is_zero() => a.cap_pct = to_f64(((Exact(cap) / r - one) * hundred).0),
            _ => assumed.push("cap"),
        },
    }
    if a.has_capped_call() && a.cap_pct <= a.premium_pct {
        // A cap the dataset's premium overtakes cannot be right: no capped call, assumed.
        a.cap_pct = 0.0;
        assumed.push("cap");
    }
}
