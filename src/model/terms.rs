//! The scenario's inputs as money: [`Terms`], built once per run from the sanitized
//! assumptions. [`Terms::new`] is where `f64` inputs cross into the money type (see `money`).

use super::assumptions::{Assumptions, Settlement, WallPolicy};
use super::hpc::HpcPlan;
use super::mining::breakeven_hashprice_cash;
use super::money::{Money, RATE_DECIMALS};
use super::rates::{annuity_factor, payment};

/// The scenario's inputs in model units, money in `M`. Fractions are decimals (percent/100).
#[derive(Clone, Debug)]
pub struct Terms<M> {
    pub days_per_month: M,
    pub uptime: M,
    pub efficiency_j_per_th: M,
    pub power_usd_per_kwh: M,
    pub other_opex_usd_per_ph_day: M,
    pub overhead_usd_per_month: M,
    pub principal: M,
    pub cash_before_raise: M,
    pub shares_before_raise: M,
    pub fleet_before_raise_ph: M,
    pub share_of_proceeds_to_machines: M,
    pub share_of_proceeds_held: M,
    pub hpc_megawatts: M,
    pub hpc_book_value: M,
    /// Derived once: u × d, (e × u × 24 × c) × d, o × d and MW × L/12 × m (full capacity).
    pub uptime_days: M,
    pub power_cost_per_ph_month: M,
    pub opex_per_ph_month: M,
    pub hpc_noi_at_capacity: M,
    pub rescue_discount: M,
    /// Further discount per unit fall of the share price since closing.
    pub crash_discount: M,
    /// The most shares sold in a month, as a fraction of shares outstanding (`None`: no limit).
    pub rescue_limit: Option<M>,
    pub th_per_machine: M,
    /// Months of margin a running PH/s is worth today ([`super::rates::annuity_factor`]).
    pub machine_annuity: M,
    /// Scrap value of one PH/s, the floor of value in use.
    pub scrap_per_ph: M,
    // Structure A.
    pub loan_rate: M,
    /// r / 12.
    pub loan_rate_monthly: M,
    pub loan_term_months: u32,
    pub loan_interest_only_months: u32,
    pub loan_to_value: M,
    pub loan_to_value_covenant: Option<M>,
    pub recourse: bool,
    /// The parent supports a non-recourse SPV while the collateral covers the loan (R1).
    pub parent_support: bool,
    pub spv_reserve: M,
    pub haircut: M,
    pub loan_fee: M,
    // Structure B.
    pub coupon: M,
    pub maturity_months: u32,
    pub reference_price: M,
    pub premium: M,
    pub cap_premium: Option<M>,
    pub capped_call_cost: M,
    pub issue_cost: M,
    pub settlement: Settlement,
    pub put_month: Option<u32>,
    pub call_start_month: Option<u32>,
    pub call_trigger: M,
    pub wall_policy: WallPolicy,
    /// The most a wall can be refinanced with, as a fraction of equity market value (`None`:
    /// no refinancing), and the refinancing notes' coupon.
    pub refinance_limit: Option<M>,
    pub refinancing_coupon: M,
    // Structure C.
    pub secured_coupon: M,
    pub secured_term_months: u32,
    pub secured_amortization: M,
    pub secured_cost: M,
    /// The secured notes' interest reserve in dollars: `secured_reserve` months of coupon.
    pub secured_reserve: M,
    pub build_months: u32,
    // The market side's per-run constants, in f64 as the market is (computed once here
    // rather than in every month of every Monte Carlo path; the same operations, so the
    // same bits).
    /// w and 1 − w of the share price (docs/model.md, "Priority and what owners keep (R4)").
    pub share_weight: f64,
    pub share_unweighted: f64,
    /// Cash breakeven hashprice (power and other running costs) when curtailment is on: the
    /// machines idle in a month whose hashprice is below it.
    pub curtail_below: Option<f64>,
    /// Months idle in a row after which unpledged machines are sold (`None`: never).
    pub sell_after_months: Option<u32>,
    /// PMT at closing on the full principal (docs/model.md, "Structure A: the machine-backed loan"): the same on every path.
    pub loan_payment_at_closing: M,
}

fn pct<M: Money>(value: f64) -> M {
    M::from_f64(value) / M::from_int(100)
}

