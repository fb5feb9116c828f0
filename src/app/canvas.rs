//! A chart on a `<canvas>`: sized to its container and scaled by devicePixelRatio (crisp on
//! high-DPI screens), drawn with [`super::canvas_2d`] through the CSP-safe
//! [`MeasuredBackend`], redrawn when its data, size, theme or selection changes, and
//! explorable by pointer, touch and keyboard with a tooltip mapped back from pixels to data.

use crate::charts::backend::{MeasuredBackend, TextMeasure};
use super::web_backend::Target;
use crate::charts::frame::{HitMap, Titles};
use crate::charts::theme::Theme;
use leptos::html;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use super::canvas_2d::{Canvas2dBackend, Context2d};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with the canvas 2D context, in the font the chart will draw with (through
/// the same record of the context's font, so a measurement followed by drawing sets it once).
pub struct CanvasMeasure {
    context: Rc<Context2d>,
}

impl TextMeasure for CanvasMeasure {
    fn measure(&self, text: &str, family: &str, size_px: f64) -> (u32, u32) {
        self.context.set_font("normal", size_px, family);
        let width = self.context.raw().measure_text(text).map(|m| m.width()).unwrap_or(text.len() as f64 * size_px * 0.56);
        (width.ceil() as u32, (size_px * 1.15).ceil() as u32)
    }
}

/// The backend every chart draws to in the browser: a canvas, or an SVG for a download.
pub type WebBackend<'a> = MeasuredBackend<Target<'a>, CanvasMeasure>;

/// Draws a chart with optional titles (downloads draw them into the image) and an optional
/// selected item.
pub type DrawFn = Arc<dyn for<'a> Fn(&DrawingArea<WebBackend<'a>, Shift>, &Theme, Option<&Titles>, Option<usize>) -> Option<HitMap> + Send + Sync>;

/// Gives a chart's drawing closure the [`DrawFn`] signature (for every backend lifetime).
pub fn draw_fn<F>(f: F) -> DrawFn
where
    F: for<'a> Fn(&DrawingArea<WebBackend<'a>, Shift>, &Theme, Option<&Titles>, Option<usize>) -> Option<HitMap> + Send + Sync + 'static,
{
    Arc::new(f)
}
pub type PickFn = Arc<dyn Fn(&HitMap, i32, i32) -> Option<usize> + Send + Sync>;
pub type AnchorFn = Arc<dyn Fn(&HitMap, usize) -> Option<(i32, i32)> + Send + Sync>;
pub type DescribeFn = Arc<dyn Fn(usize) -> String + Send + Sync>;

/// How a figure draws and explains itself; the closures capture the figure's data.
#[derive(Clone)]
pub struct ChartSpec {
    /// Draws the chart with an optional selected item (a mark or, for line charts, a point).
    pub draw: DrawFn,
    /// The item under a pointer position (CSS pixels inside the canvas), if any.
    pub pick: PickFn,
    /// How many items keyboard focus can step through, in order.
    pub items: usize,
    /// Where an item sits (CSS pixels), for the tooltip and focus ring.
    pub anchor: AnchorFn,
    /// The tooltip text of an item: what it is, in words and numbers.
    pub describe: DescribeFn,
    /// Height as a fraction of width, and its bounds in CSS pixels.
    pub aspect: f64,
    pub min_height: f64,
    pub max_height: f64,
    /// Arrow keys move this many items at a time (1 for marks; a week for a daily line).
    pub key_step: usize,
}

/// Finds the nearest mark-based item: the default `pick` for bar and scatter charts.
pub fn pick_mark(slack: f64) -> PickFn {
    Arc::new(move |hit, x, y| hit.mark_at(x, y, slack).map(|m| m.index))
}

/// The default `anchor`: the centre of the item's mark.
pub fn anchor_mark() -> AnchorFn {
    Arc::new(|hit, i| hit.marks.iter().find(|m| m.index == i).map(|m| m.center()))
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0)
}

/// A chart's height in CSS pixels at `width`.
pub fn height_at(spec: &ChartSpec, width: f64) -> f64 {
    (width * spec.aspect).clamp(spec.min_height, spec.max_height)
}

