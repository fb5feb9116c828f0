//! The one `Assumptions` type: every input of the model, in the units the calculator shows
//! and the URL carries (percent, $/MWh, months), with validation that names the field.
//!
//! Numeric fields are described — unit, default and its source, range, doc line — in
//! [`super::fields::FIELDS`]; the few non-numeric ones (path, start month, settlement, wall
//! policy, seed, deal) are documented here. [`Assumptions::default`] is the field table's
//! defaults, starting in December 2025 on the trend path (docs/model.md, "Inputs").
//!
//! Validation lives in [`super::validation`]: [`Assumptions::validate`] reports every problem
//! as a typed [`AssumptionError`], and [`Assumptions::sanitized`] turns any value (NaN,
//! infinities, 1e308, negatives) into a runnable scenario, which is what the simulation runs.

use super::fields::{FieldSpec, FIELDS};
pub use super::validation::{AssumptionError, Fix, FixReason};
use crate::data::calendar::YearMonth;

/// The market path the structures run on (docs/model.md, "Market paths").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PathKind {
    /// BTC price and network hashrate held at their closing values (the halving still applies).
    Flat,
    /// BTC drift μ and network growth g, no noise: also Monte Carlo's "central path".
    Trend,
    /// History from the embedded daily data from `start`, then the trend after Nov 2025.
    Replay,
    /// Correlated geometric Brownian motion, `paths` paths from `seed`.
    MonteCarlo,
}

impl PathKind {
    pub const ALL: [PathKind; 4] = [PathKind::Flat, PathKind::Trend, PathKind::Replay, PathKind::MonteCarlo];
    /// The query value (`path=replay`).
    pub fn as_query(self) -> &'static str {
        match self {
            PathKind::Flat => "flat",
            PathKind::Trend => "trend",
            PathKind::Replay => "replay",
            PathKind::MonteCarlo => "montecarlo",
        }
    }
    pub fn from_query(text: &str) -> Option<PathKind> {
        PathKind::ALL.into_iter().find(|p| p.as_query() == text)
    }
}

/// How converted notes are settled (docs/model.md, "Structure B: convertible notes").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Settlement {
    /// All shares: N_conv new shares, no cash.
    Physical,
    /// Cash for the principal, shares for the excess.
    NetShare,
    /// All cash: N_conv × S.
    Cash,
}

impl Settlement {
    pub const ALL: [Settlement; 3] = [Settlement::Physical, Settlement::NetShare, Settlement::Cash];
    pub fn as_query(self) -> &'static str {
        match self {
            Settlement::Physical => "physical",
            Settlement::NetShare => "net_share",
            Settlement::Cash => "cash",
        }
    }
    pub fn from_query(text: &str) -> Option<Settlement> {
        Settlement::ALL.into_iter().find(|s| s.as_query() == text)
    }
}

/// What happens when principal falls due and cash cannot repay it (docs/model.md, "Structure B: convertible notes"): the
/// convertible's wall, and the secured notes' balloon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WallPolicy {
    /// Sell rescue equity at a discount to fill the wall.
    Equity,
    /// Default on the notes: pay what cash there is, the rest stays unpaid.
    Default,
}

impl WallPolicy {
    pub const ALL: [WallPolicy; 2] = [WallPolicy::Equity, WallPolicy::Default];
    pub fn as_query(self) -> &'static str {
        match self {
            WallPolicy::Equity => "equity",
            WallPolicy::Default => "default",
        }
    }
    pub fn from_query(text: &str) -> Option<WallPolicy> {
        WallPolicy::ALL.into_iter().find(|w| w.as_query() == text)
    }
}

/// Default start: the first month after the data ends, so no run replays a month it also projects.
pub const DEFAULT_START: YearMonth = YearMonth { year: 2025, month: 12 };
/// Earliest start month: the first month of the embedded data.
pub const EARLIEST_START: YearMonth = YearMonth { year: 2021, month: 1 };
/// Latest start month accepted.
pub const LATEST_START: YearMonth = YearMonth { year: 2035, month: 12 };
/// The longest run: `horizon`'s maximum in [`FIELDS`].
pub const MAX_HORIZON_MONTHS: u32 = 240;
/// The most Monte Carlo paths: `paths`' maximum in [`FIELDS`].
pub const MAX_MONTE_CARLO_PATHS: u32 = 20_000;
/// Default Monte Carlo seed (docs/model.md, "Inputs").
pub const DEFAULT_SEED: u64 = 42;

