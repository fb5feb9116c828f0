//! The outcome cards: one per structure, side by side, each with what happened in a sentence,
//! how it compares with the other two, and its figures. Every figure is an element with
//! `data-metric` (the stable name) and `data-value` (the raw number from the core's
//! [`crate::model::metrics::metrics`], identical to what the host `scenario` binary prints).

use super::state::use_calculator;
use crate::data::calendar::YearMonth;
use crate::model::metrics::{metrics, Metric};
use crate::narrative::format::{display, label_of};
use crate::narrative::outcomes::{comparison, monte_carlo_sentence, reasons, sentences};
use leptos::prelude::*;

/// The figures each card shows first; the rest of its prefix goes under "All figures".
const LOAN_KEY: &[&str] = &["loan-default-month", "loan-sold-month", "loan-seized-ph", "loan-parent-support", "loan-deficiency", "loan-interest-paid", "loan-all-in-yield", "loan-min-dscr", "loan-ownership-retained", "loan-equity-value"];
const CONVERT_KEY: &[&str] = &["convert-conversion-price", "convert-shares-issued", "convert-dilution-reported", "convert-dilution", "convert-dilution-total", "convert-refinancing-wall", "convert-refinanced", "hpc-noi-total", "convert-cost-at-issue", "convert-all-in-yield", "convert-ownership-retained", "convert-equity-value"];
const SECURED_KEY: &[&str] = &["secured-interest-paid", "secured-reserve", "secured-default-month", "secured-refinanced", "secured-hpc-noi-total", "secured-all-in-yield", "secured-ownership-retained", "secured-dilution-total", "secured-equity-value"];
const MC_KEY: &[&str] = &["mc-default-probability", "mc-convert-default-probability", "mc-dilution-median", "mc-dilution-p90", "mc-loan-worse-probability", "mc-owners-loan-median", "mc-owners-convert-median", "mc-owners-secured-median", "mc-conversion-probability", "mc-wall-probability", "mc-secured-default-probability", "mc-paths"];

/// One figure's row, built with its value at the time: label, then the value element carrying
/// the contract attributes. [`keep_current`] updates it afterwards.
fn figure_row(name: &'static str, values: &[Metric], start: YearMonth) -> impl IntoView {
    let raw = values.iter().find(|m| m.name == name).map(|m| m.value.clone()).unwrap_or_default();
    let text = display(name, &raw, start);
    view! {
        <div class="figure-row">
            <dt>{label_of(name)}</dt>
            <dd data-metric=name data-value=raw>{text}</dd>
        </div>
    }
}

