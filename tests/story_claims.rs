//! Claim tests: every sentence of the story that states what the model decides (who defaults,
//! who converts, who keeps what, how the fleet's share shrinks) is read back and checked
//! against the model's run for that section's scenario, independently of the code that wrote
//! it. The test also lists the claims it checked, so a claim that disappears from the page
//! shows up as a change to that list, and a run with one input flipped shows that the checks
//! can fail.

use debt_or_dilution::model::assumptions::{Assumptions, Settlement};
use debt_or_dilution::model::convertible::{ConversionTerms, NotesEvent};
use debt_or_dilution::model::money::Money;
use debt_or_dilution::model::simulate::{simulate, Scenario};
use debt_or_dilution::narrative::format::dollars;
use debt_or_dilution::story::values::{lookup, scenario_values};
use debt_or_dilution::story::SECTIONS;
use std::collections::BTreeSet;

/// The claims checked and the ones that failed.
#[derive(Default)]
struct Claims {
    checked: BTreeSet<String>,
    failures: Vec<String>,
}

impl Claims {
    fn check(&mut self, scope: &str, claim: &str, holds: bool, text: &str) {
        self.checked.insert(format!("{scope}: {claim}"));
        if !holds {
            self.failures.push(format!("{scope}: {claim} does not match the model: {text}"));
        }
    }
}

/// The number written after `marker` up to `end` ("owners keep " … "%"), if the text has it.
fn number_after(text: &str, marker: &str, end: char) -> Option<f64> {
    let rest = &text[text.find(marker)? + marker.len()..];
    rest[..rest.find(end)?].trim_start_matches('$').replace(',', "").parse().ok()
}

/// Whether a percentage as the page writes it (to a tenth, or whole when the tenth is zero) is
/// `fraction`.
fn same_percent(written: f64, fraction: f64) -> bool {
    (written - fraction * 100.0).abs() <= 0.050_000_1
}

/// The claims in one scenario's outcome sentences.
fn outcome_claims(claims: &mut Claims, scope: &str, loan: &str, convertible: &str, secured: &str, s: &Scenario) {
    let o = &s.outcomes;
    let l = &o.loan.outcome;
    claims.check(scope, "the loan is or is not available", loan.starts_with("Not available") != l.available, loan);
    if l.available {
        let defaults = match l.default_month {
            Some(t) => loan.contains(&format!("In month {t},")) && loan.contains("the lender takes"),
            None => !loan.contains("the lender takes"),
        };
        claims.check(scope, "when the loan defaults, or that it does not", defaults, loan);
        if let Some(t) = l.sold_month.filter(|_| l.default_month.is_none()) {
            let surplus = l.surplus.to_f64();
            let rest = if surplus < 0.0 { format!("pays the {} the sale did not cover.", dollars(-surplus)) } else { format!("keeps the {} left over.", dollars(surplus)) };
            let sold = loan.contains(&format!("until month {t},")) && loan.contains(&rest);
            claims.check(scope, "when the pledged machines are sold and what the company keeps", sold, loan);
        }
        if loan.contains("the lender bears the") {
            let borne = loan.contains(&format!("the lender bears the {} shortfall", dollars(l.deficiency.to_f64())));
            claims.check(scope, "the shortfall a non-recourse lender bears", borne && !s.assumptions.recourse, loan);
        }
    }
    let c = &o.convertible;
    let converted = matches!(c.outcome.event, Some(NotesEvent::ConvertedAtMaturity | NotesEvent::ConvertedOnCall));
    let event = match c.outcome.event_month {
        Some(t) if converted => convertible.starts_with(&format!("Holders convert in month {t}")),
        Some(t) => convertible.starts_with("The stock stays below the") && convertible.contains(&format!("in month {t},")),
        None => !convertible.starts_with("Holders convert"),
    };
    claims.check(scope, "whether holders convert, and when", event, convertible);
    for (structure, text, ownership, rescue) in [
        ("convertible", convertible, c.end.ownership_retained.to_f64(), c.end.rescue_shares.to_f64()),
        ("secured notes", secured, o.secured.end.ownership_retained.to_f64(), o.secured.end.rescue_shares.to_f64()),
    ] {
        if let Some(written) = number_after(text, "owners keep ", '%') {
            claims.check(scope, &format!("what owners keep under the {structure}"), same_percent(written, ownership), text);
        }
        // Owners lose part of the company only to a conversion or to new shares sold, and the
        // sentence must say which.
        if ownership < 0.9995 {
            let explained = (converted && structure == "convertible") || (rescue > 0.5 && text.contains("new shares"));
            claims.check(scope, &format!("why owners keep less under the {structure}"), explained, text);
        }
    }
}

