//! Sentences about the dataset itself: what the sums count and what they leave out.

use super::format::dollars_prose;
use crate::data::cases::Case;
use crate::data::deals::{deals, Deal};
use crate::data::issuers::issuer;
use crate::model::money::sum_exact;
use rust_decimal::prelude::ToPrimitive;

fn amount(list: &[&Deal]) -> f64 {
    sum_exact(list.iter().filter_map(|d| d.principal_usd)).to_f64().unwrap_or(0.0)
}

/// The issuers of `list`, by name, in dataset order without repeats, joined with "and".
fn issuer_names(list: &[&Deal]) -> String {
    let mut names: Vec<String> = Vec::new();
    for d in list {
        let name = issuer(&d.ticker).map(|i| i.name.clone()).unwrap_or_else(|| d.issuer.clone());
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// The deals by issuers that are not pure-play miners and are not reference-only.
pub fn outside_scope() -> Vec<&'static Deal> {
    deals().iter().filter(|d| !d.in_scope() && !d.reference_only).collect()
}

/// A clause for chart notes: "the 2 deals by Galaxy Digital and Applied Digital, which are not
/// pure-play miners (GLXY-2025-08-HELIOS, APLD-2025-11)".
pub fn outside_scope_clause(ids: &[String]) -> String {
    let list: Vec<&Deal> = deals().iter().filter(|d| ids.contains(&d.id)).collect();
    if list.is_empty() {
        return "no deal by an issuer that is not a pure-play miner".into();
    }
    format!(
        "the {} deal{} by {}, which {} not pure-play miners ({})",
        list.len(),
        if list.len() == 1 { "" } else { "s" },
        issuer_names(&list),
        if issuer_names(&list).contains(" and ") { "are" } else { "is" },
        ids.join(", ")
    )
}

/// The story's statement of scope, next to the first sum it gives.
pub fn scope_sentence() -> String {
    let list = outside_scope();
    if list.is_empty() {
        return "Every deal in it is by a pure-play public miner.".into();
    }
    let mut why: Vec<&str> = Vec::new();
    for d in &list {
        if let Some(i) = issuer(&d.ticker).filter(|i| !i.why.is_empty()) {
            if !why.contains(&i.why.as_str()) {
                why.push(&i.why);
            }
        }
    }
    // Rows kept for reference (no sum counts them anyway) are in the same table: count them
    // too, or the reader finds more rows marked "not a miner" than the sentence says.
    let references: Vec<&Deal> = deals().iter().filter(|d| !d.in_scope() && d.reference_only).collect();
    let and_references = match references.len() {
        0 => String::new(),
        1 => format!(", and {}'s reference-only row", issuer_names(&references)),
        n => format!(", and {n} reference-only rows by {}", issuer_names(&references)),
    };
    format!(
        "Its sums count pure-play public miners only. It also lists {} by {} ({} in all){and_references}, which are in the table but outside every sum. {}",
        if list.len() == 1 { "one deal".to_string() } else { format!("{} deals", list.len()) },
        issuer_names(&list),
        dollars_prose(amount(&list)),
        why.join(" ")
    )
}

/// A 2022 case for the list under the replay chart: what happened, then its amount, with
/// "about" when the amount is derived from the source's figures.
pub fn case_sentence(c: &Case) -> String {
    let what = c.what.trim_end_matches('.');
    match c.amount_usd {
        Some(a) => format!("{what} ({}{} {}).", if c.amount_is_derived { "about " } else { "" }, dollars_prose(a), c.amount_role),
        None => format!("{what}."),
    }
}

/// Where the publisher's record quarter and the dataset's largest quarter meet: why they
/// differ, and that the largest is not over.
pub fn record_reconciliation() -> String {
    use crate::data::aggregates::{last_deal_day, story_issuance};
    use crate::data::calendar::PartialDate;
    use crate::data::network::last_day;
    use crate::data::published::published;
    let all = deals();
    let issuance = story_issuance(all);
    let (Some(record), Some(peak)) = (
        published().quarters.iter().max_by(|a, b| a.value_usd.cmp(&b.value_usd)),
        issuance.quarters.iter().max_by(|a, b| a.total().cmp(&b.total())),
    ) else {
        return String::new();
    };
    let when = record.published_on.map(|d| format!(" when it published on {}", d.human())).unwrap_or_default();
    let mut text = format!(
        "{}'s {} for {} was a record{when}. It appears to count the cash that its set of miners received, while this dataset adds up each deal's announced principal, so the two differ quarter by quarter (the chart shows both). In this dataset the largest quarter is {}, with {}",
        record.publisher,
        dollars_prose(record.value_usd.to_f64().unwrap_or(0.0)),
        record.quarter.human(),
        peak.quarter.human(),
        dollars_prose(peak.total().to_f64().unwrap_or(0.0)),
    );
    if let Some(published_on) = record.published_on {
        let after: Vec<&Deal> = all
            .iter()
            .filter(|d| peak.deal_ids.contains(&d.id))
            .filter(|d| matches!(d.closed.or(d.announced), Some(PartialDate::Day(x)) if x > published_on))
            .collect();
        if !after.is_empty() {
            text.push_str(&format!(", {} of it closed after that count", dollars_prose(amount(&after))));
        }
    }
    text.push('.');
    if let Some(last) = last_deal_day(all) {
        if peak.quarter.contains_day(last) {
            text.push_str(&format!(
                " That quarter is not complete: the deals run to {} and the network data to {}.",
                last.human(),
                last_day().human()
            ));
        }
    }
    text
}

/// Why the 2024-25 sum of new debt is larger than the debt the miners owe: the dataset's own
/// figures for timing, then the differences in what is counted.
pub fn flow_against_stock_sentence() -> String {
    use crate::data::aggregates::flow_against_stock;
    use crate::data::calendar::{Day, PartialDate};
    use crate::data::published::published;
    let stock = &published().debt_outstanding;
    let (Some(first), Some(last)) = (stock.first(), stock.last()) else {
        return String::new();
    };
    let first_day = |d: PartialDate| match d {
        PartialDate::Day(x) => x,
        PartialDate::Month(m) => Day { year: m.year, month: m.month, day: 1 },
        PartialDate::Year(y) => Day { year: y, month: 1, day: 1 },
    };
    let last_day = |d: PartialDate| match d {
        PartialDate::Day(x) => x,
        PartialDate::Month(m) => {
            let next = m.add_months(1);
            Day::from_days_since_epoch(Day { year: next.year, month: next.month, day: 1 }.days_since_epoch() - 1)
        }
        PartialDate::Year(y) => Day { year: y, month: 12, day: 31 },
    };
    let f = flow_against_stock(deals(), first_day(first.as_of), last_day(last.as_of));
    let usd = |d: rust_decimal::Decimal| dollars_prose(d.to_f64().unwrap_or(0.0));
    format!(
        "Why is {} raised in 2024–25 more than the {} owed? Partly timing: {} of it closed after {}'s estimate of {}, and {} closed before {}, so it was already inside the {}. The rest is counting: the deals are summed at their announced size, upsizing options included, and credit lines at their full size whether drawn or not; {}'s set of companies is not the same as this dataset's; and some of the debt was repaid or converted into shares along the way.",
        usd(f.raised_usd),
        usd(last.value_usd),
        usd(f.after_usd),
        last.publisher,
        last.as_of.human(),
        usd(f.before_usd),
        first.as_of.human(),
        usd(first.value_usd),
        last.publisher,
    )
}

/// What the 2024-25 money is, by kind and purpose: the claim the lede makes, from the deals.
#[derive(Clone, Debug, PartialEq)]
pub struct NowMix {
    pub raised_usd: f64,
    pub convertible_usd: f64,
    /// Convertibles raised for general, mixed or other purposes than AI/HPC.
    pub convertible_not_ai_usd: f64,
    pub ai_usd: f64,
    /// AI/HPC money secured on data centres (secured notes and credit lines).
    pub ai_secured_usd: f64,
}

pub fn now_mix() -> NowMix {
    use crate::data::aggregates::Era;
    use crate::data::families::InstrumentFamily;
    let counted: Vec<&Deal> = deals().iter().filter(|d| d.counts_in_totals() && Era::of(d) == Some(Era::Now)).collect();
    let pick = |pred: &dyn Fn(&Deal) -> bool| amount(&counted.iter().copied().filter(|d| pred(d)).collect::<Vec<_>>());
    let convertible = |d: &Deal| d.instrument_family == InstrumentFamily::Convertible;
    let ai = |d: &Deal| d.use_of_proceeds == "ai_hpc";
    NowMix {
        raised_usd: amount(&counted),
        convertible_usd: pick(&convertible),
        convertible_not_ai_usd: pick(&|d| convertible(d) && !ai(d)),
        ai_usd: pick(&ai),
        ai_secured_usd: pick(&|d| ai(d) && d.collateral_family == crate::data::families::CollateralFamily::DataCenter),
    }
}

/// The opening's sentence on what this wave is made of.
pub fn now_mix_sentence() -> String {
    use super::format::percent;
    let m = now_mix();
    let share = |part: f64, whole: f64| if whole > 0.0 { percent(part / whole) } else { "none".into() };
    format!(
        "Of the {} raised in 2024 and 2025, {} is convertible notes, many paying no interest at all, and {} of the convertible money is for purposes other than AI. Of the {} earmarked for data centres for artificial intelligence, {} is notes and credit lines secured on the data centres themselves.",
        dollars_prose(m.raised_usd),
        share(m.convertible_usd, m.raised_usd),
        share(m.convertible_not_ai_usd, m.convertible_usd),
        dollars_prose(m.ai_usd),
        share(m.ai_secured_usd, m.ai_usd),
    )
}

fn pct(d: rust_decimal::Decimal) -> String {
    format!("{}%", d.round_dp(3).normalize())
}

/// "convertible notes 0% to 8.5% (23 deals)": one kind of debt's coupon range and how many
/// deals state one. Averages are left to the table's notes: one over a few deals whose amounts
/// are known would read as the kind's typical cost.
pub fn coupon_clause(s: &crate::data::aggregates::CouponSummary) -> String {
    let (lo, hi) = s.range_pct;
    let range = if lo == hi { pct(lo) } else { format!("{} to {}", pct(lo), pct(hi)) };
    let deals = if s.deals == 1 { "1 deal".to_string() } else { format!("{} deals", s.deals) };
    format!("{} {range} ({deals})", s.class.noun())
}

/// Every kind of debt's coupons in an era, joined for prose.
pub fn coupons_sentence(era: crate::data::aggregates::Era) -> String {
    let list = crate::data::aggregates::coupons_by_class(deals(), era);
    let clauses: Vec<String> = list.iter().map(coupon_clause).collect();
    match clauses.len() {
        0 => "no deal with a stated coupon".into(),
        1 => clauses[0].clone(),
        n => format!("{}, and {}", clauses[..n - 1].join(", "), clauses[n - 1]),
    }
}
