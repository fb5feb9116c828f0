//! Presets: the story's scenarios and every deal in the dataset. A deal with terms loads them
//! as the core's presets define (start month and replay from the closing month, principal,
//! coupon, premium, reference price, maturity, cap); terms the dataset lacks are listed as
//! "assumed"; rows without terms say so instead of loading anything.

use super::state::use_calculator;
use crate::data::deals::deals;
use crate::model::presets::{deal_preset, scenario_preset, scenario_presets, DealPresetError};
use leptos::prelude::*;

#[component]
pub fn PresetPicker() -> impl IntoView {
    let state = use_calculator();
    let message = RwSignal::new(None::<String>);
    let choose = move |value: String| {
        message.set(None);
        if value.is_empty() {
            return;
        }
        if let Some(id) = value.strip_prefix("scenario:") {
            if let Some(p) = scenario_preset(id) {
                state.load(&p);
            }
            return;
        }
        let id = value.strip_prefix("deal:").unwrap_or(&value);
        match deal_preset(id) {
            Ok(p) => state.load(&p),
            Err(DealPresetError::NoTermsToLoad(reason)) => message.set(Some(format!("{id}: no terms to load ({reason})."))),
            Err(DealPresetError::UnknownDeal) => message.set(Some(format!("{id} is not in the dataset."))),
        }
    };
    view! {
        <div class="presets">
            <label for="preset-select">"Load a scenario or a real deal "</label>
            <select id="preset-select" on:change=move |ev| choose(event_target_value(&ev))>
                <option value="">"Choose…"</option>
                <optgroup label="Scenarios">
                    {scenario_presets().into_iter().map(|p| view! { <option value=format!("scenario:{}", p.id)>{p.title}</option> }).collect_view()}
                </optgroup>
                <optgroup label="Deals in the dataset">
                    {deals().iter().filter(|d| !d.reference_only).map(|d| {
                        let amount = d.principal_usd.map(|p| crate::narrative::format::dollars(rust_decimal::prelude::ToPrimitive::to_f64(&p).unwrap_or(0.0))).unwrap_or_else(|| "amount unknown".into());
                        view! { <option value=format!("deal:{}", d.id)>{format!("{} · {} {}", d.id, amount, d.instrument_family.label().to_ascii_lowercase())}</option> }
                    }).collect_view()}
                </optgroup>
            </select>
            <button type="button" class="reset" on:click=move |_| { message.set(None); state.reset_all() }>"Reset everything"</button>
            <p class="preset-message" role="status">{move || message.get().unwrap_or_default()}</p>
            {move || state.preset.get().map(|p| view! {
                <div class="preset-banner">
                    <p><strong>{p.title.clone()}</strong>": "{p.description.clone()}</p>
                    {p.source_url.clone().map(|url| view! {
                        <p>"Source: "<a href=url rel="noopener noreferrer" target="_blank">{p.source_title.clone().unwrap_or_else(|| "the deal's announcement".into())}</a></p>
                    })}
                    {(!p.assumed.is_empty()).then(|| view! {
                        <p class="assumed">"Assumed, not from the dataset: "{p.assumed.iter().map(|n| crate::narrative::format::assumed_term(n)).collect::<Vec<_>>().join("; ")}"."</p>
                    })}
                </div>
            })}
        </div>
    }
}