/// The capped-call sentence's "at $P they keep X%" at the price it names, recomputed.
fn capped_call_claims(claims: &mut Claims, scope: &str, text: &str, a: &Assumptions) {
    if a.cap_pct <= 0.0 {
        claims.check(scope, "the capped call: none", text.contains("no capped call"), text);
        return;
    }
    let terms = ConversionTerms::<f64>::new(a.principal_usd, a.share_price_usd, a.premium_pct / 100.0, Some(a.cap_pct / 100.0));
    let n0 = a.shares_outstanding;
    let kept = |price: f64| n0 / (n0 + terms.settle(a.principal_usd, price, a.settlement).net_shares);
    let holds = match a.settlement {
        Settlement::Cash => text.contains("no shares at any price"),
        Settlement::NetShare => {
            let price = number_after(text, "(at ", ' ').unwrap_or(f64::NAN);
            let written = number_after(text, "would keep ", '%').unwrap_or(f64::NAN);
            price > terms.cap_price.unwrap() && same_percent(written, kept(price)) && kept(terms.conversion_price * 1.0001) == 1.0
        }
        Settlement::Physical => {
            let price = number_after(text, "at ", ' ').unwrap_or(f64::NAN);
            let written = number_after(text, "they keep ", '%').unwrap_or(f64::NAN);
            let without = number_after(text, "against ", '%').unwrap_or(f64::NAN);
            price > terms.conversion_price
                && price < terms.cap_price.unwrap()
                && same_percent(written, kept(price))
                && same_percent(without, n0 / (n0 + terms.if_converted_shares))
        }
    };
    claims.check(scope, &format!("the capped call under {:?} settlement", a.settlement), holds, text);
}

