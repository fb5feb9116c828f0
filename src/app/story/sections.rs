//! The sections, each its prose parts around its figures (in the order of the fragment's
//! `<!--figure-->` markers; the core's tests check the counts).

use super::local::LocalScenario;
use super::prose::Prose;
use crate::app::calculator::state::use_calculator;
use crate::app::calculator::figures::CalculatorCharts;
use crate::app::calculator::Calculator;
use crate::app::deal_table::DealTable;
use crate::app::figures::{DebtStockFigure, Headlines, HistoryFigure, IssuanceFigure, ScatterFigure};
use crate::app::scenario_charts::{CashChart, LoanChart, MonteCarloCharts, OwnershipChart, PathChart};
use crate::charts::theme::Theme;
use crate::story::facts::loan_cases;
use crate::story::glossary::GLOSSARY;
use crate::story::{section, Section};
use leptos::prelude::*;

fn find(id: &str) -> &'static Section {
    // Every id used here is in story::SECTIONS; a wrong one shows the first section, not a panic.
    section(id).unwrap_or(&crate::story::SECTIONS[0])
}

/// The section's number, heading and first prose part.
#[component]
fn Heading(section: &'static Section) -> impl IntoView {
    let number = crate::story::SECTIONS.iter().position(|s| s.id == section.id).unwrap_or(0) + 1;
    view! {
        <p class="section-number">{format!("{number} / {}", crate::story::SECTIONS.len())}</p>
        <h2 id=format!("{}-heading", section.id)>{section.title}</h2>
    }
}

/// Copies a section's scenario into the calculator (and so the URL) and scrolls there.
#[component]
fn OpenInCalculator(local: LocalScenario) -> impl IntoView {
    let calculator = use_calculator();
    let open = move |_| {
        calculator.load_story(local.section.title, local.assumptions.get_untracked());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("same-path")) {
            el.scroll_into_view();
        }
    };
    view! {
        <p class="open-in-calculator">
            <button type="button" class="button" on:click=open>"Open this scenario in the calculator"</button>
        </p>
    }
}

/// Where the section's scenario departs from the calculator's defaults, under its chart.
#[component]
fn Departures(id: &'static str) -> impl IntoView {
    crate::story::facts::fact(&format!("departures-{id}")).map(|text| view! { <p class="figure-note">{text}</p> })
}

#[component]
fn Opening(theme: Signal<Theme>) -> impl IntoView {
    let s = find("opening");
    let p = s.parts();
    view! {
        <section class="section story-section" id=s.id aria-labelledby="opening-heading">
            <Heading section=s/>
            <Prose html=p[0]/>
            <Headlines/>
            <Prose html=p[1]/>
            <IssuanceFigure theme=theme/>
            <Prose html=p[2]/>
            <DebtStockFigure theme=theme/>
            <Prose html=p[3]/>
        </section>
    }
}

#[component]
fn ThenAndNow(theme: Signal<Theme>) -> impl IntoView {
    let s = find("then-and-now");
    let p = s.parts();
    view! {
        <section class="section story-section" id=s.id aria-labelledby="then-and-now-heading">
            <Heading section=s/>
            <Prose html=p[0]/>
            <ScatterFigure theme=theme/>
            <Prose html=p[1]/>
        </section>
    }
}

#[component]
fn Squeeze(theme: Signal<Theme>) -> impl IntoView {
    let s = find("squeeze");
    let p = s.parts();
    let local = LocalScenario::new(s);
    // A memo, so the history redraws only when the breakeven moves (not on every input).
    let breakeven: Signal<f64> = Memo::new(move |_| local.scenario.with(|sc| sc.breakeven_cash)).into();
    view! {
        <section class="section story-section" id=s.id aria-labelledby="squeeze-heading">
            <Heading section=s/>
            <Prose html=p[0] local=local/>
            <HistoryFigure theme=theme breakeven=breakeven scenario=local.scenario/>
            <Prose html=p[1] local=local/>
            <OpenInCalculator local=local/>
        </section>
    }
}