impl<M: Money> Terms<M> {
    /// Converts a sanitized scenario's inputs to money (the boundary, once per run).
    pub fn new(a: &Assumptions, hpc: &HpcPlan) -> Self {
        let principal = M::from_f64(a.principal_usd);
        let hpc_share = pct::<M>(a.hpc_share_pct);
        let held = pct::<M>(a.proceeds_cash_pct);
        let days = M::from_f64(a.days_per_month);
        let uptime = pct::<M>(a.uptime_pct);
        let efficiency = M::from_f64(a.efficiency_j_per_th);
        let power = M::from_f64(a.power_usd_per_mwh) / M::from_int(1000);
        let opex = M::from_f64(a.other_opex_usd_per_ph_day);
        let megawatts = M::from_f64(hpc.megawatts(a.principal_usd));
        let loan_rate = pct::<M>(a.loan_coupon_pct);
        Terms {
            days_per_month: days,
            uptime,
            efficiency_j_per_th: efficiency,
            power_usd_per_kwh: power,
            other_opex_usd_per_ph_day: opex,
            uptime_days: (uptime * days).rounded(RATE_DECIMALS),
            power_cost_per_ph_month: (efficiency * uptime * M::from_int(24) * days * power).rounded(RATE_DECIMALS),
            opex_per_ph_month: (opex * days).rounded(RATE_DECIMALS),
            hpc_noi_at_capacity: megawatts * M::from_f64(hpc.lease_usd_per_mw_year) / M::from_int(12) * M::from_f64(hpc.noi_margin),
            overhead_usd_per_month: M::from_f64(a.overhead_usd_per_month),
            principal,
            cash_before_raise: M::from_f64(a.cash_usd),
            shares_before_raise: M::from_f64(a.shares_outstanding),
            fleet_before_raise_ph: M::from_f64(a.fleet_ph_s),
            share_of_proceeds_to_machines: (M::ONE - hpc_share - held).positive_part(),
            share_of_proceeds_held: held,
            hpc_megawatts: megawatts,
            hpc_book_value: hpc_share * principal,
            rescue_discount: pct(a.rescue_discount_pct),
            crash_discount: pct(a.crash_discount_pct),
            rescue_limit: (a.rescue_limit_pct > 0.0).then(|| pct(a.rescue_limit_pct)),
            th_per_machine: M::from_f64(a.th_per_machine),
            machine_annuity: M::from_f64(annuity_factor(a.machine_life_months, a.value_discount_pct / 100.0)),
            scrap_per_ph: M::from_f64(a.scrap_usd_per_th) * M::from_int(1000),
            loan_rate,
            loan_rate_monthly: loan_rate / M::from_int(12),
            loan_term_months: a.loan_term_months,
            loan_interest_only_months: a.loan_interest_only_months,
            loan_to_value: pct(a.loan_to_value_pct),
            loan_to_value_covenant: (a.loan_to_value_covenant_pct > 0.0).then(|| pct(a.loan_to_value_covenant_pct)),
            recourse: a.recourse,
            parent_support: a.parent_support,
            spv_reserve: M::from_f64(a.spv_reserve_usd),
            haircut: pct(a.liquidation_haircut_pct),
            loan_fee: pct(a.loan_fee_pct),
            coupon: pct(a.coupon_pct),
            maturity_months: a.maturity_months,
            reference_price: M::from_f64(a.share_price_usd),
            premium: pct(a.premium_pct),
            cap_premium: a.has_capped_call().then(|| pct(a.cap_pct)),
            capped_call_cost: pct(a.capped_call_cost_pct),
            issue_cost: pct(a.issue_cost_pct),
            settlement: a.settlement,
            put_month: (a.put_month > 0).then_some(a.put_month),
            call_start_month: (a.call_start_month > 0).then_some(a.call_start_month),
            call_trigger: pct(a.call_trigger_pct),
            wall_policy: a.wall_policy,
            refinance_limit: (a.refinance_max_pct > 0.0).then(|| pct(a.refinance_max_pct)),
            refinancing_coupon: pct(a.refinancing_coupon_pct),
            secured_coupon: pct(a.secured_coupon_pct),
            secured_term_months: a.secured_term_months,
            secured_amortization: pct(a.secured_amortization_pct),
            secured_cost: pct(a.secured_cost_pct),
            secured_reserve: principal * pct::<M>(a.secured_coupon_pct) * M::from_int(a.secured_reserve_months as i64) / M::from_int(12),
            build_months: a.build_months,
            share_weight: a.hpc_weight_pct / 100.0,
            share_unweighted: 1.0 - a.hpc_weight_pct / 100.0,
            curtail_below: a.curtail.then(|| {
                breakeven_hashprice_cash(a.efficiency_j_per_th, a.power_usd_per_mwh, a.other_opex_usd_per_ph_day, a.uptime_pct / 100.0)
            }),
            sell_after_months: (a.sell_after_months > 0).then_some(a.sell_after_months),
            loan_payment_at_closing: payment(principal, loan_rate, a.loan_term_months as i64 - a.loan_interest_only_months as i64),
        }
    }

    /// Cash each structure pays at issue, `(loan, convertible, secured)`: the loan's fee; the
    /// convertible's issue cost and its capped call's price; the secured notes' issue cost.
    pub fn costs_at_issue(&self) -> (M, M, M) {
        let capped = if self.cap_premium.is_some() { self.capped_call_cost } else { M::ZERO };
        (self.loan_fee * self.principal, (self.issue_cost + capped) * self.principal, self.secured_cost * self.principal)
    }
}