/// Every input of the model. Numeric fields are documented, with unit, default, range and
/// source, in [`FIELDS`]; the doc lines below repeat the unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions {
    // Market.
    /// $/PH/s/day at closing (`hashprice`).
    pub hashprice_usd_per_ph_day: f64,
    /// `path`.
    pub path: PathKind,
    /// Calendar month of t = 1 (`start`, `YYYY-MM`); t = 0 is closing.
    pub start: YearMonth,
    /// Months simulated, 0 = auto (`horizon`).
    pub horizon_months: u32,
    /// Subsidy halvings on (`halving`).
    pub halving: bool,
    pub btc_price_usd: f64,
    pub network_hashrate_eh_s: f64,
    /// Effective annual rates, in percent: x% a year is ×(1 + x) after twelve months (the mean,
    /// on a Monte Carlo path). [`super::market::Drivers`] turns them into log rates.
    pub btc_drift_pct: f64,
    pub btc_volatility_pct: f64,
    pub network_growth_pct: f64,
    pub network_volatility_pct: f64,
    pub shock_correlation: f64,
    pub fee_btc_per_block: f64,
    pub hashprice_floor_usd_per_ph_day: f64,
    pub monte_carlo_paths: u32,
    /// Monte Carlo seed (`seed`), any u64.
    pub seed: u64,
    pub days_per_month: f64,
    // The miner.
    pub fleet_ph_s: f64,
    pub efficiency_j_per_th: f64,
    pub power_usd_per_mwh: f64,
    pub other_opex_usd_per_ph_day: f64,
    pub overhead_usd_per_month: f64,
    pub uptime_pct: f64,
    pub curtail: bool,
    /// 0 = never sell idle machines.
    pub sell_after_months: u32,
    pub cash_usd: f64,
    pub shares_outstanding: f64,
    pub share_price_usd: f64,
    pub share_beta: f64,
    pub hpc_weight_pct: f64,
    pub machine_value_days: f64,
    pub machine_value_elasticity: f64,
    pub machine_life_months: u32,
    pub value_discount_pct: f64,
    pub scrap_usd_per_th: f64,
    pub th_per_machine: f64,
    pub rescue_discount_pct: f64,
    pub crash_discount_pct: f64,
    /// 0 = no limit.
    pub rescue_limit_pct: f64,
    // Proceeds and HPC.
    pub principal_usd: f64,
    pub hpc_share_pct: f64,
    pub proceeds_cash_pct: f64,
    pub capex_usd_per_mw: f64,
    pub lease_usd_per_mw_year: f64,
    pub hpc_noi_margin_pct: f64,
    pub build_months: u32,
    pub ramp_months: u32,
    pub lease_term_months: u32,
    // Structure A.
    pub loan_coupon_pct: f64,
    pub loan_term_months: u32,
    pub loan_interest_only_months: u32,
    pub loan_to_value_pct: f64,
    /// 0 = no covenant.
    pub loan_to_value_covenant_pct: f64,
    pub recourse: bool,
    pub parent_support: bool,
    pub spv_reserve_usd: f64,
    pub liquidation_haircut_pct: f64,
    pub loan_fee_pct: f64,
    // Structure B.
    pub coupon_pct: f64,
    pub maturity_months: u32,
    pub premium_pct: f64,
    /// 0 = no capped call.
    pub cap_pct: f64,
    pub capped_call_cost_pct: f64,
    pub issue_cost_pct: f64,
    /// `settlement`.
    pub settlement: Settlement,
    /// 0 = no put.
    pub put_month: u32,
    /// 0 = no issuer call.
    pub call_start_month: u32,
    pub call_trigger_pct: f64,
    /// `wall`: the convertible's wall and the secured notes' balloon.
    pub wall_policy: WallPolicy,
    pub risk_free_pct: f64,
    /// 0 = no refinancing.
    pub refinance_max_pct: f64,
    pub refinancing_coupon_pct: f64,
    // Structure C.
    pub secured_coupon_pct: f64,
    pub secured_term_months: u32,
    pub secured_amortization_pct: f64,
    pub secured_reserve_months: u32,
    pub secured_cost_pct: f64,
    /// The dataset deal whose terms were loaded (`deal`), if any.
    pub deal: Option<String>,
}