#[component]
fn LoanBreaks(theme: Signal<Theme>) -> impl IntoView {
    let s = find("loan-breaks");
    let p = s.parts();
    let local = LocalScenario::new(s);
    let start = local.scenario.with_untracked(|sc| sc.timeline.start);
    // Month t of each case on the replay's axis (t = 1 is the start month).
    let months = |start: crate::data::calendar::YearMonth| -> Vec<usize> {
        loan_cases().iter().map(|c| (start.months_until(c.month) + 1).max(0) as usize).collect()
    };
    view! {
        <section class="section story-section" id=s.id aria-labelledby="loan-breaks-heading">
            <Heading section=s/>
            <Prose html=p[0] local=local/>
            <PathChart scenario=local.scenario id="story-loan-path" events=months(start) theme=theme/>
            <ol class="events cases">
                {loan_cases().into_iter().map(|c| view! {
                    <li>
                        <strong>{format!("{} {}: {}", c.month.month_name(), c.month.year, c.company)}</strong>
                        {format!(" {} ", c.sentence)}
                        <a href=c.source_url rel="noopener noreferrer" target="_blank">"Source"</a>
                    </li>
                }).collect_view()}
            </ol>
            <Departures id=s.id/>
            <Prose html=p[1] local=local/>
            <LoanChart scenario=local.scenario id="story-loan" theme=theme/>
            <Prose html=p[2] local=local/>
            <OpenInCalculator local=local/>
        </section>
    }
}

#[component]
fn ConvertibleDilutes(theme: Signal<Theme>) -> impl IntoView {
    let s = find("convertible-dilutes");
    let p = s.parts();
    let local = LocalScenario::new(s);
    view! {
        <section class="section story-section" id=s.id aria-labelledby="convertible-dilutes-heading">
            <Heading section=s/>
            <Prose html=p[0] local=local/>
            <OwnershipChart scenario=local.scenario id="story-ownership" theme=theme/>
            <Prose html=p[1] local=local/>
            <OpenInCalculator local=local/>
        </section>
    }
}

#[component]
fn SamePath(theme: Signal<Theme>) -> impl IntoView {
    let s = find("same-path");
    let p = s.parts();
    view! {
        <section class="section section-wide story-section" id=s.id aria-labelledby="same-path-heading">
            <Heading section=s/>
            <Prose html=p[0]/>
            <Calculator theme=theme charts_later=true/>
            <Prose html=p[1]/>
        </section>
    }
}

#[component]
fn AiBet(theme: Signal<Theme>) -> impl IntoView {
    let s = find("ai-bet");
    let p = s.parts();
    let local = LocalScenario::new(s);
    view! {
        <section class="section story-section" id=s.id aria-labelledby="ai-bet-heading">
            <Heading section=s/>
            <Prose html=p[0] local=local/>
            <CashChart scenario=local.scenario id="story-cash" theme=theme/>
            <Departures id=s.id/>
            <Prose html=p[1] local=local/>
            <OpenInCalculator local=local/>
        </section>
    }
}

#[component]
fn IceCube(theme: Signal<Theme>) -> impl IntoView {
    let s = find("ice-cube");
    let p = s.parts();
    let local = LocalScenario::new(s);
    view! {
        <section class="section story-section" id=s.id aria-labelledby="ice-cube-heading">
            <Heading section=s/>
            <Prose html=p[0] local=local/>
            <PathChart scenario=local.scenario id="story-ice-path" theme=theme/>
            <Departures id=s.id/>
            <Prose html=p[1] local=local/>
            <OpenInCalculator local=local/>
        </section>
    }
}

#[component]
fn Futures(theme: Signal<Theme>) -> impl IntoView {
    let s = find("futures");
    let p = s.parts();
    let local = LocalScenario::new(s);
    view! {
        <section class="section story-section" id=s.id aria-labelledby="futures-heading">
            <Heading section=s/>
            <Prose html=p[0] local=local/>
            <div class="calc-charts story-pair">
                <MonteCarloCharts scenario=local.scenario id="story-mc" theme=theme/>
                <Departures id=s.id/>
            </div>
            <Prose html=p[1] local=local/>
            <OpenInCalculator local=local/>
        </section>
    }
}

