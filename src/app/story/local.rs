//! A story section's own scenario (see [`crate::story`] for the rule): assumptions that start
//! from the section's query, one model run per change, and the prose's values of that run.

use crate::app::scenario_charts::ScenarioMemo;
use crate::model::assumptions::Assumptions;
use crate::app::monte_carlo::chunked_scenario;
use crate::story::values::scenario_values;
use crate::story::Section;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct LocalScenario {
    pub section: &'static Section,
    pub assumptions: RwSignal<Assumptions>,
    /// The one model run of the current assumptions (its Monte Carlo part runs in slices).
    pub scenario: ScenarioMemo,
    /// The prose's values of that run.
    pub values: Memo<Arc<Vec<(&'static str, String)>>>,
}

impl LocalScenario {
    pub fn new(section: &'static Section) -> Self {
        let assumptions = RwSignal::new(section.local_assumptions().unwrap_or_default());
        let run = chunked_scenario(assumptions);
        let scenario: ScenarioMemo = run.scenario;
        let values = Memo::new(move |_| Arc::new(scenario_values(&scenario.get())));
        Self { section, assumptions, scenario, values }
    }
}