fn figures(keys: &[&'static str], values: &[Metric], start: YearMonth) -> impl IntoView {
    keys.iter().map(|name| figure_row(name, values, start)).collect_view()
}

/// A figure on screen: its element, where its name sits in the core's list (fixed for a
/// build), and the raw value and start month its text was made from.
struct Shown {
    element: web_sys::Element,
    name: &'static str,
    at: usize,
    raw: String,
    start: YearMonth,
}

/// Keeps every `[data-metric]` under `roots` equal to the core's metrics: one effect for all
/// the figures (about 100), which rewrites only those whose value or start month changed, in
/// place of a reactive node per figure (issue 8: fewer nodes to visit on every input).
/// `built` is the start month the rows' text was made with.
fn keep_current(roots: [NodeRef<leptos::html::Div>; 3], values: Memo<Vec<Metric>>, start: Memo<YearMonth>, built: YearMonth) {
    let shown = StoredValue::new_local(Vec::<Shown>::new());
    Effect::new(move |_| {
        let start = start.get();
        values.with(|v| {
            shown.update_value(|shown| {
                if shown.is_empty() {
                    *shown = found(&roots, v, built);
                }
                for figure in shown.iter_mut() {
                    let metric = v.get(figure.at).filter(|m| m.name == figure.name).or_else(|| v.iter().find(|m| m.name == figure.name));
                    let raw = metric.map(|m| m.value.as_str()).unwrap_or_default();
                    if raw == figure.raw && start == figure.start {
                        continue;
                    }
                    figure.raw = raw.to_string();
                    figure.start = start;
                    let _ = figure.element.set_attribute("data-value", raw);
                    figure.element.set_text_content(Some(&display(figure.name, raw, start)));
                }
            })
        });
    });
}

/// The figures under `roots`, as built (their text made from the values they carry).
fn found(roots: &[NodeRef<leptos::html::Div>; 3], values: &[Metric], built: YearMonth) -> Vec<Shown> {
    let mut shown = Vec::new();
    for root in roots.iter().filter_map(|r| r.get_untracked()) {
        for element in crate::app::dom::all(&root, "[data-metric]") {
            let Some(at) = element.get_attribute("data-metric").and_then(|n| values.iter().position(|m| m.name == n)) else { continue };
            let raw = element.get_attribute("data-value").unwrap_or_default();
            shown.push(Shown { element, name: values[at].name, at, raw, start: built });
        }
    }
    shown
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
        (sentences(&s), comparison(&s), monte_carlo_sentence(&s), reasons(&s))
    });
    let monte_carlo = move || state.scenario.with(|s| s.monte_carlo.is_some());
    let central = move || if monte_carlo() { "Central path: " } else { "" };
    let initial = values.get_untracked();
    let built = start.get_untracked();
    let roots = [NodeRef::new(), NodeRef::new(), NodeRef::new()];
    keep_current(roots, values, start, built);
    let (loan_more, convert_more, secured_more) =
        (others("loan-", LOAN_KEY, &initial), others("convert-", CONVERT_KEY, &initial), others("secured-", SECURED_KEY, &initial));
    let more = |names: Vec<&'static str>| {
        view! {
            <details class="more-figures">
                <summary>"All figures"</summary>
                <dl>{figures(&names, &initial, built)}</dl>
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
        <div class="breakevens" node_ref=roots[0]>
            <dl>{figures(&["breakeven-hashprice", "breakeven-hashprice-cash", "loan-breakeven-hashprice"], &initial, built)}</dl>
        </div>
        <div class="cards" node_ref=roots[1]>
            <article class="card card-loan" aria-labelledby="card-loan-title">
                <h3 id="card-loan-title">"ASIC-backed loan"<span class="card-tag">"2021-style"</span></h3>
                <p class="card-sentence">{central}{move || texts.with(|t| t.0.loan.clone())}</p>
                <p class="card-reason">{move || texts.with(|t| t.3[0])}</p>
                <dl>{figures(LOAN_KEY, &initial, built)}</dl>
                {more(loan_more)}
            </article>
            <article class="card card-convertible" aria-labelledby="card-convertible-title">
                <h3 id="card-convertible-title">"Convertible notes"<span class="card-tag">"2024–25-style"</span></h3>
                <p class="card-sentence">{central}{move || texts.with(|t| t.0.convertible.clone())}</p>
                <p class="card-reason">{move || texts.with(|t| t.3[1])}</p>
                <dl>{figures(CONVERT_KEY, &initial, built)}</dl>
                {more(convert_more)}
            </article>
            <article class="card card-secured" aria-labelledby="card-secured-title">
                <h3 id="card-secured-title">"Senior secured notes"<span class="card-tag">{move || state.scenario.with(|s| crate::narrative::outcomes::secured_tag(&s.assumptions))}</span></h3>
                <p class="card-sentence">{central}{move || texts.with(|t| t.0.secured.clone())}</p>
                <p class="card-reason">{move || texts.with(|t| t.3[2])}</p>
                <dl>{figures(SECURED_KEY, &initial, built)}</dl>
                {more(secured_more)}
            </article>
        </div>
        <p class="comparison">{move || texts.with(|t| t.1.clone())}</p>
        <div class="monte-carlo-figures" node_ref=roots[2] class:inactive=move || !monte_carlo()>
            <h3>"A thousand futures"</h3>
            // While the distribution runs (in slices, src/app/monte_carlo.rs), its progress;
            // `aria-busy` asks assistive technology to wait for the result.
            <p role="status" aria-busy=move || state.progress.with(|p| p.is_some()).then_some("true")>{move || match state.progress.get() {
                Some((done, all)) => format!("Monte Carlo: {done} of {all} paths…"),
                None => texts.with(|t| t.2.clone()).unwrap_or_else(|| "Choose the Monte Carlo path to see the spread of outcomes across many random futures.".into()),
            }}</p>
            <dl>{figures(MC_KEY, &initial, built)}</dl>
        </div>
        <p class="visually-hidden" aria-live="polite" role="status">{move || announcement.get()}</p>
    }
}
