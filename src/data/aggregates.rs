//! Sums and counts over the deals that the charts and the prose state.
//!
//! Issuance is binned by the dataset's `quarter` column, not by the announcement date (some
//! deals close in the next quarter, some have no date). Deals that cannot be binned — a span
//! of quarters, no quarter, or no amount — are counted and listed, never dropped silently.
//! Reference-only rows, and deals by issuers that are not pure-play miners, stay out of every
//! total.

use super::calendar::Quarter;
use super::deals::{Deal, QuarterField};
use super::families::{CollateralFamily, InstrumentFamily};
use crate::model::money::{sum_exact, Exact};
use rust_decimal::Decimal;

/// One quarter's issuance, stacked by instrument family.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterIssuance {
    pub quarter: Quarter,
    /// Principal by family, in [`InstrumentFamily::ALL`] order, US dollars.
    pub by_family: [Decimal; 4],
    /// Ids of the deals counted, dataset order.
    pub deal_ids: Vec<String>,
}

impl QuarterIssuance {
    pub fn total(&self) -> Decimal {
        sum_exact(self.by_family)
    }

    /// Distinct issuers (tickers) in the quarter.
    pub fn issuers(&self, deals: &[Deal]) -> usize {
        let mut tickers: Vec<&str> = Vec::new();
        for d in deals.iter().filter(|d| self.deal_ids.contains(&d.id)) {
            if !tickers.contains(&d.ticker.as_str()) {
                tickers.push(&d.ticker);
            }
        }
        tickers.len()
    }
}

/// Quarterly issuance over a range, plus what could not be placed in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Issuance {
    pub quarters: Vec<QuarterIssuance>,
    /// Deals with an amount whose `quarter` is a span or empty: not in any bar.
    pub undated: Vec<String>,
    /// Deals with no principal in the sources: not in any bar.
    pub amount_unknown: Vec<String>,
    /// Deals with an amount and a quarter outside the chart's range (e.g. 2020Q4).
    pub outside_range: Vec<String>,
    /// Reference-only rows, kept out of every total.
    pub reference_only: Vec<String>,
    /// Deals by issuers that are not pure-play miners (`data/issuers.csv`): not in any bar.
    pub outside_scope: Vec<String>,
}

/// Bins deals into quarters `first..=last` by instrument family.
pub fn quarterly_issuance(deals: &[Deal], first: Quarter, last: Quarter) -> Issuance {
    let mut quarters: Vec<QuarterIssuance> = Quarter::range(first, last)
        .into_iter()
        .map(|quarter| QuarterIssuance { quarter, by_family: [Decimal::ZERO; 4], deal_ids: Vec::new() })
        .collect();
    let mut out = Issuance {
        quarters: Vec::new(),
        undated: Vec::new(),
        amount_unknown: Vec::new(),
        outside_range: Vec::new(),
        reference_only: Vec::new(),
        outside_scope: Vec::new(),
    };
    for deal in deals {
        if deal.reference_only {
            out.reference_only.push(deal.id.clone());
            continue;
        }
        if !deal.in_scope() {
            out.outside_scope.push(deal.id.clone());
            continue;
        }
        let Some(amount) = deal.principal_usd else {
            out.amount_unknown.push(deal.id.clone());
            continue;
        };
        let QuarterField::Quarter(q) = deal.quarter else {
            out.undated.push(deal.id.clone());
            continue;
        };
        match quarters.iter_mut().find(|b| b.quarter == q) {
            Some(bin) => {
                let family = InstrumentFamily::ALL.iter().position(|f| *f == deal.instrument_family).unwrap_or(3);
                bin.by_family[family] = (Exact(bin.by_family[family]) + Exact(amount)).0;
                bin.deal_ids.push(deal.id.clone());
            }
            None => out.outside_range.push(deal.id.clone()),
        }
    }
    out.quarters = quarters;
    out
}

/// A period of the story: the 2021-22 wave or the 2024-25 wave, by announcement/closing year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// Deals dated 2021 or 2022 (including the late-2020 start of Core Scientific's loans).
    Then,
    /// Deals dated 2024 or 2025.
    Now,
}

impl Era {
    pub fn label(self) -> &'static str {
        match self {
            Self::Then => "2020–22",
            Self::Now => "2024–25",
        }
    }

    /// The era of a deal, by its announced date, else closing date, else its quarter column.
    pub fn of(deal: &Deal) -> Option<Era> {
        let year = deal.announced.or(deal.closed).map(|d| d.year()).or_else(|| match &deal.quarter {
            QuarterField::Quarter(q) => Some(q.year),
            QuarterField::Span(s) => s.get(..4).and_then(|y| y.parse().ok()),
            QuarterField::Missing => None,
        })?;
        match year {
            2020..=2022 => Some(Era::Then),
            2024..=2025 => Some(Era::Now),
            _ => None,
        }
    }
}

/// The then-vs-now comparison of the "Then and now" section, computed from the deals.
#[derive(Clone, Debug, PartialEq)]
pub struct EraSummary {
    pub era: Era,
    /// Deals in the era that count in totals (not reference-only, principal known).
    pub deals: usize,
    pub principal_usd: Decimal,
    /// Shares of principal, 0..1.
    pub share_machines_or_bitcoin: Decimal,
    pub share_convertible: Decimal,
    pub share_ai_hpc: Decimal,
}

