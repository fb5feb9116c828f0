//! One sentence per structure on what happened, and one comparing it with the other two
//! ("In month 10, October 2022, the borrower cannot make the payment and the lender takes 1,057
//! PH/s of machines" / "Holders convert: existing owners keep 89%"). Every sentence is read
//! off the model's run; none states an outcome the run did not produce.

use super::format::{dollars, percent, price, thousands};
use crate::model::convertible::NotesEvent;
use crate::model::loan::{LoanDefault, SaleReason};
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

/// "owners keep 66%", or, when the company also sold new shares that the rest of the sentence
/// does not account for (to pay running costs or coupons its cash could not), how many first:
/// a dilution the words leave unexplained reads as a contradiction.
fn owners_keep(rescue_shares: f64, ownership: f64, who: &str) -> String {
    if rescue_shares > 0.5 {
        format!(
            "along the way it sells {} new shares to pay what its cash could not, so {who} keep {}",
            thousands(rescue_shares.round() as u64),
            kept(ownership)
        )
    } else {
        format!("{who} keep {}", kept(ownership))
    }
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
    let support = o.support_paid.to_f64();
    let supported = if support > 0.5 { format!(", after the company had paid {} of its shortfalls", dollars(support)) } else { String::new() };
    if let Some(t) = o.default_month {
        let cause = match o.default_cause {
            Some(LoanDefault::Covenant) => "the machines fall below the loan-to-value covenant",
            _ => "the borrower cannot make the payment",
        };
        let deficiency = o.deficiency.to_f64();
        let tail = if a.recourse {
            format!("; the loan has recourse, so the company still owes the {} the machines did not cover.", dollars(deficiency))
        } else if deficiency > 0.5 {
            format!(
                "; with the machines worth less than the loan and no recourse to the company, it walks away and the lender bears the {} shortfall.",
                dollars(deficiency)
            )
        } else {
            // The machines covered the loan: only a subsidiary the company does not stand
            // behind defaults then, and the lender hands back what the sale leaves over.
            let stance = if a.parent_support { "" } else { " the company does not stand behind its subsidiary, so" };
            format!(
                ";{stance} the lender sells the machines, is repaid in full and hands the company the {} left over.",
                dollars(o.surplus.to_f64())
            )
        };
        // A non-recourse subsidiary that the company does not support pays short months from
        // the cash its machines kept in better ones; say so, or the months between the first
        // short payment and the default read as a contradiction.
        let first_short = loan
            .debt_service_coverage
            .iter()
            .enumerate()
            .take(t as usize)
            .skip(1)
            .find(|(_, c)| c.is_finite() && **c < 1.0)
            .map(|(m, _)| m as u32);
        let lead = match first_short {
            Some(f) if !a.recourse && support <= 0.5 && o.default_cause == Some(LoanDefault::Payment) => format!(
                "From {}, the machines earn less than each payment, and the subsidiary pays the difference from the cash it kept in better months. ",
                when(s, f)
            ),
            _ => String::new(),
        };
        let when_text = if lead.is_empty() { format!("{},", when(s, t)) } else { format!("{}, that cash runs out:", when(s, t)) };
        return format!(
            "{lead}In {} {}{} and the lender takes {} PH/s of machines ({} machines){}{}",
            when_text,
            cause,
            supported,
            thousands(o.seized_ph.to_f64().round() as u64),
            thousands(o.seized_machines.to_f64().round() as u64),
            if o.cash_taken.to_f64() > 0.5 { format!(" and the subsidiary's last {}", dollars(o.cash_taken.to_f64())) } else { String::new() },
            tail
        );
    }
    let interest = dollars(o.interest_paid.to_f64());
    if let Some(t) = o.sold_month {
        let why = match o.sale_reason {
            Some(SaleReason::CashShort) => "the company's cash runs short",
            _ => "the machines have stood idle long enough to be sold",
        };
        let short = if support > 0.5 {
            format!("The machines' income does not cover the payments, and the company pays the {} shortfall from its cash until", dollars(support))
        } else {
            "The loan is paid until".to_string()
        };
        // With recourse a sale that fetches less than the loan leaves the company to pay the rest.
        let surplus = o.surplus.to_f64();
        let rest = if surplus < 0.0 { format!("pays the {} the sale did not cover", dollars(-surplus)) } else { format!("keeps the {} left over", dollars(surplus)) };
        return format!(
            "{short} {}, when {why}: it sells the {} PH/s pledged, repays the lender in full after {interest} of interest, and {rest}.",
            when(s, t),
            thousands(o.sold_ph.to_f64().round() as u64),
        );
    }
    let with_support = if support > 0.5 { format!(" and {} of the company's cash to cover what the machines' income did not", dollars(support)) } else { String::new() };
    match o.repaid_month {
        Some(t) => format!("The loan is paid off in {}, after {interest} of interest{with_support}; the pledged machines return to the miner.", when(s, t)),
        None => format!("The loan is still being paid at the end of the run, after {interest} of interest{with_support}."),
    }
}

