//! The data figures: quarterly issuance, the then-vs-now scatter, debt outstanding and the
//! hashprice history. Each computes its view from the embedded data once, hands it to its chart
//! function, and states its title, data date, source credit and a computed one-sentence summary.

use super::canvas::{anchor_mark, draw_fn, pick_mark, ChartCanvas, ChartSpec};
use super::figure_tools::{FigureMeta, FigureTools};
use super::scenario_charts::ScenarioMemo;
use crate::charts::debt_stock::{draw_debt_stock, DebtStockView};
use crate::charts::frame::{usd_precise, usd_short};
use crate::charts::history::{draw_history, HistoryView};
use crate::charts::issuance::{draw_issuance, IssuanceView};
use crate::charts::scatter::{draw_scatter, ScatterView};
use crate::charts::theme::Theme;
use crate::data::aggregates::Issuance;
use crate::data::deals::{deals, Deal};
use crate::data::families::{CollateralFamily, InstrumentFamily};
use crate::data::network::{last_day, network_daily};
use crate::data::published::published;
use crate::story::facts::{fact, ERA_ROWS};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use std::sync::Arc;

/// "data to 21 Nov 2025".
/// The deal charts' cut-off: the latest deal date in the dataset.
fn deals_date() -> String {
    format!("Deals to {}", fact("deals-to").unwrap_or_default())
}

fn data_date() -> String {
    format!("Data to {}", last_day().human())
}

fn issuance() -> Issuance {
    crate::data::aggregates::story_issuance(deals())
}

/// The distinct issuers (tickers) of a list of deal ids, in order.
fn issuers_of(ids: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for d in ids.iter().filter_map(|id| deals().iter().find(|d| &d.id == id)) {
        if !out.contains(&d.ticker.as_str()) {
            out.push(d.ticker.as_str());
        }
    }
    out
}

/// A legend entry: a swatch (coloured by class, never by a style attribute) and a label.
#[component]
fn LegendItem(#[prop(into)] class: String, #[prop(into)] label: String) -> impl IntoView {
    view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{label}</li> }
}

const ISSUANCE_TITLE: &str = "Debt raised by public Bitcoin miners, by quarter";
const ISSUANCE_SUB: &str = "Announced principal of each deal in its closing quarter, stacked by instrument, Q1 2021 to Q4 2025.";
const DEAL_FILES: &[(&str, &str)] = &[("CSV", "data/offerings.csv"), ("JSON", "data/offerings.json")];

#[component]
pub fn IssuanceFigure(#[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let issuance = issuance();
    let view_data = Arc::new(IssuanceView::new(&issuance, published()));
    let summary = fact("summary-issuance").unwrap_or_default();
    let describe = {
        let (v, bins) = (view_data.clone(), issuance.quarters.clone());
        Arc::new(move |i: usize| {
            if let Some(p) = v.is_published_mark(i) {
                let q = v.quarters[p.quarter_index].human();
                let bound = if p.upper_bound { "under " } else { "" };
                return format!("TheMinerMag's published total for {q}: {bound}{}", usd_precise(p.usd));
            }
            match bins.get(i) {
                Some(b) if !b.deal_ids.is_empty() => {
                    let issuers = issuers_of(&b.deal_ids);
                    format!(
                        "{}: {} in {} deal{} from {} issuer{} ({})",
                        b.quarter.human(),
                        usd_precise(b.total().to_f64().unwrap_or(0.0)),
                        b.deal_ids.len(),
                        if b.deal_ids.len() == 1 { "" } else { "s" },
                        issuers.len(),
                        if issuers.len() == 1 { "" } else { "s" },
                        issuers.join(", ")
                    )
                }
                Some(b) => format!("{}: no deal in the dataset closed in this quarter", b.quarter.human()),
                None => String::new(),
            }
        })
    };
    let spec = Signal::stored({
        let v = view_data.clone();
        ChartSpec {
            draw: draw_fn(move |root, theme, titles, sel| draw_issuance(root, &v, theme, titles, sel).ok()),
            pick: pick_mark(3.0),
            items: view_data.quarters.len() + view_data.published.len(),
            anchor: anchor_mark(),
            describe,
            aspect: 0.48,
            min_height: 260.0,
            max_height: 400.0,
            key_step: 1,
        }
    });
    let differ = fact("issuance-differ").unwrap_or_default();
    let not_binned = fact("issuance-not-binned").unwrap_or_default();
    view! {
        <figure class="figure" id="figure-issuance">
            <h3 class="figure-title">{ISSUANCE_TITLE}</h3>
            <p class="figure-sub">{ISSUANCE_SUB}</p>
            <ul class="legend">
                {InstrumentFamily::ALL.iter().enumerate().map(|(i, f)| view! { <LegendItem class=format!("s{i}") label=f.label()/> }).collect_view()}
                <li><span class="marker-diamond" aria-hidden="true"></span><span>"TheMinerMag's published total"</span></li>
                <li><span class="marker-down" aria-hidden="true"></span><span>"TheMinerMag: “under” this value"</span></li>
            </ul>
            <ChartCanvas label="Debt raised by public Bitcoin miners, by quarter" summary_id="issuance-summary" spec=spec theme=theme/>
            <p class="chart-summary" id="issuance-summary">{summary}</p>
            <FigureTools meta=FigureMeta { view: "issuance", slug: "debt-raised-by-quarter", title: ISSUANCE_TITLE, sub: ISSUANCE_SUB, files: DEAL_FILES, scenario: None } spec=spec theme=theme/>
            <p class="figure-note">{not_binned}</p>
            <p class="figure-note">{differ}</p>
            <figcaption class="credit">
                {deals_date()}". Sources: company filings and press releases, one per deal (see the table); "
                <a href="https://theminermag.com/news/2025-10-16/miner-weekly-bitcoin-mining-debt-record" rel="noopener noreferrer" target="_blank">"TheMinerMag"</a>"."
            </figcaption>
        </figure>
    }
}

