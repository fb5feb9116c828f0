//! The simulation (docs/model.md, "Inputs"): the three structures on the same path, month by month,
//! producing the outputs of §4.8 and the time series the charts draw.
//!
//! [`simulate`] is the entry point: it sanitizes the assumptions, builds the deterministic
//! path (flat, trend or replay; for Monte Carlo the zero-volatility central path), runs the
//! structures exactly (`Decimal`), and, when the path is Monte Carlo, adds the distribution
//! ([`super::montecarlo`]). [`run_on_path`] runs a given path (the validation fixtures).

use super::assumptions::{Assumptions, Fix, PathKind};
use super::company::{Company, PREFUND_MONTHS};
use super::end_state::{market_premium, owners_value, EndState, StructureSeries};
use super::month::{MarketInputs, MonthMarket};
use super::terms::Terms;
use super::convertible::{ConversionTerms, Convertible, ConvertibleOutcome};
use super::hpc::HpcPlan;
use super::loan::{Loan, LoanOutcome};
use super::market::{deterministic_path, MarketPath};
use super::mining::{breakeven_hashprice_cash, breakeven_hashprice_power, machine_value_usd_per_th};
use super::money::{Exact, Money};
use super::montecarlo::{run_monte_carlo, MonteCarloSummary};
use super::secured::{SecuredNotes, SecuredOutcome};
use super::time::Timeline;

/// The market as the charts draw it, t = 0..T.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarketSeries {
    pub hashprice: Vec<f64>,
    pub btc_price_usd: Vec<f64>,
    pub share_price_usd: Vec<f64>,
    pub machine_value_usd_per_th: Vec<f64>,
}

/// Structure A's result.
#[derive(Clone, Debug, PartialEq)]
pub struct LoanResult<M> {
    pub outcome: LoanOutcome<M>,
    pub end: EndState<M>,
    pub series: StructureSeries,
    /// Pledged machines' value, t = 0..T (0 once seized).
    pub collateral_value: Vec<f64>,
    /// D_t / V_t while the loan is live (NaN otherwise).
    pub loan_to_value: Vec<f64>,
    /// DSCR_t while the loan is live (NaN otherwise; t = 0 is NaN).
    pub debt_service_coverage: Vec<f64>,
}

/// Structure B's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvertibleResult<M> {
    pub outcome: ConvertibleOutcome<M>,
    pub end: EndState<M>,
    pub series: StructureSeries,
}

/// Structure C's result.
#[derive(Clone, Debug, PartialEq)]
pub struct SecuredResult<M> {
    pub outcome: SecuredOutcome<M>,
    pub end: EndState<M>,
    pub series: StructureSeries,
}

/// All three structures on one path.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcomes<M> {
    pub loan: LoanResult<M>,
    pub convertible: ConvertibleResult<M>,
    pub secured: SecuredResult<M>,
    /// Hashprice at which the loan's DSCR is 1 at the closing payment (docs/model.md, "Structure A: the machine-backed loan").
    pub loan_breakeven_hashprice: Option<M>,
    /// Σ HPC_NOI_t over the run, as built (before any seizure).
    pub hpc_noi_total: M,
    /// The data-center income the secured notes' company earned: what their proceeds built
    /// (less the interest reserve), while it owned it.
    pub secured_hpc_noi_total: M,
    /// Months in which the machines stood idle (hashprice below the cash breakeven).
    pub idle_months: u32,
    /// The month the miners sold their unpledged machines after standing idle.
    pub fleet_sold_month: Option<u32>,
    /// What today's owners would end with had the company raised nothing: the stock market
    /// value of their shares at the end, `N0 × S_T` (less any dilution the company needed
    /// without the raise). The yardstick each structure's owners' value is read against.
    pub baseline_equity_value: M,
    /// The company's net assets before it raises anything: its cash and its machines at value
    /// in use at the closing hashprice. The measure the owners' value at the end is on.
    pub net_assets_at_start: M,
}

/// A scenario's full deterministic result (and Monte Carlo summary when asked for).
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The assumptions actually run (sanitized).
    pub assumptions: Assumptions,
    /// Values sanitizing changed.
    pub fixes: Vec<Fix>,
    pub timeline: Timeline,
    /// The deterministic path (the central path under Monte Carlo).
    pub path: MarketPath,
    pub market: MarketSeries,
    /// Power-only and cash breakeven hashprices, $/PH/s/day (docs/model.md, "Mining").
    pub breakeven_power: f64,
    pub breakeven_cash: f64,
    pub outcomes: Outcomes<Exact>,
    pub monte_carlo: Option<MonteCarloSummary>,
}

