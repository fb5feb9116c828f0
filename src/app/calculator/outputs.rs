//! The outcome cards: one per structure, side by side, each with what happened in a sentence,
//! how it compares with the other two, and its figures. Every figure is an element with
//! `data-metric` (the stable name) and `data-value` (the raw number from the core's
//! [`crate::model::metrics::metrics`], identical to what the host `scenario` binary prints).

use super::state::use_calculator;
use crate::data::calendar::YearMonth;
use crate::model::metrics::{metrics, Metric};
use crate::narrative::format::{display, label_of};
use crate::narrative::outcomes::{comparison, comparison_for, monte_carlo_sentence, sentences, Card};
use leptos::prelude::*;

/// The figures each card shows first; the rest of its prefix goes under "All figures".
const LOAN_KEY: &[&str] = &["loan-default-month", "loan-seized-ph", "loan-deficiency", "loan-interest-paid", "loan-min-dscr", "loan-ownership-retained", "loan-dilution-total", "loan-equity-value"];
const CONVERT_KEY: &[&str] = &["convert-conversion-price", "convert-conversion-rate", "convert-shares-issued", "convert-dilution-reported", "convert-dilution", "convert-dilution-total", "convert-refinancing-wall", "convert-coupons-paid", "convert-ownership-retained", "convert-equity-value"];
const SECURED_KEY: &[&str] = &["secured-interest-paid", "secured-default-month", "hpc-noi-total", "secured-ownership-retained", "secured-dilution-total", "secured-equity-value"];
const MC_KEY: &[&str] = &["mc-default-probability", "mc-dilution-median", "mc-dilution-p90", "mc-conversion-probability", "mc-wall-probability", "mc-secured-default-probability", "mc-paths"];

/// One figure: label, then the value element carrying the contract attributes.
#[component]
fn Figure(name: &'static str, values: Memo<Vec<Metric>>, start: Memo<YearMonth>) -> impl IntoView {
    // Where the name sits in the core's list (fixed for a build), so an update reads one entry.
    let at = values.with_untracked(|v| v.iter().position(|m| m.name == name));
    // The raw value and its text, in a memo that formats only when the value or the start
    // month changed: an input touches only the figures it changed (issue 8).
    let shown = Memo::new(move |previous: Option<&(String, String, YearMonth)>| {
        let raw = values.with(|v| match at.and_then(|i| v.get(i)).filter(|m| m.name == name) {
            Some(m) => m.value.clone(),
            None => v.iter().find(|m| m.name == name).map(|m| m.value.clone()).unwrap_or_default(),
        });
        let start = start.get();
        match previous {
            Some((r, text, s)) if *r == raw && *s == start => (raw, text.clone(), start),
            _ => {
                let text = display(name, &raw, start);
                (raw, text, start)
            }
        }
    });
    view! {
        <div class="figure-row">
            <dt>{label_of(name)}</dt>
            <dd data-metric=name data-value=move || shown.with(|s| s.0.clone())>
                {move || shown.with(|s| s.1.clone())}
            </dd>
        </div>
    }
}

fn figures(keys: &'static [&'static str], values: Memo<Vec<Metric>>, start: Memo<YearMonth>) -> impl IntoView {
    keys.iter().map(|name| view! { <Figure name=*name values=values start=start/> }).collect_view()
}