fn describe_deal(d: &Deal) -> String {
    let amount = d.principal_usd.and_then(|p| p.to_f64()).map(usd_precise).unwrap_or_else(|| "amount unknown".into());
    let date = d.announced.or(d.closed).map(|x| x.to_string()).unwrap_or_else(|| "date unknown".into());
    format!(
        "{} ({}), {}: {} {}, coupon {}, {}",
        d.issuer,
        d.ticker,
        date,
        amount,
        d.instrument_family.label().to_ascii_lowercase(),
        d.coupon.label(),
        d.collateral_family.label().to_ascii_lowercase()
    )
}

/// The then-vs-now table: the two waves side by side, computed from the deals.
#[component]
fn EraComparison() -> impl IntoView {
    use crate::data::aggregates::{CouponClass, Era};
    let cell = |era: &str, row: &str| fact(&format!("era-{era}-{row}")).unwrap_or("—");
    let row = |label: String, row: &'static str| view! { <tr><th scope="row">{label}</th><td>{cell("then", row)}</td><td>{cell("now", row)}</td></tr> };
    let labels = ["Deals with a known amount", "Amount raised", "Secured by machines or bitcoin", "Convertible notes", "Raised for AI/HPC"];
    view! {
        <table class="era-table">
            <caption>"The two waves, computed from the deals of pure-play miners"</caption>
            <thead><tr><th scope="col"><span class="visually-hidden">"Measure"</span></th><th scope="col">{Era::Then.label()}</th><th scope="col">{Era::Now.label()}</th></tr></thead>
            <tbody>
                {labels.into_iter().zip(ERA_ROWS).map(|(label, r)| row(label.to_string(), r)).collect_view()}
                {CouponClass::ALL.into_iter().zip(&ERA_ROWS[5..]).map(|(class, r)| row(format!("Coupons: {}", class.noun()), r)).collect_view()}
            </tbody>
        </table>
        <p class="figure-note">"Shares are of the amount raised. Coupon ranges cover every deal with a stated fixed coupon or range, whether or not its amount is known; floating and unknown coupons are left out. Coupons are compared kind by kind: an average over all kinds would mix 0% convertibles with 12% loans."</p>
    }
}

/// Three figures under the title, computed from the data.
#[component]
pub fn Headlines() -> impl IntoView {
    let f = |name: &str| fact(name).unwrap_or_default();
    view! {
        <dl class="headlines">
            <div>
                <dt>"Raised by pure-play miners in 2024–25"</dt>
                <dd>{f("headline-now")}</dd>
                <dd class="headline-note">{f("headline-now-note")}</dd>
            </div>
            <div>
                <dt>"Largest quarter"</dt>
                <dd>{f("headline-peak")}</dd>
                <dd class="headline-note">{f("headline-peak-note")}</dd>
            </div>
            <div>
                <dt>"Miners' debt outstanding"</dt>
                <dd>{f("headline-stock")}</dd>
                <dd class="headline-note">{f("headline-stock-note")}</dd>
            </div>
        </dl>
    }
}

