//! The calculator (issue 5): readers change the assumptions and watch both failure modes —
//! repossession under the loan, dilution under the convertible — move in the cards and charts.
//! It owns the page's scenario (see [`state`]).

pub(crate) mod controls;
pub(crate) mod figures;
mod outputs;
mod presets;
pub mod state;

use crate::charts::theme::Theme;
use crate::model::assumptions::{PathKind, Settlement, WallPolicy};
use controls::{control_group, FlagControl, NumberControl, OptionalControl};
use figures::CalculatorCharts;
use leptos::prelude::*;
use outputs::OutcomeCards;
use presets::PresetPicker;
use state::{use_calculator, CalculatorState};

/// Provides the calculator's state to everything inside it; `sync_url` keeps the address bar
/// in step with it (the full page; an embed keeps its pinned address).
pub fn provide_calculator(sync_url: bool) -> CalculatorState {
    let state = CalculatorState::from_url(sync_url);
    provide_context(state);
    state
}

fn path_label(p: PathKind) -> &'static str {
    match p {
        PathKind::Flat => "Flat: today's prices held",
        PathKind::Trend => "Trend: network grows, BTC drifts",
        PathKind::Replay => "Replay history from a month",
        PathKind::MonteCarlo => "Monte Carlo: many random futures",
    }
}

fn settlement_label(s: Settlement) -> &'static str {
    match s {
        Settlement::Physical => "Physical: all shares",
        Settlement::NetShare => "Net share: cash for principal, shares for the rest",
        Settlement::Cash => "Cash",
    }
}