/// Summarises one era.
pub fn era_summary(deals: &[Deal], era: Era) -> EraSummary {
    let counted: Vec<&Deal> = deals.iter().filter(|d| d.counts_in_totals() && Era::of(d) == Some(era)).collect();
    let principal = sum_exact(counted.iter().filter_map(|d| d.principal_usd));
    let share = |pred: &dyn Fn(&Deal) -> bool| -> Decimal {
        if principal.is_zero() {
            return Decimal::ZERO;
        }
        (Exact(sum_exact(counted.iter().filter(|d| pred(d)).filter_map(|d| d.principal_usd))) / Exact(principal)).0
    };
    EraSummary {
        era,
        deals: counted.len(),
        principal_usd: principal,
        share_machines_or_bitcoin: share(&|d| d.collateral_family == CollateralFamily::MachinesOrBitcoin),
        share_convertible: share(&|d| d.instrument_family == InstrumentFamily::Convertible),
        share_ai_hpc: share(&|d| d.use_of_proceeds == "ai_hpc"),
    }
}

/// The kinds of debt whose coupons the then-and-now comparison sets side by side: a blended
/// average over all of them would mix 0% convertibles with 12% loans and hide both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CouponClass {
    Loans,
    Convertible,
    SeniorSecured,
    SeniorUnsecured,
    FacilitiesOther,
}

impl CouponClass {
    pub const ALL: [Self; 5] = [Self::Loans, Self::Convertible, Self::SeniorSecured, Self::SeniorUnsecured, Self::FacilitiesOther];

    pub fn of(deal: &Deal) -> Self {
        use super::deals::Instrument;
        match deal.instrument {
            Instrument::EquipmentLoan | Instrument::BtcBackedLoan => Self::Loans,
            Instrument::ConvertibleNotes => Self::Convertible,
            Instrument::SeniorSecuredNotes => Self::SeniorSecured,
            Instrument::SeniorNotes => Self::SeniorUnsecured,
            Instrument::CreditFacility | Instrument::Other => Self::FacilitiesOther,
        }
    }

    /// The name its facts carry (`era-then-coupons-loans`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Loans => "loans",
            Self::Convertible => "convertible",
            Self::SeniorSecured => "senior-secured",
            Self::SeniorUnsecured => "senior-unsecured",
            Self::FacilitiesOther => "facilities-other",
        }
    }

    /// In lower case, for prose and table rows ("Coupons: convertible notes").
    pub fn noun(self) -> &'static str {
        match self {
            Self::Loans => "machine and bitcoin-backed loans",
            Self::Convertible => "convertible notes",
            Self::SeniorSecured => "senior secured notes",
            Self::SeniorUnsecured => "senior unsecured notes",
            Self::FacilitiesOther => "credit facilities and other",
        }
    }
}

/// The coupons of one kind of debt in one era.
#[derive(Clone, Debug, PartialEq)]
pub struct CouponSummary {
    pub class: CouponClass,
    /// Deals with a stated fixed coupon or range, amount known or not.
    pub deals: usize,
    /// Lowest and highest stated coupon over those deals, percent a year.
    pub range_pct: (Decimal, Decimal),
}

/// The coupon ranges of each kind of debt in `era`, over every in-scope, non-reference deal
/// with a stated coupon (floating and unknown coupons are left out). Kinds with no such deal
/// are absent.
pub fn coupons_by_class(deals: &[Deal], era: Era) -> Vec<CouponSummary> {
    let mut out = Vec::new();
    for class in CouponClass::ALL {
        let rows: Vec<(Decimal, Decimal)> = deals
            .iter()
            .filter(|d| !d.reference_only && d.in_scope() && Era::of(d) == Some(era) && CouponClass::of(d) == class)
            .filter_map(|d| d.coupon.bounds())
            .collect();
        let (Some(lo), Some(hi)) = (rows.iter().map(|r| r.0).min(), rows.iter().map(|r| r.1).max()) else {
            continue;
        };
        out.push(CouponSummary { class, deals: rows.len(), range_pct: (lo, hi) });
    }
    out
}

/// What the story compares its 2024-25 sum with VanEck's debt stock by: the part of the sum
/// that closed after the stock's date, and the part that closed before its year-earlier
/// figure (already inside it).
#[derive(Clone, Debug, PartialEq)]
pub struct FlowAgainstStock {
    pub raised_usd: Decimal,
    pub after_usd: Decimal,
    pub before_usd: Decimal,
}

/// Splits the in-scope 2024-25 sum by closing day (else announcement) around `from..=to`.
pub fn flow_against_stock(deals: &[Deal], from: super::calendar::Day, to: super::calendar::Day) -> FlowAgainstStock {
    use super::calendar::PartialDate;
    let counted: Vec<&Deal> = deals.iter().filter(|d| d.counts_in_totals() && Era::of(d) == Some(Era::Now)).collect();
    let day = |d: &Deal| match d.closed.or(d.announced) {
        Some(PartialDate::Day(x)) => Some(x),
        _ => None,
    };
    let sum = |pred: &dyn Fn(super::calendar::Day) -> bool| {
        sum_exact(counted.iter().filter(|d| day(d).is_some_and(pred)).filter_map(|d| d.principal_usd))
    };
    FlowAgainstStock {
        raised_usd: sum_exact(counted.iter().filter_map(|d| d.principal_usd)),
        after_usd: sum(&|x| x > to),
        before_usd: sum(&|x| x < from),
    }
}

/// The issuance the story charts: every quarter from 2021 to 2025.
pub fn story_issuance(deals: &[Deal]) -> Issuance {
    quarterly_issuance(deals, Quarter { year: 2021, q: 1 }, Quarter { year: 2025, q: 4 })
}

/// The latest day any deal in the dataset was announced or closed.
pub fn last_deal_day(deals: &[Deal]) -> Option<super::calendar::Day> {
    use super::calendar::PartialDate;
    deals
        .iter()
        .flat_map(|d| [d.announced, d.closed])
        .filter_map(|d| match d {
            Some(PartialDate::Day(x)) => Some(x),
            _ => None,
        })
        .max()
}