const SCATTER_TITLE: &str = "Then and now: every deal by date and coupon";
const SCATTER_SUB: &str = "Each mark is a deal; its area is proportional to the amount raised. Coupon ranges are drawn as ranges.";

#[component]
pub fn ScatterFigure(#[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let view_data = Arc::new(ScatterView::new(deals()));
    // Linked with the deal table: the chart's selected point and the page's highlighted deal
    // follow each other.
    let linked = crate::app::linked::use_linked();
    let highlight = linked.highlight;
    let calculator = crate::app::calculator::state::use_calculator();
    let choose = {
        let v = view_data.clone();
        Callback::new(move |i: usize| {
            if let Some(p) = v.points.get(i) {
                linked.choose(p.deal, calculator);
            }
        })
    };
    let point = RwSignal::new(None::<usize>);
    {
        let v = view_data.clone();
        Effect::new(move |_| {
            let deal = point.get().and_then(|i| v.points.get(i)).map(|p| p.deal);
            if highlight.get_untracked() != deal {
                highlight.set(deal);
            }
        });
        let v = view_data.clone();
        Effect::new(move |_| {
            let wanted = highlight.get().and_then(|d| v.points.iter().position(|p| p.deal == d));
            if point.get_untracked() != wanted {
                point.set(wanted);
            }
        });
    }
    let summary = fact("summary-scatter").unwrap_or_default();
    let spec = Signal::stored({
        let (v, d) = (view_data.clone(), view_data.clone());
        ChartSpec {
            draw: draw_fn(move |root, theme, titles, sel| draw_scatter(root, &v, theme, titles, sel).ok()),
            pick: pick_mark(4.0),
            items: view_data.points.len(),
            anchor: anchor_mark(),
            describe: Arc::new(move |i| d.points.get(i).map(|p| describe_deal(&deals()[p.deal])).unwrap_or_default()),
            aspect: 0.56,
            min_height: 300.0,
            max_height: 460.0,
            key_step: 1,
        }
    });
    let note = fact("scatter-note").unwrap_or_default();
    let shapes = ["circle", "square", "diamond", "triangle"];
    view! {
        <figure class="figure" id="figure-scatter">
            <h3 class="figure-title">{SCATTER_TITLE}</h3>
            <p class="figure-sub">{SCATTER_SUB}</p>
            <ul class="legend">
                {CollateralFamily::ALL.iter().enumerate().map(|(i, f)| view! {
                    <LegendItem class=format!("s{i} shape-{}", shapes[i]) label=format!("{} ({})", f.label(), shapes[i])/>
                }).collect_view()}
            </ul>
            <ChartCanvas label=SCATTER_TITLE summary_id="scatter-summary" spec=spec theme=theme selection=point on_choose=choose/>
            <p class="table-message" role="status">{move || linked.message.get()}</p>
            <p class="chart-summary" id="scatter-summary">{summary}</p>
            <FigureTools meta=FigureMeta { view: "scatter", slug: "deals-by-date-and-coupon", title: SCATTER_TITLE, sub: SCATTER_SUB, files: DEAL_FILES, scenario: None } spec=spec theme=theme/>
            <p class="figure-note">{note}</p>
            <EraComparison/>
            <figcaption class="credit">{deals_date()}". Sources: company filings and press releases, one per deal (see the table)."</figcaption>
        </figure>
    }
}

const STOCK_TITLE: &str = "Miners' debt outstanding";
const STOCK_SUB: &str = "A stock of debt owed on a date, not new borrowing in a period: it cannot be added to the bars above.";

