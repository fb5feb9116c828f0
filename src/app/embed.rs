//! The page as an embed (`?embed=VIEW`, issue 7): one view, only its controls, a one-line
//! credit and a link to the full explainer with the same scenario; and the frame's height,
//! posted to the parent page whenever it changes.

use super::calculator::controls::NumberControl;
use super::calculator::state::use_calculator;
use super::calculator::{Calculator, Notices};
use super::figures::{DebtStockFigure, HistoryFigure, IssuanceFigure, ScatterFigure};
use super::scenario_charts::{CashChart, LoanChart, MonteCarloCharts, OwnershipChart, PathChart};
use crate::charts::theme::Theme;
use crate::embed::{full_page_query, EmbedRequest, View, VIEWS};
use crate::model::assumptions::PathKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The embed page: the view, or a list of views when the name is unknown.
#[component]
pub fn EmbedPage(request: EmbedRequest, theme: Signal<Theme>) -> impl IntoView {
    report_height(request.id.clone());
    let (known, unknown) = match request.view {
        Ok(view) => (Some(view), None),
        Err(given) => (None, Some(given)),
    };
    view! {
        {known.map(|view| view! { <EmbeddedView view=view theme=theme/> })}
        {unknown.map(|given| view! { <UnknownView given=given/> })}
    }
}

#[component]
fn EmbeddedView(view: &'static View, theme: Signal<Theme>) -> impl IntoView {
    let state = use_calculator();
    if view.id == "monte-carlo" && state.assumptions.with_untracked(|a| a.path != PathKind::MonteCarlo) {
        // The view draws the spread of random futures: without them it would be empty.
        state.assumptions.update(|a| a.path = PathKind::MonteCarlo);
    }
    let scenario = state.scenario;
    let full = Memo::new(move |_| {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        format!("{path}{}", full_page_query(view, &state.assumptions.get()))
    });
    let breakeven: Signal<f64> = Memo::new(move |_| scenario.with(|s| s.breakeven_cash)).into();
    // One `Option` per view rather than `into_any()`: a type-erased view compiles every
    // component's hydration code into the wasm too, which costs tens of kilobytes.
    let is = move |id: &str| view.id == id;
    let body = (
        is("issuance").then(|| view! { <IssuanceFigure theme=theme/> }),
        is("debt-stock").then(|| view! { <DebtStockFigure theme=theme/> }),
        is("scatter").then(|| view! { <ScatterFigure theme=theme/> }),
        is("hashprice").then(|| view! { <HistoryFigure theme=theme breakeven=breakeven scenario=scenario/> }),
        is("path").then(|| view! { <PathChart scenario=scenario id="embed-path" theme=theme/> }),
        is("loan").then(|| view! { <LoanChart scenario=scenario id="embed-loan" theme=theme/> }),
        is("ownership").then(|| view! { <OwnershipChart scenario=scenario id="embed-ownership" theme=theme/> }),
        is("cash").then(|| view! { <CashChart scenario=scenario id="embed-cash" theme=theme/> }),
        is("monte-carlo").then(|| view! { <MonteCarloCharts scenario=scenario id="embed-mc" theme=theme/> }),
        is("calculator").then(|| view! { <Calculator theme=theme/> }),
    );
    let controls = (!view.controls.is_empty()).then(|| view! {
        <form class="embed-controls controls" on:submit=|ev| ev.prevent_default() aria-label="Assumptions">
            {view.controls.iter().map(|(name, label)| {
                // As in the calculator: a replay takes its hashprice from history.
                let replayed = *name == "hashprice";
                let disabled = Signal::derive(move || (replayed && state.assumptions.with(|a| a.path == PathKind::Replay)).then(|| "History sets the hashprice in a replay.".to_string()));
                view! { <NumberControl name=*name label=*label disabled=disabled/> }
            }).collect_view()}
        </form>
    });
    view! {
        <div class="embed" data-view=view.id>
            // Headings in order for assistive technology: the site, the view, then the chart's own.
            <h1 class="visually-hidden">"Debt or dilution? An explainer of how Bitcoin miners finance themselves"</h1>
            <h2 class="visually-hidden">{view.title}</h2>
            {(view.id != "calculator").then(|| view! { <Notices/> })}
            {controls}
            {body}
            <p class="embed-credit">{(!view.credits_itself()).then_some(view.credit)}" "
                <a href=move || full.get() target="_blank" rel="noopener">"Open the full explainer"</a>
            </p>
        </div>
    }
}

#[component]
fn UnknownView(given: String) -> impl IntoView {
    view! {
        <div class="embed notices" role="alert">
            <p>{format!("There is no view named “{given}” to embed. The views are:")}</p>
            <ul>
                {VIEWS.iter().map(|v| view! { <li><a href=format!("?embed={}", v.id)>{v.title}</a></li> }).collect_view()}
            </ul>
            <p><a href="./" target="_blank" rel="noopener">"Open the full explainer"</a></p>
        </div>
    }
}

/// Posts the page's height to the parent page on load and on every change, as
/// `{type: "debt-or-dilution:height", id, height}` and as AMP's
/// `{sentinel: "amp", type: "embed-size", height}`. The target origin is `*`: the messages
/// carry nothing but the height and the id the parent itself chose.
fn report_height(id: String) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let (Some(root), Some(body)) = (document.document_element(), document.body()) else { return };
    let parent = window.parent().ok().flatten();
    let last = std::rc::Rc::new(std::cell::Cell::new(0_i32));
    let measure = move || {
        let height = root.get_bounding_client_rect().height().ceil() as i32;
        if height == last.get() || height <= 0 {
            return;
        }
        last.set(height);
        let _ = root.set_attribute("data-height", &height.to_string());
        let Some(parent) = &parent else { return };
        let message = |pairs: &[(&str, wasm_bindgen::JsValue)]| {
            let object = js_sys::Object::new();
            for (k, v) in pairs {
                let _ = js_sys::Reflect::set(&object, &(*k).into(), v);
            }
            object
        };
        let h = wasm_bindgen::JsValue::from(height);
        let ours = message(&[("type", "debt-or-dilution:height".into()), ("id", id.as_str().into()), ("height", h.clone())]);
        let amp = message(&[("sentinel", "amp".into()), ("type", "embed-size".into()), ("height", h)]);
        let _ = parent.post_message(&ours, "*");
        let _ = parent.post_message(&amp, "*");
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| measure());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    callback.forget();
}
