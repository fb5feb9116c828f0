//! Market paths on the monthly grid (docs/model.md, "Market paths", issue 4 "Market paths"): hashprice, BTC
//! price and network hashrate for t = 0..T.
//!
//! - **flat**: BTC price and hashrate held; the subsidy still halves (when on).
//! - **trend**: `ln P` drifts by μ, `ln N` by g, no noise. It is Monte Carlo's "central
//!   path" and is computed by the very same recursion with zero shocks, so Monte Carlo with
//!   zero volatility reproduces it bit for bit (docs/model.md, "Validation cases", V10).
//! - **Monte Carlo**: `ln P_t = ln P_{t−1} + (μ − σ²/2)Δt + σ√Δt Z_t`, likewise `ln N` with
//!   `W_t = ρZ_t + √(1−ρ²)Z'_t`; shocks from each path's seeded stream (see `random`).
//! - **replay**: the embedded daily data, averaged by month, from `start`, continued on the
//!   trend after the data ends (Nov 2025). Closing (t = 0) is the mean of the start month's
//!   first seven days — the week the money is raised — so P0 and N0 are history's values.
//!
//! Hashprice is `HP = scale × 144 (s_t + φ) P / (1000 N)`: every path but the replay is
//! scaled so HP_0 equals the `hashprice` input (the scale multiplies hashprice only, never
//! the BTC price). The capitulation floor caps N where HP would fall below `floor`, and the
//! cap carries forward. Transcendentals use `libm`.

use super::assumptions::{Assumptions, PathKind};
use super::mining::path_subsidy_btc;
use super::time::Timeline;
use crate::data::calendar::YearMonth;
use crate::data::network::{closing_week, network_monthly};

/// One path: index 0 is closing, 1..=T the months.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MarketPath {
    /// $/PH/s/day.
    pub hashprice: Vec<f64>,
    /// US dollars.
    pub btc_price_usd: Vec<f64>,
    /// EH/s (0 where a fixture gives no hashrate).
    pub network_eh_s: Vec<f64>,
    /// How many months t = 1.. come from the embedded history (replay only).
    pub history_months: u32,
}

impl MarketPath {
    /// The horizon T.
    pub fn months(&self) -> u32 {
        self.hashprice.len().saturating_sub(1) as u32
    }

    /// A path given by its monthly hashprices (docs/model.md, "Market paths" "Path mode"), used by the
    /// validation fixtures (V6-V8's stylised 2022): `hashprice_at_closing` is HP_0, `monthly`
    /// the months 1..=T, and the BTC price is the proxy `P_t = P0 × HP_t / HP_0`.
    pub fn from_hashprices(hashprice_at_closing: f64, monthly: &[f64], btc_price_at_closing: f64) -> MarketPath {
        let mut hashprice = Vec::with_capacity(monthly.len() + 1);
        hashprice.push(hashprice_at_closing);
        hashprice.extend_from_slice(monthly);
        let btc_price_usd =
            hashprice.iter().map(|hp| btc_price_at_closing * hp / hashprice_at_closing).collect();
        MarketPath { network_eh_s: vec![0.0; hashprice.len()], hashprice, btc_price_usd, history_months: 0 }
    }
}

/// The drivers of the flat, trend and Monte Carlo paths, in model units.
#[derive(Clone, Copy, Debug)]
pub struct Drivers {
    pub timeline: Timeline,
    pub btc_price_usd: f64,
    pub network_eh_s: f64,
    pub hashprice_at_closing: f64,
    /// Annual μ and g as continuously compounded (log) rates, ln(1 + x) of the effective rates
    /// the reader sets, so that the mean is ×(1 + x) after twelve months; σ and σ_N as decimals.
    pub btc_drift: f64,
    pub network_growth: f64,
    pub btc_volatility: f64,
    pub network_volatility: f64,
    pub correlation: f64,
    pub fee_btc_per_block: f64,
    pub floor_usd_per_ph_day: f64,
    pub halving: bool,
    /// Flat path: no drift or growth.
    pub flat: bool,
}

