//! Saving a file the page made (a chart's SVG or PNG, a scenario's CSV or JSON) and copying
//! text, through the browser's own mechanisms only: an object URL clicked as a download link,
//! and the asynchronous clipboard when the page may use it.
//!
//! Inside a sandboxed frame without `allow-downloads` the browser blocks the download itself
//! (and says so in its console); nothing here throws. The clipboard is reached through
//! `Reflect` so a browser or frame without it gives `false`, never an exception.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `url` as a download named `name`; `false` if the page could not even try.
pub fn save_url(name: &str, url: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else { return false };
    link.set_href(url);
    link.set_download(name);
    link.click();
    true
}

/// Offers `text` as a file of type `mime` named `name`.
pub fn save_text(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let started = save_url(name, &url);
    // Released a minute later: the download has long since read it.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000);
    }
    started
}

/// Tries to put `text` on the clipboard; `done(true)` once it is there, `done(false)` when the
/// clipboard is missing or refuses (an insecure page, a sandboxed frame).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")).ok())
        .filter(|c| c.is_object());
    let write = clipboard.as_ref().and_then(|c| js_sys::Reflect::get(c, &JsValue::from_str("writeText")).ok()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &JsValue::from_str(text)).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
        _ => None,
    };
    let Some(promise) = promise else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (ok, failed) = (done.clone(), done);
    let on_ok = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        if let Some(f) = ok.take() {
            f(true)
        }
    });
    let on_err = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        if let Some(f) = failed.take() {
            f(false)
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}
