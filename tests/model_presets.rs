//! Presets: every scenario and deal preset validates with nothing clamped, the required deals
//! load into the right structure with their dataset terms and their issuer's size, rows with
//! no terms say so, and the committed `deal_presets.tsv` is what the rules compute.

use debt_or_dilution::data::calendar::YearMonth;
use debt_or_dilution::data::deals::deals;
use debt_or_dilution::model::assumptions::PathKind;
use debt_or_dilution::model::convertible::ConversionTerms;
use debt_or_dilution::model::money::{Exact, Money};
use debt_or_dilution::model::deal_terms::{apply_deal, bake};
use debt_or_dilution::model::presets::{deal_preset, loadable_deal_ids, scenario_presets, DealPresetError, Structure};
use debt_or_dilution::model::query::{parse_query, to_query};
use debt_or_dilution::model::simulate::simulate;

#[test]
fn every_preset_validates_with_nothing_clamped() {
    let mut failures = Vec::new();
    let mut presets = scenario_presets();
    presets.extend(loadable_deal_ids().into_iter().filter_map(|id| deal_preset(id).ok()));
    assert!(presets.len() >= 13, "{} presets", presets.len());
    for p in &presets {
        if let Err(errors) = p.assumptions.validate() {
            failures.push(format!("{}: {}", p.id, errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")));
        }
        let (sanitized, fixes) = p.assumptions.sanitized();
        if !fixes.is_empty() || sanitized != p.assumptions {
            failures.push(format!("{}: sanitizing changed {fixes:?}", p.id));
        }
        let (parsed, notices) = parse_query(&to_query(&p.assumptions));
        if !notices.is_empty() || parsed != p.assumptions {
            failures.push(format!("{}: URL round trip gave {notices:?}", p.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn scenario_presets_parse_without_notices() {
    for (id, query) in [("2022-replay", "path=replay&start=2022-01"), ("2026-ai-pivot", "hpc_share=100")] {
        let preset = scenario_presets().into_iter().find(|p| p.id == id).unwrap_or_else(|| panic!("{id} missing"));
        let (_, notices) = parse_query(&to_query(&preset.assumptions));
        assert!(notices.is_empty(), "{id}: {notices:?}");
        assert!(to_query(&preset.assumptions).contains(query), "{id}");
    }
}

/// (id, structure, start, principal, maturity months, coupon %, reference price, premium %, cap %).
#[test]
fn required_deals_load_their_dataset_terms() {
    type Row = (&'static str, Structure, (i32, u32), f64, u32, f64, Option<f64>, Option<f64>, Option<f64>);
    let rows: [Row; 10] = [
        ("MARA-2024-11", Structure::Convertible, (2024, 11), 1e9, 64, 0.0, Some(18.1848), Some(42.5), None),
        ("MARA-2024-12", Structure::Convertible, (2024, 12), 850e6, 78, 0.0, Some(24.70), Some(40.0), None),
        ("MARA-2025-07", Structure::Convertible, (2025, 7), 950e6, 85, 0.0, Some(24.14 / 1.40), Some((1000.0 / 49.3619 / (24.14 / 1.40) - 1.0) * 100.0), Some(40.0)),
        ("IREN-2025-06", Structure::Convertible, (2025, 6), 550e6, 54, 3.5, Some(10.49), Some(30.0), Some(100.0)),
        ("IREN-2025-10", Structure::Convertible, (2025, 10), 1e9, 69, 0.0, Some(60.09), Some(42.5), Some(100.0)),
        ("CIFR-2025-09", Structure::Convertible, (2025, 9), 1.3e9, 73, 0.0, Some(11.66), Some(37.5), Some(100.0)),
        ("WULF-2025-08", Structure::Convertible, (2025, 8), 1e9, 73, 1.0, Some(9.38), Some(32.5), Some(100.0)),
        ("WULF-2025-10-SSN", Structure::SecuredNotes, (2025, 10), 3.2e9, 60, 7.75, None, None, None),
        ("CLSK-2024-12", Structure::Convertible, (2024, 12), 650e6, 66, 0.0, Some(12.33), Some(20.0), Some(100.0)),
        ("CLSK-2025-11", Structure::Convertible, (2025, 11), 1.15e9, 75, 0.0, Some(15.03), Some(27.5), None),
    ];
    let mut failures = Vec::new();
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    for (id, structure, (year, month), principal, maturity, coupon, reference, premium, cap) in rows {
        let p = match deal_preset(id) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        let a = &p.assumptions;
        let mut check = |what: &str, ok: bool| {
            if !ok {
                failures.push(format!("{id}: {what} wrong"));
            }
        };
        check("structure", p.structure == Some(structure));
        check("start", a.start == YearMonth { year, month }.add_months(1));
        check("path", a.path == PathKind::Replay);
        check("principal", a.principal_usd == principal);
        check("source", p.source_url.as_deref().is_some_and(|u| u.starts_with("http")));
        // CleanSpark has no snapshot in data/companies.csv: its deals keep the default company.
        check("shares from the issuer's snapshot, where there is one", p.assumed.contains(&"shares") == id.starts_with("CLSK"));
        match structure {
            Structure::Convertible => {
                check("maturity", a.maturity_months == maturity);
                check("coupon", a.coupon_pct == coupon);
            }
            Structure::SecuredNotes => {
                check("secured term", a.secured_term_months == maturity);
                check("secured coupon", a.secured_coupon_pct == coupon);
                check("amortisation marked assumed", p.assumed.contains(&"secured_amort"));
            }
            Structure::Loan => {}
        }
        if let Some(r) = reference {
            check("reference price", close(a.share_price_usd, r));
        }
        if let Some(pr) = premium {
            check("premium", close(a.premium_pct, pr));
        }
        match cap {
            Some(c) => check("cap", close(a.cap_pct, c)),
            None if structure == Structure::Convertible => check("cap marked assumed", p.assumed.contains(&"cap")),
            None => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deal_presets_reproduce_published_conversion_rates() {
    let mut failures = Vec::new();
    for d in deals() {
        let (Some(published), Ok(p)) = (d.conversion_rate_per_1000, deal_preset(&d.id)) else { continue };
        if p.assumed.contains(&"premium") || p.assumed.contains(&"share_price") {
            continue;
        }
        let a = &p.assumptions;
        let terms = ConversionTerms::new(Exact::ONE, Exact::from_f64(a.share_price_usd), Exact::from_f64(a.premium_pct / 100.0), None);
        let published = Exact(published).to_f64();
        let got = terms.conversion_rate.to_f64();
        if (got - published).abs() > published * 1e-4 {
            failures.push(format!("{}: conversion rate {got} vs published {published}", d.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rows_without_terms_say_so() {
    let mut failures = Vec::new();
    for d in deals() {
        let result = apply_deal(&Default::default(), d);
        let expected_none = d.reference_only || d.principal_usd.is_none();
        if expected_none && !matches!(result, Err(DealPresetError::NoTermsToLoad(_))) {
            failures.push(format!("{}: should have no terms to load", d.id));
        }
    }
    assert_eq!(deal_preset("NOT-A-DEAL"), Err(DealPresetError::UnknownDeal));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The headline story: a 2021-style loan struck in early 2022 defaults during 2022
/// while a zero-coupon convertible survives and dilutes.
#[test]
fn the_2022_replay_tells_the_story() {
    let preset = scenario_presets().into_iter().find(|p| p.id == "2022-replay").expect("2022 replay preset");
    let s = simulate(&preset.assumptions);
    let default = s.outcomes.loan.outcome.default_month.expect("the loan defaults");
    assert_eq!(s.timeline.month(default).year, 2022, "defaults in {}", s.timeline.long_label(default));
    let b = &s.outcomes.convertible;
    assert_eq!(b.outcome.default_month, None);
    assert!(b.end.dilution_total.to_f64() > 0.0, "the convertible dilutes");
}

/// Deal presets load the holders' put and the issuer's call from the data, in months from
/// closing, and mark them assumed where the research found none.
#[test]
fn deal_presets_load_puts_and_calls() {
    use debt_or_dilution::model::presets::deal_preset;
    // MARA's 0% notes due 2030 closed in November 2024; holders may put on 1 Dec 2027: 37 months.
    let mara = deal_preset("MARA-2024-11").expect("loads");
    assert_eq!(mara.assumptions.put_month, 37);
    // Callable from 5 March 2028 at 130% of the conversion price: 40 months.
    assert_eq!((mara.assumptions.call_start_month, mara.assumptions.call_trigger_pct), (40, 130.0));
    assert!(!mara.assumed.iter().any(|a| ["put", "call_start", "call_trigger"].contains(a)), "{:?}", mara.assumed);
    // Core Scientific's 0% notes due 2031, closed December 2024, put on 15 Dec 2027: 36 months.
    assert_eq!(deal_preset("CORZ-2024-12").expect("loads").assumptions.put_month, 36);
    // IREN's 2031 notes: the research found no put, so none is loaded and none is assumed.
    let iren = deal_preset("IREN-2025-10").expect("loads");
    assert_eq!(iren.assumptions.put_month, 0);
    assert!(!iren.assumed.contains(&"put"), "{:?}", iren.assumed);
    // TeraWulf's 2030 notes: nothing found, so the defaults stay and are marked assumed.
    let wulf = deal_preset("WULF-2024-10").expect("loads");
    for term in ["put", "call_start", "call_trigger"] {
        assert!(wulf.assumed.contains(&term), "{term} not marked assumed: {:?}", wulf.assumed);
    }
}

/// The page reads deal presets from `src/model/deal_presets.tsv`; the rules that make them run
/// here. `UPDATE_FACTS=1` rewrites the file (the run that rewrites it fails, so a rewrite is
/// never silent).
#[test]
fn the_baked_deal_presets_are_what_the_rules_compute() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model/deal_presets.tsv");
    let baked = bake();
    if std::env::var_os("UPDATE_FACTS").is_some() {
        std::fs::write(path, &baked).expect("write deal_presets.tsv");
        panic!("rewrote {path}; run again without UPDATE_FACTS");
    }
    let committed = std::fs::read_to_string(path).expect("read deal_presets.tsv");
    assert!(committed == baked, "src/model/deal_presets.tsv differs from the rules: run UPDATE_FACTS=1 cargo test --test model_presets");
    let mut failures = Vec::new();
    for d in deals() {
        match (apply_deal(&Default::default(), d), deal_preset(&d.id)) {
            (Ok(rules), Ok(read)) if rules != read => failures.push(format!("{}: the baked preset differs", d.id)),
            (Err(rules), Err(read)) if rules != read => failures.push(format!("{}: {rules} against {read}", d.id)),
            (Ok(_), Err(_)) | (Err(_), Ok(_)) => failures.push(format!("{}: loads in one and not the other", d.id)),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A deal loads its issuer's size from the snapshot nearest its closing, within a year: the
/// company is the issuer's, not the default company.
#[test]
fn deal_presets_load_the_issuers_company() {
    // TeraWulf's secured notes closed in October 2025; its nearest snapshot is 15 Aug 2025:
    // 12.8 EH/s and 391,930,000 shares at $8.97.
    let wulf = deal_preset("WULF-2025-10-SSN").expect("loads").assumptions;
    assert_eq!((wulf.fleet_ph_s, wulf.shares_outstanding, wulf.share_price_usd), (12_800.0, 391_930_000.0, 8.97));
    // A convertible keeps its own reference price, and takes the issuer's share count.
    let cifr = deal_preset("CIFR-2025-09").expect("loads");
    assert_eq!(cifr.assumptions.share_price_usd, 11.66);
    assert!(!cifr.assumed.contains(&"shares"), "{:?}", cifr.assumed);
    // A 2021 loan has no snapshot within a year: the default company, marked assumed.
    let old = deals().iter().find(|d| d.closing_month().is_some_and(|m| m.year == 2021) && apply_deal(&Default::default(), d).is_ok()).expect("a 2021 deal loads");
    let p = deal_preset(&old.id).expect("loads");
    assert!(["fleet", "cash", "shares", "share_price"].iter().all(|f| p.assumed.contains(f)), "{}: {:?}", old.id, p.assumed);
}

/// Every term a preset marks as assumed has words on the preset's banner.
#[test]
fn every_assumed_term_is_named_in_words() {
    use debt_or_dilution::narrative::format::assumed_term;
    let unnamed: Vec<String> = loadable_deal_ids()
        .into_iter()
        .filter_map(|id| deal_preset(id).ok())
        .flat_map(|p| p.assumed.into_iter().filter(|a| assumed_term(a) == *a).map(move |a| format!("{}: {a}", p.id)))
        .collect();
    assert!(unnamed.is_empty(), "{unnamed:?}");
}
