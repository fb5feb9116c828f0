//! Linked views: the deal the reader is pointing at, in the scatter or the table, highlighted
//! in both (an index into [`crate::data::deals::deals`]); choosing a deal in either loads its
//! terms into the calculator, as the calculator's deal presets define, or says why it cannot.

use crate::app::calculator::state::CalculatorState;
use crate::data::deals::deals;
use crate::model::presets::{deal_preset, DealPresetError};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Linked {
    /// The deal pointed at, if any.
    pub highlight: RwSignal<Option<usize>>,
    /// What the last choice did, for a status line beside each view.
    pub message: RwSignal<String>,
}

/// Provides the page's linked-view state (nothing highlighted at first).
pub fn provide_linked() {
    provide_context(Linked { highlight: RwSignal::new(None), message: RwSignal::new(String::new()) });
}

/// The page's linked-view state.
pub fn use_linked() -> Linked {
    use_context::<Linked>().unwrap_or_else(|| Linked { highlight: RwSignal::new(None), message: RwSignal::new(String::new()) })
}

impl Linked {
    /// Loads deal `i`'s terms into the calculator and scrolls there, or says why it cannot.
    pub fn choose(&self, i: usize, calculator: CalculatorState) {
        let Some(deal) = deals().get(i) else { return };
        let id = deal.id.as_str();
        match deal_preset(id) {
            Ok(p) => {
                self.message.set(format!("{id}: terms loaded into the calculator."));
                calculator.load(&p);
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("same-path")) {
                    el.scroll_into_view();
                }
            }
            Err(DealPresetError::NoTermsToLoad(reason)) => self.message.set(format!("{id}: no terms to load ({reason}).")),
            Err(_) => self.message.set(format!("{id} is not in the dataset.")),
        }
    }
}
