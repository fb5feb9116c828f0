//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts into a page shaped like
//! index.html and every chart canvas is really drawn, checked by reading its pixels back; a
//! calculator control changes the right metrics and redraws only the charts whose data changed.
//! The tests share one page and one mount of the app ([`mounted_app`]), in any order.
//! Run by `make test` (phase "browser tests (wasm)"), or alone with
//! `cargo test --target wasm32-unknown-unknown --test browser` and the environment of scripts/env.sh.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().expect("window").document().expect("document")
}

/// Resolves after `ms` milliseconds (Leptos runs effects asynchronously).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

/// Pixels of the canvas's bitmap that differ from its first (background) pixel.
fn drawn_pixels(canvas: &HtmlCanvasElement) -> usize {
    let (w, h) = (canvas.width(), canvas.height());
    if w == 0 || h == 0 {
        return 0;
    }
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("getContext")
        .expect("a 2d context")
        .dyn_into()
        .expect("CanvasRenderingContext2d");
    let data = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).expect("getImageData").data();
    let background = &data[0..4];
    data.chunks_exact(4).filter(|px| *px != background).count()
}

/// Every element matching `selector` (through js_sys, so the test needs no extra web-sys feature).
fn select_all(selector: &str) -> Vec<web_sys::Element> {
    let doc = document();
    let query: js_sys::Function = js_sys::Reflect::get(&doc, &JsValue::from_str("querySelectorAll"))
        .expect("document.querySelectorAll")
        .dyn_into()
        .expect("a function");
    let list = query.call1(&doc, &JsValue::from_str(selector)).expect("querySelectorAll");
    js_sys::Array::from(&list)
        .iter()
        .map(|node| node.dyn_into::<web_sys::Element>().expect("an element"))
        .collect()
}

/// Every `<canvas>` in the document.
fn canvases() -> Vec<HtmlCanvasElement> {
    select_all("canvas").into_iter().map(|c| c.dyn_into::<HtmlCanvasElement>().expect("a canvas")).collect()
}

fn describe(canvas: &HtmlCanvasElement) -> String {
    let label = canvas.get_attribute("aria-label").unwrap_or_else(|| canvas.id());
    format!("{label:?} {}x{}", canvas.width(), canvas.height())
}

/// The pixel check itself: a blank canvas counts as not drawn, one filled rectangle as drawn.
#[wasm_bindgen_test]
fn pixel_check_tells_blank_from_drawn() {
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .expect("createElement")
        .dyn_into()
        .expect("a canvas");
    canvas.set_width(40);
    canvas.set_height(20);
    assert_eq!(drawn_pixels(&canvas), 0);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.set_fill_style_str("#336699");
    ctx.fill_rect(5.0, 5.0, 10.0, 4.0);
    assert_eq!(drawn_pixels(&canvas), 40);
}

/// Where the one mount of the app stands: tests in this file share one page, and
/// `app::start()` mounts once per page, so every test awaits [`mounted_app`] instead.
#[derive(Clone, Copy, PartialEq)]
enum Mount {
    NotStarted,
    Started,
    Drawn,
}

thread_local! {
    static MOUNT: std::cell::Cell<Mount> = const { std::cell::Cell::new(Mount::NotStarted) };
}

