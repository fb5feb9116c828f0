//! The story's figures that come from the dataset rather than a scenario: computed once, named
//! as the prose's `data-out` elements name them.

use crate::data::aggregates::{era_summary, Era, EraSummary};
use crate::data::calendar::Quarter;
use crate::data::deals::{deals, Coupon, Deal};
use crate::data::families::{CollateralFamily, InstrumentFamily};
use crate::data::network::{network_daily, network_monthly};
use crate::data::published::published;
use crate::narrative::format::{dollars_prose, month_long, percent, price, thousands};
use rust_decimal::prelude::ToPrimitive;
use crate::model::money::{sum_exact, Exact};
use rust_decimal::Decimal;
use std::sync::OnceLock;

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

/// (name, text) for every dataset figure the story states.
pub fn facts() -> &'static [(&'static str, String)] {
    static FACTS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    FACTS.get_or_init(compute)
}

/// The `data-out` name of a correction's line.
fn correction_name(rule: &str) -> &'static str {
    const NAMES: [&str; 10] =
        ["correction-R1", "correction-R2", "correction-R3", "correction-R4", "correction-R5", "correction-R6", "correction-R7", "correction-R8", "correction-R9", "correction-R10"];
    NAMES.iter().find(|n| n[11..] == *rule).copied().unwrap_or("correction")
}

/// One fact's text.
pub fn fact(name: &str) -> Option<&'static str> {
    facts().iter().find(|f| f.0 == name).map(|f| f.1.as_str())
}

fn compute() -> Vec<(&'static str, String)> {
    let all = deals();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    out.push(("deals-count", thousands(all.len() as u64)));

    // The record quarter, as TheMinerMag published it and as our deals sum.
    let p = published();
    if let Some(record) = p.quarters.iter().max_by(|a, b| a.value_usd.cmp(&b.value_usd)) {
        out.push(("record-quarter", record.quarter.human()));
        out.push(("record-quarter-value", dollars_prose(usd(record.value_usd))));
        out.push(("record-quarter-publisher", record.publisher.clone()));
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
    if let Some(iren) = deal("IREN-2025-10") {
        out.push(("iren-convert", dollars_prose(usd(iren.principal_usd.unwrap_or_default()))));
    }

    // Then and now.
    for era in [Era::Then, Era::Now] {
        let s: EraSummary = era_summary(all, era);
        let names = match era {
            Era::Then => ["then-raised", "then-coupon", "then-machines", "then-convertible", "then-ai"],
            Era::Now => ["now-raised", "now-coupon", "now-machines", "now-convertible", "now-ai"],
        };
        out.push((names[0], dollars_prose(usd(s.principal_usd))));
        out.push((names[1], s.weighted_coupon_pct.map(|c| format!("{:.1}%", usd(c))).unwrap_or_else(|| "unknown".into())));
        out.push((names[2], percent(usd(s.share_machines_or_bitcoin))));
        out.push((names[3], percent(usd(s.share_convertible))));
        out.push((names[4], percent(usd(s.share_ai_hpc))));
    }

    // The 2021-22 machine- and bitcoin-backed loans' coupons, lowest to highest.
    let then_loans: Vec<(Decimal, Decimal)> = all
        .iter()
        .filter(|d| d.counts_in_totals() && Era::of(d) == Some(Era::Then))
        .filter(|d| d.collateral_family == CollateralFamily::MachinesOrBitcoin)
        .filter_map(|d| d.coupon.bounds())
        .collect();
    if let (Some(lo), Some(hi)) = (then_loans.iter().map(|b| b.0).min(), then_loans.iter().map(|b| b.1).max()) {
        out.push(("then-loan-coupons", format!("{}% to {}%", lo.normalize(), hi.normalize())));
    }

    // What the calculator shows at its default inputs, for the prose that introduces it.
    let defaults = crate::model::simulate::simulate(&crate::model::assumptions::Assumptions::default());
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
        out.push(("hp-low-date", low.day.human()));
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
