//! Computes the story's dataset facts on the host (`src/story/facts.rs` says why they are
//! baked): every figure and sentence from the deals, the published figures, the network data
//! and the model at its defaults.

use crate::data::aggregates::{coupons_by_class, era_summary, CouponClass, CouponSummary, Era, EraSummary};
use crate::data::calendar::{PartialDate, Quarter};
use crate::data::deals::{deals, Coupon, Deal};
use crate::data::families::InstrumentFamily;
use crate::data::network::{network_daily, network_monthly};
use crate::data::published::published;
use crate::narrative::format::{dollars_prose, month_long, percent, price, thousands};
use rust_decimal::prelude::ToPrimitive;
use crate::model::money::{sum_exact, Exact};
use rust_decimal::Decimal;

fn usd(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn deal(id: &str) -> Option<&'static Deal> {
    deals().iter().find(|d| d.id == id)
}

fn fixed_coupon(d: &Deal) -> Option<Decimal> {
    match d.coupon {
        Coupon::Fixed(c) => Some(c),
        _ => None,
    }
}

/// The `data-out` name of a correction's line.
fn correction_name(rule: &str) -> &'static str {
    const NAMES: [&str; 10] =
        ["correction-R1", "correction-R2", "correction-R3", "correction-R4", "correction-R5", "correction-R6", "correction-R7", "correction-R8", "correction-R9", "correction-R10"];
    NAMES.iter().find(|n| n[11..] == *rule).copied().unwrap_or("correction")
}

