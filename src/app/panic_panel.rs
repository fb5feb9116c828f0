//! If anything panics, the page says so instead of freezing: a panic in wasm stops the app, so
//! the hook replaces it with a readable panel and a reload link. Built with DOM calls and
//! text only (no markup from the message, no inline style), so it works under the strict CSP.

use wasm_bindgen::JsCast;

/// Installs the hook. Call once, before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        let _ = show(&detail);
    }));
}

/// Puts the panel at the top of the page (once), with `detail` as plain text.
pub fn show(detail: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    if document.get_element_by_id("panic-panel").is_some() {
        return Some(());
    }
    let panel = document.create_element("section").ok()?;
    panel.set_id("panic-panel");
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong in the explainer"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some("The interactive part stopped. Reloading the page usually fixes it; the data files are still available from the links at the end of the page."));
    let reload = document.create_element("a").ok()?.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    reload.set_href(&web_sys::window()?.location().href().ok()?);
    reload.set_text_content(Some("Reload the page"));
    let technical = document.create_element("pre").ok()?;
    technical.set_text_content(Some(detail));
    for child in [&heading, &text, reload.as_ref(), &technical] {
        panel.append_child(child).ok()?;
    }
    body.insert_before(&panel, body.first_child().as_ref()).ok()?;
    Some(())
}

/// A test-only way to panic on purpose (`?panic=1`), compiled out of release builds.
#[cfg(debug_assertions)]
pub fn trigger_from_url() {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.split(['?', '&']).any(|p| p == "panic=1") {
        panic!("test panic requested by the URL");
    }
}
