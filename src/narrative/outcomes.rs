//! One sentence per structure on what happened, and one comparing it with the other two
//! (issue 5: "The lender takes 1,000 PH/s of machines in month 9, September 2022" /
//! "Holders convert: existing owners keep 89%").

use super::format::{dollars, percent, price, thousands};
use crate::model::convertible::NotesEvent;
use crate::model::loan::LoanDefault;
use crate::model::money::Money;
use crate::model::secured::SecuredDefault;
use crate::model::simulate::Scenario;

/// What the cards say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeSentences {
    pub loan: String,
    pub convertible: String,
    pub secured: String,
}

fn when(s: &Scenario, t: u32) -> String {
    let m = s.timeline.start.add_months(t as i32 - 1);
    format!("month {t}, {} {}", m.long_month_name(), m.year)
}

fn kept(f: f64) -> String {
    // Whole percent unless that would hide a change (99.6% is not 100%).
    let p = f * 100.0;
    if (p - p.round()).abs() < 0.05 { format!("{:.0}%", p) } else { format!("{:.1}%", p) }
}

/// Why the loan is not available on these terms, in one sentence (None when it is).
pub fn loan_unavailable_sentence(s: &Scenario) -> Option<String> {
    let o = &s.outcomes.loan.outcome;
    if o.available {
        return None;
    }
    let a = &s.assumptions;
    let needed = a.principal_usd / (a.loan_to_value_pct / 100.0);
    let fleet_value = a.principal_usd / o.loan_to_value_at_closing.to_f64().max(f64::MIN_POSITIVE);
    Some(format!(
        "Not available on these terms: a {} loan-to-value on {} needs {} of machines as collateral, and the whole fleet, with what the loan would buy, is worth {}.",
        percent(a.loan_to_value_pct / 100.0),
        dollars(a.principal_usd),
        dollars(needed),
        dollars(fleet_value)
    ))
}

/// What happened to the loan (structure A).
pub fn loan_sentence(s: &Scenario) -> String {
    if let Some(text) = loan_unavailable_sentence(s) {
        return text;
    }
    let loan = &s.outcomes.loan;
    let o = &loan.outcome;
    let a = &s.assumptions;
    if let Some(t) = o.default_month {
        let seized = o.seized_ph.to_f64();
        let machines = o.seized_machines.to_f64();
        let cause = match o.default_cause {
            Some(LoanDefault::Covenant) => "the machines fall below the loan-to-value covenant and the miner cannot post the cure",
            _ => "the miner cannot make the payment",
        };
        let deficiency = o.deficiency.to_f64();
        let tail = if deficiency <= 0.5 {
            "; the machines cover what is owed.".to_string()
        } else if a.recourse {
            format!("; it still claims {} from the company, which must find the cash.", dollars(deficiency))
        } else {
            format!("; the loan is non-recourse, so the lender absorbs the {} shortfall.", dollars(deficiency))
        };
        return format!(
            "The lender takes {} PH/s of machines ({} machines) in {}: {}{}",
            thousands(seized.round() as u64),
            thousands(machines.round() as u64),
            when(s, t),
            cause,
            tail
        );
    }
    let interest = dollars(o.interest_paid.to_f64());
    match o.repaid_month {
        Some(t) => format!("The loan is paid off in {}, after {} of interest; the miner keeps its machines.", when(s, t), interest),
        None => format!("The loan is still being paid at the end of the run, after {} of interest.", interest),
    }
}