/// When the company may call the convertible, in words ("from month 36, November 2028, once
/// the stock reaches $26.81, 130% of the conversion price"), if it has a call.
fn call_window(s: &Scenario) -> Option<String> {
    let a = &s.assumptions;
    (a.call_start_month > 0 && a.call_start_month < a.maturity_months).then(|| {
        let k = s.outcomes.convertible.outcome.terms.conversion_price.to_f64();
        format!(
            "from {}, once the stock reaches {}, {} of the conversion price",
            when(s, a.call_start_month),
            price(k * a.call_trigger_pct / 100.0),
            kept(a.call_trigger_pct / 100.0)
        )
    })
}

/// What happened to the convertible notes (structure B).
pub fn convertible_sentence(s: &Scenario) -> String {
    let b = &s.outcomes.convertible;
    let o = &b.outcome;
    let owners = kept(b.end.ownership_retained.to_f64());
    let rescue = b.end.rescue_shares.to_f64();
    let owners_keep = |who: &str| owners_keep(rescue, b.end.ownership_retained.to_f64(), who);
    let k = o.terms.conversion_price.to_f64();
    let uncalled = match (o.event, call_window(s)) {
        (Some(NotesEvent::ConvertedOnCall), _) | (_, None) => String::new(),
        (_, Some(window)) => format!(" The company could have called the notes {window}; it never does."),
    };
    let sentence = match (o.event, o.event_month) {
        (Some(NotesEvent::ConvertedAtMaturity | NotesEvent::ConvertedOnCall), Some(t)) => {
            let issued = o.conversion.map(|c| c.net_shares.to_f64()).unwrap_or(0.0);
            let called = if o.event == Some(NotesEvent::ConvertedOnCall) {
                format!(", after the company calls them ({})", call_window(s).unwrap_or_default())
            } else {
                String::new()
            };
            let keep = if rescue > 0.5 { format!("; {}", owners_keep("existing owners")) } else { format!(" and existing owners keep {owners}") };
            format!("Holders convert in {}{}: {} new shares are issued{keep}.", when(s, t), called, thousands(issued.round() as u64))
        }
        (Some(ev @ (NotesEvent::RepaidAtMaturity | NotesEvent::RepaidOnPut)), Some(t)) => {
            let why = if ev == NotesEvent::RepaidOnPut { "holders put the notes back" } else { "the notes mature" };
            let wall = o.refinancing_wall.to_f64();
            let refinanced = o.refinanced.to_f64();
            // Every branch opens the same way: the stock below the conversion price when the
            // notes come due; one lead, then what the company does about the cash.
            let lead = format!("The stock stays below the {} conversion price", price(k));
            let due = when(s, t);
            let coupon = percent(s.assumptions.refinancing_coupon_pct / 100.0);
            let tail = if wall <= 0.5 {
                return format!(
                    "{lead}, so when {why} in {due}, the company repays {} in cash; {}.{uncalled}",
                    dollars(o.principal_paid_cash.to_f64()),
                    owners_keep("owners")
                );
            } else if o.default_month.is_some() {
                let lent = if refinanced > 0.5 {
                    format!("; the market lends {} in new notes, and neither more notes nor new shares can cover the rest", dollars(refinanced))
                } else {
                    " and neither new notes nor new shares can cover it".to_string()
                };
                format!(
                    "{lent}: the company defaults, and the {} it cannot pay stays owed ahead of its shareholders, growing at {coupon} a year and taking any cash the company makes",
                    dollars(o.unpaid.to_f64())
                )
            } else if refinanced > 0.5 && wall - refinanced > 0.5 {
                format!(
                    ": the market lends {} of it in new notes at {coupon} a year, the most it will, and the company sells {} new shares for the rest; owners keep {owners}",
                    dollars(refinanced),
                    thousands(rescue.round() as u64)
                )
            } else if refinanced > 0.5 {
                format!(": the company sells new notes for it, at {coupon} a year; {}", owners_keep("owners"))
            } else {
                format!(": the company sells {} new shares to pay, and owners keep {owners}", thousands(rescue.round() as u64))
            };
            format!("{lead} and, when {why} in {due}, cash falls {} short{tail}.", dollars(wall))
        }
        _ => match o.default_month {
            Some(t) => format!(
                "The company cannot pay a coupon in {} and defaults: the {} of notes and coupon stay owed ahead of its shareholders.",
                when(s, t),
                dollars(o.unpaid.to_f64())
            ),
            None => format!("The notes are still outstanding at the end of the run; {} so far.", owners_keep("owners")),
        },
    };
    format!("{sentence}{uncalled}")
}

