//! The reader's colour scheme, followed live: charts redraw when the system switches between
//! light and dark.

use crate::charts::theme::Theme;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The chart theme the page asked for (`theme=light|dark`), marked on `<html data-theme>` for
/// the style sheet, or the system's when automatic.
pub fn page_theme(choice: crate::embed::ThemeChoice) -> Signal<Theme> {
    use crate::embed::ThemeChoice;
    if choice != ThemeChoice::Auto {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-theme", choice.as_query());
        }
    }
    match choice {
        ThemeChoice::Light => Signal::stored(Theme::light()),
        ThemeChoice::Dark => Signal::stored(Theme::dark()),
        ThemeChoice::Auto => system_theme(),
    }
}

/// A signal of the chart theme matching `prefers-color-scheme`.
fn system_theme() -> Signal<Theme> {
    let query = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    let dark = RwSignal::new(query.as_ref().map(|q| q.matches()).unwrap_or(false));
    if let Some(q) = query {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if let Some(q) = ev.target().and_then(|t| t.dyn_into::<web_sys::MediaQueryList>().ok()) {
                dark.set(q.matches());
            }
        });
        let _ = q.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
        callback.forget();
    }
    Signal::derive(move || if dark.get() { Theme::dark() } else { Theme::light() })
}