/// Mounts the app once (whichever test runs first) and waits until every canvas is drawn;
/// returns `#app`. Tests may run in any order.
async fn mounted_app() -> web_sys::Element {
    let doc = document();
    if MOUNT.with(|m| m.get()) == Mount::NotStarted {
        MOUNT.with(|m| m.set(Mount::Started));
        // The runner's page is not index.html: add what index.html gives the app (appended,
        // because the runner reports test output through elements of its own page).
        let body = doc.body().expect("body");
        let fallback = doc.create_element("section").unwrap();
        fallback.set_id("fallback");
        fallback.set_inner_html(r#"<p id="fallback-status">Loading the interactive explainer…</p>"#);
        let app = doc.create_element("main").unwrap();
        app.set_id("app");
        body.append_child(&fallback).unwrap();
        body.append_child(&app).unwrap();

        debt_or_dilution::app::start();
    }
    let app = doc.get_element_by_id("app").expect("#app");

    // Effects, the later sections (built one task at a time) and the first draws are
    // asynchronous: poll for up to 30 s (a debug build) for the page's `data-ready`, which the
    // app sets once every section is built and every canvas drawn.
    let mut waited = 0;
    while MOUNT.with(|m| m.get()) != Mount::Drawn {
        let all = canvases();
        let ready = doc.body().is_some_and(|b| b.has_attribute("data-ready"));
        if ready && !all.is_empty() && all.iter().all(|c| drawn_pixels(c) > 0) {
            MOUNT.with(|m| m.set(Mount::Drawn));
            break;
        }
        if waited >= 30_000 {
            let report: Vec<String> = all
                .iter()
                .map(|c| format!("{} drawn pixels: {}", describe(c), drawn_pixels(c)))
                .collect();
            panic!(
                "after {waited} ms: {} canvas(es), not all drawn: {report:?}; #app holds {} bytes of HTML",
                all.len(),
                app.inner_html().len()
            );
        }
        sleep(100).await;
        waited += 100;
    }
    app
}

/// The app mounts into `#app`, removes the static fallback and draws every canvas.
#[wasm_bindgen_test]
async fn app_mounts_and_draws_every_canvas() {
    mounted_app().await;
    let all = canvases();
    for canvas in &all {
        let drawn = drawn_pixels(canvas);
        web_sys::console::log_1(&JsValue::from_str(&format!("{}: {drawn} drawn pixels", describe(canvas))));
        assert!(drawn > 0, "{} is blank", describe(canvas));
    }
    assert!(
        document().get_element_by_id("fallback").is_none(),
        "the app removes the static fallback (#fallback) when it starts"
    );
}

/// A metric's `data-value` (the contract attribute on the calculator's cards).
fn metric(name: &str) -> String {
    document()
        .query_selector(&format!("[data-metric=\"{name}\"]"))
        .expect("querySelector")
        .unwrap_or_else(|| panic!("no [data-metric={name}] on the page"))
        .get_attribute("data-value")
        .unwrap_or_else(|| panic!("[data-metric={name}] has no data-value"))
}

/// Every `loan-*` metric, name and value.
fn loan_metrics() -> Vec<(String, String)> {
    select_all("[data-metric^=\"loan-\"]")
        .into_iter()
        .map(|e| (e.get_attribute("data-metric").unwrap_or_default(), e.get_attribute("data-value").unwrap_or_default()))
        .collect()
}

/// How many times the calculator's chart with this accessible name has painted (`data-draws`).
/// (The story's sections draw charts of the same names from their own scenarios.)
fn draws(label: &str) -> u32 {
    let canvas = document()
        .query_selector(&format!("#calculator canvas[aria-label=\"{label}\"]"))
        .expect("querySelector")
        .unwrap_or_else(|| panic!("no canvas labelled {label:?}"));
    canvas.get_attribute("data-draws").and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// Sets a text input's value and dispatches a bubbling `change`, as a reader's commit does
/// (Leptos delegates `change` to the document, so the event must bubble).
fn commit(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    let window = web_sys::window().expect("window");
    let constructor: js_sys::Function = js_sys::Reflect::get(&window, &JsValue::from_str("Event")).unwrap().dyn_into().unwrap();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &JsValue::from_str("bubbles"), &JsValue::TRUE).unwrap();
    let args = js_sys::Array::of2(&JsValue::from_str("change"), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&constructor, &args).unwrap().dyn_into().unwrap();
    input.dispatch_event(&event).expect("dispatchEvent");
}

const LOAN_CHART: &str = "Loan: what is owed against what the machines are worth";
const OWNERSHIP_CHART: &str = "Convertible: ownership kept against the share price at maturity";

/// Typing a new conversion premium moves the convertible's figures and redraws its chart,
/// and leaves the loan's figures and chart alone.
#[wasm_bindgen_test]
async fn a_premium_moves_the_convertible_and_redraws_only_its_chart() {
    mounted_app().await;
    let input: web_sys::HtmlInputElement = document()
        .get_element_by_id("control-premium")
        .expect("#control-premium")
        .dyn_into()
        .expect("an input");
    let (price, payment, loans) = (metric("convert-conversion-price"), metric("loan-payment"), loan_metrics());
    let (loan_draws, ownership_draws) = (draws(LOAN_CHART), draws(OWNERSHIP_CHART));
    assert!(!price.is_empty() && !payment.is_empty(), "conversion price {price:?}, loan payment {payment:?}");
    assert!(ownership_draws >= 1 && loan_draws >= 1, "both charts have drawn ({ownership_draws}, {loan_draws})");

    let current: f64 = input.value().trim().parse().expect("the premium field holds a number");
    let next = if current == 50.0 { "45" } else { "50" };
    commit(&input, next);

    // Effects run asynchronously: give them up to 5 s.
    let mut waited = 0;
    while metric("convert-conversion-price") == price {
        assert!(waited < 5_000, "after {waited} ms the conversion price is still {price} (premium {current} -> {next})");
        sleep(20).await;
        waited += 20;
    }
    sleep(100).await;

    let new_price = metric("convert-conversion-price");
    web_sys::console::log_1(&JsValue::from_str(&format!(
        "premium {current} -> {next}: conversion price {price} -> {new_price}; draws: loan {loan_draws} -> {}, ownership {ownership_draws} -> {}",
        draws(LOAN_CHART),
        draws(OWNERSHIP_CHART)
    )));
    assert_eq!(metric("loan-payment"), payment, "the loan payment does not change");
    assert_eq!(loan_metrics(), loans, "no loan-* metric changes");
    assert!(draws(OWNERSHIP_CHART) > ownership_draws, "the ownership chart redraws");
    assert_eq!(draws(LOAN_CHART), loan_draws, "the loan chart does not redraw");
    assert_eq!(input.value(), next, "the field shows the committed premium");
}