/// What happened to the senior secured notes (structure C), with any early repayment from the
/// sale of the machines they paid for first.
pub fn secured_sentence(s: &Scenario) -> String {
    let o = &s.outcomes.secured.outcome;
    let core = secured_core(s);
    match o.prepaid_month {
        Some(t) if o.prepaid.to_f64() > 0.5 && o.default_month.is_none_or(|d| t < d) => format!(
            "In {}, the machines the notes paid for are sold after standing idle, and {} of the sale repays the notes early. {}",
            when(s, t),
            dollars(o.prepaid.to_f64()),
            core.replacen("repays the notes in", "repays the rest in", 1)
        ),
        _ => core,
    }
}

fn secured_core(s: &Scenario) -> String {
    let c = &s.outcomes.secured;
    let o = &c.outcome;
    let owners = kept(c.end.ownership_retained.to_f64());
    let owners_keep = || owners_keep(c.end.rescue_shares.to_f64(), c.end.ownership_retained.to_f64(), "owners");
    let interest = dollars(o.interest_paid.to_f64());
    let share = s.assumptions.hpc_share_pct;
    let earned = s.outcomes.hpc_noi_total.to_f64() > 0.0;
    let collateral = if share >= 100.0 {
        "the data center the notes paid for"
    } else if share > 0.0 {
        "the data center and the machines the notes paid for"
    } else {
        "the machines the notes paid for"
    };
    let unpaid = o.unpaid_claim.to_f64();
    let owed = if unpaid > 0.5 {
        format!("; the {} they do not cover stays owed ahead of the shareholders", dollars(unpaid))
    } else {
        "; they cover the claim".to_string()
    };
    match (o.default_month, o.default_cause) {
        (Some(t), Some(SecuredDefault::Balloon)) => format!(
            "The company pays {} of interest but cannot repay or refinance the {} balloon in {}: it defaults and the holders take {collateral}{owed}.",
            interest,
            dollars(o.balloon_wall.to_f64()),
            when(s, t)
        ),
        (Some(t), _) => format!(
            "{}: the company cannot make a payment in {} even with new shares, after {} of interest, and the holders take {collateral}{owed}.",
            match (share > 0.0, earned) {
                (true, true) => "Cash runs out before the data center earns enough",
                (true, false) => "Cash runs out before the data center earns anything",
                (false, _) => "The machines the notes paid for do not earn enough and cash runs out",
            },
            when(s, t),
            interest
        ),
        (None, _) => {
            let wall = o.balloon_wall.to_f64();
            let refinanced = o.refinanced.to_f64();
            let short = if wall > 0.5 { format!("The company pays {interest} of interest; at maturity cash falls {} short of the balloon", dollars(wall)) } else { String::new() };
            if refinanced > 0.5 && wall - refinanced > 0.5 {
                format!(
                    "{short}, new notes secured on the same assets refinance {} of it, the most the market will lend, and new shares fill the rest, so owners keep {owners}.",
                    dollars(refinanced)
                )
            } else if refinanced > 0.5 {
                format!("{short} and new notes secured on the same assets refinance it; {}.", owners_keep())
            } else if wall > 0.5 {
                format!("{short} and new shares fill the gap, so owners keep {owners}.")
            } else {
                match o.repaid_month {
                    Some(t) => format!("The company pays {} of interest and repays the notes in {}; {}.", interest, when(s, t), owners_keep()),
                    None => format!("The company pays {} of interest and the notes are still outstanding at the end of the run.", interest),
                }
            }
        }
    }
}

/// What today's owners are left with under one structure: "$190.8M (100% of the company)".
fn left(value: f64, ownership: f64) -> String {
    format!("{} ({} of the company)", dollars(value), kept(ownership))
}