impl Scenario {
    /// Whether the scenario asks for a Monte Carlo distribution (`path=montecarlo`).
    pub fn wants_monte_carlo(&self) -> bool {
        self.assumptions.path == PathKind::MonteCarlo
    }

    /// Ownership kept by the original holders against the share price at settlement, from 0
    /// to `max_price` in `points` steps (chart 3: conversion price, cap and outcome are in
    /// `outcomes.convertible.outcome.terms` and `.end`).
    pub fn ownership_curve(&self, max_price: f64, points: usize) -> Vec<(f64, f64)> {
        let a = &self.assumptions;
        let terms = ConversionTerms::<f64>::new(
            a.principal_usd,
            a.share_price_usd,
            a.premium_pct / 100.0,
            a.has_capped_call().then_some(a.cap_pct / 100.0),
        );
        let steps = points.clamp(2, 10_000);
        let top = if max_price.is_finite() && max_price > 0.0 { max_price } else { 4.0 * a.share_price_usd };
        (0..steps)
            .map(|i| {
                let price = top * i as f64 / (steps - 1) as f64;
                (price, terms.ownership_if_settled_at(a.principal_usd, a.shares_outstanding, price, a.settlement))
            })
            .collect()
    }

    /// The calendar month of the loan's default, for sentences ("September 2022").
    pub fn loan_default_label(&self) -> Option<String> {
        self.outcomes.loan.outcome.default_month.map(|t| self.timeline.long_label(t))
    }
}

/// The HPC plan of a (sanitized) scenario.
pub fn hpc_plan(a: &Assumptions) -> HpcPlan {
    HpcPlan {
        share_of_proceeds: a.hpc_share_pct / 100.0,
        capex_usd_per_mw: a.capex_usd_per_mw,
        lease_usd_per_mw_year: a.lease_usd_per_mw_year,
        noi_margin: a.hpc_noi_margin_pct / 100.0,
        build_months: a.build_months,
        ramp_months: a.ramp_months,
        lease_term_months: a.lease_term_months,
    }
}

/// Runs a scenario: sanitize, path, exact run, and Monte Carlo when `path=montecarlo`.
pub fn simulate(assumptions: &Assumptions) -> Scenario {
    let mut scenario = simulate_central(assumptions);
    if scenario.wants_monte_carlo() {
        scenario.monte_carlo = Some(run_monte_carlo(&scenario.assumptions));
    }
    scenario
}

/// [`simulate`] without the Monte Carlo distribution (`monte_carlo` stays `None`): the browser
/// runs that part in chunks ([`super::montecarlo::MonteCarloRun`]) from `scenario.assumptions`.
pub fn simulate_central(assumptions: &Assumptions) -> Scenario {
    let (a, fixes) = assumptions.sanitized();
    let path = deterministic_path(&a);
    scenario_on(a, fixes, path)
}

/// Runs the structures exactly on a given path (the validation fixtures' "Path mode"); the
/// horizon is the path's.
pub fn run_on_path(assumptions: &Assumptions, path: MarketPath) -> Scenario {
    let (mut a, fixes) = assumptions.sanitized();
    a.horizon_months = path.months().max(1);
    scenario_on(a, fixes, path)
}

fn scenario_on(a: Assumptions, fixes: Vec<Fix>, path: MarketPath) -> Scenario {
    let timeline = Timeline::new(a.start, path.months());
    let hpc = hpc_plan(&a);
    let outcomes = run_structures::<Exact>(&a, &hpc, &path, true);
    let market = market_series(&a, &path);
    Scenario {
        breakeven_power: breakeven_hashprice_power(a.efficiency_j_per_th, a.power_usd_per_mwh),
        breakeven_cash: breakeven_hashprice_cash(a.efficiency_j_per_th, a.power_usd_per_mwh, a.other_opex_usd_per_ph_day, a.uptime_pct / 100.0),
        assumptions: a,
        fixes,
        timeline,
        path,
        market,
        outcomes,
        monte_carlo: None,
    }
}