/// Names with a prefix that are not among the key figures, in the core's order.
fn others(prefix: &'static str, key: &'static [&'static str], all: &[Metric]) -> Vec<&'static str> {
    all.iter().map(|m| m.name).filter(|n| n.starts_with(prefix) && !key.contains(n)).collect()
}

#[component]
pub fn OutcomeCards() -> impl IntoView {
    let state = use_calculator();
    let values = Memo::new(move |_| metrics(&state.scenario.get()));
    // One reader of the scenario for every figure's start month (a signal's readers are all
    // visited on each change).
    let start = Memo::new(move |_| state.scenario.with(|s| s.timeline.start));
    let texts = Memo::new(move |_| {
        let s = state.scenario.get();
        let cards = [comparison_for(&s, Card::Loan), comparison_for(&s, Card::Convertible), comparison_for(&s, Card::Secured)];
        (sentences(&s), comparison(&s), monte_carlo_sentence(&s), cards)
    });
    let monte_carlo = move || state.scenario.with(|s| s.monte_carlo.is_some());
    let central = move || if monte_carlo() { "Central path: " } else { "" };
    let initial = values.get_untracked();
    let (loan_more, convert_more, secured_more) =
        (others("loan-", LOAN_KEY, &initial), others("convert-", CONVERT_KEY, &initial), others("secured-", SECURED_KEY, &initial));
    let more = |names: Vec<&'static str>| {
        view! {
            <details class="more-figures">
                <summary>"All figures"</summary>
                <dl>{names.into_iter().map(|name| view! { <Figure name=name values=values start=start/> }).collect_view()}</dl>
            </details>
        }
    };

    // Screen readers hear the outcome once input settles, not on every slider step.
    let announcement = RwSignal::new(String::new());
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let (s, c, _, _) = texts.get();
        let text = format!("{} {} {} {}", s.loan, s.convertible, s.secured, c);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    announcement.set(text);
                }
            },
            std::time::Duration::from_millis(700),
        );
    });

    view! {
        <div class="breakevens">
            <dl>
                <Figure name="breakeven-hashprice" values=values start=start/>
                <Figure name="breakeven-hashprice-cash" values=values start=start/>
                <Figure name="loan-breakeven-hashprice" values=values start=start/>
            </dl>
        </div>
        <div class="cards">
            <article class="card card-loan" aria-labelledby="card-loan-title">
                <h3 id="card-loan-title">"ASIC-backed loan"<span class="card-tag">"2021-style"</span></h3>
                <p class="card-sentence">{central}{move || texts.with(|t| t.0.loan.clone())}</p>
                <p class="card-comparison">{move || texts.with(|t| t.3[0].clone())}</p>
                <dl>{figures(LOAN_KEY, values, start)}</dl>
                {more(loan_more)}
            </article>
            <article class="card card-convertible" aria-labelledby="card-convertible-title">
                <h3 id="card-convertible-title">"Convertible notes"<span class="card-tag">"2024–25-style"</span></h3>
                <p class="card-sentence">{central}{move || texts.with(|t| t.0.convertible.clone())}</p>
                <p class="card-comparison">{move || texts.with(|t| t.3[1].clone())}</p>
                <dl>{figures(CONVERT_KEY, values, start)}</dl>
                {more(convert_more)}
            </article>
            <article class="card card-secured" aria-labelledby="card-secured-title">
                <h3 id="card-secured-title">"Senior secured notes"<span class="card-tag">"AI data center"</span></h3>
                <p class="card-sentence">{central}{move || texts.with(|t| t.0.secured.clone())}</p>
                <p class="card-comparison">{move || texts.with(|t| t.3[2].clone())}</p>
                <dl>{figures(SECURED_KEY, values, start)}</dl>
                {more(secured_more)}
            </article>
        </div>
        <p class="comparison">{move || texts.with(|t| t.1.clone())}</p>
        <div class="monte-carlo-figures" class:inactive=move || !monte_carlo()>
            <h3>"A thousand futures"</h3>
            // While the distribution runs (in slices, src/app/monte_carlo.rs), its progress;
            // `aria-busy` asks assistive technology to wait for the result.
            <p role="status" aria-busy=move || state.progress.with(|p| p.is_some()).then_some("true")>{move || match state.progress.get() {
                Some((done, all)) => format!("Monte Carlo: {done} of {all} paths…"),
                None => texts.with(|t| t.2.clone()).unwrap_or_else(|| "Choose the Monte Carlo path to see the spread of outcomes across many random futures.".into()),
            }}</p>
            <dl>{figures(MC_KEY, values, start)}</dl>
        </div>
        <p class="visually-hidden" aria-live="polite" role="status">{move || announcement.get()}</p>
    }
}
