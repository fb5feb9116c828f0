//! The calculator's charts: the charts of its scenario (see [`crate::app::scenario_charts`]).

use super::state::use_calculator;
use crate::app::scenario_charts::{CashChart, LoanChart, MonteCarloCharts, OwnershipChart, PathChart};
use crate::charts::theme::Theme;
use leptos::prelude::*;

#[component]
pub fn CalculatorCharts(#[prop(into)] theme: Signal<Theme>) -> impl IntoView {
    let scenario = use_calculator().scenario;
    view! {
        <div class="calc-charts">
            <PathChart scenario=scenario id="calc-path" theme=theme/>
            <LoanChart scenario=scenario id="calc-loan" theme=theme/>
            <OwnershipChart scenario=scenario id="calc-ownership" theme=theme/>
            <CashChart scenario=scenario id="calc-cash" theme=theme/>
            <MonteCarloCharts scenario=scenario id="calc-mc" theme=theme/>
        </div>
    }
}