/// Sizes the canvas for `width` CSS pixels (the layout's final size, before it is drawn);
/// returns the size in CSS pixels and the device pixel ratio.
/// Returns whether it changed the size (which clears the canvas and resets its context).
fn size(canvas: &HtmlCanvasElement, spec: &ChartSpec, width: f64) -> (f64, f64, f64, bool) {
    let height = height_at(spec, width);
    let dpr = device_pixel_ratio();
    let (w, h) = (width.floor().max(1.0), height.floor().max(1.0));
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    let resized = canvas.width() != pw || canvas.height() != ph;
    if resized {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    (w, h, dpr, resized)
}

/// Sizes the canvas for `width` CSS pixels and draws; returns the hit map.
pub fn paint(canvas: &HtmlCanvasElement, spec: &ChartSpec, width: f64, theme: &Theme, titles: Option<&Titles>, selected: Option<usize>) -> Option<HitMap> {
    let (w, h, dpr, resized) = size(canvas, spec, width);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    if !resized {
        // Same size: clear the last drawing rather than reallocate the canvas.
        context.reset_transform().ok()?;
        context.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    }
    context.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()?;
    let context = Context2d::new(context);
    let backend = Target::Canvas(Canvas2dBackend::new(canvas, context.clone()));
    let measured = MeasuredBackend::with_logical_size(backend, (w as u32, h as u32), CanvasMeasure { context });
    let root = measured.into_drawing_area();
    let hit = (spec.draw)(&root, theme, titles, selected);
    root.present().ok()?;
    hit
}

/// A chart canvas with its tooltip. `label` is the accessible name; `summary_id` the id of
/// the sentence that describes it. `spec` is reactive: a new spec redraws the chart.
#[component]
pub fn ChartCanvas(
    /// The accessible name (the figure's title).
    #[prop(into)]
    label: String,
    /// Id of the element holding the chart's one-sentence text summary.
    #[prop(into)]
    summary_id: String,
    /// What to draw; changes when the figure's data changes.
    #[prop(into)]
    spec: Signal<ChartSpec>,
    /// The theme, following the reader's colour scheme.
    #[prop(into)]
    theme: Signal<Theme>,
    /// The selected item, when another view shares it (linked views); else the chart's own.
    #[prop(optional)]
    selection: Option<RwSignal<Option<usize>>>,
    /// Called with the selected item when the reader chooses it (click, tap, Enter).
    #[prop(optional)]
    on_choose: Option<Callback<usize>>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let tooltip = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0_f64);
    let selected = selection.unwrap_or_else(|| RwSignal::new(None::<usize>));
    let hit = StoredValue::new(None::<HitMap>);
    let armed = StoredValue::new(false);
    let data_open = RwSignal::new(false);

    // Follow the container's width.
    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        width.set(el.client_width() as f64);
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                let w = entry.content_rect().width();
                if (w - width.get_untracked()).abs() >= 1.0 {
                    width.set(w);
                }
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        callback.forget();
    });

    // Draw whenever data, size, theme or selection change.
    Effect::new(move |_| {
        let (spec, theme, w, sel) = (spec.get(), theme.get(), width.get(), selected.get());
        let Some(c) = canvas.get() else { return };
        if w < 10.0 {
            return;
        }
        let first = !c.has_attribute("data-draws");
        if first {
            // Sized now, so the page's layout does not shift when the drawing lands.
            size(&c, &spec, w);
        }
        let draw = move || {
            if hit.is_disposed() {
                return;
            }
            let map = paint(&c, &spec, w, &theme, None, sel);
            let drawn = map.is_some();
            hit.set_value(map);
            if drawn {
                // `data-draws` counts paints, so tests can check that an input redraws only the
                // charts whose data changed; `data-ready` on <body> says every chart has drawn.
                let draws = c.get_attribute("data-draws").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0) + 1;
                let _ = c.set_attribute("data-draws", &draws.to_string());
                mark_ready_when_all_drawn();
            }
            place_tooltip(&tooltip, &hit, &spec, sel);
        };
        // A chart's first paint waits for a task of its own: drawing all of them in the task
        // that mounts the page blocked the main thread for a third of a second (Lighthouse).
        if first {
            set_timeout(draw, std::time::Duration::ZERO);
        } else {
            draw();
        }
    });

    let select = move |item: Option<usize>| {
        if selected.get_untracked() != item {
            selected.set(item);
        }
    };
    let on_pointer = move |ev: web_sys::PointerEvent| {
        let s = spec.get_untracked();
        let item = hit.with_value(|h| h.as_ref().and_then(|h| (s.pick)(h, ev.offset_x(), ev.offset_y())));
        select(item);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let s = spec.get_untracked();
        if s.items == 0 {
            return;
        }
        let last = s.items - 1;
        let current = selected.get_untracked();
        if ev.key() == "Enter" {
            if let (Some(choose), Some(i)) = (on_choose, current) {
                choose.run(i);
            }
            return;
        }
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(current.map(|i| (i + s.key_step).min(last)).unwrap_or(0)),
            "ArrowLeft" | "ArrowUp" => Some(current.map(|i| i.saturating_sub(s.key_step)).unwrap_or(last)),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => None,
            _ => return,
        };
        ev.prevent_default();
        select(next);
    };

    view! {
        <div class="chart" node_ref=container>
            <canvas
                node_ref=canvas
                role="img"
                tabindex="0"
                aria-label=label
                aria-describedby=summary_id
                on:pointermove=on_pointer
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    // A choice needs the item already selected: a mouse hovers first, so one
                    // click chooses; a finger's first tap shows the tooltip, the second chooses.
                    let before = selected.get_untracked();
                    on_pointer(ev);
                    armed.set_value(before.is_some() && before == selected.get_untracked());
                }
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    // A finger lifts with pointerup then pointerleave: keep what it touched
                    // on screen until the next touch; a mouse or pen leaving clears it.
                    if ev.pointer_type() != "touch" {
                        select(None)
                    }
                }
                on:keydown=on_key
                on:click=move |_| {
                    if let (Some(choose), Some(i), true) = (on_choose, selected.get_untracked(), armed.get_value()) {
                        choose.run(i);
                    }
                }
                on:blur=move |_| select(None)
            ></canvas>
            <div class="tooltip" node_ref=tooltip role="status" aria-live="polite" hidden=move || selected.get().is_none()>
                {move || {
                    let s = spec.get();
                    selected.get().map(|i| (s.describe)(i)).unwrap_or_default()
                }}
            </div>
            // The chart as text for readers who cannot see it: the items the arrow keys step
            // through, listed only while open (a daily line has thousands).
            <details class="chart-data" on:toggle=move |ev| data_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary>"The chart's data as text"</summary>
                {move || data_open.get().then(|| {
                    let s = spec.get();
                    view! { <ol>{(0..s.items).step_by(s.key_step.max(1)).map(|i| view! { <li>{(s.describe)(i)}</li> }).collect_view()}</ol> }
                })}
            </details>
        </div>
    }
}

