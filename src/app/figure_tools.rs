//! Under every chart: download it (PNG at the screen's pixel ratio, SVG through the same
//! drawing function), download its data (the dataset file, or the scenario's series as CSV
//! and JSON), and embed it.

use super::canvas::{render_png, render_svg, ChartSpec};
use super::download::{save_text, save_url};
use super::scenario_charts::ScenarioMemo;
use super::sharing::use_sharing;
use crate::charts::frame::Titles;
use crate::charts::theme::Theme;
use crate::data::calendar::YearMonth;
use crate::embed::{file_name, view, View};
use crate::export::{scenario_csv, scenario_json};
use leptos::prelude::*;

/// Width of a downloaded chart in CSS pixels (the PNG multiplies it by the pixel ratio).
const DOWNLOAD_WIDTH: f64 = 960.0;

/// What a figure's tools need to know.
#[derive(Clone)]
pub struct FigureMeta {
    /// The embed view (`crate::embed::VIEWS`) the figure belongs to.
    pub view: &'static str,
    /// The file-name slug: `loan-balance` gives `miner-debt-loan-balance-2025-12.svg`.
    pub slug: &'static str,
    pub title: &'static str,
    pub sub: &'static str,
    /// Dataset files behind a data chart: (label, path under the site).
    pub files: &'static [(&'static str, &'static str)],
    /// The model run behind a scenario chart (its series are offered when `files` is empty),
    /// or behind a data chart's overlay (then only the embed uses it).
    pub scenario: Option<ScenarioMemo>,
}

fn data_month() -> YearMonth {
    let d = crate::data::network::last_day();
    YearMonth { year: d.year, month: d.month }
}

#[component]
pub fn FigureTools(meta: FigureMeta, #[prop(into)] spec: Signal<ChartSpec>, #[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let sharing = use_sharing();
    let embed_view: Option<&'static View> = view(meta.view);
    let status = RwSignal::new(String::new());
    let scenario = meta.scenario;
    // Files are dated by the scenario's start month, or by the data's last month for a chart of
    // the dataset (the history's breakeven scenario does not date the daily data).
    let dating = scenario.filter(|_| meta.files.is_empty());
    let month = move || dating.map(|s| s.with_untracked(|s| s.timeline.start)).unwrap_or_else(data_month);
    let (slug, title) = (meta.slug, meta.title);
    let name = move |extension: &str| file_name(slug, month(), extension);
    let titles = Titles { title: meta.title.into(), subtitle: meta.sub.into(), credit: embed_view.map(|v| v.credit).unwrap_or_default().into() };
    let titles = StoredValue::new(titles);
    let report = move |file: String, started: bool| {
        status.set(match (started, sharing.embedded) {
            (false, _) => format!("{file} could not be made in this browser."),
            (true, false) => format!("Downloading {file}."),
            (true, true) => format!("Downloading {file}. If nothing arrives, the site showing this chart blocks downloads: open the full explainer instead."),
        });
    };
    let png = move |_| {
        let file = name("png");
        let url = titles.with_value(|t| render_png(&spec.get_untracked(), DOWNLOAD_WIDTH, &theme.get_untracked(), t));
        report(file.clone(), url.map(|u| save_url(&file, &u)).unwrap_or(false));
    };
    let svg = move |_| {
        let file = name("svg");
        let text = titles.with_value(|t| render_svg(&spec.get_untracked(), DOWNLOAD_WIDTH, &theme.get_untracked(), t));
        report(file.clone(), text.map(|s| save_text(&file, "image/svg+xml", &s)).unwrap_or(false));
    };
    let series = move |extension: &'static str| {
        move |_| {
            let Some(s) = scenario else { return };
            let file = name(extension);
            let (text, mime) = s.with_untracked(|s| if extension == "csv" { (scenario_csv(s), "text/csv") } else { (scenario_json(s), "application/json") });
            report(file.clone(), save_text(&file, mime, &text));
        }
    };
    let hidden = move || view! { <span class="visually-hidden">{format!(" of “{title}”")}</span> };
    let files = meta.files.iter().map(|(label, path)| {
        let extension = path.rsplit('.').next().unwrap_or("csv");
        view! { <a class="tool" href=*path download=name(extension) target="_blank" rel="noopener">{*label}<span class="visually-hidden">" of the data behind “"{title}"”"</span></a> }
    }).collect_view();
    let embed = move |_| {
        if let Some(v) = embed_view {
            let a = scenario.map(|s| s.with_untracked(|s| s.assumptions.clone())).unwrap_or_default();
            sharing.target.set(Some((v, a)));
        }
    };
    view! {
        <div class="figure-tools">
            <span class="tools-label">"Download"</span>
            <button type="button" class="tool" on:click=png>"PNG"{hidden}</button>
            <button type="button" class="tool" on:click=svg>"SVG"{hidden}</button>
            {files}
            {scenario.filter(|_| meta.files.is_empty()).map(|_| view! {
                <button type="button" class="tool" on:click=series("csv")>"CSV"<span class="visually-hidden">" of the scenario behind “"{title}"”"</span></button>
                <button type="button" class="tool" on:click=series("json")>"JSON"<span class="visually-hidden">" of the scenario behind “"{title}"”"</span></button>
            })}
            {(!sharing.embedded && embed_view.is_some()).then(|| view! {
                <button type="button" class="tool tool-embed" on:click=embed>"Embed"<span class="visually-hidden">{format!(" “{title}” in another site")}</span></button>
            })}
            <span class="tool-status" role="status">{move || status.get()}</span>
        </div>
    }
}
