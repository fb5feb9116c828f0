//! The financial model of docs/model.md: plain Rust, no web crate, tested on the host and run
//! unchanged in the browser.
//!
//! Where each part of the model (docs/model.md) lives:
//! - §1 mining economics (hashprice, subsidy, breakevens, machine value): [`mining`]
//! - §2 structure A, the ASIC-backed loan: [`loan`]
//! - §3.1-3.5 structure B, the convertible notes: [`convertible`]
//! - §3.6 structure C, senior secured notes, and the HPC build-out: [`secured`], [`hpc`]
//! - §4.1 inputs: [`assumptions`] (the type), [`fields`] (units, defaults, ranges) and
//!   [`validation`] (typed errors, sanitizing)
//! - §4.4 market paths: [`market`] on the grid of [`time`]; §4.9 Monte Carlo: [`montecarlo`]
//! - §4.5-4.8 the company, the run and its outputs: [`company`], [`simulate`], [`metrics`]
//! - the URL format: [`query`], older links' migrations [`migrate`]; presets and deal
//!   terms: [`presets`]
//! - exact money and its boundary with `f64`: [`money`]
//!
//! What the app calls:
//! - `query::parse_query(qs) -> (Assumptions, Vec<Notice>)` and `query::to_query(&a)`: the URL.
//! - `simulate::simulate(&a) -> Scenario`: the exact run (the central path under Monte Carlo)
//!   plus `scenario.monte_carlo: Option<MonteCarloSummary>` when `path=montecarlo`.
//! - `metrics::metrics(&scenario) -> Vec<Metric>`: the `data-metric` names and `data-value`s,
//!   identical to what the host `scenario` binary prints.
//! - Charts: `scenario.market` (hashprice, BTC, share price, machine value), `scenario.timeline`
//!   (calendar labels), `outcomes.{loan,convertible,secured}.series` (cash, debt, shares, fleet,
//!   inflow, outflow), `outcomes.loan.{collateral_value, loan_to_value, debt_service_coverage}`,
//!   `outcomes.loan_breakeven_hashprice`, `scenario.breakeven_power/cash`,
//!   `scenario.ownership_curve(max_price, points)`.
//! - `presets::scenario_presets()`, `presets::deal_preset(id)` (with `Preset::assumed`),
//!   `presets::loadable_deal_ids()`; on the host, `deal_terms::apply_deal(&current, deal)`.
//! - `fields::FIELDS`: every control's query name, unit, default, range and doc line.

pub mod assumptions;
pub mod company;
pub mod end_state;
pub mod convertible;
pub mod corrections;
pub mod costs;
pub mod fields;
pub mod hpc;
pub mod loan;
pub mod machines;
pub mod market;
pub mod metrics;
pub mod migrate;
pub mod mining;
pub mod number;
pub mod money;
pub mod month;
pub mod montecarlo;
pub mod presets;
#[cfg(not(target_arch = "wasm32"))]
pub mod deal_terms;
pub mod query;
pub mod random;
pub mod rates;
pub mod secured;
pub mod simulate;
pub mod terms;
pub mod time;
pub mod validation;
