//! The charts of a model run: each is a memo of one scenario (the calculator's, or a story
//! section's own), so a chart redraws only when what it draws changed. Used by the calculator
//! and by the story sections that have a local scenario.

use crate::app::canvas::{anchor_mark, draw_fn, pick_mark, AnchorFn, ChartCanvas, ChartSpec, DescribeFn, PickFn};
use crate::app::figure_tools::{FigureMeta, FigureTools};
use crate::charts::cash::draw_cash;
use crate::charts::frame::HitMap;
use crate::charts::loan::draw_loan;
use crate::charts::monte_carlo::{draw_default_curve, draw_dilution_histogram};
use crate::charts::ownership::draw_ownership;
use crate::charts::path::draw_path;
use crate::charts::scenario_views::{cash_view, loan_view, monte_carlo_views, ownership_view, path_view};
use crate::charts::theme::Theme;
use crate::model::simulate::Scenario;
use leptos::prelude::*;
use std::sync::Arc;

/// A model run shared by every chart and sentence of one scenario (set once per change of its
/// assumptions, and again when its Monte Carlo distribution is ready: src/app/monte_carlo.rs).
pub type ScenarioMemo = RwSignal<Arc<Scenario>>;

/// Month-based charts: the pointer picks the nearest month.
fn pick_month(months: usize) -> PickFn {
    Arc::new(move |hit: &HitMap, x, y| hit.data_at(x, y).map(|(t, _)| (t.round().max(0.0) as usize).min(months)))
}

/// Month-based charts: the tooltip anchors on the month at the top of the plot.
fn anchor_month() -> AnchorFn {
    Arc::new(|hit: &HitMap, t| {
        let y = hit.coords.get_y_range().end;
        Some(hit.pixel_of((t as f64, y)))
    })
}

fn month_spec(
    months: usize,
    describe: DescribeFn,
    draw: crate::app::canvas::DrawFn,
    aspect: f64,
) -> ChartSpec {
    ChartSpec { draw, pick: pick_month(months), items: months + 1, anchor: anchor_month(), describe, aspect, min_height: 240.0, max_height: 360.0, key_step: 1 }
}

/// A chart of a model run with title, computed summary and tools; `view` is its embed view,
/// `slug` names its downloads.
#[component]
fn CalcFigure(
    #[prop(into)] id: String,
    title: &'static str,
    sub: &'static str,
    view: &'static str,
    slug: &'static str,
    scenario: ScenarioMemo,
    #[prop(into)] summary: Signal<String>,
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] theme: Signal<Theme>,
) -> impl IntoView {
    let summary_id = format!("{id}-summary");
    let meta = FigureMeta { view, slug, title, sub, files: &[], scenario: Some(scenario) };
    view! {
        <figure class="figure calc-figure" id=id>
            <h3 class="figure-title">{title}</h3>
            <p class="figure-sub">{sub}</p>
            <ChartCanvas label=title summary_id=summary_id.clone() spec=spec theme=theme/>
            <p class="chart-summary" id=summary_id>{move || summary.get()}</p>
            <FigureTools meta=meta spec=spec theme=theme/>
        </figure>
    }
}


/// The hashprice path against the breakevens; `events` are months (t) marked 1, 2, ...
#[component]
pub fn PathChart(scenario: ScenarioMemo, id: &'static str, #[prop(optional)] events: Vec<usize>, #[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let path = Memo::new(move |_| {
        let mut v = path_view(&scenario.get());
        v.events = events.clone();
        v
    });
    let spec = Signal::derive(move || {
        let v = Arc::new(path.get());
        let (d, r) = (v.clone(), v.clone());
        month_spec(v.hashprice.len().saturating_sub(1), Arc::new(move |t| d.describe(t)), draw_fn(move |root, theme, titles, sel| draw_path(root, &r, theme, titles, sel).ok()), 0.45)
    });
    let summary = Signal::derive(move || {
        let v = path.get();
        let below = v.hashprice.iter().skip(1).filter(|h| **h < v.breakeven_cash).count();
        format!(
            "Hashprice goes from ${:.2} to ${:.2} over {} months; it is below the fleet's ${:.2} cash breakeven, what its running costs come to, in {} of them.",
            v.hashprice.first().copied().unwrap_or(0.0),
            v.hashprice.last().copied().unwrap_or(0.0),
            v.hashprice.len().saturating_sub(1),
            v.breakeven_cash,
            below
        )
    });
    view! { <CalcFigure id=id view="path" slug="hashprice-path" scenario=scenario title="Hashprice path and breakevens" sub="Dollars per PH/s per day, month by month. Below the short-dashed cash breakeven the machines cannot cover their running costs and are switched off; below the solid power breakeven they could not pay for their power." summary=summary spec=spec theme=theme/> }
}

/// The loan's balance against the pledged machines' value.
#[component]
pub fn LoanChart(scenario: ScenarioMemo, id: &'static str, #[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let loan = Memo::new(move |_| loan_view(&scenario.get()));
    let spec = Signal::derive(move || {
        let v = Arc::new(loan.get());
        let (d, r) = (v.clone(), v.clone());
        month_spec(v.balance.len().saturating_sub(1), Arc::new(move |t| d.describe(t)), draw_fn(move |root, theme, titles, sel| draw_loan(root, &r, theme, titles, sel).ok()), 0.45)
    });
    let summary = Signal::derive(move || loan.with(|v| v.summary.clone()));
    view! { <CalcFigure id=id view="loan" slug="loan-balance" scenario=scenario title="Loan: what is owed against what the machines are worth" sub="Solid: loan balance. Dashed: market value of the pledged machines." summary=summary spec=spec theme=theme/> }
}

