//! The calculator's controls, generated from the core's field table
//! ([`crate::model::fields::FIELDS`]): label and unit, a slider, and a number field that
//! accepts typed values with a clear message when one is not usable. Sliders over ranges
//! spanning decades (principal, cash, shares) move on a log scale.

use super::state::use_calculator;
use crate::narrative::format::{parse_typed, plain_number as show_number};
use crate::model::fields::{field, FieldKind, FieldSpec};
use leptos::prelude::*;

/// Slider positions for log-scale fields.
const LOG_STEPS: f64 = 1000.0;

/// Fields whose range spans decades move on a log scale: from `min` when it is positive, or
/// from a hundred-thousandth of `max` (with the slider's first position meaning 0) when the
/// range starts at 0, like cash.
fn is_log(spec: &FieldSpec) -> bool {
    (spec.min > 0.0 && spec.max / spec.min >= 1000.0) || (spec.min == 0.0 && spec.max >= 1e6)
}

fn log_bounds(spec: &FieldSpec) -> (f64, f64) {
    let hi = spec.to_query_number(spec.max);
    let lo = if spec.min > 0.0 { spec.to_query_number(spec.min) } else { hi * 1e-5 };
    (lo.ln(), hi.ln())
}

/// A step that lands on round numbers for the field's range, in on-screen units.
fn step(spec: &FieldSpec) -> f64 {
    match spec.kind {
        FieldKind::Integer | FieldKind::Flag => 1.0,
        FieldKind::MonthsAsYears => 1.0 / 12.0,
        FieldKind::Real => {
            let span = spec.max - spec.min;
            let raw = span / 400.0;
            let magnitude = 10f64.powf(raw.log10().floor());
            [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(magnitude * 10.0)
        }
    }
}

fn to_slider(spec: &FieldSpec, shown: f64) -> f64 {
    if is_log(spec) {
        let (lo, hi) = log_bounds(spec);
        if shown <= 0.0 {
            return 0.0;
        }
        ((shown.ln() - lo) / (hi - lo) * LOG_STEPS).round().clamp(0.0, LOG_STEPS)
    } else {
        shown
    }
}

fn from_slider(spec: &FieldSpec, position: f64) -> f64 {
    if is_log(spec) {
        if position <= 0.0 && spec.min == 0.0 {
            return 0.0;
        }
        let (lo, hi) = log_bounds(spec);
        let v = (lo + position / LOG_STEPS * (hi - lo)).exp();
        // Three significant figures, so the URL and the number field stay readable.
        let magnitude = 10f64.powf(v.log10().floor() - 2.0);
        (v / magnitude).round() * magnitude
    } else {
        position
    }
}

/// One numeric assumption: label, unit, slider and number field.
#[component]
pub fn NumberControl(
    /// The field's query name in the core's table (e.g. `premium`).
    name: &'static str,
    /// The label shown; the unit follows it.
    label: &'static str,
    /// Disables the control, with the reason shown under it.
    #[prop(optional, into)]
    disabled: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let state = use_calculator();
    // Names are literals checked by the calculator's tests; an unknown one renders nothing.
    let spec = field(name)?;
    let id = format!("control-{name}");
    let hint_id = format!("{id}-hint");
    let shown = Memo::new(move |_| spec.to_query_number((spec.get)(&state.assumptions.get())));
    let message = RwSignal::new(None::<String>);
    let is_disabled = move || disabled.map(|d| d.get().is_some()).unwrap_or(false);
    let (lo, hi) = (spec.to_query_number(spec.min), spec.to_query_number(spec.max));
    let (slider_min, slider_max, slider_step) =
        if is_log(spec) { (0.0, LOG_STEPS, 1.0) } else { (lo, hi, step(spec)) };
    let commit_typed = move |text: String| match parse_typed(&text) {
        None => message.set(Some(format!("“{text}” is not a number. Enter a value from {} to {}.", show_number(lo), show_number(hi)))),
        Some(v) => {
            let used = spec.clamp(spec.from_query_number(v)).map(|s| spec.to_query_number(s)).unwrap_or(v);
            message.set((used != v).then(|| format!("{} is outside {} to {}; using {}.", show_number(v), show_number(lo), show_number(hi), show_number(used))));
            state.set_field(spec, v);
        }
    };
    Some(view! {
        <div class="control" class:disabled=is_disabled>
            <label for=id.clone()>{label}" "<span class="unit">{format!("({})", spec.unit)}</span></label>
            <div class="control-inputs">
                <input
                    type="range"
                    aria-label=format!("{label}, slider")
                    aria-describedby=hint_id.clone()
                    min=show_number(slider_min)
                    max=show_number(slider_max)
                    step=show_number(slider_step)
                    prop:value=move || show_number(to_slider(spec, shown.get()))
                    disabled=is_disabled
                    on:input=move |ev| {
                        if let Some(position) = parse_typed(&event_target_value(&ev)) {
                            message.set(None);
                            state.set_field(spec, from_slider(spec, position));
                        }
                    }
                />
                <input
                    type="text"
                    inputmode="decimal"
                    id=id
                    class="number"
                    aria-describedby=hint_id.clone()
                    aria-invalid=move || if message.get().is_some() { "true" } else { "false" }
                    prop:value=move || show_number(shown.get())
                    disabled=is_disabled
                    on:change=move |ev| commit_typed(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        let direction = match ev.key().as_str() { "ArrowUp" => 1.0, "ArrowDown" => -1.0, _ => return };
                        ev.prevent_default();
                        let next = shown.get_untracked() + direction * step(spec) * if ev.shift_key() { 10.0 } else { 1.0 };
                        message.set(None);
                        state.set_field(spec, next);
                    }
                />
            </div>
            <p class="control-hint" id=hint_id>
                {move || disabled.and_then(|d| d.get()).or_else(|| message.get()).unwrap_or_default()}
            </p>
        </div>
    })
}

/// A 0/1 assumption as a checkbox.
#[component]
pub fn FlagControl(name: &'static str, label: &'static str) -> impl IntoView {
    let state = use_calculator();
    let spec = field(name)?;
    let id = format!("control-{name}");
    Some(view! {
        <div class="control control-flag">
            <input type="checkbox" id=id.clone()
                prop:checked=move || { (spec.get)(&state.assumptions.get()) >= 0.5 }
                on:change=move |ev| { state.set_field(spec, if event_target_checked(&ev) { 1.0 } else { 0.0 }) }
            />
            <label for=id>{label}</label>
        </div>
    })
}

/// An assumption where 0 means "off" (the covenant, the capped call): a checkbox and, when
/// on, its level.
#[component]
pub fn OptionalControl(name: &'static str, toggle_label: &'static str, label: &'static str) -> impl IntoView {
    let state = use_calculator();
    let spec = field(name)?;
    let id = format!("control-{name}-on");
    let on = Memo::new(move |_| (spec.get)(&state.assumptions.get()) != 0.0);
    Some(view! {
        <div class="control-group-optional">
            <div class="control control-flag">
                <input type="checkbox" id=id.clone() prop:checked=move || on.get()
                    on:change=move |ev| {
                        state.set_field(spec, if event_target_checked(&ev) { spec.to_query_number(spec.default.max(spec.min)) } else { 0.0 })
                    }
                />
                <label for=id>{toggle_label}</label>
            </div>
            {move || on.get().then(|| view! { <NumberControl name=name label=label/> })}
        </div>
    })
}

/// A group of controls with its own reset: `fields` are the query names the reset puts back
/// to their defaults. A plain generic function rather than a component with `Children`, so
/// each group's content is not type-erased (smaller bundle).
pub fn control_group(title: &'static str, fields: &'static [&'static str], content: impl IntoView) -> impl IntoView {
    let state = use_calculator();
    let specs: Vec<&'static FieldSpec> = fields.iter().filter_map(|n| field(n)).collect();
    // Open on wide screens; folded on phones, where the outcomes would otherwise sit three
    // screens below the first control.
    let wide = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).map(|w| w >= 768.0).unwrap_or(true);
    view! {
        <details class="control-group" open=wide>
            <summary>{title}</summary>
            <fieldset>
                <legend class="visually-hidden">{title}</legend>
                {content}
                <button type="button" class="reset" on:click=move |_| state.reset(&specs)>{format!("Reset {}", title.to_ascii_lowercase())}</button>
            </fieldset>
        </details>
    }
}