/// Whether sections of the page are still to be built (src/app/story/sections.rs).
static PAGE_BUILDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says whether the page is still building sections; when it stops, the page may be ready.
pub fn set_page_building(building: bool) {
    PAGE_BUILDING.store(building, std::sync::atomic::Ordering::Relaxed);
    if !building {
        mark_ready_when_all_drawn();
    }
}

/// Sets `data-ready` on <body> once every section is built, no canvas is left undrawn and no
/// Monte Carlo run of the first load is still under way (its charts appear when it ends).
fn mark_ready_when_all_drawn() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if body.has_attribute("data-ready") || crate::app::monte_carlo::busy() || PAGE_BUILDING.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    if let Ok(None) = document.query_selector("canvas:not([data-draws])") {
        let _ = body.set_attribute("data-ready", "true");
    }
}

/// Positions the tooltip near its item through the CSSOM (allowed under `style-src 'self'`,
/// unlike a `style` attribute), keeping it inside the chart.
fn place_tooltip(tooltip: &NodeRef<html::Div>, hit: &StoredValue<Option<HitMap>>, spec: &ChartSpec, selected: Option<usize>) {
    let (Some(tip), Some(item)) = (tooltip.get_untracked(), selected) else { return };
    let Some((x, y)) = hit.with_value(|h| h.as_ref().and_then(|h| (spec.anchor)(h, item))) else { return };
    let style = web_sys::HtmlElement::style(&tip);
    let parent_width = tip.parent_element().map(|p| p.client_width()).unwrap_or(0);
    let left = (x + 12).min(parent_width - 220).max(0);
    let _ = style.set_property("left", &format!("{left}px"));
    let _ = style.set_property("top", &format!("{}px", (y - 44).max(0)));
}

/// The chart as an SVG document of `width` × its height (CSS pixels), titles drawn in; text is
/// measured with a detached canvas's 2D context, like on screen.
pub fn render_svg(spec: &ChartSpec, width: f64, theme: &Theme, titles: &Titles) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let scratch: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    let context: CanvasRenderingContext2d = scratch.get_context("2d").ok()??.dyn_into().ok()?;
    let size = (width as u32, (height_at(spec, width) + TITLE_SPACE) as u32);
    let mut out = String::new();
    {
        let backend = Target::Svg(plotters::prelude::SVGBackend::with_string(&mut out, size));
        let root = MeasuredBackend::new(backend, CanvasMeasure { context: Context2d::new(context) }).into_drawing_area();
        (spec.draw)(&root, theme, Some(titles), None)?;
        root.present().ok()?;
    }
    Some(out)
}

/// The chart as a PNG data URL at `width` CSS pixels and the screen's device pixel ratio,
/// titles drawn in.
pub fn render_png(spec: &ChartSpec, width: f64, theme: &Theme, titles: &Titles) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let scratch: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    let tall = ChartSpec { min_height: spec.min_height + TITLE_SPACE, max_height: spec.max_height + TITLE_SPACE, aspect: spec.aspect + TITLE_SPACE / width, ..spec.clone() };
    paint(&scratch, &tall, width, theme, Some(titles), None)?;
    scratch.to_data_url_with_type("image/png").ok()
}

/// Extra height a download gets for the title, subtitle and credit drawn into it
/// (`charts::frame` takes 52 px above the plot and 22 below).
const TITLE_SPACE: f64 = 74.0;
