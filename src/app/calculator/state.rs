//! The calculator's state: the page's scenario, the one in the URL.
//!
//! Rule (issue 6): the calculator owns the page's scenario. It is read from the query string
//! once at start (through the core's parser, so the browser and the host `scenario` binary
//! agree), written back with `history.replaceState` on every change (no history entry, no
//! scroll), and run through the model exactly once per change ([`CalculatorState::scenario`]
//! is a memo every output and chart shares). Narrative sections keep their own local scenarios
//! and copy them in here with [`CalculatorState::load`].

use crate::model::assumptions::Assumptions;
use crate::model::fields::FieldSpec;
use crate::model::presets::Preset;
use crate::model::query::{parse_query, to_query, Notice};
use crate::app::monte_carlo::{chunked_scenario, Progress};
use crate::model::simulate::Scenario;
use leptos::prelude::*;
use std::sync::Arc;

/// What was loaded from a preset, for the banner above the controls.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedPreset {
    pub title: String,
    pub description: String,
    /// Query names of terms the dataset does not give (marked "assumed").
    pub assumed: Vec<&'static str>,
    pub source_url: Option<String>,
    pub source_title: Option<String>,
}

/// Shared through context by every calculator component.
#[derive(Clone, Copy)]
pub struct CalculatorState {
    pub assumptions: RwSignal<Assumptions>,
    /// What the URL parser replaced or clamped, shown until the reader changes something.
    pub notices: RwSignal<Vec<Notice>>,
    pub preset: RwSignal<Option<LoadedPreset>>,
    /// The one model run of the current assumptions (its Monte Carlo part runs in slices).
    pub scenario: RwSignal<Arc<Scenario>>,
    /// The Monte Carlo run under way, if any.
    pub progress: RwSignal<Progress>,
}

/// How long after the last change the address bar is updated: longer than a drag's
/// frame-to-frame gap, shorter than a reader's reach for the address bar.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(120);

/// The page's query string without the leading `?`.
fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

impl CalculatorState {
    /// Reads the URL and, with `sync_url`, starts keeping it in sync.
    pub fn from_url(sync_url: bool) -> Self {
        let query = current_query();
        let (assumptions, mut notices) = parse_query(&query);
        notices.extend(crate::embed::page_notices(&query));
        let preset = assumptions.deal.as_deref().and_then(|id| crate::model::presets::deal_preset(id).ok()).map(|p| loaded(&p));
        let assumptions = RwSignal::new(assumptions);
        let run = chunked_scenario(assumptions);
        let state = Self { assumptions, notices: RwSignal::new(notices), preset: RwSignal::new(preset), scenario: run.scenario, progress: run.progress };
        // The address bar follows the scenario a moment after the last change: replaceState
        // costs more than the model run and every chart together (a quarter of each input's
        // handling, issue 8), and a drag sends an input each frame. Sharing reads the state,
        // not the address bar, so a link copied mid-drag is still exact.
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |previous: Option<()>| {
            assumptions.track();
            if previous.is_none() || !sync_url {
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let write = move || replace_query(&to_query(&assumptions.get_untracked()));
            pending.set_value(set_timeout_with_handle(write, URL_DELAY).ok());
        });
        state
    }

    /// Sets one numeric field from its on-screen (URL) units, clamped to its range.
    pub fn set_field(&self, spec: &'static FieldSpec, shown: f64) {
        let Some(value) = spec.clamp(spec.from_query_number(shown)) else { return };
        self.assumptions.update(|a| {
            (spec.set)(a, value);
            let mut fixes = Vec::new();
            a.enforce_cross_field(&mut fixes);
        });
        self.notices.set(Vec::new());
    }

    /// Changes the assumptions with a closure (choices, flags, months).
    pub fn change(&self, f: impl FnOnce(&mut Assumptions)) {
        self.assumptions.update(|a| {
            f(a);
            let mut fixes = Vec::new();
            a.enforce_cross_field(&mut fixes);
        });
        self.notices.set(Vec::new());
    }

    /// Puts the given fields back to their defaults.
    pub fn reset(&self, fields: &[&'static FieldSpec]) {
        let defaults = Assumptions::default();
        self.change(|a| {
            for spec in fields {
                (spec.set)(a, (spec.get)(&defaults));
            }
        });
    }

    /// Back to the default scenario.
    pub fn reset_all(&self) {
        self.assumptions.set(Assumptions::default());
        self.preset.set(None);
        self.notices.set(Vec::new());
    }

    /// Loads a preset (a story scenario or a deal's terms).
    pub fn load(&self, preset: &Preset) {
        self.assumptions.set(preset.assumptions.clone());
        self.preset.set(Some(loaded(preset)));
        self.notices.set(Vec::new());
    }
}

impl CalculatorState {
    /// Copies a story section's scenario in (the section's "open in the calculator").
    pub fn load_story(&self, title: &str, assumptions: Assumptions) {
        self.assumptions.set(assumptions);
        self.preset.set(Some(LoadedPreset {
            title: format!("From the story: {title}"),
            description: "The section's scenario, as you left it. Change anything below.".into(),
            assumed: Vec::new(),
            source_url: None,
            source_title: None,
        }));
        self.notices.set(Vec::new());
    }
}

fn loaded(p: &Preset) -> LoadedPreset {
    LoadedPreset {
        title: p.title.clone(),
        description: p.description.clone(),
        assumed: p.assumed.clone(),
        source_url: p.source_url.clone(),
        source_title: p.source_title.clone(),
    }
}

/// Replaces the URL's query without adding a history entry or scrolling.
fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}?{query}{hash}")));
    }
}

/// The state, from context (every calculator component is inside the provider).
pub fn use_calculator() -> CalculatorState {
    expect_context::<CalculatorState>()
}
