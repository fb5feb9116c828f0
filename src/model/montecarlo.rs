//! Monte Carlo (docs/model.md, "Market paths"): many correlated GBM paths, all three structures on each, in
//! `f64`, and the distribution the charts and `mc-*` metrics show.
//!
//! Path `i` of seed `s` draws its shocks from its own stream ([`path_rng`],
//! [`super::random::PathRng`]): first Z_1..Z_T, then Z'_1..Z'_T. Different seeds have
//! unrelated streams, so seeds `s` and `s + 1` share no path. A seed gives the same paths on the
//! host and in wasm, whatever the chunking of the run, and any single path can be re-run alone
//! ([`run_path`]).

use super::assumptions::{Assumptions, MAX_MONTE_CARLO_PATHS};
use super::market::{Drivers, MarketPath};
use super::money::Money;
use super::terms::Terms;
use super::hpc::HpcPlan;
use super::simulate::{hpc_plan, run_structures, run_structures_with, Outcomes};
use super::random::PathRng;

/// Quantiles of a distribution (linear interpolation between order statistics).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Quantiles {
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
    pub mean: f64,
}

impl Quantiles {
    /// Sorts `values` in place and reads the quantiles; zeros for an empty slice.
    ///
    /// The standard library's stable sort: in the size-optimised build it takes fewer
    /// instructions here than the unstable sort or a radix sort on the bits (both tried, issue
    /// 8: 42M against 57M and 85M for a 10,000-path run's 79 sorts).
    pub fn of(values: &mut [f64]) -> Quantiles {
        if values.is_empty() {
            return Quantiles::default();
        }
        values.sort_by(f64::total_cmp);
        let q = |p: f64| {
            let position = p * (values.len() - 1) as f64;
            let below = libm::floor(position) as usize;
            let above = (below + 1).min(values.len() - 1);
            let weight = position - below as f64;
            values[below] * (1.0 - weight) + values[above] * weight
        };
        Quantiles {
            p5: q(0.05),
            p25: q(0.25),
            p50: q(0.50),
            p75: q(0.75),
            p90: q(0.90),
            p95: q(0.95),
            mean: values.iter().sum::<f64>() / values.len() as f64,
        }
    }
}

/// Bins of the total-dilution histogram: [0, 0.05), [0.05, 0.10), … [0.95, 1].
pub const DILUTION_BINS: usize = 20;

/// The distribution over paths.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonteCarloSummary {
    pub paths: u32,
    pub seed: u64,
    pub months: u32,
    /// P(loan defaults by T), `mc-default-probability`.
    pub loan_default_probability: f64,
    /// P(loan has defaulted by month t), t = 0..T.
    pub loan_default_by_month: Vec<f64>,
    /// Paths whose loan defaulted in month t, t = 0..T.
    pub loan_default_month_counts: Vec<u32>,
    pub secured_default_probability: f64,
    pub secured_default_by_month: Vec<f64>,
    /// P(the company defaults on the convertible: a coupon or principal it could not pay).
    pub convertible_default_probability: f64,
    /// P(the convertible converts).
    pub conversion_probability: f64,
    /// P(refinancing wall > 0).
    pub wall_probability: f64,
    pub wall_usd: Quantiles,
    /// Convertible's conversion dilution.
    pub dilution_conversion: Quantiles,
    /// Convertible's total dilution (`mc-dilution-median`, `mc-dilution-p90`).
    pub dilution_total: Quantiles,
    /// Paths per total-dilution bin (see [`DILUTION_BINS`]).
    pub dilution_total_histogram: Vec<u32>,
    pub loan_equity_value: Quantiles,
    pub convertible_equity_value: Quantiles,
    pub secured_equity_value: Quantiles,
    /// P(value to original holders under A < under B).
    pub loan_worse_than_convertible: f64,
    /// Quantiles of the hashprice in each month t = 0..T, for the calculator's fan chart,
    /// from the first [`FAN_PATHS`] paths (plenty for a picture; bounded memory).
    pub hashprice_by_month: Vec<Quantiles>,
}

/// Paths the hashprice fan is drawn from.
pub const FAN_PATHS: u32 = 2_000;