#[component]
pub(crate) fn Notices() -> impl IntoView {
    let state = use_calculator();
    view! {
        {move || state.notices.with(|n| !n.is_empty()).then(|| view! {
            <div class="notices" role="alert">
                <p>"Some values in the link could not be used as given:"</p>
                <ul>{move || state.notices.get().into_iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

#[component]
fn MarketControls() -> impl IntoView {
    let state = use_calculator();
    let replay_note = Signal::derive(move || {
        (state.assumptions.with(|a| a.path) == PathKind::Replay).then(|| "History sets the hashprice in a replay.".to_string())
    });
    let start_value = move || state.assumptions.with(|a| a.start.to_string());
    // A memo, so the Monte Carlo controls are built when the path changes, not on every input.
    let monte_carlo = Memo::new(move |_| state.assumptions.with(|a| a.path == PathKind::MonteCarlo));
    view! {
        {control_group("Market", &["hashprice", "halving", "network_growth", "btc_drift", "btc_vol", "paths"], view! {
            <div class="control">
                <label for="control-path">"Hashprice path"</label>
                <select id="control-path" on:change=move |ev| {
                    if let Some(p) = PathKind::from_query(&event_target_value(&ev)) { state.change(|a| a.path = p) }
                }>
                    {PathKind::ALL.into_iter().map(|p| view! {
                        <option value=p.as_query() selected=move || state.assumptions.with(|a| a.path == p)>{path_label(p)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="control">
                <label for="control-start">"Start month "<span class="unit">"(closing is the month before)"</span></label>
                <input type="month" id="control-start" min="2021-01" max="2035-12" prop:value=start_value
                    on:change=move |ev| {
                        if let Some(m) = crate::data::calendar::YearMonth::parse(&event_target_value(&ev)) {
                            let m = m.clamp(crate::model::assumptions::EARLIEST_START, crate::model::assumptions::LATEST_START);
                            state.change(|a| a.start = m)
                        }
                    }/>
            </div>
            <NumberControl name="hashprice" label="Hashprice at closing" disabled=replay_note/>
            <FlagControl name="halving" label="Subsidy halves in April 2028"/>
            <NumberControl name="network_growth" label="Network hashrate growth"/>
            <NumberControl name="btc_drift" label="BTC price drift"/>
            <NumberControl name="btc_vol" label="BTC volatility"/>
            {move || monte_carlo.get().then(|| view! {
                <NumberControl name="paths" label="Monte Carlo paths"/>
                <div class="control">
                    <label for="control-seed">"Random seed"</label>
                    <input type="text" inputmode="numeric" id="control-seed" class="number"
                        prop:value=move || state.assumptions.with(|a| a.seed.to_string())
                        on:change=move |ev| {
                            if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() { state.change(|a| a.seed = seed) }
                        }/>
                </div>
            })}
        })}
    }
}

#[component]
fn MinerControls() -> impl IntoView {
    let state = use_calculator();
    view! {
        {control_group("The miner", &["fleet", "efficiency", "machine_life", "power", "cash", "shares", "share_price", "beta", "hpc_share", "lease"], view! {
            <NumberControl name="fleet" label="Fleet"/>
            <NumberControl name="efficiency" label="Efficiency"/>
            <NumberControl name="machine_life" label="Machines' remaining life"/>
            <NumberControl name="power" label="Power price"/>
            <NumberControl name="cash" label="Cash"/>
            <NumberControl name="shares" label="Shares outstanding"/>
            <NumberControl name="share_price" label="Share price (the convertible's reference)"/>
            <p class="control-note">{move || state.scenario.with(|s| crate::narrative::outcomes::market_value_note(s))}</p>
            <NumberControl name="beta" label="Share price elasticity to BTC"/>
            <NumberControl name="hpc_share" label="Share of proceeds to AI/HPC"/>
            <NumberControl name="lease" label="AI/HPC lease rate"/>
        })}
    }
}

#[component]
fn FinancingControls() -> impl IntoView {
    let state = use_calculator();
    view! {
        {control_group("The money raised", &["principal", "loan_coupon", "loan_term", "ltv", "ltv_max", "recourse", "support", "coupon", "premium", "maturity", "cap", "refi_max", "rescue_limit", "secured_coupon"], view! {
            <NumberControl name="principal" label="Amount raised (every structure)"/>
            <h3>"Loan"</h3>
            <NumberControl name="loan_coupon" label="Loan interest rate"/>
            <NumberControl name="loan_term" label="Loan term"/>
            <NumberControl name="ltv" label="Loan-to-value at closing"/>
            <OptionalControl name="ltv_max" toggle_label="Loan-to-value covenant" label="Covenant level"/>
            <FlagControl name="recourse" label="Recourse: the lender can claim a shortfall from the company"/>
            <FlagControl name="support" label="Without recourse, the company pays the loan's shortfalls while its machines cover the loan"/>
            <h3>"Convertible"</h3>
            <NumberControl name="coupon" label="Coupon"/>
            <NumberControl name="premium" label="Conversion premium"/>
            <NumberControl name="maturity" label="Maturity"/>
            <OptionalControl name="cap" toggle_label="Capped call" label="Cap above the share price"/>
            <div class="control">
                <label for="control-settlement">"Settlement"</label>
                <select id="control-settlement" on:change=move |ev| {
                    if let Some(s) = Settlement::from_query(&event_target_value(&ev)) { state.change(|a| a.settlement = s) }
                }>
                    {Settlement::ALL.into_iter().map(|s| view! {
                        <option value=s.as_query() selected=move || state.assumptions.with(|a| a.settlement == s)>{settlement_label(s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="control">
                <label for="control-wall">"If cash cannot repay principal"</label>
                <select id="control-wall" on:change=move |ev| {
                    if let Some(w) = WallPolicy::from_query(&event_target_value(&ev)) { state.change(|a| a.wall_policy = w) }
                }>
                    <option value="equity" selected=move || state.assumptions.with(|a| a.wall_policy == WallPolicy::Equity)>"Sell new shares at a discount"</option>
                    <option value="default" selected=move || state.assumptions.with(|a| a.wall_policy == WallPolicy::Default)>"Default on the notes"</option>
                </select>
            </div>
            <OptionalControl name="refi_max" toggle_label="Refinance a wall with new notes" label="New notes, at most (share of market value)"/>
            <OptionalControl name="rescue_limit" toggle_label="Limit the new shares sold in a month" label="New shares a month, at most (share of shares outstanding)"/>
            <h3>"Senior secured notes"</h3>
            <NumberControl name="secured_coupon" label="Secured notes' coupon"/>
        })}
    }
}

/// The whole calculator: presets, controls, outcomes and charts. With `charts_later`, the
/// charts are left out for the caller to build into `.outcomes` in a task of its own (the
/// story's staged build, issue 8: the calculator with its charts was the page's longest task).
#[component]
pub fn Calculator(#[prop(into)] theme: Signal<Theme>, #[prop(optional)] charts_later: bool) -> impl IntoView {
    view! {
        <div class="calculator" id="calculator">
            <PresetPicker/>
            <Notices/>
            <crate::app::sharing::ShareLink/>
            <div class="calculator-layout">
                <form class="controls" on:submit=|ev| ev.prevent_default()>
                    <MarketControls/>
                    <MinerControls/>
                    <FinancingControls/>
                </form>
                <div class="outcomes">
                    <OutcomeCards/>
                    {(!charts_later).then(|| view! { <CalculatorCharts theme=theme/> })}
                </div>
            </div>
        </div>
    }
}