fn market_series(a: &Assumptions, path: &MarketPath) -> MarketSeries {
    let closing = path.hashprice.first().copied().unwrap_or(0.0);
    let price0 = path.btc_price_usd.first().copied().unwrap_or(0.0);
    let weight = a.hpc_weight_pct / 100.0;
    MarketSeries {
        hashprice: path.hashprice.clone(),
        btc_price_usd: path.btc_price_usd.clone(),
        share_price_usd: path
            .btc_price_usd
            .iter()
            .map(|p| {
                let relative = if price0 > 0.0 && *p > 0.0 { libm::exp(a.share_beta * libm::log(p / price0)) } else { 0.0 };
                a.share_price_usd * ((1.0 - weight) * relative + weight)
            })
            .collect(),
        machine_value_usd_per_th: path
            .hashprice
            .iter()
            .map(|hp| machine_value_usd_per_th(a.machine_value_days, closing, *hp, a.machine_value_elasticity))
            .collect(),
    }
}

/// The three structures on `path`, money in `M` (exact `Exact` or Monte Carlo's `f64`).
/// `record` keeps the per-month series (off in Monte Carlo).
pub fn run_structures<M: Money>(a: &Assumptions, hpc: &HpcPlan, path: &MarketPath, record: bool) -> Outcomes<M> {
    run_structures_with(&Terms::<M>::new(a, hpc), a, hpc, path, record)
}