/// The random stream of path `index` of `seed`.
pub fn path_rng(seed: u64, index: u64) -> PathRng {
    PathRng::new(seed, index)
}

/// The shocks and path of path `index`.
/// `block_rewards` is [`Drivers::block_rewards`], computed once for all paths.
pub fn draw_path(drivers: &Drivers, block_rewards: &[f64], seed: u64, index: u64, shocks: &mut (Vec<f64>, Vec<f64>), path: &mut MarketPath) {
    let months = drivers.timeline.months as usize;
    let mut rng = path_rng(seed, index);
    // Sized once and overwritten in place (no per-sample capacity check), Z then Z'.
    shocks.0.resize(months, 0.0);
    shocks.1.resize(months, 0.0);
    for z in shocks.0.iter_mut().chain(shocks.1.iter_mut()) {
        *z = rng.normal();
    }
    drivers.fill_with(block_rewards, Some((&shocks.0, &shocks.1)), path);
}

/// Re-runs one Monte Carlo path of a (sanitized) scenario: its market and outcomes in `f64`.
pub fn run_path(a: &Assumptions, index: u64) -> (MarketPath, Outcomes<f64>) {
    let drivers = Drivers::from_assumptions(a);
    let mut path = MarketPath::default();
    draw_path(&drivers, &drivers.block_rewards(), a.seed, index, &mut (Vec::new(), Vec::new()), &mut path);
    let outcomes = run_structures::<f64>(a, &hpc_plan(a), &path, false);
    (path, outcomes)
}

/// All paths of a (sanitized) scenario, single-threaded, in one go.
pub fn run_monte_carlo(a: &Assumptions) -> MonteCarloSummary {
    let mut run = MonteCarloRun::new(a);
    run.step(u32::MAX);
    run.finish()
}

/// A Monte Carlo run that can be advanced a few paths at a time (the browser runs it in chunks
/// and yields to the page between them, so the page stays responsive). Paths are independent
/// and accumulated in index order, so the finished summary is bit-identical to
/// [`run_monte_carlo`]'s whatever the chunk sizes.
pub struct MonteCarloRun {
    a: Assumptions,
    drivers: Drivers,
    hpc: HpcPlan,
    terms: Terms<f64>,
    block_rewards: Vec<f64>,
    shocks: (Vec<f64>, Vec<f64>),
    path: MarketPath,
    paths: u32,
    next: u32,
    fan: Vec<Vec<f64>>,
    loan_months: Vec<u32>,
    secured_months: Vec<u32>,
    converted: u32,
    convertible_defaults: u32,
    walls_hit: u32,
    loan_worse: u32,
    walls: Vec<f64>,
    conversion: Vec<f64>,
    total: Vec<f64>,
    histogram: Vec<u32>,
    loan_value: Vec<f64>,
    convertible_value: Vec<f64>,
    secured_value: Vec<f64>,
}

impl MonteCarloRun {
    /// A run of a (sanitized) scenario with no path done yet.
    pub fn new(a: &Assumptions) -> Self {
        let drivers = Drivers::from_assumptions(a);
        let hpc = hpc_plan(a);
        let months = drivers.timeline.months as usize;
        let paths = a.monte_carlo_paths.clamp(1, MAX_MONTE_CARLO_PATHS);
        let fan_paths = paths.min(FAN_PATHS) as usize;
        let with_paths = || Vec::with_capacity(paths as usize);
        MonteCarloRun {
            terms: Terms::<f64>::new(a, &hpc),
            block_rewards: drivers.block_rewards(),
            shocks: (Vec::with_capacity(months), Vec::with_capacity(months)),
            path: MarketPath::default(),
            paths,
            next: 0,
            fan: (0..=months).map(|_| Vec::with_capacity(fan_paths)).collect(),
            loan_months: vec![0; months + 1],
            secured_months: vec![0; months + 1],
            converted: 0,
            convertible_defaults: 0,
            walls_hit: 0,
            loan_worse: 0,
            walls: with_paths(),
            conversion: with_paths(),
            total: with_paths(),
            histogram: vec![0; DILUTION_BINS],
            loan_value: with_paths(),
            convertible_value: with_paths(),
            secured_value: with_paths(),
            a: a.clone(),
            drivers,
            hpc,
        }
    }