#[component]
fn Sources() -> impl IntoView {
    let s = find("sources");
    let p = s.parts();
    view! {
        <section class="section section-wide story-section" id=s.id aria-labelledby="sources-heading">
            <Heading section=s/>
            <Prose html=p[0]/>
            <DealTable/>
            <Prose html=p[1]/>
            <dl class="glossary">
                {GLOSSARY.iter().map(|(id, term, text)| view! {
                    <div id=format!("glossary-{id}")><dt>{*term}</dt><dd>{*text}</dd></div>
                }).collect_view()}
            </dl>
            <Prose html=p[2]/>
        </section>
    }
}

/// Every section, in order. The opening is built with the page; each later section is built
/// in a task of its own once the first screen has drawn (issue 8: building and laying out the
/// whole page before the first chart took two-thirds of a second), and the calculator's
/// charts in a task after the calculator's. A link to a section
/// (`#same-path`) builds them all at once instead, then scrolls there.
///
/// The later sections are mounted into `.story-more` under this component's owner (so they see
/// the page's contexts), rather than switched on by a signal: a switched view would compile
/// every section's update code, which static sections never need (+15 KB of wasm).
#[component]
pub fn Story(#[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let more = NodeRef::<leptos::html::Div>::new();
    let target = section_in_address();
    let owner = Owner::current();
    crate::app::canvas::set_page_building(true);
    Effect::new(move |_| {
        let (Some(parent), Some(owner)) = (more.get(), owner.clone()) else { return };
        let parent: web_sys::Element = parent.into();
        let queue: Vec<Box<dyn FnOnce()>> = vec![
            build(&owner, &parent, move || view! { <ThenAndNow theme=theme/> }),
            build(&owner, &parent, move || view! { <Squeeze theme=theme/> }),
            build(&owner, &parent, move || view! { <LoanBreaks theme=theme/> }),
            build(&owner, &parent, move || view! { <ConvertibleDilutes theme=theme/> }),
            build(&owner, &parent, move || view! { <SamePath theme=theme/> }),
            build_at(&owner, "#calculator .outcomes", move || view! { <CalculatorCharts theme=theme/> }),
            build(&owner, &parent, move || view! { <AiBet theme=theme/> }),
            build(&owner, &parent, move || view! { <IceCube theme=theme/> }),
            build(&owner, &parent, move || view! { <Futures theme=theme/> }),
            build(&owner, &parent, Sources),
        ];
        match target.clone() {
            Some(id) => {
                queue.into_iter().for_each(|b| b());
                crate::app::canvas::set_page_building(false);
                after_first_frame(move || scroll_to(&id));
            }
            None => {
                let queue = queue.into_iter();
                after_first_frame(move || build_next(queue));
            }
        }
    });
    view! {
        <Opening theme=theme/>
        <div class="story-more" node_ref=more></div>
    }
}

/// A section to build: `f`'s view under `owner`, appended to `parent`, kept for the page's life.
fn build<V: IntoView + 'static>(owner: &Owner, parent: &web_sys::Element, f: impl FnOnce() -> V + 'static) -> Box<dyn FnOnce()> {
    let (owner, parent) = (owner.clone(), parent.clone());
    Box::new(move || {
        owner.with(|| {
            let mut state = f().into_view().build();
            state.mount(&parent, None);
            std::mem::forget(state);
        })
    })
}

/// Like [`build`], into the element `selector` finds when it runs (built by an earlier step).
fn build_at<V: IntoView + 'static>(owner: &Owner, selector: &'static str, f: impl FnOnce() -> V + 'static) -> Box<dyn FnOnce()> {
    let owner = owner.clone();
    Box::new(move || {
        let parent = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
        if let Some(parent) = parent {
            build(&owner, &parent, f)();
        }
    })
}

/// Builds the next section, then schedules the one after in a new task; after the last, the
/// page can say it is ready.
fn build_next(mut queue: std::vec::IntoIter<Box<dyn FnOnce()>>) {
    match queue.next() {
        Some(section) => {
            section();
            set_timeout(move || build_next(queue), std::time::Duration::ZERO);
        }
        None => crate::app::canvas::set_page_building(false),
    }
}

/// Runs `f` in a task after the next frame is drawn (the opening and its charts on screen).
fn after_first_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// The section the address points at (`#same-path`), if it is one of the story's.
fn section_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    crate::story::section(id).map(|s| s.id.to_string())
}

/// Scrolls to a section once the page is laid out (the browser's own fragment scrolling ran
/// before the app had built it).
fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}
