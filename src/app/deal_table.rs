//! The deal table: every deal, sortable by any column, filterable by issuer, scope, instrument
//! family and period, with its confidence and its source; the dataset downloadable as CSV and JSON
//! (static files the build copies next to the page).

use crate::charts::frame::usd_precise;
use crate::data::aggregates::Era;
use crate::data::ordering::sort_small;
use crate::data::deals::{deals, Deal};
use crate::data::families::InstrumentFamily;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use std::cmp::Ordering;

/// The sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Issuer,
    Announced,
    Instrument,
    Principal,
    Coupon,
    Maturity,
    Collateral,
    Proceeds,
    Confidence,
}

impl Column {
    const ALL: [Column; 9] = [
        Column::Issuer,
        Column::Announced,
        Column::Instrument,
        Column::Principal,
        Column::Coupon,
        Column::Maturity,
        Column::Collateral,
        Column::Proceeds,
        Column::Confidence,
    ];

    fn label(self) -> &'static str {
        match self {
            Column::Issuer => "Issuer",
            Column::Announced => "Announced",
            Column::Instrument => "Instrument",
            Column::Principal => "Amount",
            Column::Coupon => "Coupon",
            Column::Maturity => "Maturity",
            Column::Collateral => "Secured by",
            Column::Proceeds => "Use of proceeds",
            Column::Confidence => "Confidence",
        }
    }

    /// Orders two deals by this column in the given direction; unknown values always sort
    /// last, whichever the direction, so "largest first" starts with a real amount.
    fn compare(self, a: &Deal, b: &Deal, ascending: bool) -> Ordering {
        let dir = |o: Ordering| if ascending { o } else { o.reverse() };
        let opt = |a: Option<f64>, b: Option<f64>| -> Ordering {
            match (a, b) {
                (Some(x), Some(y)) => dir(x.total_cmp(&y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        };
        let dec = |d: Option<rust_decimal::Decimal>| d.and_then(|v| v.to_f64());
        match self {
            Column::Issuer => dir(a.issuer.cmp(&b.issuer)),
            Column::Announced => opt(a.announced.or(a.closed).map(|d| d.axis_position()), b.announced.or(b.closed).map(|d| d.axis_position())),
            Column::Instrument => dir(a.instrument_family.cmp(&b.instrument_family).then(a.instrument.code().cmp(b.instrument.code()))),
            Column::Principal => opt(dec(a.principal_usd), dec(b.principal_usd)),
            Column::Coupon => opt(dec(a.coupon.bounds().map(|x| x.0)), dec(b.coupon.bounds().map(|x| x.0))),
            Column::Maturity => dir(a.maturity.label().cmp(&b.maturity.label())),
            Column::Collateral => dir(a.collateral_family.cmp(&b.collateral_family)),
            Column::Proceeds => dir(a.use_of_proceeds.cmp(&b.use_of_proceeds)),
            Column::Confidence => dir(a.confidence.cmp(&b.confidence)),
        }
    }
}

fn proceeds_label(code: &str) -> &'static str {
    match code {
        "mining" => "Mining",
        "ai_hpc" => "AI / HPC",
        "mixed" => "Mixed",
        "general" => "General purposes",
        "refinancing" => "Refinancing",
        "btc_purchase" => "Buying bitcoin",
        _ => "Other",
    }
}

fn instrument_label(d: &Deal) -> &'static str {
    match d.instrument.code() {
        "convertible_notes" => "Convertible notes",
        "senior_notes" => "Senior notes",
        "senior_secured_notes" => "Senior secured notes",
        "equipment_loan" => "Equipment loan",
        "btc_backed_loan" => "Bitcoin-backed loan",
        "credit_facility" => "Credit facility",
        _ => "Other",
    }
}