/// [`run_structures`] with the inputs already converted (Monte Carlo converts them once).
pub fn run_structures_with<M: Money>(terms: &Terms<M>, a: &Assumptions, hpc: &HpcPlan, path: &MarketPath, record: bool) -> Outcomes<M> {
    let inputs = MarketInputs { path, a, hpc };
    let closing = MonthMarket::<M>::new(&inputs, terms, 0);
    let v0 = closing.machine_value_per_th();
    let net_assets_at_start = terms.cash_before_raise + closing.value_in_use_per_ph(terms) * terms.fleet_before_raise_ph;
    let months = path.months();

    let mut loan_company = Company::after_raise(terms, v0, terms.loan_fee * terms.principal, M::ZERO);
    let mut loan = Loan::open(terms, &mut loan_company, v0);
    let mut convertible_company = Company::after_raise(terms, v0, Convertible::fees(terms), M::ZERO);
    let mut convertible = Convertible::issue(terms);
    let mut secured_company = Company::after_raise(terms, v0, SecuredNotes::fees(terms), terms.secured_reserve);
    let mut secured = SecuredNotes::issue(terms, secured_company.fleet_ph - terms.fleet_before_raise_ph);
    // The same company had it raised nothing, run by the same rules: what the market's premium
    // at the end is measured on.
    let mut baseline = Company::without_raise(terms);

    let capacity = if record { months as usize + 1 } else { 0 };
    // Empty series cost nothing to make (Monte Carlo makes three sets per path).
    let series = || if record { StructureSeries::with_capacity(capacity) } else { StructureSeries::default() };
    // A loan that is not available has no series: the charts leave it out.
    let record_loan = record && loan.outcome.available;
    let (mut loan_series, mut convertible_series, mut secured_series) = (StructureSeries::default(), series(), series());
    let values = || if record_loan { Vec::with_capacity(capacity) } else { Vec::new() };
    let (mut collateral_value, mut loan_to_value, mut coverage) = (values(), values(), values());
    if record {
        convertible_series.push(&convertible_company, convertible.outstanding);
        secured_series.push(&secured_company, secured.balance);
    }
    if record_loan {
        loan_series = StructureSeries::with_capacity(capacity);
        loan_series.push(&loan_company, loan.balance);
        let v = v0 * M::from_int(1000) * loan.pledged_ph;
        collateral_value.push(v.to_chart());
        loan_to_value.push(loan.balance.checked_ratio(v).map_or(f64::NAN, Money::to_f64));
        coverage.push(f64::NAN);
    }

    let mut hpc_noi_total = M::ZERO;
    let mut secured_hpc_noi_total = M::ZERO;
    let (mut idle_months, mut idle_run, mut fleet_sold_month) = (0u32, 0u32, None);
    let mut last = closing;
    for t in 1..=months {
        let mut market = MonthMarket::<M>::new(&inputs, terms, t as usize);
        idle_run = if market.running { 0 } else { idle_run + 1 };
        market.idle_run = idle_run;
        hpc_noi_total = hpc_noi_total + market.hpc_noi;
        secured_hpc_noi_total = secured_hpc_noi_total + secured_company.hpc_noi(&market);
        for company in [&mut loan_company, &mut convertible_company, &mut secured_company, &mut baseline] {
            company.open_month(terms);
        }
        baseline.operate(baseline.fleet_ph, &market, terms);
        let was_live = loan.is_live();
        let loan_month = loan.month(t, &market, &mut loan_company, terms);
        convertible.month(t, &market, &mut convertible_company, terms);
        secured.month(t, &market, &mut secured_company, terms);
        convertible_company.service_refinancing(t, &market, terms);
        secured_company.service_refinancing(t, &market, terms);
        idle_months += u32::from(!market.running);
        if terms.sell_after_months == Some(idle_run) {
            // Machines idle this long are sold; pledged ones are the borrower's to decide.
            let free = loan_company.fleet_ph - loan.pledged_ph;
            loan_company.sell_machines(free, &market, terms);
            convertible_company.sell_machines(convertible_company.fleet_ph, &market, terms);
            baseline.sell_machines(baseline.fleet_ph, &market, terms);
            let sold_ph = secured_company.fleet_ph;
            let proceeds = secured_company.sell_machines(sold_ph, &market, terms);
            secured.collateral_sold(t, sold_ph, proceeds, &mut secured_company);
            fleet_sold_month = fleet_sold_month.or(Some(t));
        }
        // Walls a year ahead are pre-funded with shares, within the monthly limit.
        let ahead = PREFUND_MONTHS;
        let due = convertible.principal_due_within(t, ahead, &market, terms).and(convertible_company.refinancing_due_within(t, ahead));
        convertible_company.prefund(due, M::ZERO, &market, terms);
        let due = secured.balloon_due_within(t, ahead, terms).and(secured_company.refinancing_due_within(t, ahead));
        let secured_by = secured.collateral_value(&market, &secured_company, terms);
        secured_company.prefund(due, secured_by, &market, terms);
        for company in [&mut loan_company, &mut convertible_company, &mut secured_company, &mut baseline] {
            company.rescue(&market, terms);
            company.pay_claims_from_cash();
        }
        if record {
            convertible_series.push(&convertible_company, convertible.outstanding);
            secured_series.push(&secured_company, secured.balance);
        }
        if record_loan {
            loan_series.push(&loan_company, loan.balance);
            let value = if was_live {
                loan_month.collateral_value
            } else if loan.pledged_ph > M::ZERO {
                market.machine_value_per_th() * M::from_int(1000) * loan.pledged_ph
            } else {
                M::ZERO
            };
            collateral_value.push(value.to_chart());
            loan_to_value.push(if was_live { loan_month.loan_to_value.map_or(f64::NAN, Money::to_chart) } else { f64::NAN });
            coverage.push(loan_month.debt_service_coverage.map_or(f64::NAN, Money::to_chart));
        }
        last = market;
    }

    let loan_breakeven_hashprice = loan.breakeven_hashprice(terms).filter(|_| loan.outcome.available);
    let baseline = EndState::new(&baseline, M::ZERO, M::ZERO, M::ZERO, &last, terms, M::ZERO);
    let premium = market_premium(baseline.net_asset_value, baseline.shares, last.share_price());
    let baseline_equity_value = owners_value(baseline.net_asset_value + premium, terms.shares_before_raise, baseline.shares);
    // A default's unpaid claim is in the company's claims (EndState adds them).
    let unpaid = convertible.outstanding;
    Outcomes {
        loan: LoanResult {
            end: {
                let (ring_fenced, pledged_ph, debt) = loan.end_values(&last, terms);
                EndState::new(&loan_company, ring_fenced, pledged_ph, debt, &last, terms, premium)
            },
            outcome: loan.outcome,
            series: loan_series,
            collateral_value,
            loan_to_value,
            debt_service_coverage: coverage,
        },
        convertible: ConvertibleResult {
            end: EndState::new(&convertible_company, M::ZERO, M::ZERO, unpaid, &last, terms, premium),
            outcome: convertible.outcome,
            series: convertible_series,
        },
        secured: SecuredResult {
            end: EndState::new(&secured_company, M::ZERO, M::ZERO, secured.balance, &last, terms, premium),
            outcome: secured.outcome,
            series: secured_series,
        },
        loan_breakeven_hashprice,
        hpc_noi_total,
        secured_hpc_noi_total,
        idle_months,
        fleet_sold_month,
        net_assets_at_start,
        baseline_equity_value,
    }
}