/// What happened to the convertible notes (structure B).
pub fn convertible_sentence(s: &Scenario) -> String {
    let b = &s.outcomes.convertible;
    let o = &b.outcome;
    let owners = kept(b.end.ownership_retained.to_f64());
    let k = o.terms.conversion_price.to_f64();
    match (o.event, o.event_month) {
        (Some(NotesEvent::ConvertedAtMaturity | NotesEvent::ConvertedOnCall), Some(t)) => {
            let issued = o.conversion.map(|c| c.net_shares.to_f64()).unwrap_or(0.0);
            let called = if o.event == Some(NotesEvent::ConvertedOnCall) { ", after the company calls the notes" } else { "" };
            format!(
                "Holders convert in {}{}: {} new shares are issued and existing owners keep {}.",
                when(s, t),
                called,
                thousands(issued.round() as u64),
                owners
            )
        }
        (Some(ev @ (NotesEvent::RepaidAtMaturity | NotesEvent::RepaidOnPut)), Some(t)) => {
            let why = if ev == NotesEvent::RepaidOnPut { "holders put the notes back" } else { "the notes mature" };
            let wall = o.refinancing_wall.to_f64();
            if wall <= 0.5 {
                format!(
                    "The stock stays below the {} conversion price, so when {} in {} the company repays {} in cash; owners keep {}.",
                    price(k),
                    why,
                    when(s, t),
                    dollars(o.principal_paid_cash.to_f64()),
                    owners
                )
            } else if o.default_month.is_some() {
                format!(
                    "The stock stays below the {} conversion price and, when {} in {}, cash falls {} short: the company defaults on the notes.",
                    price(k),
                    why,
                    when(s, t),
                    dollars(wall)
                )
            } else {
                format!(
                    "The stock stays below the {} conversion price and, when {} in {}, cash falls {} short: the company sells {} new shares to pay, and owners keep {}.",
                    price(k),
                    why,
                    when(s, t),
                    dollars(wall),
                    thousands(b.end.rescue_shares.to_f64().round() as u64),
                    owners
                )
            }
        }
        _ => format!("The notes are still outstanding at the end of the run; owners keep {} so far.", owners),
    }
}

/// What happened to the senior secured notes (structure C).
pub fn secured_sentence(s: &Scenario) -> String {
    let c = &s.outcomes.secured;
    let o = &c.outcome;
    let owners = kept(c.end.ownership_retained.to_f64());
    let interest = dollars(o.interest_paid.to_f64());
    match (o.default_month, o.default_cause) {
        (Some(t), Some(SecuredDefault::Balloon)) => format!(
            "The company pays {} of interest but cannot repay the {} balloon in {}: it defaults on the notes and the holders take the data center and the machines the notes paid for.",
            interest,
            dollars(o.balloon_wall.to_f64()),
            when(s, t)
        ),
        (Some(t), _) => format!(
            "{}: the company misses a payment in {} and defaults, after {} of interest.",
            if s.outcomes.hpc_noi_total.to_f64() > 0.0 { "Cash runs out before the data center earns enough" } else { "With nothing built to earn from, cash runs out" },
            when(s, t),
            interest
        ),
        (None, _) => {
            let wall = o.balloon_wall.to_f64();
            if wall > 0.5 {
                format!(
                    "The company pays {} of interest; at maturity cash falls {} short of the balloon and new shares fill the gap, so owners keep {}.",
                    interest,
                    dollars(wall),
                    owners
                )
            } else {
                match o.repaid_month {
                    Some(t) => format!("The company pays {} of interest and repays the notes in {}; owners keep {}.", interest, when(s, t), owners),
                    None => format!("The company pays {} of interest and the notes are still outstanding at the end of the run.", interest),
                }
            }
        }
    }
}

/// The comparison each card closes with: every structure's ownership, and whether the miner
/// kept its machines.
pub fn comparison(s: &Scenario) -> String {
    let o = &s.outcomes;
    if !o.loan.outcome.available {
        return format!(
            "Owners keep {} with the convertible and {} with the secured notes; the loan is not available on these terms.",
            kept(o.convertible.end.ownership_retained.to_f64()),
            kept(o.secured.end.ownership_retained.to_f64())
        );
    }
    let loan_owned = kept(o.loan.end.ownership_retained.to_f64());
    let machines = if o.loan.outcome.default_month.is_some() { " but no pledged machines" } else { " and its machines" };
    format!(
        "Owners keep {} with the convertible, {} with the loan{}, and {} with the secured notes.",
        kept(o.convertible.end.ownership_retained.to_f64()),
        loan_owned,
        machines,
        kept(o.secured.end.ownership_retained.to_f64())
    )
}