    /// Paths in the run.
    pub fn paths(&self) -> u32 {
        self.paths
    }

    /// Paths done so far.
    pub fn done(&self) -> u32 {
        self.next
    }

    pub fn is_finished(&self) -> bool {
        self.next >= self.paths
    }

    /// Runs up to `n` more paths; returns whether the run is finished.
    pub fn step(&mut self, n: u32) -> bool {
        let end = self.next.saturating_add(n).min(self.paths);
        let months = self.drivers.timeline.months as usize;
        let fan_paths = self.paths.min(FAN_PATHS);
        for index in self.next..end {
            draw_path(&self.drivers, &self.block_rewards, self.a.seed, index as u64, &mut self.shocks, &mut self.path);
            if index < fan_paths {
                for (month, hp) in self.fan.iter_mut().zip(&self.path.hashprice) {
                    month.push(*hp);
                }
            }
            let o = run_structures_with(&self.terms, &self.a, &self.hpc, &self.path, false);
            if let Some(m) = o.loan.outcome.default_month {
                self.loan_months[(m as usize).min(months)] += 1;
            }
            if let Some(m) = o.secured.outcome.default_month {
                self.secured_months[(m as usize).min(months)] += 1;
            }
            if o.convertible.outcome.conversion.is_some() {
                self.converted += 1;
            }
            if o.convertible.outcome.default_month.is_some() {
                self.convertible_defaults += 1;
            }
            let wall = o.convertible.outcome.refinancing_wall.to_f64();
            if wall > 0.0 {
                self.walls_hit += 1;
            }
            self.walls.push(wall);
            self.conversion.push(o.convertible.outcome.dilution_conversion);
            let dilution = o.convertible.end.dilution_total;
            self.total.push(dilution);
            let bin = if dilution.is_finite() { ((dilution * DILUTION_BINS as f64) as usize).min(DILUTION_BINS - 1) } else { 0 };
            self.histogram[bin] += 1;
            if o.loan.end.equity_value < o.convertible.end.equity_value {
                self.loan_worse += 1;
            }
            self.loan_value.push(o.loan.end.equity_value);
            self.convertible_value.push(o.convertible.end.equity_value);
            self.secured_value.push(o.secured.end.equity_value);
        }
        self.next = end;
        self.is_finished()
    }

    /// The distribution, once every path has run (runs any that have not).
    pub fn finish(mut self) -> MonteCarloSummary {
        self.step(u32::MAX);
        let n = self.paths as f64;
        let cumulative = |counts: &[u32]| {
            let mut running = 0u32;
            counts
                .iter()
                .map(|c| {
                    running += c;
                    running as f64 / n
                })
                .collect::<Vec<f64>>()
        };
        let loan_default_by_month = cumulative(&self.loan_months);
        let secured_default_by_month = cumulative(&self.secured_months);
        MonteCarloSummary {
            paths: self.paths,
            seed: self.a.seed,
            months: self.drivers.timeline.months,
            loan_default_probability: loan_default_by_month.last().copied().unwrap_or(0.0),
            loan_default_by_month,
            loan_default_month_counts: self.loan_months,
            secured_default_probability: secured_default_by_month.last().copied().unwrap_or(0.0),
            secured_default_by_month,
            convertible_default_probability: self.convertible_defaults as f64 / n,
            conversion_probability: self.converted as f64 / n,
            wall_probability: self.walls_hit as f64 / n,
            wall_usd: Quantiles::of(&mut self.walls),
            dilution_conversion: Quantiles::of(&mut self.conversion),
            dilution_total: Quantiles::of(&mut self.total),
            dilution_total_histogram: self.histogram,
            loan_equity_value: Quantiles::of(&mut self.loan_value),
            convertible_equity_value: Quantiles::of(&mut self.convertible_value),
            secured_equity_value: Quantiles::of(&mut self.secured_value),
            loan_worse_than_convertible: self.loan_worse as f64 / n,
            hashprice_by_month: self.fan.iter_mut().map(|month| Quantiles::of(month)).collect(),
        }
    }
}