/// Ownership kept against the share price at maturity.
#[component]
pub fn OwnershipChart(scenario: ScenarioMemo, id: &'static str, #[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let ownership = Memo::new(move |_| ownership_view(&scenario.get()));
    let spec = Signal::derive(move || {
        let v = Arc::new(ownership.get());
        let (d, r, p, a) = (v.clone(), v.clone(), v.clone(), v.clone());
        ChartSpec {
            draw: draw_fn(move |root, theme, titles, sel| draw_ownership(root, &r, theme, titles, sel).ok()),
            pick: Arc::new(move |hit: &HitMap, x, y| hit.data_at(x, y).and_then(|(price, _)| p.index_at_price(price))),
            items: v.curve.len(),
            anchor: Arc::new(move |hit: &HitMap, i| a.curve.get(i).map(|pt| hit.pixel_of(*pt))),
            describe: Arc::new(move |i| d.describe(i)),
            aspect: 0.5,
            min_height: 240.0,
            max_height: 340.0,
            key_step: 4,
        }
    });
    let summary = Signal::derive(move || {
        let v = ownership.get();
        let floor = v.curve.iter().map(|p| p.1).fold(1.0, f64::min);
        format!(
            "Below the {} conversion price nothing converts and owners keep 100% (unless rescue shares must be sold); above it they keep as little as {:.1}% on this range of prices.",
            crate::narrative::format::price(v.conversion_price),
            floor * 100.0
        )
    });
    view! { <CalcFigure id=id view="ownership" slug="ownership-kept" scenario=scenario title="Convertible: ownership kept against the share price at maturity" sub="The dot is this scenario's outcome, rescue shares included." summary=summary spec=spec theme=theme/> }
}

/// Company cash under each structure.
#[component]
pub fn CashChart(scenario: ScenarioMemo, id: &'static str, #[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let cash = Memo::new(move |_| cash_view(&scenario.get()));
    let spec = Signal::derive(move || {
        let v = Arc::new(cash.get());
        let (d, r) = (v.clone(), v.clone());
        let months = v.lines.iter().map(|l| l.1.len()).max().unwrap_or(1).saturating_sub(1);
        month_spec(months, Arc::new(move |t| d.describe(t)), draw_fn(move |root, theme, titles, sel| draw_cash(root, &r, theme, titles, sel).ok()), 0.45)
    });
    let summary = Signal::derive(move || cash.with(|v| v.summary()));
    view! { <CalcFigure id=id view="cash" slug="cash-by-structure" scenario=scenario title="Cash under each structure" sub="Solid orange: loan, when it is available on the terms set. Dashed blue: convertible. Dotted green: secured notes." summary=summary spec=spec theme=theme/> }
}

/// The Monte Carlo pair (default probability, dilution spread); nothing when Monte Carlo is off.
#[component]
pub fn MonteCarloCharts(scenario: ScenarioMemo, id: &'static str, #[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let mc = Memo::new(move |_| monte_carlo_views(&scenario.get()));
    let default_spec = Signal::derive(move || {
        let v = Arc::new(mc.get().map(|m| m.0).unwrap_or_else(|| crate::charts::monte_carlo::DefaultCurveView { start: scenario.with(|s| s.timeline.start), probability: vec![0.0, 0.0], paths: 0 }));
        let (d, r) = (v.clone(), v.clone());
        month_spec(v.probability.len().saturating_sub(1), Arc::new(move |t| d.describe(t)), draw_fn(move |root, theme, titles, sel| draw_default_curve(root, &r, theme, titles, sel).ok()), 0.45)
    });
    let dilution_spec = Signal::derive(move || {
        let v = Arc::new(mc.get().map(|m| m.1).unwrap_or_else(|| crate::charts::monte_carlo::DilutionHistogramView { bins: Vec::new(), median: 0.0, p90: 0.0 }));
        let (d, r) = (v.clone(), v.clone());
        ChartSpec {
            draw: draw_fn(move |root, theme, titles, sel| draw_dilution_histogram(root, &r, theme, titles, sel).ok()),
            pick: pick_mark(2.0),
            items: v.bins.len(),
            anchor: anchor_mark(),
            describe: Arc::new(move |i| d.describe(i)),
            aspect: 0.45,
            min_height: 240.0,
            max_height: 340.0,
            key_step: 1,
        }
    });
    let summary = Signal::derive(move || scenario.with(|s| crate::narrative::outcomes::monte_carlo_sentence(s)).unwrap_or_default());
    view! {
        {move || mc.with(|m| m.is_some()).then(|| view! {
            <CalcFigure id=format!("{id}-default") view="monte-carlo" slug="default-probability" scenario=scenario title="Probability the loan has defaulted, by month" sub="Share of Monte Carlo paths on which the lender has taken the machines." summary=summary spec=default_spec theme=theme/>
            <CalcFigure id=format!("{id}-dilution") view="monte-carlo" slug="dilution-spread" scenario=scenario title="Spread of total dilution under the convertible" sub="Share of paths by total dilution, rescue shares included." summary=summary spec=dilution_spec theme=theme/>
        })}
    }
}