impl Drivers {
    /// The drivers of a (sanitized) scenario.
    pub fn from_assumptions(a: &Assumptions) -> Drivers {
        Drivers {
            timeline: Timeline::new(a.start, a.horizon()),
            btc_price_usd: a.btc_price_usd,
            network_eh_s: a.network_hashrate_eh_s,
            hashprice_at_closing: a.hashprice_usd_per_ph_day,
            btc_drift: libm::log(1.0 + a.btc_drift_pct / 100.0),
            network_growth: libm::log(1.0 + a.network_growth_pct / 100.0),
            btc_volatility: a.btc_volatility_pct / 100.0,
            network_volatility: a.network_volatility_pct / 100.0,
            correlation: a.shock_correlation,
            fee_btc_per_block: a.fee_btc_per_block,
            floor_usd_per_ph_day: a.hashprice_floor_usd_per_ph_day,
            halving: a.halving,
            flat: a.path == PathKind::Flat,
        }
    }

    fn subsidy(&self, t: u32) -> f64 {
        path_subsidy_btc(self.timeline.month(t), self.timeline.month(0), self.halving)
    }

    /// BTC paid per block, `s_t + φ`, for t = 0..=T (the same on every Monte Carlo path).
    pub fn block_rewards(&self) -> Vec<f64> {
        (0..=self.timeline.months).map(|t| self.subsidy(t) + self.fee_btc_per_block).collect()
    }

    /// Fills `path` for months 0..=T. `shocks` are `(Z, Z')` for t = 1..T (Monte Carlo);
    /// `None` is the zero-volatility path. Reuses `path`'s buffers.
    pub fn fill(&self, shocks: Option<(&[f64], &[f64])>, path: &mut MarketPath) {
        self.fill_with(&self.block_rewards(), shocks, path);
    }

    /// [`Drivers::fill`] with the block rewards computed once ([`Drivers::block_rewards`]).
    pub fn fill_with(&self, block_rewards: &[f64], shocks: Option<(&[f64], &[f64])>, path: &mut MarketPath) {
        let months = self.timeline.months as usize;
        path.hashprice.clear();
        path.btc_price_usd.clear();
        path.network_eh_s.clear();
        path.history_months = 0;
        let price0 = self.btc_price_usd.max(1e-9);
        let network0 = self.network_eh_s.max(1e-9);
        let reward0 = block_rewards.first().copied().unwrap_or(0.0);
        let raw0 = 144.0 * reward0 * price0 / (1000.0 * network0);
        // HP = revenue_scale × (s + φ) × P / N, scaled so HP_0 is the input.
        let revenue_scale = if raw0 > 0.0 { self.hashprice_at_closing / raw0 } else { 0.0 } * 144.0 / 1000.0;
        path.hashprice.push(self.hashprice_at_closing);
        path.btc_price_usd.push(price0);
        path.network_eh_s.push(network0);
        let state = LogState { ln_price: libm::log(price0), ln_network: libm::log(network0), revenue_scale };
        self.continue_from(state, 1, months, block_rewards, shocks, path);
    }