#[component]
pub fn DebtStockFigure(#[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let view_data = Arc::new(DebtStockView::new(&published().debt_outstanding));
    let summary = fact("summary-debt-stock").unwrap_or_default();
    let as_of = published().debt_outstanding.last().map(|d| format!("Estimates as of {}. ", d.as_of.human())).unwrap_or_default();
    let spec = Signal::stored({
        let (v, d) = (view_data.clone(), view_data.clone());
        ChartSpec {
            draw: draw_fn(move |root, theme, titles, sel| draw_debt_stock(root, &v, theme, titles, sel).ok()),
            pick: pick_mark(3.0),
            items: view_data.bars.len(),
            anchor: anchor_mark(),
            describe: Arc::new(move |i| {
                d.bars.get(i).map(|(date, usd)| format!("VanEck estimate, {date}: {} of debt outstanding", usd_short(*usd))).unwrap_or_default()
            }),
            aspect: 0.6,
            min_height: 220.0,
            max_height: 300.0,
            key_step: 1,
        }
    });
    let source = published().debt_outstanding.first().map(|d| d.source_url.clone()).unwrap_or_default();
    view! {
        <figure class="figure figure-narrow" id="figure-debt-stock">
            <h3 class="figure-title">{STOCK_TITLE}</h3>
            <p class="figure-sub">{STOCK_SUB}</p>
            <ChartCanvas label="Miners' debt outstanding, VanEck estimates" summary_id="debt-stock-summary" spec=spec theme=theme/>
            <p class="chart-summary" id="debt-stock-summary">{summary}</p>
            <FigureTools meta=FigureMeta { view: "debt-stock", slug: "debt-outstanding", title: STOCK_TITLE, sub: STOCK_SUB, files: &[("CSV", "data/published_figures.csv")], scenario: None } spec=spec theme=theme/>
            <figcaption class="credit">{as_of}"Source: "<a href=source rel="noopener noreferrer" target="_blank">"VanEck, Mid-October 2025 Bitcoin ChainCheck"</a>" (FactSet data)."</figcaption>
        </figure>
    }
}

const HISTORY_TITLE: &str = "Hashprice, daily, January 2021 to November 2025";
const HISTORY_SUB: &str = "What one petahash per second of mining earned in a day, in US dollars: new coins plus fees, times the BTC price, divided by the network's hashrate.";

#[component]
pub fn HistoryFigure(
    #[prop(into)] theme: Signal<Theme>,
    /// A fleet's cash breakeven to draw across the history (the squeeze section's).
    #[prop(optional)]
    breakeven: Option<Signal<f64>>,
    /// The scenario the breakeven comes from (what an embed of the figure pins).
    #[prop(optional)]
    scenario: Option<ScenarioMemo>,
) -> impl IntoView {
    let events = crate::story::facts::history_events();
    let base = Arc::new(HistoryView::new(network_daily(), &events));
    let summary = fact("summary-history").unwrap_or_default();
    let items = base.points.len();
    let spec = Signal::derive(move || {
        let mut view_data = (*base).clone();
        view_data.breakeven = breakeven.map(|b| b.get());
        let view_data = Arc::new(view_data);
        let (v, d, a) = (view_data.clone(), view_data.clone(), view_data.clone());
        let p = view_data.clone();
        ChartSpec {
            draw: draw_fn(move |root, theme, titles, sel| draw_history(root, &v, theme, titles, sel).ok()),
            pick: Arc::new(move |hit, x, y| hit.data_at(x, y).and_then(|(fx, _)| p.nearest_day(fx))),
            items,
            anchor: Arc::new(move |hit, i| a.points.get(i).map(|pt| hit.pixel_of(*pt))),
            describe: Arc::new(move |i| match (d.days.get(i), d.points.get(i)) {
                (Some(day), Some(pt)) => format!("{}: ${:.2} per PH/s per day", day.human(), pt.1),
                _ => String::new(),
            }),
            aspect: 0.45,
            min_height: 260.0,
            max_height: 400.0,
            key_step: 7,
        }
    });
    view! {
        <figure class="figure" id="figure-history">
            <h3 class="figure-title">{HISTORY_TITLE}</h3>
            <p class="figure-sub">{HISTORY_SUB}</p>
            <ChartCanvas label=HISTORY_TITLE summary_id="history-summary" spec=spec theme=theme/>
            <p class="chart-summary" id="history-summary">{summary}</p>
            <FigureTools meta=FigureMeta { view: "hashprice", slug: "hashprice-daily", title: HISTORY_TITLE, sub: HISTORY_SUB, files: &[("CSV", "data/network_daily.csv")], scenario } spec=spec theme=theme/>
            <ol class="events">
                {events.into_iter().map(|e| view! {
                    <li><strong>{e.label}</strong>" "{e.detail}
                        {e.source_url.map(|u| view! { " "<a href=u rel="noopener noreferrer" target="_blank">"Source"</a> })}
                    </li>
                }).collect_view()}
            </ol>
            <figcaption class="credit">{data_date()}". Computed from "<a href="https://coinmetrics.io/community-network-data/" rel="noopener noreferrer" target="_blank">"Coin Metrics"</a>" community network data (CC BY-NC 4.0)."</figcaption>
        </figure>
    }
}