/// The melting ice cube: the fleet's share of the network after `later-years` years is its share
/// today divided by (1 + growth) for each year, as "x% a year" reads.
fn fleet_share_claims(claims: &mut Claims, scope: &str, values: &[(&'static str, String)], a: &Assumptions) {
    let get = |name: &str| lookup(values, name).unwrap_or_default().to_string();
    let years: f64 = get("later-years").parse().unwrap_or(f64::NAN);
    let share = |text: String| text.trim_end_matches('%').parse::<f64>().unwrap_or(f64::NAN);
    let today = a.fleet_ph_s / (a.network_hashrate_eh_s * 1000.0);
    let later = today / (1.0 + a.network_growth_pct / 100.0).powf(years);
    let text = format!("{} today, {} after {years} years", get("share-start"), get("share-later"));
    let close = |written: f64, exact: f64| (written - exact * 100.0).abs() <= 0.0051 * written.max(1.0) + 0.005;
    claims.check(scope, "the fleet's share of a growing network", close(share(get("share-start")), today) && close(share(get("share-later")), later), &text);
}

/// Every claim of the story's sections and of the calculator's default outcome.
fn story_claims(flip: impl Fn(&mut Assumptions)) -> Claims {
    let mut claims = Claims::default();
    let scopes = SECTIONS.iter().filter_map(|s| s.local_assumptions().map(|a| (s.id, a))).chain([("calculator", Assumptions::default())]);
    for (scope, a) in scopes {
        let written = simulate(&a);
        let values = scenario_values(&written);
        let mut checked_against = a.clone();
        flip(&mut checked_against);
        let model = simulate(&checked_against);
        let get = |name: &str| lookup(&values, name).unwrap_or_default().to_string();
        outcome_claims(&mut claims, scope, &get("loan-sentence"), &get("convert-sentence"), &get("secured-sentence"), &model);
        capped_call_claims(&mut claims, scope, &get("capped-call-sentence"), &model.assumptions);
        let section = SECTIONS.iter().find(|x| x.id == scope);
        let prose: String = section.map(|x| x.parts().concat()).unwrap_or_default();
        if prose.contains("this replay leaves it out") {
            claims.check(scope, "the replay has no loan-to-value covenant", model.assumptions.loan_to_value_covenant_pct == 0.0, "this replay leaves it out");
        }
        let reason = debt_or_dilution::narrative::outcomes::reasons(&written)[0];
        if reason.starts_with("Non-recourse") || reason.starts_with("Recourse") {
            let l = &model.outcomes.loan.outcome;
            claims.check(scope, "the loan card's reason: who bears the shortfall", l.default_month.is_some() && reason.starts_with("Non-recourse") != model.assumptions.recourse, reason);
        }
        if scope == "ice-cube" {
            fleet_share_claims(&mut claims, scope, &values, &model.assumptions);
        }
        if scope == "calculator" {
            let comparison = debt_or_dilution::narrative::outcomes::comparison(&written);
            let o = &model.outcomes;
            let amounts = [o.convertible.end.equity_value, o.loan.end.equity_value, o.secured.end.equity_value];
            let stated = amounts.iter().all(|v| comparison.contains(&format!("{} (", dollars(v.to_f64()))));
            claims.check(scope, "what today's owners end with under each structure", stated, &comparison);
        }
    }
    claims
}

/// The claims about the data that the story's baked sentences make: the order of two deals, and
/// that the 2024-25 wave raised more than the 2020-22 one.
fn dataset_claims(claims: &mut Claims) {
    use debt_or_dilution::data::calendar::PartialDate;
    use debt_or_dilution::data::deals::find;
    use debt_or_dilution::story::facts::fact;
    let day = |id: &str| match find(id).and_then(|d| d.closed) {
        Some(PartialDate::Day(d)) => Some(d),
        _ => None,
    };
    let (wulf, iren) = (day("WULF-2025-10-SSN").unwrap(), day("IREN-2025-10").unwrap());
    let sentence = fact("iren-convert-sentence").unwrap_or_default();
    let gap = wulf.days_since_epoch() - iren.days_since_epoch();
    let said = if gap > 0 { format!("{gap} days earlier, on {}", iren.human()) } else { format!("{} days later, on {}", -gap, iren.human()) };
    claims.check("then-and-now", "the order of IREN's and TeraWulf's closings", sentence.contains(&said), sentence);
    let amount = |name: &str| fact(name).and_then(|v| v.trim_start_matches('$').trim_end_matches(" billion").parse::<f64>().ok()).unwrap_or(f64::NAN);
    let text = format!("then {}, now {}", amount("then-raised"), amount("now-raised"));
    let now_more = amount("now-raised") > 5.0 * amount("then-raised");
    claims.check("then-and-now", "far more raised in 2024-25 than in 2020-22", now_more && fact("now-mix-sentence").is_some(), &text);
}

/// The claims this test reads on the page today. A claim that stops being made (or starts) must
/// change this list, so a sentence cannot quietly drop out of the checks.
const EXPECTED: &[&str] = &[
    "ai-bet: the capped call under Physical settlement",
    "ai-bet: the loan is or is not available",
    "ai-bet: what owners keep under the convertible",
    "ai-bet: what owners keep under the secured notes",
    "ai-bet: whether holders convert, and when",
    "calculator: the capped call under Physical settlement",
    "calculator: the loan is or is not available",
    "calculator: what owners keep under the convertible",
    "calculator: what owners keep under the secured notes",
    "calculator: what today's owners end with under each structure",
    "calculator: when the loan defaults, or that it does not",
    "calculator: when the pledged machines are sold and what the company keeps",
    "calculator: whether holders convert, and when",
    "convertible-dilutes: the capped call under Physical settlement",
    "convertible-dilutes: the loan is or is not available",
    "convertible-dilutes: what owners keep under the convertible",
    "convertible-dilutes: what owners keep under the secured notes",
    "convertible-dilutes: when the loan defaults, or that it does not",
    "convertible-dilutes: when the pledged machines are sold and what the company keeps",
    "convertible-dilutes: whether holders convert, and when",
    "convertible-dilutes: why owners keep less under the convertible",
    "convertible-dilutes: why owners keep less under the secured notes",
    "futures: the capped call under Physical settlement",
    "futures: the loan is or is not available",
    "futures: what owners keep under the convertible",
    "futures: what owners keep under the secured notes",
    "futures: when the loan defaults, or that it does not",
    "futures: when the pledged machines are sold and what the company keeps",
    "futures: whether holders convert, and when",
    "ice-cube: the capped call under Physical settlement",
    "ice-cube: the fleet's share of a growing network",
    "ice-cube: the loan is or is not available",
    "ice-cube: what owners keep under the convertible",
    "ice-cube: what owners keep under the secured notes",
    "ice-cube: when the loan defaults, or that it does not",
    "ice-cube: when the pledged machines are sold and what the company keeps",
    "ice-cube: whether holders convert, and when",
    "ice-cube: why owners keep less under the convertible",
    "ice-cube: why owners keep less under the secured notes",
    "loan-breaks: the capped call: none",
    "loan-breaks: the loan card's reason: who bears the shortfall",
    "loan-breaks: the loan is or is not available",
    "loan-breaks: the replay has no loan-to-value covenant",
    "loan-breaks: the shortfall a non-recourse lender bears",
    "loan-breaks: what owners keep under the convertible",
    "loan-breaks: what owners keep under the secured notes",
    "loan-breaks: when the loan defaults, or that it does not",
    "loan-breaks: whether holders convert, and when",
    "loan-breaks: why owners keep less under the convertible",
    "squeeze: the capped call under Physical settlement",
    "squeeze: the loan is or is not available",
    "squeeze: what owners keep under the convertible",
    "squeeze: what owners keep under the secured notes",
    "squeeze: when the loan defaults, or that it does not",
    "squeeze: when the pledged machines are sold and what the company keeps",
    "squeeze: whether holders convert, and when",
    "then-and-now: far more raised in 2024-25 than in 2020-22",
    "then-and-now: the order of IREN's and TeraWulf's closings",
];

#[test]
fn every_claim_of_the_story_matches_its_model_run() {
    let mut claims = story_claims(|_| {});
    dataset_claims(&mut claims);
    assert!(claims.failures.is_empty(), "{:#?}", claims.failures);
    let checked: Vec<&str> = claims.checked.iter().map(String::as_str).collect();
    assert_eq!(checked, EXPECTED, "the claims the story makes changed; update EXPECTED if that was meant");
}

/// The checks are not tautologies: read against a run with one input flipped, the sentences
/// written for the story's inputs fail.
#[test]
fn a_claim_read_against_a_flipped_input_fails() {
    for (input, flip) in [
        ("bitcoin rising 40% a year", (|a: &mut Assumptions| a.btc_drift_pct = 40.0) as fn(&mut Assumptions)),
        ("the network growing 10% a year", |a| a.network_growth_pct = 10.0),
        ("physical settlement turned to net share", |a| a.settlement = Settlement::NetShare),
        ("recourse", |a| a.recourse = !a.recourse),
    ] {
        let claims = story_claims(flip);
        assert!(!claims.failures.is_empty(), "no claim failed with {input}");
    }
    let growth = story_claims(|a| a.network_growth_pct = 10.0);
    assert!(growth.failures.iter().any(|f| f.contains("fleet's share")), "{:#?}", growth.failures);
}

/// The convertible's card flags notes larger than the market lends the company (`refi_max` of
/// its market value), and only those.
#[test]
fn the_convertible_card_flags_notes_the_market_would_not_buy() {
    use debt_or_dilution::model::query::parse_query;
    use debt_or_dilution::narrative::outcomes::reasons;
    let flagged = |q: &str| reasons(&simulate(&parse_query(q).0))[1].starts_with("Larger than the market lends");
    // $1B against 251,265,000 shares at $5.71 ($1.435B): 70%, above 30%.
    assert!(flagged("hpc_share=100&principal=1000000000"));
    // $250M is 17%.
    assert!(!flagged(""));
    // With no refinancing the market lends nothing at a wall, and the flag says nothing.
    assert!(!flagged("principal=1000000000&refi_max=0"));
    // The AI section says its raise is less than a third of the company's market value.
    let ai = SECTIONS.iter().find(|s| s.id == "ai-bet").and_then(|s| s.local_query).expect("the AI section's scenario");
    let a = parse_query(ai).0;
    assert!(a.principal_usd < a.shares_outstanding * a.share_price_usd / 3.0 && !flagged(ai), "{ai}");
}
