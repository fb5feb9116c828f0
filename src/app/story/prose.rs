//! A section's prose: its HTML fragment, with the computed elements filled from the section's
//! values, the inline numbers made adjustable (drag, or focus and arrow keys), and glossary
//! terms given their definitions (pointer, touch and keyboard).

use super::local::LocalScenario;
use crate::app::dom::all;
use crate::model::fields::field;
use crate::story::facts::fact;
use crate::story::glossary::definition;
use crate::story::values::{input_text, lookup, step_input};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, PointerEvent};

fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(el: &Element, event: &str, f: impl FnMut(E) + 'static) {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    let _ = el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Prose with its numbers bound to a local scenario (or, with `local` absent, to the dataset).
#[component]
pub fn Prose(html: &'static str, #[prop(optional)] local: Option<LocalScenario>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let set_up = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(root) = node.get() else { return };
        if !set_up.get_value() {
            set_up.set_value(true);
            attach_terms(&root);
            if let Some(local) = local {
                attach_inputs(&root, local);
            }
        }
        let values = local.map(|l| l.values.get());
        for el in all(&root, "[data-out]") {
            let name = el.get_attribute("data-out").unwrap_or_default();
            let text = values.as_ref().and_then(|v| lookup(v, &name)).or_else(|| fact(&name)).unwrap_or("—");
            if el.text_content().as_deref() != Some(text) {
                el.set_text_content(Some(text));
            }
        }
        if let Some(local) = local {
            let a = local.assumptions.get();
            for el in all(&root, "[data-in]") {
                let name = el.get_attribute("data-in").unwrap_or_default();
                let Some(spec) = field(&name) else { continue };
                let text = input_text(&name, &a);
                if el.text_content().as_deref() != Some(text.as_str()) {
                    el.set_text_content(Some(&text));
                }
                let _ = el.set_attribute("aria-valuenow", &spec.to_query_number((spec.get)(&a)).to_string());
                let _ = el.set_attribute("aria-valuetext", &text);
            }
        }
    });
    view! { <div class="prose" inner_html=html node_ref=node></div> }
}

/// Makes each `data-in` element a spinbutton on its field: arrows and Page keys step it, Home
/// and End go to the range's ends, and a horizontal drag moves it a step per few pixels.
fn attach_inputs(root: &Element, local: LocalScenario) {
    for el in all(root, "[data-in]") {
        let name = el.get_attribute("data-in").unwrap_or_default();
        let Some(spec) = field(&name) else { continue };
        let step = el.get_attribute("data-step").and_then(|s| crate::model::number::parse_number(&s)).filter(|s| *s > 0.0).unwrap_or(1.0);
        let _ = el.set_attribute("role", "spinbutton");
        let _ = el.set_attribute("tabindex", "0");
        let _ = el.set_attribute("aria-valuemin", &spec.to_query_number(spec.min).to_string());
        let _ = el.set_attribute("aria-valuemax", &spec.to_query_number(spec.max).to_string());
        let _ = el.set_attribute("title", "Drag sideways, or focus and use the arrow keys");
        let _ = el.class_list().add_1("inline-input");
        let nudge = move |steps: f64| {
            local.assumptions.update(|a| {
                (spec.set)(a, step_input(spec, (spec.get)(a), steps, step));
                a.enforce_cross_field(&mut Vec::new());
            });
        };
        listen(&el, "keydown", move |ev: KeyboardEvent| {
            let steps = match ev.key().as_str() {
                "ArrowUp" | "ArrowRight" => 1.0,
                "ArrowDown" | "ArrowLeft" => -1.0,
                "PageUp" => 10.0,
                "PageDown" => -10.0,
                "Home" => -1e9,
                "End" => 1e9,
                _ => return,
            };
            ev.prevent_default();
            nudge(steps);
        });
        // A drag: the value at pointer-down plus a step per 8 px of horizontal travel.
        // A plain cell, not a reactive value: this runs inside an effect whose owned values are
        // disposed when it re-runs.
        let origin = std::rc::Rc::new(std::cell::Cell::new(None::<(i32, f64)>));
        let (down, moving) = (origin.clone(), origin.clone());
        let target = el.clone();
        listen(&el, "pointerdown", move |ev: PointerEvent| {
            let _ = target.set_pointer_capture(ev.pointer_id());
            let stored = local.assumptions.with_untracked(|a| (spec.get)(a));
            down.set(Some((ev.client_x(), stored)));
            ev.prevent_default();
        });
        listen(&el, "pointermove", move |ev: PointerEvent| {
            let Some((x0, stored)) = moving.get() else { return };
            let steps = ((ev.client_x() - x0) as f64 / 8.0).trunc();
            let next = step_input(spec, stored, steps, step);
            if local.assumptions.with_untracked(|a| (spec.get)(a)) != next {
                local.assumptions.update(|a| {
                    (spec.set)(a, next);
                    a.enforce_cross_field(&mut Vec::new());
                });
            }
        });
        for end in ["pointerup", "pointercancel"] {
            let origin = origin.clone();
            listen(&el, end, move |_: PointerEvent| origin.set(None));
        }
    }
}

/// Gives each `data-term` element its definition as a tooltip shown on hover, focus or tap,
/// and described to screen readers; Escape hides it.
fn attach_terms(root: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    for el in all(root, "[data-term]") {
        let id = el.get_attribute("data-term").unwrap_or_default();
        let Some(text) = definition(&id) else { continue };
        let Ok(tip) = document.create_element("span") else { continue };
        let tip_id = format!("tip-{id}-{}", crate::app::story::next_id());
        tip.set_id(&tip_id);
        tip.set_class_name("term-tip");
        let _ = tip.set_attribute("role", "tooltip");
        tip.set_text_content(Some(text));
        let _ = el.after_with_node_1(&tip);
        let _ = el.set_attribute("tabindex", "0");
        let _ = el.set_attribute("aria-describedby", &tip_id);
        let _ = el.class_list().add_1("term");
        let target = el.clone();
        listen(&el, "keydown", move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                if let Some(e) = target.dyn_ref::<HtmlElement>() {
                    let _ = e.blur();
                }
            }
        });
    }
}
