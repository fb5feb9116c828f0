//! Linked views: the deal the reader is pointing at, in the scatter or the table, highlighted
//! in both. An index into [`crate::data::deals::deals`].

use leptos::prelude::*;

#[derive(Clone, Copy)]
struct HighlightedDeal(RwSignal<Option<usize>>);

/// Provides the page's highlighted deal (none at first).
pub fn provide_highlight() {
    provide_context(HighlightedDeal(RwSignal::new(None)));
}

/// The page's highlighted deal.
pub fn use_highlight() -> RwSignal<Option<usize>> {
    use_context::<HighlightedDeal>().map(|h| h.0).unwrap_or_else(|| RwSignal::new(None))
}
