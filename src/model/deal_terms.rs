//! A dataset row's terms as a deal preset (docs/model.md, "Deal presets"). Host only: the
//! result is committed as `deal_presets.tsv` ([`bake`]), which the page reads
//! ([`super::presets::deal_preset`]).
//!
//! A deal preset models the notes as issued in their closing month (the announced month
//! where closing is missing): `start` is the month after, so that t = 0 is the closing month,
//! the path a replay from it (history to Nov 2025, then the trend), the principal
//! `principal_usd`, the maturity whole months from then to the maturity date. Of reference
//! price, premium and conversion price (1000 / the published conversion rate where there is
//! one, since printed prices are rounded), two known give the third (MARA-2025-07's reference
//! is its cap, $24.14, over 1.40 — the cap premium its release states, kept in
//! [`PUBLISHED_CAP_PREMIUMS`]). The company is the issuer's, from its snapshot in
//! `data/companies.csv` nearest the closing month and within a year of it ([`issuer_company`]).
//! A term the dataset lacks keeps the current value and is listed in [`Preset::assumed`].
//! Convertibles load structure B's terms, senior (secured) notes structure C's, loans and
//! facilities structure A's coupon and term. Reference-only rows, rows without a principal and
//! `other` instruments have no terms to load.

use super::assumptions::{Assumptions, PathKind, EARLIEST_START, LATEST_START};
use super::money::{Exact, Money};
use super::presets::{DealPresetError, Preset, Structure};
use super::query::to_query;
use crate::data::calendar::{PartialDate, YearMonth};
use crate::data::companies::{snapshots, Snapshot};
use crate::data::deals::{deals, CappedCall, Coupon, Deal, Instrument, Maturity, Put};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Cap premiums stated by a source but not a dataset column: (deal id, percent, source).
pub const PUBLISHED_CAP_PREMIUMS: &[(&str, f64, &str)] =
    &[("MARA-2025-07", 40.0, "cap $24.14 = 40% over the reference price (StockTitan)")];

/// The most months between a deal's closing and the issuer snapshot it loads: a company's
/// size a year away from the deal says little about it at the deal.
pub const SNAPSHOT_WINDOW_MONTHS: i32 = 12;

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
    let mut assumed: Vec<&'static str> = Vec::new();
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
    let company = issuer_company(deal, closing);
    match &company {
        Some(c) => load_company(c, structure, &mut a, &mut assumed),
        None => assumed.extend(["fleet", "cash", "shares", "share_price"]),
    }
    // The dataset has no figures for the issuer's machines, power or how its shares move.
    assumed.extend(["efficiency", "power", "beta"]);
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
    let mut description = describe_deal(deal, structure);
    if let Some(c) = &company {
        description.push_str(&format!(" The company is {} on {}: its hashrate, share count and, where known, cash.", deal.ticker, c.date.human()));
    }
    Ok(Preset {
        id: deal.id.clone(),
        title: format!("{} {}", deal.issuer, deal.closing_month().map(|m| m.to_string()).unwrap_or_default()),
        description,
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

/// The issuer's snapshot nearest the closing month, within [`SNAPSHOT_WINDOW_MONTHS`] of it
/// (the earlier one on a tie). None for an undated deal or an issuer with no snapshot near it.
pub fn issuer_company(deal: &Deal, closing: Option<YearMonth>) -> Option<Snapshot> {
    let closing = closing?;
    let all = snapshots().ok()?;
    all.into_iter()
        .filter(|s| s.ticker == deal.ticker)
        .map(|s| (closing.months_until(s.date.year_month()).abs(), s))
        .filter(|(gap, _)| *gap <= SNAPSHOT_WINDOW_MONTHS)
        .min_by_key(|(gap, s)| (*gap, s.date))
        .map(|(_, s)| s)
}

/// The issuer's hashrate, cash, shares and share price, where its snapshot has them. A
/// convertible's share price is its reference price (the deal's own, set by
/// [`convertible_prices`]); other structures take the snapshot's.
fn load_company(c: &Snapshot, structure: Structure, a: &mut Assumptions, assumed: &mut Vec<&'static str>) {
    type Setter = fn(&mut Assumptions, f64);
    let fields: [(Option<f64>, &'static str, Setter); 4] = [
        (c.hashrate_eh_s.map(|eh| eh * 1000.0), "fleet", |a, v| a.fleet_ph_s = v),
        (c.cash_usd, "cash", |a, v| a.cash_usd = v),
        (c.shares_outstanding, "shares", |a, v| a.shares_outstanding = v),
        (c.share_price_usd.filter(|_| structure != Structure::Convertible), "share_price", |a, v| a.share_price_usd = v),
    ];
    for (value, name, set) in fields {
        match value {
            Some(v) => set(a, v),
            None if name == "share_price" && structure == Structure::Convertible => {}
            None => assumed.push(name),
        }
    }
}

/// Every dataset row's preset as `deal_presets.tsv` holds it (see
/// [`super::presets::DEAL_PRESETS_TSV`]).
pub fn bake() -> String {
    let mut out = String::new();
    for deal in deals() {
        let line = match apply_deal(&Assumptions::default(), deal) {
            Ok(p) => {
                let code = match p.structure {
                    Some(Structure::Loan) => "A",
                    Some(Structure::Convertible) => "B",
                    _ => "C",
                };
                let query = to_query(&Assumptions { deal: None, ..p.assumptions.clone() });
                [deal.id.as_str(), code, &p.description, &p.assumed.join(","), &query].join("\t")
            }
            Err(DealPresetError::NoTermsToLoad(reason)) => format!("{}\t-\t{reason}", deal.id),
            Err(DealPresetError::UnknownDeal) => continue,
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}
