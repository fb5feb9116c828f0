//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts into a page shaped like
//! index.html and every chart canvas is really drawn, checked by reading its pixels back.
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

/// Every `<canvas>` in the document (through js_sys, so the test needs no extra web-sys feature).
fn canvases() -> Vec<HtmlCanvasElement> {
    let doc = document();
    let query: js_sys::Function = js_sys::Reflect::get(&doc, &JsValue::from_str("querySelectorAll"))
        .expect("document.querySelectorAll")
        .dyn_into()
        .expect("a function");
    let list = query.call1(&doc, &JsValue::from_str("canvas")).expect("querySelectorAll('canvas')");
    js_sys::Array::from(&list)
        .iter()
        .map(|node| node.dyn_into::<HtmlCanvasElement>().expect("a canvas"))
        .collect()
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

/// The app mounts into `#app`, removes the static fallback and draws every canvas.
#[wasm_bindgen_test]
async fn app_mounts_and_draws_every_canvas() {
    // The runner's page is not index.html: add what index.html gives the app (appended, because
    // the runner reports test output through elements of its own page).
    let doc = document();
    let body = doc.body().expect("body");
    let fallback = doc.create_element("section").unwrap();
    fallback.set_id("fallback");
    fallback.set_inner_html(r#"<p id="fallback-status">Loading the interactive explainer…</p>"#);
    let app = doc.create_element("main").unwrap();
    app.set_id("app");
    body.append_child(&fallback).unwrap();
    body.append_child(&app).unwrap();

    debt_or_dilution::app::start();

    // Effects and the first draw are asynchronous: poll for up to 10 s.
    let mut waited = 0;
    loop {
        let all = canvases();
        if !all.is_empty() && all.iter().all(|c| drawn_pixels(c) > 0) {
            break;
        }
        if waited >= 10_000 {
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

    let all = canvases();
    for canvas in &all {
        let drawn = drawn_pixels(canvas);
        web_sys::console::log_1(&JsValue::from_str(&format!("{}: {drawn} drawn pixels", describe(canvas))));
        assert!(drawn > 0, "{} is blank", describe(canvas));
    }
    assert!(
        doc.get_element_by_id("fallback").is_none(),
        "the app removes the static fallback (#fallback) when it starts"
    );
}
