//! The browser app (wasm32 only): mounts the explainer into `#app`, removes the static
//! fallback, and lays out the sections. Components wire data and model results to chart
//! functions; they compute nothing the core could.

mod calculator;
mod canvas;
mod deal_table;
mod dom;
mod download;
mod embed;
mod figure_tools;
mod figures;
mod linked;
mod monte_carlo;
pub mod panic_panel;
mod scenario_charts;
mod sharing;
mod story;
mod theme;
mod canvas_2d;
mod web_backend;

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
    let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let choice = crate::embed::theme_request(&query);
    match crate::embed::embed_request(&query) {
        Some(request) => {
            if let Some(body) = document.body() {
                let _ = body.class_list().add_1("embedded");
            }
            leptos::mount::mount_to(parent, move || {
                let theme = theme::page_theme(request.theme);
                calculator::provide_calculator(false);
                linked::provide_linked();
                sharing::provide_sharing(true);
                view! { <embed::EmbedPage request=request theme=theme/> }
            })
            .forget();
        }
        None => leptos::mount::mount_to(parent, move || view! { <App choice=choice/> }).forget(),
    }
    #[cfg(debug_assertions)]
    panic_panel::trigger_from_url();
}

#[component]
fn App(choice: crate::embed::ThemeChoice) -> impl IntoView {
    let theme = theme::page_theme(choice);
    calculator::provide_calculator(true);
    linked::provide_linked();
    sharing::provide_sharing(false);
    view! {
        <header class="masthead">
            <p class="kicker">"Bitcoin miners' balance sheets, 2021–2025"</p>
            <h1>"Debt or dilution?"</h1>
            <p class="dek">"In 2021 miners borrowed against their machines and lost them when revenue collapsed. In 2024 and 2025 they borrowed far more, mostly through convertible notes, and raised the money for AI data centres mainly as notes secured on the centres. The risk did not go away: much of it moved to the shareholders."</p>
            <nav class="contents" aria-label="Sections">
                <ol>
                    {crate::story::SECTIONS.iter().map(|s| view! { <li><a href=format!("#{}", s.id)>{s.title}</a></li> }).collect_view()}
                </ol>
            </nav>
        </header>
        <story::Story theme=theme/>
        <sharing::EmbedDialog/>
        <footer class="colophon">
            <p>"Scenarios and figures here are illustrations, not investment advice. Hashprice from Coin Metrics community data (CC BY-NC 4.0); deal terms from the sources linked in the table; code MIT-licensed."</p>
        </footer>
    }
}