    /// Appends months `first..=last` to `path`, stepping the log state.
    fn continue_from(
        &self,
        mut state: LogState,
        first: usize,
        last: usize,
        block_rewards: &[f64],
        shocks: Option<(&[f64], &[f64])>,
        path: &mut MarketPath,
    ) {
        let dt = 1.0 / 12.0;
        let (mu, g) = if self.flat { (0.0, 0.0) } else { (self.btc_drift, self.network_growth) };
        let (sigma, sigma_n) = if shocks.is_some() { (self.btc_volatility, self.network_volatility) } else { (0.0, 0.0) };
        let price_drift = (mu - sigma * sigma / 2.0) * dt;
        let network_drift = (g - sigma_n * sigma_n / 2.0) * dt;
        let root_dt = libm::sqrt(dt);
        let rho = self.correlation.clamp(-1.0, 1.0);
        let rho_complement = libm::sqrt(1.0 - rho * rho);
        // Sized once and written by index: Monte Carlo fills 10,000 paths with these buffers.
        let base = path.hashprice.len();
        let end = base + (last + 1).saturating_sub(first);
        path.hashprice.resize(end, 0.0);
        path.btc_price_usd.resize(end, 0.0);
        path.network_eh_s.resize(end, 0.0);
        for (i, t) in (first..=last).enumerate() {
            let (z, w) = match shocks {
                Some((z, z2)) => {
                    let zt = z.get(t - 1).copied().unwrap_or(0.0);
                    let z2t = z2.get(t - 1).copied().unwrap_or(0.0);
                    (zt, rho * zt + rho_complement * z2t)
                }
                None => (0.0, 0.0),
            };
            state.ln_price += price_drift + sigma * root_dt * z;
            state.ln_network += network_drift + sigma_n * root_dt * w;
            let price = libm::exp(state.ln_price);
            let mut network = libm::exp(state.ln_network);
            let reward = block_rewards.get(t).copied().unwrap_or_else(|| self.subsidy(t as u32) + self.fee_btc_per_block);
            let revenue = state.revenue_scale * reward * price;
            if self.floor_usd_per_ph_day > 0.0 {
                // Capitulation: hashrate stops where HP would fall below the floor; carried forward.
                let cap = revenue / self.floor_usd_per_ph_day;
                if network > cap && cap > 0.0 {
                    network = cap;
                    state.ln_network = libm::log(cap);
                }
            }
            path.hashprice[base + i] = if network > 0.0 { revenue / network } else { 0.0 };
            path.btc_price_usd[base + i] = price;
            path.network_eh_s[base + i] = network;
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct LogState {
    ln_price: f64,
    ln_network: f64,
    revenue_scale: f64,
}

/// The deterministic path of a (sanitized) scenario: flat, trend or replay. For Monte Carlo
/// this is the central (zero-volatility) path.
pub fn deterministic_path(a: &Assumptions) -> MarketPath {
    let drivers = Drivers::from_assumptions(a);
    let mut path = MarketPath::default();
    if a.path == PathKind::Replay {
        replay(&drivers, &mut path);
    } else {
        drivers.fill(None, &mut path);
    }
    path
}

/// History from `start` (monthly means of the daily data), then the trend (issue 4, replay).
fn replay(drivers: &Drivers, path: &mut MarketPath) {
    let timeline = drivers.timeline;
    let history = network_monthly();
    path.hashprice.clear();
    path.btc_price_usd.clear();
    path.network_eh_s.clear();
    let Some(last) = history.last() else {
        drivers.fill(None, path);
        return;
    };
    // Closing values: the start month's first week, or the last month of data when the
    // start lies beyond it (the gap is filled by the trend below).
    let closing = closing_week(timeline.start)
        .unwrap_or((last.hashprice, last.btc_price_usd, last.hashrate_eh_s));
    let in_data = |m: YearMonth| history.iter().find(|h| h.month == m);
    path.hashprice.push(closing.0);
    path.btc_price_usd.push(closing.1);
    path.network_eh_s.push(closing.2);
    let mut t = 1usize;
    while t <= timeline.months as usize {
        match in_data(timeline.month(t as u32)) {
            Some(h) => {
                path.hashprice.push(h.hashprice);
                path.btc_price_usd.push(h.btc_price_usd);
                path.network_eh_s.push(h.hashrate_eh_s);
                path.history_months = t as u32;
                t += 1;
            }
            None => break,
        }
    }
    if t > timeline.months as usize {
        return;
    }
    // Continue on the trend from the last month of data (or from closing if the start is
    // past the data), with HP ∝ (s + φ) P / N so the path is continuous.
    let anchor_t = path.hashprice.len() - 1;
    let anchor_month = if anchor_t == 0 && closing_week(timeline.start).is_none() { last.month } else { timeline.month(anchor_t as u32) };
    let (hp, price, network) = (path.hashprice[anchor_t], path.btc_price_usd[anchor_t], path.network_eh_s[anchor_t]);
    let anchor_revenue = path_subsidy_btc(anchor_month, timeline.month(0), drivers.halving) + drivers.fee_btc_per_block;
    let revenue_scale = if price > 0.0 && anchor_revenue > 0.0 { hp * network / (anchor_revenue * price) } else { 0.0 };
    let mut state = LogState { ln_price: libm::log(price.max(1e-9)), ln_network: libm::log(network.max(1e-9)), revenue_scale };
    // A start beyond the data: step the trend from the data's end up to closing first.
    let gap = last.month.months_until(timeline.month(0)).max(0) as usize;
    if anchor_t == 0 && gap > 0 {
        let mut scratch = MarketPath::default();
        let gap_drivers = Drivers { timeline: Timeline::new(last.month.add_months(1), gap as u32), ..*drivers };
        gap_drivers.continue_from(state, 1, gap, &gap_drivers.block_rewards(), None, &mut scratch);
        if let (Some(p), Some(n), Some(h)) = (scratch.btc_price_usd.last(), scratch.network_eh_s.last(), scratch.hashprice.last()) {
            state.ln_price = libm::log(*p);
            state.ln_network = libm::log(*n);
            path.hashprice[0] = *h;
            path.btc_price_usd[0] = *p;
            path.network_eh_s[0] = *n;
        }
    }
    drivers.continue_from(state, t, timeline.months as usize, &drivers.block_rewards(), None, path);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replay_from(year: i32, month: u32) -> MarketPath {
        let a = Assumptions { path: PathKind::Replay, start: YearMonth { year, month }, horizon_months: 72, ..Assumptions::default() };
        deterministic_path(&a)
    }

    #[test]
    fn replay_runs_history_then_the_trend_without_a_jump() {
        let path = replay_from(2022, 1);
        // 2022-01 .. 2025-11 from the data.
        assert_eq!(path.history_months, 47);
        // Closing week of January 2022: docs/model.md, "Market paths" gives 246.86 on 1 Jan 2022.
        assert!((path.hashprice[0] / 246.86 - 1.0).abs() < 0.15, "HP_0 = {}", path.hashprice[0]);
        let (last, next) = (path.hashprice[47], path.hashprice[48]);
        assert!((next / last - 1.0).abs() < 0.05, "Nov 2025 {last} -> Dec 2025 {next}");
        assert_eq!(path.hashprice.len(), 73);
        assert!(path.hashprice.iter().chain(&path.btc_price_usd).all(|v| v.is_finite() && *v > 0.0));
    }

    #[test]
    fn replay_starting_after_the_data_is_the_trend_from_its_end() {
        for (year, month) in [(2025, 12), (2030, 6)] {
            let path = replay_from(year, month);
            assert_eq!(path.history_months, 0, "{year}-{month}");
            assert!(path.hashprice.iter().all(|v| v.is_finite() && *v > 0.0), "{year}-{month}");
        }
    }

    #[test]
    fn paths_other_than_replay_start_at_the_input_hashprice() {
        for kind in [PathKind::Flat, PathKind::Trend, PathKind::MonteCarlo] {
            let a = Assumptions { path: kind, hashprice_usd_per_ph_day: 55.0, ..Assumptions::default() };
            let path = deterministic_path(&a);
            assert_eq!(path.hashprice[0], 55.0, "{kind:?}");
            assert_eq!(path.btc_price_usd[0], 91_000.0, "{kind:?}: the scale never touches BTC");
        }
    }

    #[test]
    fn the_halving_cuts_hashprice_in_april_2028() {
        let a = Assumptions { path: PathKind::Flat, hashprice_floor_usd_per_ph_day: 0.0, ..Assumptions::default() };
        let path = deterministic_path(&a);
        let timeline = Timeline::new(a.start, a.horizon());
        let april = timeline.t_of(YearMonth { year: 2028, month: 4 }).unwrap_or(0) as usize;
        let drop = path.hashprice[april] / path.hashprice[april - 1];
        assert!((drop - 1.6125 / 3.175).abs() < 1e-12, "{drop}");
        let off = deterministic_path(&Assumptions { halving: false, ..a });
        assert_eq!(off.hashprice[april], off.hashprice[april - 1]);
    }
}