/// Which card a comparison closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Card {
    Loan,
    Convertible,
    Secured,
}

/// How the other two structures would have left the owners, for one card.
pub fn comparison_for(s: &Scenario, card: Card) -> String {
    let o = &s.outcomes;
    let loan = if o.loan.outcome.available {
        format!(
            "the loan {}{}",
            kept(o.loan.end.ownership_retained.to_f64()),
            if o.loan.outcome.default_month.is_some() { " but without its pledged machines" } else { " with its machines" }
        )
    } else {
        "the loan is not available on these terms".to_string()
    };
    let convertible = format!("the convertible {}", kept(o.convertible.end.ownership_retained.to_f64()));
    let secured = format!("the secured notes {}", kept(o.secured.end.ownership_retained.to_f64()));
    let (a, b) = match card {
        Card::Loan => (convertible, secured),
        Card::Convertible => (loan, secured),
        Card::Secured => (loan, convertible),
    };
    format!("On the same path, owners would keep: {a}; {b}.")
}

/// All three sentences.
pub fn sentences(s: &Scenario) -> OutcomeSentences {
    OutcomeSentences { loan: loan_sentence(s), convertible: convertible_sentence(s), secured: secured_sentence(s) }
}

/// Monte Carlo in one sentence.
pub fn monte_carlo_sentence(s: &Scenario) -> Option<String> {
    let mc = s.monte_carlo.as_ref()?;
    Some(format!(
        "Across {} paths, the loan defaults on {} of them; the convertible's total dilution has a median of {} and is above {} on one path in ten.",
        thousands(mc.paths as u64),
        percent(mc.loan_default_probability),
        percent(mc.dilution_total.p50),
        percent(mc.dilution_total.p90)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::scenario_preset;
    use crate::model::simulate::simulate;

    #[test]
    fn the_2022_replay_reads_as_the_story() {
        let s = simulate(&scenario_preset("2022-replay").unwrap().assumptions);
        let loan = loan_sentence(&s);
        let o = &s.outcomes.loan.outcome;
        let month = o.default_month.expect("the 2022 replay's loan defaults");
        let when = format!("in month {month}, {}", s.timeline.long_label(month));
        let seized = format!("The lender takes {} PH/s of machines", thousands(o.seized_ph.to_f64().round() as u64));
        assert!(loan.starts_with(&seized) && loan.contains(&when) && when.ends_with("2022"), "{loan}");
        assert!(loan.contains("non-recourse"), "{loan}");
        let conv = convertible_sentence(&s);
        assert!(conv.contains("existing owners keep") || conv.contains("owners keep"), "{conv}");
        assert!(comparison(&s).contains("but no pledged machines"));
        assert!(comparison_for(&s, Card::Convertible).contains("the loan 100% but without its pledged machines"), "{}", comparison_for(&s, Card::Convertible));
        assert!(!comparison_for(&s, Card::Loan).contains("the loan"));
    }

    #[test]
    fn the_secured_sentence_mentions_a_data_center_only_when_there_is_one() {
        let none = simulate(&Default::default());
        assert!(!secured_sentence(&none).contains("data center"), "{}", secured_sentence(&none));
        let built = simulate(&crate::model::query::parse_query("hpc_share=100&principal=1000000000&secured_coupon=15").0);
        if built.outcomes.secured.outcome.default_month.is_some() && built.outcomes.hpc_noi_total.to_f64() > 0.0 {
            assert!(secured_sentence(&built).contains("data center"), "{}", secured_sentence(&built));
        }
    }

    #[test]
    fn every_default_scenario_sentence_is_complete() {
        let s = simulate(&Default::default());
        for text in [loan_sentence(&s), convertible_sentence(&s), secured_sentence(&s), comparison(&s)] {
            assert!(text.ends_with('.') && !text.contains("NaN") && !text.contains("inf"), "{text}");
        }
    }
}
