//! The story's prose (issue 6): every computed element resolves to a value, every input is a
//! calculator parameter, every glossary term is defined, no figure is typed into the text, and
//! changing an input changes the numbers that depend on it and no others.

use debt_or_dilution::model::fields::field;
use debt_or_dilution::model::simulate::simulate;
use debt_or_dilution::story::facts::fact;
use debt_or_dilution::story::glossary::definition;
use debt_or_dilution::story::values::{input_text, lookup, scenario_values};
use debt_or_dilution::story::{Section, SECTIONS};

/// The values of the attribute `attr` in an HTML fragment, in order.
fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!("{attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The text of a fragment outside tags, with computed and input elements emptied (they are
/// written empty; a test below checks that).
fn prose_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The allowlist's (patterns, literals).
fn allowlist() -> (Vec<String>, Vec<String>) {
    let mut patterns = Vec::new();
    let mut literals = Vec::new();
    for line in include_str!("fixtures/prose_digits.txt").lines() {
        if let Some(p) = line.strip_prefix("pattern: ") {
            patterns.push(p.to_string());
        } else if let Some(l) = line.strip_prefix("literal: ") {
            literals.push(l.to_string());
        } else {
            assert!(line.starts_with('#') || line.trim().is_empty(), "unknown allowlist line: {line}");
        }
    }
    (patterns, literals)
}

/// Removes what the allowlist permits: its literals, and years (its one pattern, matched by
/// hand so the host tests need no regex crate; the end-to-end test applies the file's
/// expressions as written).
fn strip_allowed(text: &str) -> String {
    let (patterns, literals) = allowlist();
    assert_eq!(patterns, vec![r"\b20[12]\d(–\d\d)?\b".to_string()], "update strip_allowed with the allowlist");
    let mut text = text.to_string();
    for l in literals {
        text = text.replace(&l, "LITERAL");
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let boundary = |j: usize| j >= chars.len() || !chars[j].is_alphanumeric();
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        let year = starts_word
            && i + 4 <= chars.len()
            && chars[i] == '2'
            && chars[i + 1] == '0'
            && (chars[i + 2] == '1' || chars[i + 2] == '2')
            && chars[i + 3].is_ascii_digit();
        if year {
            let mut end = i + 4;
            if end + 3 <= chars.len() && chars[end] == '–' && chars[end + 1].is_ascii_digit() && chars[end + 2].is_ascii_digit() && boundary(end + 3) {
                end += 3;
            }
            if boundary(end) {
                out.push_str("YEAR");
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn values_of(section: &Section) -> Vec<(&'static str, String)> {
    section.local_assumptions().map(|a| scenario_values(&simulate(&a))).unwrap_or_default()
}

#[test]
fn every_section_has_one_more_prose_part_than_figures() {
    assert_eq!(SECTIONS.len(), 10);
    for s in SECTIONS {
        assert_eq!(s.parts().len(), s.figures.len() + 1, "{}: parts around figures", s.id);
    }
}

#[test]
fn every_computed_element_has_a_value_in_the_default_state() {
    for s in SECTIONS {
        let values = values_of(s);
        for name in attribute_values(s.html(), "data-out") {
            let text = lookup(&values, &name).or_else(|| fact(&name));
            assert!(text.is_some_and(|t| !t.trim().is_empty()), "{}: data-out=\"{name}\" has no value", s.id);
        }
    }
}

#[test]
fn computed_and_input_elements_are_written_empty() {
    for s in SECTIONS {
        for attr in ["data-out", "data-in"] {
            for (i, _) in s.html().match_indices(&format!("{attr}=\"")) {
                let close = s.html()[i..].find('>').unwrap() + i;
                assert!(s.html()[close..].starts_with("></span>"), "{}: an element with {attr} must be empty in the fragment", s.id);
            }
        }
    }
}

#[test]
fn every_input_is_a_calculator_parameter_of_a_section_with_its_own_scenario() {
    for s in SECTIONS {
        let inputs = attribute_values(s.html(), "data-in");
        if inputs.is_empty() {
            continue;
        }
        let a = s.local_assumptions().unwrap_or_else(|| panic!("{} has inputs but no local scenario", s.id));
        for name in inputs {
            assert!(field(&name).is_some(), "{}: data-in=\"{name}\" is not a calculator parameter", s.id);
            assert!(!input_text(&name, &a).is_empty(), "{}: {name} shows nothing", s.id);
        }
    }
}

#[test]
fn every_glossary_term_is_defined() {
    for s in SECTIONS {
        for id in attribute_values(s.html(), "data-term") {
            assert!(definition(&id).is_some(), "{}: data-term=\"{id}\" is not in the glossary", s.id);
        }
    }
}

#[test]
fn no_figure_is_typed_into_the_prose() {
    for s in SECTIONS {
        let text = strip_allowed(&prose_text(s.html()));
        let stray: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(|c| c.is_ascii_digit())).collect();
        assert!(stray.is_empty(), "{}: digits outside computed elements: {stray:?}", s.id);
    }
}

#[test]
fn the_digit_check_catches_a_typed_figure() {
    // The check above must be able to fail: a typed amount survives, a year does not.
    let text = strip_allowed(&prose_text("<p>In 2024–25 they raised $4.6 billion, <span data-out=\"x\"></span>.</p>"));
    assert!(text.contains("4.6"));
    assert!(!text.contains("2024"));
}

#[test]
fn changing_an_input_changes_the_numbers_that_depend_on_it_and_no_others() {
    let s = SECTIONS.iter().find(|s| s.id == "squeeze").unwrap();
    let a = s.local_assumptions().unwrap();
    let before = scenario_values(&simulate(&a));
    let mut b = a.clone();
    b.efficiency_j_per_th += 5.0;
    let after = scenario_values(&simulate(&b));
    let changed: Vec<&str> = before.iter().zip(&after).filter(|(x, y)| x.1 != y.1).map(|(x, _)| x.0).collect();
    let shown = attribute_values(s.html(), "data-out");
    let shown_changed: Vec<&str> = changed.iter().copied().filter(|n| shown.iter().any(|s| s == n)).collect();
    assert_eq!(shown_changed, ["be-power", "be-cash", "squeeze-verdict", "squeeze-margin"]);
    // Dataset figures never move with a scenario.
    assert_eq!(fact("hp-low"), fact("hp-low"));
    assert!(shown.iter().any(|n| n == "hp-low"));
    assert!(!changed.contains(&"hp-low"));
}

#[test]
fn the_squeeze_reads_under_water_for_a_2021_fleet_and_above_for_a_new_one() {
    let s = SECTIONS.iter().find(|s| s.id == "squeeze").unwrap();
    let old = s.local_assumptions().unwrap();
    let v = scenario_values(&simulate(&old));
    assert!(lookup(&v, "squeeze-verdict").unwrap().starts_with("under water"), "{:?}", lookup(&v, "squeeze-verdict"));
    let mut new = old.clone();
    new.efficiency_j_per_th = 17.5;
    let v = scenario_values(&simulate(&new));
    assert_eq!(lookup(&v, "squeeze-verdict"), Some("above water, for now"));
}

#[test]
fn dataset_figures_match_the_articles() {
    // The article's figures, recomputed from the dataset (with its sources), not copied.
    assert_eq!(fact("record-quarter-value"), Some("$4.6 billion"));
    assert_eq!(fact("record-quarter"), Some("Q4 2024"));
    assert_eq!(fact("debt-after"), Some("$12.7 billion"));
    assert_eq!(fact("debt-before"), Some("$2.1 billion"));
    assert_eq!(fact("wulf-ssn"), Some("$3.2 billion"));
    assert_eq!(fact("wulf-ssn-interest"), Some("$248 million"));
    // IREN's convertible closed on 14 Oct 2025, before TeraWulf's notes (22 Oct).
    assert_eq!(fact("iren-convert-sentence"), Some("TeraWulf's notes closed on 22 Oct 2025; IREN's $1 billion convertible closed 8 days earlier, on 14 Oct 2025 (the table dates deals by their announcement)."));
    assert_eq!(fact("hp-low-date"), Some("21 Nov 2025, the last day of the data"));
    assert_eq!(fact("q3-2025-converts"), Some("$3.3 billion"));
    assert_eq!(fact("zh-month"), Some("September 2025"));
}

#[test]
fn inline_numbers_step_on_their_grid_and_stay_in_range() {
    use debt_or_dilution::story::values::step_input;
    let power = field("power").unwrap();
    assert_eq!(step_input(power, 50.0, 1.0, 5.0), 55.0);
    assert_eq!(step_input(power, 52.0, 1.0, 5.0), 55.0);
    assert_eq!(step_input(power, 50.0, -100.0, 5.0), power.min);
    assert_eq!(step_input(power, 50.0, 1000.0, 5.0), power.max);
    let build = field("build").unwrap();
    assert_eq!(step_input(build, 18.0, 2.0, 3.0), 24.0);
}

/// The futures section says when its loan defaults happen and, when the capitulation floor is
/// why they stop, says so; with the floor off the defaults spread over the loan's life and the
/// floor goes unmentioned.
#[test]
fn the_futures_section_says_when_its_defaults_happen_and_why_they_stop() {
    let section = debt_or_dilution::story::section("futures").expect("a futures section");
    let a = section.local_assumptions().expect("its own scenario");
    let last_default = |a: &debt_or_dilution::model::assumptions::Assumptions| {
        let s = simulate(a);
        let counts = s.monte_carlo.as_ref().expect("a Monte Carlo run").loan_default_month_counts.clone();
        let timing = lookup(&scenario_values(&s), "mc-default-timing-sentence").unwrap_or_default().to_string();
        (counts.iter().rposition(|c| *c > 0), timing)
    };
    let (last, timing) = last_default(&a);
    let last = last.expect("some paths default");
    assert!(timing.contains("capitulation floor") && timing.contains(&format!("from month {} the loan", last + 1)), "{timing}");
    let mut without_floor = a.clone();
    without_floor.hashprice_floor_usd_per_ph_day = 0.0;
    let (later, timing) = last_default(&without_floor);
    assert!(later.expect("some paths default") > last, "without the floor defaults should come later too");
    assert!(!timing.contains("capitulation floor"), "{timing}");
}

/// The order of two deals in a sentence comes from their closing days: moving one deal's
/// closing past the other's turns "earlier" into "later".
#[test]
fn order_of_events_follows_the_closing_dates() {
    use debt_or_dilution::data::calendar::{Day, PartialDate};
    use debt_or_dilution::data::deals::find;
    use debt_or_dilution::story::fact_sources::next_deal_sentence;
    let wulf = find("WULF-2025-10-SSN").unwrap();
    let mut iren = find("IREN-2025-10").unwrap().clone();
    assert!(next_deal_sentence(wulf, &iren, "convertible").contains("8 days earlier"));
    iren.closed = Some(PartialDate::Day(Day { year: 2025, month: 10, day: 30 }));
    assert!(next_deal_sentence(wulf, &iren, "convertible").contains("IREN's $1 billion convertible closed 8 days later, on 30 Oct 2025"));
}

/// The page embeds the facts as `src/story/facts.tsv`; it must be exactly what the host
/// computes. `UPDATE_FACTS=1` rewrites it after a deliberate change.
#[test]
fn the_baked_facts_are_what_the_host_computes() {
    use debt_or_dilution::story::fact_sources::{compute, to_tsv};
    let computed = compute();
    assert!(computed.iter().all(|(k, v)| !k.contains(['\t', '\n']) && !v.contains(['\t', '\n'])), "a fact holds a tab or newline");
    let tsv = to_tsv(&computed);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/story/facts.tsv");
    if std::env::var_os("UPDATE_FACTS").is_some() {
        std::fs::write(path, &tsv).unwrap();
    }
    assert!(
        tsv == debt_or_dilution::story::facts::FACTS_TSV,
        "src/story/facts.tsv is out of date: rerun with UPDATE_FACTS=1 (cargo test --release --test story) and commit it"
    );
}

/// Every cell of the then-and-now table is a fact, and the coupon rows follow the classes.
#[test]
fn the_era_table_has_every_cell() {
    use debt_or_dilution::data::aggregates::CouponClass;
    use debt_or_dilution::story::facts::ERA_ROWS;
    for era in ["then", "now"] {
        for row in ERA_ROWS {
            assert!(fact(&format!("era-{era}-{row}")).is_some(), "era-{era}-{row}");
        }
    }
    for (class, row) in CouponClass::ALL.iter().zip(&ERA_ROWS[5..]) {
        assert_eq!(format!("coupons-{}", class.code()), *row);
    }
    assert_eq!(fact("era-then-coupons-loans"), Some("9.7–14.5% (6 deals)"));
}

/// The words outside the generated prose (the dek, the fallback, the link-preview descriptions
/// and the README) make three claims about the 2024-25 money; each is checked against the deals.
/// Flipping an input flips the check: were convertibles half or less of the sum, "mostly" would fail.
#[test]
fn the_static_claims_about_the_wave_hold_in_the_data() {
    use debt_or_dilution::data::aggregates::{era_summary, Era};
    use debt_or_dilution::data::deals::deals;
    use debt_or_dilution::narrative::dataset::now_mix;
    let m = now_mix();
    let then = era_summary(deals(), Era::Then).principal_usd;
    let now = era_summary(deals(), Era::Now).principal_usd;
    let claims: [(&str, bool); 3] = [
        ("mostly convertible notes", m.convertible_usd > 0.5 * m.raised_usd),
        ("the AI money mainly as notes secured on the data centres", m.ai_secured_usd > 0.5 * m.ai_usd),
        ("far more than in 2021-22", now > then * rust_decimal::Decimal::from(5)),
    ];
    for (claim, holds) in claims {
        assert!(holds, "the claim \"{claim}\" no longer holds in the data");
    }
    let dek = include_str!("../src/app/mod.rs");
    let html = include_str!("../index.html");
    assert!(dek.contains("mostly through convertible notes") && dek.contains("notes secured on the centres"));
    assert!(html.contains("mostly as convertible notes") && html.contains("secured on the data centres themselves"));
}

/// The capped-call sentence says what the model's settlement does between the conversion price
/// and the cap: shares under physical settlement, none under net share, and no shares at all in
/// cash. Changing the settlement changes the sentence (and the ownership chart's curve with it).
#[test]
fn the_capped_call_sentence_follows_the_settlement() {
    use debt_or_dilution::model::assumptions::{Assumptions, Settlement};
    use debt_or_dilution::narrative::outcomes::capped_call_sentence;
    let section = SECTIONS.iter().find(|s| s.id == "convertible-dilutes").unwrap();
    let base = section.local_assumptions().unwrap();
    assert!(base.cap_pct > 0.0, "the section's notes have a capped call");
    let sentence = |settlement| capped_call_sentence(&simulate(&Assumptions { settlement, ..base.clone() }));
    let physical = sentence(Settlement::Physical);
    assert!(physical.contains("diluted even below the cap"), "{physical}");
    let net = sentence(Settlement::NetShare);
    assert!(net.contains("diluted only above it"), "{net}");
    let cash = sentence(Settlement::Cash);
    assert!(cash.contains("issue no shares at any price"), "{cash}");
    // The claims are the model's: physical settlement leaves shares between the two prices.
    let view = |settlement| debt_or_dilution::charts::scenario_views::ownership_view(&simulate(&Assumptions { settlement, ..base.clone() }));
    let (phys, net_view) = (view(Settlement::Physical), view(Settlement::NetShare));
    let cap = phys.cap_price.unwrap();
    let between = |v: &debt_or_dilution::charts::ownership::OwnershipView| v.curve[v.index_at_price((phys.conversion_price + cap) / 2.0).unwrap()].1;
    assert!(between(&phys) < 0.999 && between(&net_view) > 0.999999);
}

/// Every section with a scenario of its own says, under its chart, where that scenario departs
/// from the calculator's defaults; the ice-cube section names the two mechanisms it turns off.
#[test]
fn sections_say_where_they_depart_from_the_defaults() {
    use debt_or_dilution::story::fact_sources::departures_name;
    for s in SECTIONS.iter().filter(|s| s.local_query.is_some()) {
        let name = departures_name(s.id).unwrap_or_else(|| panic!("{} has no departures fact name", s.id));
        let differs = s.local_assumptions().unwrap() != debt_or_dilution::model::assumptions::Assumptions::default();
        assert_eq!(fact(name).is_some(), differs && debt_or_dilution::story::values::departures(&s.local_assumptions().unwrap(), &s.inputs()).is_some(), "{}", s.id);
    }
    let ice = fact("departures-ice-cube").unwrap();
    assert!(ice.contains("turns off the capitulation floor") && ice.contains("turns off curtailment"), "{ice}");
}

/// The pledge arithmetic the calculator's introduction states: the machines the loan buys plus
/// part of the existing fleet make the collateral a 70% loan-to-value needs.
#[test]
fn the_pledge_sentence_adds_up() {
    let s = simulate(&debt_or_dilution::model::assumptions::Assumptions::default());
    let text = debt_or_dilution::story::values::pledge_sentence(&s).unwrap();
    assert!(text.contains("the 21,792 PH/s of machines it buys and 9,340 PH/s of the 10,000 PH/s the company already runs, 31,132 PH/s in all"), "{text}");
    assert!(text.contains("non-recourse"), "{text}");
    assert_eq!(s.outcomes.loan.outcome.pledged_ph.0.round().to_string(), "31132");
}

/// The page's history events (read from the baked facts) are the host's, to the micro-dollar.
#[test]
fn the_baked_history_events_are_the_computed_ones() {
    use debt_or_dilution::data::history::history_events;
    use debt_or_dilution::data::network::{network_daily, network_monthly};
    let computed = history_events(network_daily(), network_monthly());
    let baked = debt_or_dilution::story::facts::history_events();
    assert_eq!(baked.len(), computed.len());
    for (b, c) in baked.iter().zip(&computed) {
        assert_eq!((&b.date, &b.label, &b.detail, &b.source_url), (&c.date, &c.label, &c.detail, &c.source_url));
        assert!((b.hashprice - c.hashprice).abs() < 1e-6, "{}: {} vs {}", c.label, b.hashprice, c.hashprice);
    }
    assert!(baked[0].source_url.as_deref().is_some_and(|u| u.starts_with("https://")), "China's move has its source");
}