/// The comparison under the cards: what today's owners end with under each structure, and
/// whether the miner kept its machines.
pub fn comparison(s: &Scenario) -> String {
    let o = &s.outcomes;
    let convertible = left(o.convertible.end.equity_value.to_f64(), o.convertible.end.ownership_retained.to_f64());
    let secured = left(o.secured.end.equity_value.to_f64(), o.secured.end.ownership_retained.to_f64());
    let baseline = format!(" Had it raised nothing, they would end with {}.", dollars(o.baseline_equity_value.to_f64()));
    if !o.loan.outcome.available {
        return format!(
            "Today's owners end with {convertible} under the convertible and {secured} under the secured notes; the loan is not available on these terms.{baseline}"
        );
    }
    let loan = left(o.loan.end.equity_value.to_f64(), o.loan.end.ownership_retained.to_f64());
    let machines = loan_machines(s);
    format!("Today's owners end with {convertible} under the convertible, {loan} under the loan{machines}, and {secured} under the secured notes.{baseline}")
}

/// What became of the loan's pledged machines, as a clause after "under the loan".
fn loan_machines(s: &Scenario) -> &'static str {
    let o = &s.outcomes.loan.outcome;
    if o.default_month.is_some() {
        ", after the lender took its pledged machines"
    } else if o.sold_month.is_some() {
        ", after selling its pledged machines"
    } else {
        ", with its machines"
    }
}

/// One line per card (loan, convertible, secured notes) on the mechanism behind its outcome,
/// in the glossary's terms, where the outcome needs one; empty where the sentence says it all.
pub fn reasons(s: &Scenario) -> [&'static str; 3] {
    use crate::model::assumptions::Settlement;
    let a = &s.assumptions;
    let o = &s.outcomes;
    let l = &o.loan.outcome;
    let loan = match (l.available, l.default_cause, l.sale_reason) {
        (false, ..) => "",
        (_, Some(LoanDefault::Covenant), _) => "Covenant: the loan outgrew its allowed share of the machines' value and could not be paid down.",
        (_, Some(_), _) if a.recourse => "Recourse: what the machines do not cover stays the company's debt.",
        (_, Some(_), _) => "Non-recourse: the lender takes the pledged machines and nothing else.",
        (_, _, Some(SaleReason::Idle)) => "Curtailment: machines that earn less than they cost to run are switched off, then sold.",
        (_, _, Some(SaleReason::CashShort)) => "Cash ran short, so the company sold the machines while they still covered the loan.",
        _ => "",
    };
    let c = &o.convertible.outcome;
    // The market lends up to `refi_max` of a company's market value at a wall; notes larger
    // than that at issue would not have found buyers either.
    let too_large = a.refinance_max_pct > 0.0 && a.principal_usd > a.refinance_max_pct / 100.0 * a.shares_outstanding * a.share_price_usd;
    let convertible = match c.event {
        _ if too_large => "Larger than the market lends this company (refi_max of its market value): a hypothetical.",
        Some(NotesEvent::ConvertedAtMaturity | NotesEvent::ConvertedOnCall) => match a.settlement {
            Settlement::Physical if a.cap_pct > 0.0 => "Physical settlement: new shares for the notes' whole value, less what the capped call covers.",
            Settlement::Physical => "Physical settlement: new shares for the notes' whole value.",
            Settlement::NetShare => "Net-share settlement: cash for the principal, new shares only for the gain.",
            Settlement::Cash => "Cash settlement: no new shares.",
        },
        _ if c.default_month.is_some() => "Unpaid notes stay owed ahead of the shareholders.",
        _ if c.refinancing_wall.to_f64() > 0.5 => "Refinancing wall: unconverted notes are repaid in cash, from new notes while the market lends, then from share sales.",
        _ => "",
    };
    let n = &o.secured.outcome;
    let secured = if n.default_month.is_some() {
        "Senior secured: the holders take what the notes paid for first."
    } else if n.balloon_wall.to_f64() > 0.5 {
        "At maturity new secured notes refinance what cash cannot repay, while the market lends; new shares fill the rest."
    } else if n.prepaid.to_f64() > 0.5 {
        "Curtailment: machines that earn less than they cost to run are switched off, then sold."
    } else {
        ""
    };
    [loan, convertible, secured]
}

