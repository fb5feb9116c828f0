//! wasm-bindgen-test in headless Chromium: if the app panics, the reader gets a readable panel
//! with a reload link instead of a frozen page, and the panic message is shown as text (a
//! hostile message cannot inject markup). The hook itself is installed by `app::start()`; the
//! URL trigger `?panic=1` exists only in debug builds.
#![cfg(target_arch = "wasm32")]

use debt_or_dilution::app::panic_panel;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_panel_explains_and_offers_a_reload_without_injecting_markup() {
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(document.get_element_by_id("panic-panel").is_none());
    panic_panel::show("boom <img src=x onerror=alert(1)>").expect("panel shown");
    let panel = document.get_element_by_id("panic-panel").expect("panel in the page");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("boom <img src=x onerror=alert(1)>"), "the message is shown as text: {text}");
    assert!(panel.query_selector("img").unwrap().is_none(), "no element from the message");
    let link = panel.query_selector("a").unwrap().expect("a reload link");
    assert_eq!(link.text_content().as_deref(), Some("Reload the page"));
    assert!(link.get_attribute("href").unwrap_or_default().starts_with("http"));
    // Shown once, however many panics follow.
    panic_panel::show("again").expect("second call is harmless");
    let still = document.get_element_by_id("panic-panel").unwrap();
    assert!(still.is_same_node(Some(&panel)) && !still.text_content().unwrap_or_default().contains("again"));
    assert!(panel.next_element_sibling().map(|e| e.id() != "panic-panel").unwrap_or(true));
}