impl Default for Assumptions {
    /// the defaults of docs/model.md, "Inputs" (from [`FIELDS`]), start 2025-12, trend path, physical
    /// settlement, rescue equity at the wall.
    fn default() -> Self {
        let mut a = Assumptions::zeroed();
        for f in FIELDS {
            (f.set)(&mut a, f.default);
        }
        a
    }
}

impl Assumptions {
    /// Every numeric field at zero; only [`Default`] should build on it.
    fn zeroed() -> Self {
        Assumptions {
            hashprice_usd_per_ph_day: 0.0,
            path: PathKind::Trend,
            start: DEFAULT_START,
            horizon_months: 0,
            halving: false,
            btc_price_usd: 0.0,
            network_hashrate_eh_s: 0.0,
            btc_drift_pct: 0.0,
            btc_volatility_pct: 0.0,
            network_growth_pct: 0.0,
            network_volatility_pct: 0.0,
            shock_correlation: 0.0,
            fee_btc_per_block: 0.0,
            hashprice_floor_usd_per_ph_day: 0.0,
            monte_carlo_paths: 0,
            seed: DEFAULT_SEED,
            days_per_month: 0.0,
            fleet_ph_s: 0.0,
            efficiency_j_per_th: 0.0,
            power_usd_per_mwh: 0.0,
            other_opex_usd_per_ph_day: 0.0,
            overhead_usd_per_month: 0.0,
            uptime_pct: 0.0,
            curtail: false,
            sell_after_months: 0,
            cash_usd: 0.0,
            shares_outstanding: 0.0,
            share_price_usd: 0.0,
            share_beta: 0.0,
            hpc_weight_pct: 0.0,
            machine_value_days: 0.0,
            machine_value_elasticity: 0.0,
            machine_life_months: 0,
            value_discount_pct: 0.0,
            scrap_usd_per_th: 0.0,
            th_per_machine: 0.0,
            rescue_discount_pct: 0.0,
            crash_discount_pct: 0.0,
            rescue_limit_pct: 0.0,
            principal_usd: 0.0,
            hpc_share_pct: 0.0,
            proceeds_cash_pct: 0.0,
            capex_usd_per_mw: 0.0,
            lease_usd_per_mw_year: 0.0,
            hpc_noi_margin_pct: 0.0,
            build_months: 0,
            ramp_months: 0,
            lease_term_months: 0,
            loan_coupon_pct: 0.0,
            loan_term_months: 0,
            loan_interest_only_months: 0,
            loan_to_value_pct: 0.0,
            loan_to_value_covenant_pct: 0.0,
            recourse: false,
            parent_support: false,
            spv_reserve_usd: 0.0,
            liquidation_haircut_pct: 0.0,
            loan_fee_pct: 0.0,
            coupon_pct: 0.0,
            maturity_months: 0,
            premium_pct: 0.0,
            cap_pct: 0.0,
            capped_call_cost_pct: 0.0,
            issue_cost_pct: 0.0,
            settlement: Settlement::Physical,
            put_month: 0,
            call_start_month: 0,
            call_trigger_pct: 0.0,
            wall_policy: WallPolicy::Equity,
            risk_free_pct: 0.0,
            refinance_max_pct: 0.0,
            refinancing_coupon_pct: 0.0,
            secured_coupon_pct: 0.0,
            secured_term_months: 0,
            secured_amortization_pct: 0.0,
            secured_reserve_months: 0,
            secured_cost_pct: 0.0,
            deal: None,
        }
    }

    /// Months simulated: the explicit horizon, or the longest of 72 months, the loan term,
    /// the convertible's maturity and the secured notes' term, so every instrument reaches its end.
    pub fn horizon(&self) -> u32 {
        let months = if self.horizon_months > 0 {
            self.horizon_months
        } else {
            72.max(self.loan_term_months).max(self.maturity_months).max(self.secured_term_months)
        };
        // Never beyond the field's maximum, even on unsanitized input.
        months.min(MAX_HORIZON_MONTHS)
    }

    /// Whether the convertible has a capped call.
    pub fn has_capped_call(&self) -> bool {
        self.cap_pct > 0.0
    }
}

/// The spec of a field by its query name (re-exported for the calculator's controls).
pub fn spec(query: &str) -> Option<&'static FieldSpec> {
    super::fields::field(query)
}