#[component]
pub fn DealTable() -> impl IntoView {
    let sort = RwSignal::new((Column::Announced, true));
    let issuer = RwSignal::new(String::new());
    let family = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let linked = crate::app::linked::use_linked();
    let (highlight, message) = (linked.highlight, linked.message);
    let calculator = crate::app::calculator::state::use_calculator();
    let load = move |i: usize| linked.choose(i, calculator);

    let mut tickers: Vec<(String, String)> = Vec::new();
    for d in deals() {
        if !tickers.iter().any(|(t, _)| *t == d.ticker) {
            tickers.push((d.ticker.clone(), d.issuer.clone()));
        }
    }
    let mut order: Vec<usize> = (0..tickers.len()).collect();
    sort_small(&mut order, &|a, b| tickers[*a].0.cmp(&tickers[*b].0));
    let tickers: Vec<(String, String)> = order.into_iter().map(|i| tickers[i].clone()).collect();

    let rows = Memo::new(move |_| {
        let (column, ascending) = sort.get();
        let (issuer, family, period, scope) = (issuer.get(), family.get(), period.get(), scope.get());
        let mut list: Vec<usize> = (0..deals().len())
            .filter(|i| {
                let d = &deals()[*i];
                (issuer.is_empty() || d.ticker == issuer)
                    && (family.is_empty() || d.instrument_family.code() == family)
                    && match period.as_str() {
                        "then" => Era::of(d) == Some(Era::Then),
                        "now" => Era::of(d) == Some(Era::Now),
                        _ => true,
                    }
                    && match scope.as_str() {
                        "miners" => d.in_scope(),
                        "other" => !d.in_scope(),
                        _ => true,
                    }
            })
            .collect();
        sort_small(&mut list, &|a, b| column.compare(&deals()[*a], &deals()[*b], ascending));
        list
    });

    let header = move |column: Column| {
        let aria = move || match sort.get() {
            (c, true) if c == column => "ascending",
            (c, false) if c == column => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = if s.0 == column { (column, !s.1) } else { (column, true) })>
                    {column.label()}
                    <span class="sort-arrow" aria-hidden="true">{move || match aria() { "ascending" => "▲", "descending" => "▼", _ => "" }}</span>
                </button>
            </th>
        }
    };

    view! {
        <div class="table-tools">
            <label>"Issuer "
                <select on:change=move |ev| issuer.set(event_target_value(&ev))>
                    <option value="">"All issuers"</option>
                    {tickers.into_iter().map(|(t, name)| view! { <option value=t.clone()>{format!("{name} ({t})")}</option> }).collect_view()}
                </select>
            </label>
            <label>"Scope "
                <select on:change=move |ev| scope.set(event_target_value(&ev))>
                    <option value="">"Miners and others"</option>
                    <option value="miners">"Pure-play miners (in the sums)"</option>
                    <option value="other">"Not miners (outside the sums)"</option>
                </select>
            </label>
            <label>"Instrument "
                <select on:change=move |ev| family.set(event_target_value(&ev))>
                    <option value="">"All instruments"</option>
                    {InstrumentFamily::ALL.iter().map(|f| view! { <option value=f.code()>{f.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>"Period "
                <select on:change=move |ev| period.set(event_target_value(&ev))>
                    <option value="">"All years"</option>
                    <option value="then">"2021–22 wave"</option>
                    <option value="now">"2024–25 wave"</option>
                </select>
            </label>
            <p class="downloads">"Download the dataset: "
                <a href="data/offerings.csv" download="miner-debt-deals.csv">"CSV"</a>" · "
                <a href="data/offerings.json" download="miner-debt-deals.json">"JSON"</a>
            </p>
        </div>
        <p class="table-count" role="status">{move || format!("{} of {} deals", rows.get().len(), deals().len())}</p>
        <p class="table-message" role="status">{move || message.get()}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Deal table, scrolls sideways">
            <table class="deals">
                <caption class="visually-hidden">"Debt deals by public Bitcoin miners, 2020 to 2025, with sources"</caption>
                <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}<th scope="col">"Source"</th><th scope="col">"Calculator"</th></tr></thead>
                <tbody>
                    // Rebuilt whole on a sort or filter (63 rows): no keyed diffing, whose
                    // code costs more bytes than this saves time.
                    {move || rows.get().into_iter().map(move |i| {
                        let d = &deals()[i];
                        let amount = d.principal_usd.and_then(|p| p.to_f64()).map(usd_precise).unwrap_or_else(|| "unknown".into());
                        let date = d.announced.or(d.closed).map(|x| x.to_string()).unwrap_or_else(|| "unknown".into());
                        let confidence = d.confidence.label();
                        view! {
                            <tr class:reference=d.reference_only class:highlighted=move || highlight.get() == Some(i)
                                on:mouseenter=move |_| highlight.set(Some(i)) on:mouseleave=move |_| highlight.set(None)
                                on:focusin=move |_| highlight.set(Some(i)) on:focusout=move |_| highlight.set(None)>
                                <th scope="row"><span class="ticker">{d.ticker.clone()}</span>" "{d.issuer.clone()}
                                    {d.reference_only.then(|| view! { <span class="badge">"reference only"</span> })}
                                    {(!d.in_scope()).then(|| view! { <span class="badge">"not a miner: outside the sums"</span> })}
                                </th>
                                <td>{date}</td>
                                <td>{instrument_label(d)}</td>
                                <td class="num">{amount}</td>
                                <td>{d.coupon.label()}</td>
                                <td>{d.maturity.label()}</td>
                                <td title=d.collateral.clone()>{d.collateral_family.label()}</td>
                                <td>{proceeds_label(&d.use_of_proceeds)}</td>
                                <td><span class=format!("confidence confidence-{confidence}")>{confidence}</span></td>
                                <td><a href=d.source_url.clone() rel="noopener noreferrer" target="_blank">{d.source_host().to_string()}</a></td>
                                <td><button type="button" class="button button-small" aria-label=format!("Load {} into the calculator", d.id) on:click=move |_| load(i)>"Load"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