/// A sentence about `other`, a deal told after `told`: whether it closed before or after comes
/// from the two closing days, never from the order the story tells them in.
pub fn next_deal_sentence(told: &Deal, other: &Deal, what: &str) -> String {
    let amount = dollars_prose(usd(other.principal_usd.unwrap_or_default()));
    let name = |d: &Deal| crate::data::issuers::issuer(&d.ticker).map(|i| i.name.clone()).unwrap_or_else(|| d.issuer.clone());
    let (first, who) = (name(told), name(other));
    match (told.closed, other.closed) {
        (Some(PartialDate::Day(a)), Some(PartialDate::Day(b))) if b != a => {
            let (days, when) = if b < a { (a.days_since_epoch() - b.days_since_epoch(), "earlier") } else { (b.days_since_epoch() - a.days_since_epoch(), "later") };
            format!(
                "{first}'s notes closed on {}; {who}'s {amount} {what} closed {} {when}, on {} (the table dates deals by their announcement).",
                a.human(),
                plural(days, "day"),
                b.human()
            )
        }
        (_, Some(date)) => format!("{who} closed a {amount} {what} in {}.", date.human()),
        (_, None) => format!("{who} sold a {amount} {what}."),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") }
}

/// Every fact, computed: what `src/story/facts.tsv` must hold.
pub fn compute() -> Vec<(&'static str, String)> {
    let all = deals();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    out.push(("deals-count", thousands(all.len() as u64)));

    // The record quarter, as TheMinerMag published it and as our deals sum.
    let p = published();
    if let Some(record) = p.quarters.iter().max_by(|a, b| a.value_usd.cmp(&b.value_usd)) {
        out.push(("record-quarter", record.quarter.human()));
        out.push(("record-quarter-value", dollars_prose(usd(record.value_usd))));
        out.push(("record-quarter-publisher", record.publisher.clone()));
        if let Some(day) = record.published_on {
            out.push(("record-quarter-published", day.human()));
        }
    }
    let stock = &p.debt_outstanding;
    if let (Some(a), Some(b)) = (stock.first(), stock.last()) {
        out.push(("debt-before", dollars_prose(usd(a.value_usd))));
        out.push(("debt-after", dollars_prose(usd(b.value_usd))));
        out.push(("debt-after-date", b.as_of.human()));
        out.push(("debt-publisher", b.publisher.clone()));
        let multiple = if a.value_usd.is_zero() { 0.0 } else { usd(b.value_usd) / usd(a.value_usd) };
        out.push(("debt-multiple", format!("{:.1}", multiple)));
    }

    // Q3 2025's convertibles from Cipher, MARA and TeraWulf.
    let q3 = Quarter { year: 2025, q: 3 };
    let q3_converts = sum_exact(
        all.iter()
            .filter(|d| d.instrument_family == InstrumentFamily::Convertible && ["CIFR", "MARA", "WULF"].contains(&d.ticker.as_str()))
            .filter(|d| matches!(d.quarter, crate::data::deals::QuarterField::Quarter(q) if q == q3))
            .filter_map(|d| d.principal_usd),
    );
    out.push(("q3-2025-converts", dollars_prose(usd(q3_converts))));

    // TeraWulf's senior secured notes and IREN's October 2025 convertible.
    if let Some(wulf) = deal("WULF-2025-10-SSN") {
        let principal = wulf.principal_usd.unwrap_or_default();
        let coupon = fixed_coupon(wulf).unwrap_or_default();
        out.push(("wulf-ssn", dollars_prose(usd(principal))));
        out.push(("wulf-ssn-coupon", format!("{}%", coupon.normalize())));
        out.push(("wulf-ssn-interest", dollars_prose(usd((Exact(principal) * Exact(coupon) / Exact(Decimal::ONE_HUNDRED)).0))));
    }
    if let (Some(wulf), Some(iren)) = (deal("WULF-2025-10-SSN"), deal("IREN-2025-10")) {
        out.push(("iren-convert-sentence", next_deal_sentence(wulf, iren, "convertible")));
    }

    // Then and now.
    for era in [Era::Then, Era::Now] {
        let s: EraSummary = era_summary(all, era);
        let names = match era {
            Era::Then => ["then-raised", "then-machines", "then-convertible"],
            Era::Now => ["now-raised", "now-machines", "now-convertible"],
        };
        out.push((names[0], dollars_prose(usd(s.principal_usd))));
        out.push((names[1], percent(usd(s.share_machines_or_bitcoin))));
        out.push((names[2], percent(usd(s.share_convertible))));
        // Only the 2024-25 wave's AI share is stated (2021-22 raised nothing for AI).
        if era == Era::Now {
            out.push(("now-ai", percent(usd(s.share_ai_hpc))));
        }
    }

    // Coupons kind by kind: every deal with a stated coupon, amount known or not.
    out.push(("then-coupons-sentence", crate::narrative::dataset::coupons_sentence(Era::Then)));
    out.push(("now-coupons-sentence", crate::narrative::dataset::coupons_sentence(Era::Now)));
    let loans = coupons_by_class(all, Era::Then).into_iter().find(|c| c.class == CouponClass::Loans);
    if let Some(CouponSummary { range_pct: (lo, hi), .. }) = loans {
        out.push(("then-loan-coupons", format!("{}% to {}%", lo.normalize(), hi.normalize())));
    }

    page_furniture(&mut out);

    // Where each section's own scenario departs from the calculator's defaults.
    for section in super::SECTIONS {
        if let (Some(a), Some(name)) = (section.local_assumptions(), departures_name(section.id)) {
            if let Some(note) = super::values::departures(&a, &section.inputs()) {
                out.push((name, note));
            }
        }
    }

    // The 2022 cases under the loan section's replay, and the events on the hashprice history.
    out.push(("loan-cases", loan_cases_fact()));
    let days = network_daily();
    let events = crate::data::history::history_events(days, network_monthly());
    out.push((
        "history-events",
        events
            .iter()
            .map(|e| {
                // In millionths of a dollar: the page parses an integer, not a float (whose
                // parser would add kilobytes to the wasm).
                let micro = (e.hashprice * 1e6).round() as u64;
                [e.date.to_string(), micro.to_string(), e.label.clone(), e.detail.clone(), e.source_url.clone().unwrap_or_default()].join(FIELD)
            })
            .collect::<Vec<_>>()
            .join(RECORD),
    ));

    // What the sums count and how they meet the published figures.
    out.push(("scope-sentence", crate::narrative::dataset::scope_sentence()));
    out.push(("record-sentence", crate::narrative::dataset::record_reconciliation()));
    out.push(("flow-stock-sentence", crate::narrative::dataset::flow_against_stock_sentence()));
    out.push(("now-mix-sentence", crate::narrative::dataset::now_mix_sentence()));

    // What the calculator shows at its default inputs, for the prose that introduces it.
    let defaults = crate::model::simulate::simulate(&crate::model::assumptions::Assumptions::default());
    if let Some(pledge) = super::values::pledge_sentence(&defaults) {
        out.push(("defaults-pledge-sentence", pledge));
    }
    out.push(("defaults-loan-sentence", crate::narrative::outcomes::loan_sentence(&defaults)));
    out.push(("defaults-convertible-sentence", crate::narrative::outcomes::convertible_sentence(&defaults)));
    out.push(("defaults-comparison", crate::narrative::outcomes::comparison(&defaults)));
    out.push(("secured-buys", super::values::secured_buys(&defaults.assumptions).into()));

    // The dated list of corrections in the method section.
    out.extend(super::corrections::correction_lines().into_iter().map(|(rule, text)| (correction_name(rule), text)));

    // The income squeeze, from the daily network data.
    let days = network_daily();
    if let Some(low) = days.iter().min_by(|a, b| a.hashprice().total_cmp(&b.hashprice())) {
        out.push(("hp-low", price(low.hashprice())));
        // The low falls on the data's last day: say so, or "new low" reads as a turning point.
        let last = days.last().map(|d| d.day) == Some(low.day);
        out.push(("hp-low-date", if last { format!("{}, the last day of the data", low.day.human()) } else { low.day.human() }));
    }
    if let Some(high) = days.iter().filter(|d| d.day.year == 2021).max_by(|a, b| a.hashprice().total_cmp(&b.hashprice())) {
        out.push(("hp-2021-high", price(high.hashprice())));
        out.push(("hp-2021-high-date", high.day.human()));
    }
    if let Some(low) = days.iter().filter(|d| d.day.year == 2022).min_by(|a, b| a.hashprice().total_cmp(&b.hashprice())) {
        out.push(("hp-2022-low", price(low.hashprice())));
        out.push(("hp-2022-low-date", low.day.human()));
    }
    let months = network_monthly();
    if let Some(zh) = months.iter().find(|m| m.hashrate_eh_s >= 1000.0) {
        out.push(("zh-month", month_long(zh.month)));
        out.push(("zh-hashrate", format!("{} EH/s", thousands(zh.hashrate_eh_s.round() as u64))));
    }
    out
}

/// [`compute`] as the TSV the page embeds.
pub fn to_tsv(facts: &[(&'static str, String)]) -> String {
    facts.iter().map(|(k, v)| format!("{k}\t{v}\n")).collect()
}

/// The era table's cells: `era-<then|now>-<row>` for each of `super::facts::ERA_ROWS`.
const ERA_NAMES: [[&str; 10]; 2] = [
    ["era-then-deals", "era-then-raised", "era-then-machines", "era-then-convertible", "era-then-ai", "era-then-coupons-loans", "era-then-coupons-convertible", "era-then-coupons-senior-secured", "era-then-coupons-senior-unsecured", "era-then-coupons-facilities-other"],
    ["era-now-deals", "era-now-raised", "era-now-machines", "era-now-convertible", "era-now-ai", "era-now-coupons-loans", "era-now-coupons-convertible", "era-now-coupons-senior-secured", "era-now-coupons-senior-unsecured", "era-now-coupons-facilities-other"],
];

/// The figures' own words and numbers that come from the dataset alone: the headline cards, the
/// then-and-now table, and the notes under the issuance chart and the scatter.
fn page_furniture(out: &mut Vec<(&'static str, String)>) {
    use crate::charts::frame::usd_precise;
    use crate::charts::scatter::ScatterView;
    use crate::data::aggregates::{last_deal_day, story_issuance};
    use crate::narrative::dataset::outside_scope_clause;
    use crate::narrative::format::dollars;
    let all = deals();
    let money = |d: Decimal| dollars(usd(d));

    // Headline cards.
    let issuance = story_issuance(all);
    let (then, now) = (era_summary(all, Era::Then), era_summary(all, Era::Now));
    out.push(("headline-now", money(now.principal_usd)));
    out.push(("headline-now-note", format!("announced principal, against {} in {}, in the deals of this dataset", money(then.principal_usd), Era::Then.label())));
    if let Some(last) = last_deal_day(all) {
        out.push(("deals-to", last.human()));
    }
    if let Some(peak) = issuance.quarters.iter().max_by(|a, b| a.total().cmp(&b.total())) {
        out.push(("headline-peak", money(peak.total())));
        out.push((
            "headline-peak-note",
            match last_deal_day(all) {
                Some(last) if peak.quarter.contains_day(last) => format!("{}, deals to {}: not yet complete", peak.quarter.human(), last.human()),
                _ => peak.quarter.human(),
            },
        ));
    }
    let stock = &published().debt_outstanding;
    if let (Some(a), Some(b)) = (stock.first(), stock.last()) {
        // VanEck's estimate is given to a tenth of a billion: no false precision.
        out.push(("headline-stock", usd_precise(usd(b.value_usd))));
        out.push(("headline-stock-note", format!("{}, up from {} in {} ({})", b.as_of.human(), usd_precise(usd(a.value_usd)), a.as_of.human(), b.publisher)));
    }

    // The then-and-now table.
    for (e, era) in [Era::Then, Era::Now].into_iter().enumerate() {
        let s = era_summary(all, era);
        let coupons = coupons_by_class(all, era);
        let cell = |class: CouponClass| {
            coupons
                .iter()
                .find(|c| c.class == class)
                .map(|c| {
                    let (lo, hi) = c.range_pct;
                    let range = if lo == hi { format!("{}%", lo.normalize()) } else { format!("{}–{}%", lo.normalize(), hi.normalize()) };
                    format!("{range} ({} deal{})", c.deals, if c.deals == 1 { "" } else { "s" })
                })
                .unwrap_or_else(|| "none".into())
        };
        let values = [
            s.deals.to_string(),
            money(s.principal_usd),
            percent(usd(s.share_machines_or_bitcoin)),
            percent(usd(s.share_convertible)),
            percent(usd(s.share_ai_hpc)),
            cell(CouponClass::Loans),
            cell(CouponClass::Convertible),
            cell(CouponClass::SeniorSecured),
            cell(CouponClass::SeniorUnsecured),
            cell(CouponClass::FacilitiesOther),
        ];
        out.extend(ERA_NAMES[e].iter().copied().zip(values));
    }

    // Under the issuance chart.
    let q4_2024 = Quarter { year: 2024, q: 4 };
    out.push((
        "issuance-differ",
        format!(
            "Why the two differ: each bar adds up the announced principal of every deal in its closing quarter (options included, credit lines at full size), while TheMinerMag's totals appear to count cash actually received, from the financing lines of 15 miners' cash-flow statements. For {} that is {} here against {} there. Neither is adjusted to match the other.",
            q4_2024.human(),
            issuance.quarters.iter().find(|b| b.quarter == q4_2024).map(|b| usd_precise(usd(b.total()))).unwrap_or_default(),
            published().quarters.iter().find(|p| p.quarter == q4_2024).map(|p| usd_precise(usd(p.value_usd))).unwrap_or_default(),
        ),
    ));
    out.push((
        "issuance-not-binned",
        format!(
            "Not in any bar: {} deal{} with no single quarter in the sources ({}), {} with no amount in the sources, {}, and {} reference-only rows (an equity sale and a restructuring). All are in the table below.",
            issuance.undated.len(),
            if issuance.undated.len() == 1 { "" } else { "s" },
            issuance.undated.join(", "),
            issuance.amount_unknown.len() + issuance.outside_range.len(),
            outside_scope_clause(&issuance.outside_scope),
            issuance.reference_only.len(),
        ),
    ));

    // The dataset charts' one-line summaries (their text alternatives).
    {
        use crate::charts::debt_stock::DebtStockView;
        use crate::charts::history::HistoryView;
        use crate::charts::issuance::IssuanceView;
        use crate::data::history::history_events;
        out.push(("summary-issuance", IssuanceView::new(&issuance, published()).summary()));
        out.push(("summary-scatter", ScatterView::new(all).summary()));
        out.push(("summary-debt-stock", DebtStockView::new(&published().debt_outstanding).summary()));
        let days = network_daily();
        out.push(("summary-history", HistoryView::new(days, &history_events(days, network_monthly())).summary()));
    }

    // Under the scatter.
    let view = ScatterView::new(all);
    let undated: Vec<String> = view.undated.iter().map(|i| all[*i].id.clone()).collect();
    let outside: Vec<String> = view.outside_scope.iter().map(|i| all[*i].id.clone()).collect();
    out.push((
        "scatter-note",
        format!(
            "{} deals with an unknown or floating coupon sit on the strip under the axis; hollow marks have no amount in the sources; {} deal{} with no date ({}) cannot be placed in time and {} listed in the table; not drawn: {}.",
            view.on_strip(),
            undated.len(),
            if undated.len() == 1 { "" } else { "s" },
            undated.join(", "),
            if undated.len() == 1 { "is" } else { "are" },
            outside_scope_clause(&outside),
        ),
    ));
}

use super::facts::{FIELD, RECORD};

/// The 2022 cases as one fact: per case its month, company, sentence and source, fields
/// joined by [`FIELD`] and cases by [`RECORD`] (`super::facts::loan_cases` reads it back).
fn loan_cases_fact() -> String {
    crate::data::cases::loan_cases()
        .into_iter()
        .map(|c| [c.month.to_string(), c.company.clone(), crate::narrative::dataset::case_sentence(c), c.source_url.clone()].join(FIELD))
        .collect::<Vec<_>>()
        .join(RECORD)
}

/// The fact naming where section `id`'s scenario departs from the defaults.
pub fn departures_name(id: &str) -> Option<&'static str> {
    const NAMES: [&str; 7] = [
        "departures-squeeze",
        "departures-loan-breaks",
        "departures-convertible-dilutes",
        "departures-same-path",
        "departures-ai-bet",
        "departures-ice-cube",
        "departures-futures",
    ];
    NAMES.iter().find(|n| n["departures-".len()..] == *id).copied()
}
