//! The browser app (wasm32 only): mounts the explainer into `#app`, removes the static
//! fallback, and lays out the sections. Components wire data and model results to chart
//! functions; they compute nothing the core could.

mod calculator;
mod canvas;
mod deal_table;
mod figures;
pub mod panic_panel;
mod theme;

use deal_table::DealTable;
use figures::{DebtStockFigure, Headlines, HistoryFigure, IssuanceFigure, ScatterFigure};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts the app: mounts into `#app` (or the body) and removes the loading fallback.
pub fn start() {
    panic_panel::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parent = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    let Some(parent) = parent else { return };
    if let Some(fallback) = document.get_element_by_id("fallback") {
        fallback.remove();
    }
    leptos::mount::mount_to(parent, App).forget();
    #[cfg(debug_assertions)]
    panic_panel::trigger_from_url();
}

#[component]
fn App() -> impl IntoView {
    let theme = theme::system_theme();
    calculator::provide_calculator();
    view! {
        <header class="masthead">
            <p class="kicker">"Bitcoin miners' balance sheets, 2021–2025"</p>
            <h1>"Debt or dilution?"</h1>
            <p class="dek">"In 2021 miners borrowed against their machines and lost them when revenue collapsed. In 2024 and 2025 they borrowed more than ever, mostly through convertible notes, to build data centres for AI. The risk did not go away; it moved to the shareholders."</p>
            <Headlines/>
        </header>
        <section class="section" aria-labelledby="data-heading">
            <h2 id="data-heading">"The borrowing, in data"</h2>
            <IssuanceFigure theme=theme/>
            <ScatterFigure theme=theme/>
            <DebtStockFigure theme=theme/>
            <HistoryFigure theme=theme/>
        </section>
        <section class="section section-wide" aria-labelledby="calculator-heading">
            <h2 id="calculator-heading">"Same path, three ways to pay for it"</h2>
            <p>"The same miner raises the same amount three ways — a 2021-style loan against its machines, 2024–25-style convertible notes, or senior notes secured by a data center — and all three live through the same market. Change any assumption, or load a real deal, and watch where the damage lands: on the lender's collateral or on the shareholders."</p>
            <calculator::Calculator theme=theme/>
        </section>
        <section class="section" aria-labelledby="deals-heading">
            <h2 id="deals-heading">"Every deal, with its source"</h2>
            <p>"Each row is one financing by a public miner, as reported in filings, press releases and the trade press. Confidence says how sure the research is of the row; low-confidence rows are kept and marked. Sort by any column or filter the list."</p>
            <DealTable/>
        </section>
        <footer class="colophon">
            <p>"Hashprice series computed from Coin Metrics community network data, licensed CC BY-NC 4.0: free to reuse with credit, not for commercial use. Deal terms come from the sources linked in the table. The code is MIT-licensed."</p>
            <p>"Scenarios and figures here are illustrations, not investment advice."</p>
        </footer>
    }
}