/// The company's stock market value, next to the inputs that set it, its net assets, and what
/// owners' value at the end is measured from: "Worth $1.43B on the stock market: 251,265,000
/// shares at $5.71, against $305.9M of cash and machines before the raise. ...".
pub fn market_value_note(s: &Scenario) -> String {
    let a = &s.assumptions;
    let (market, nav) = (a.shares_outstanding * a.share_price_usd, s.outcomes.net_assets_at_start.to_f64());
    format!(
        "Worth {} on the stock market: {} shares at {}, against {} of cash and machines before the raise. Owners' value at the end is {}, plus what the raise added to or took from its net assets.",
        dollars(market),
        thousands(a.shares_outstanding.round() as u64),
        price(a.share_price_usd),
        dollars(nav),
        if nav < market { "what the market would pay for the company had it not raised" } else { "the company's net assets had it not raised, which the market prices lower" }
    )
}

/// The secured notes card's tag: what the notes paid for.
pub fn secured_tag(a: &crate::model::assumptions::Assumptions) -> &'static str {
    if a.hpc_share_pct >= 100.0 {
        "AI data center"
    } else if a.hpc_share_pct > 0.0 {
        "Data center and machines"
    } else {
        "Machines"
    }
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

/// What the capped call leaves owners under the scenario's settlement, from the model's own
/// settlement at a share price halfway between the conversion price and the cap: whether any
/// new shares are left there, and how many above the cap.
pub fn capped_call_sentence(s: &Scenario) -> String {
    use crate::model::assumptions::Settlement;
    use crate::model::convertible::ConversionTerms;
    let a = &s.assumptions;
    let Some(cap_pct) = (a.cap_pct > 0.0).then_some(a.cap_pct / 100.0) else {
        return "These notes have no capped call, so every share the holders take is new.".into();
    };
    let terms = ConversionTerms::<f64>::new(a.principal_usd, a.share_price_usd, a.premium_pct / 100.0, Some(cap_pct));
    let (k, cap) = (terms.conversion_price, terms.cap_price.unwrap_or(terms.conversion_price));
    let mid = (k + cap) / 2.0;
    let n0 = a.shares_outstanding.max(1.0);
    let kept = |price: f64| n0 / (n0 + terms.settle(a.principal_usd, price, a.settlement).net_shares);
    let effect = match a.settlement {
        Settlement::Cash => "Settled all in cash, as here, the notes issue no shares at any price, and the capped call pays the company cash for the rise up to the cap.".to_string(),
        _ if kept(mid) >= 1.0 - 1e-12 => format!(
            "Settled net share, as here, the principal is paid in cash and the capped call covers the shares for the rise, so owners keep all of the company up to the cap and are diluted only above it (at {} they would keep {}).",
            price(cap * 1.5),
            percent(kept(cap * 1.5))
        ),
        _ => format!(
            "Settled in shares, as here, the holders still take shares worth the principal, so owners are diluted even below the cap, though less: at {} they keep {}, against {} without the capped call.",
            price(mid),
            percent(kept(mid)),
            percent(n0 / (n0 + terms.if_converted_shares))
        ),
    };
    effect
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
        let when = format!("month {month}, {}", s.timeline.long_label(month));
        let seized = format!("the lender takes {} PH/s of machines", thousands(o.seized_ph.to_f64().round() as u64));
        assert!(loan.contains(&seized) && loan.contains(&format!("In {when}")) && when.ends_with("2022"), "{loan}");
        // The subsidiary pays short months from its own cash before it defaults; the sentence
        // says when the shortfall began, so the months between do not read as a contradiction.
        let first_short = s.outcomes.loan.debt_service_coverage.iter().skip(1).position(|c| *c < 1.0).map(|i| i as u32 + 1);
        let first_short = first_short.expect("the replay's machines earn less than a payment before the default");
        assert!(first_short < month, "short from {first_short}, default in {month}");
        let from = format!("From month {first_short}, {}, the machines earn less", s.timeline.long_label(first_short));
        assert!(loan.starts_with(&from) && loan.contains("that cash runs out"), "{loan}");
        assert!(loan.contains("no recourse"), "{loan}");
        let conv = convertible_sentence(&s);
        assert!(conv.contains("existing owners keep") || conv.contains("owners keep"), "{conv}");
        assert!(comparison(&s).contains("under the loan, after"), "{}", comparison(&s));
        let value = dollars(s.outcomes.loan.end.equity_value.to_f64());
        assert!(comparison(&s).contains(&format!("{value} (100% of the company) under the loan, after")), "{}", comparison(&s));
        // The loan card says why the lender stops at the machines.
        assert!(reasons(&s)[0].starts_with("Non-recourse: the lender takes the pledged machines"), "{:?}", reasons(&s));
        assert_eq!(reasons(&s)[1], "Physical settlement: new shares for the notes' whole value.", "no capped call here");
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
