//! The reader's colour scheme, followed live: charts redraw when the system switches between
//! light and dark.

use crate::charts::theme::Theme;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A signal of the chart theme matching `prefers-color-scheme`.
pub fn system_theme() -> Signal<Theme> {
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
