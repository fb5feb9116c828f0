//! One month's market as money: hashprice, the fleet's revenue and costs per PH/s, whether the
//! machines run, the lease income of the data center, and the machines' market price and the
//! share price. [`MonthMarket::new`] is where the month's `f64` market values cross into the
//! money type (see `money`).

use super::assumptions::Assumptions;
use super::hpc::HpcPlan;
use super::machines::value_in_use_per_ph;
use super::market::MarketPath;
use super::mining::machine_value_usd_per_th;
use super::money::{Money, RATE_DECIMALS};
use super::terms::Terms;

/// One month's market and operations, shared by every structure on the path. Hashprice and
/// the per-PH/s flows are money; machine value and share price stay `f64` until a structure
/// needs them ([`MonthMarket::machine_value_per_th`], [`MonthMarket::share_price`]).
#[derive(Clone, Copy, Debug)]
pub struct MonthMarket<M> {
    /// HP_t, $/PH/s/day.
    pub hashprice: M,
    /// v_t, $/TH (docs/model.md, "What machines are worth (R2)"), as computed.
    pub machine_value_per_th_f64: f64,
    /// S_t (docs/model.md, "Priority and what owners keep (R4)"), as computed.
    pub share_price_f64: f64,
    /// Revenue per PH/s owned this month: HP × on × d (docs/model.md, "Mining").
    pub revenue_per_ph: M,
    /// Power and other running costs per PH/s: (e × u × 24 × c + o) × d, or nothing when idle.
    pub cost_per_ph: M,
    /// Whether the machines run this month (not idled by curtailment).
    pub running: bool,
    /// Months in a row, to this one, that the machines have stood idle (set by the run).
    pub idle_run: u32,
    /// What a running PH/s would earn this month after power and other running costs (negative
    /// when it cannot cover them), whether or not the machines run.
    pub margin_running_per_ph: M,
    /// HPC_NOI_t for the whole build-out.
    pub hpc_noi: M,
}

/// The f64 market quantities of a month that feed [`MonthMarket`].
#[derive(Clone, Copy, Debug)]
pub struct MarketInputs<'a> {
    pub path: &'a MarketPath,
    pub a: &'a Assumptions,
    pub hpc: &'a HpcPlan,
}

impl<M: Money> MonthMarket<M> {
    /// Month `t` of the path, converted to money (the boundary, once per month).
    pub fn new(inputs: &MarketInputs<'_>, terms: &Terms<M>, t: usize) -> Self {
        let (path, a) = (inputs.path, inputs.a);
        let hashprice_f = path.hashprice.get(t).copied().unwrap_or(0.0);
        let closing = path.hashprice.first().copied().unwrap_or(0.0);
        let price = path.btc_price_usd.get(t).copied().unwrap_or(0.0);
        let price0 = path.btc_price_usd.first().copied().unwrap_or(0.0);
        let relative = if price0 > 0.0 && price > 0.0 {
            // exp(β ln x) rather than pow: the same value to an ulp, several times faster.
            if a.share_beta == 1.0 { price / price0 } else { libm::exp(a.share_beta * libm::log(price / price0)) }
        } else {
            0.0
        };
        // Idling is a decision on the market value, taken in f64 so the exact run and Monte
        // Carlo take it alike.
        let running = terms.curtail_below.is_none_or(|breakeven| hashprice_f >= breakeven);
        let hashprice = M::from_f64(hashprice_f);
        let revenue_running = (hashprice * terms.uptime_days).rounded(RATE_DECIMALS);
        let (revenue_per_ph, cost_per_ph) = if running {
            (revenue_running, terms.power_cost_per_ph_month + terms.opex_per_ph_month)
        } else {
            (M::ZERO, M::ZERO)
        };
        let hpc = inputs.hpc;
        let t32 = t as u32;
        let hpc_noi = if t32 <= hpc.build_months || t32 > hpc.build_months.saturating_add(hpc.lease_term_months) {
            M::ZERO
        } else if hpc.ramp_months == 0 || t32 - hpc.build_months >= hpc.ramp_months {
            terms.hpc_noi_at_capacity
        } else {
            terms.hpc_noi_at_capacity * M::from_int((t32 - hpc.build_months) as i64) / M::from_int(hpc.ramp_months as i64)
        };
        MonthMarket {
            hashprice,
            machine_value_per_th_f64: machine_value_usd_per_th(a.machine_value_days, closing, hashprice_f, a.machine_value_elasticity),
            share_price_f64: a.share_price_usd * (terms.share_unweighted * relative + terms.share_weight),
            revenue_per_ph,
            cost_per_ph,
            running,
            idle_run: 0,
            margin_running_per_ph: revenue_running - terms.power_cost_per_ph_month - terms.opex_per_ph_month,
            hpc_noi,
        }
    }

    /// v_t in money.
    pub fn machine_value_per_th(&self) -> M {
        M::from_f64(self.machine_value_per_th_f64)
    }

    /// S_t in money.
    pub fn share_price(&self) -> M {
        M::from_f64(self.share_price_f64)
    }

    /// Whether machines idle this long are sold (`sell_after`), by their owner or, for pledged
    /// ones, by the borrower repaying its loan.
    pub fn sell_idle(&self, terms: &Terms<M>) -> bool {
        terms.sell_after_months.is_some_and(|months| self.idle_run >= months)
    }

    /// Value in use of one PH/s at this month's hashprice (see [`super::machines`]).
    pub fn value_in_use_per_ph(&self, terms: &Terms<M>) -> M {
        value_in_use_per_ph(self.margin_running_per_ph, terms.machine_annuity, terms.scrap_per_ph)
    }

    /// Mining margin of `fleet_ph` PH/s this month, before G&A and HPC.
    pub fn mining_margin(&self, fleet_ph: M) -> M {
        fleet_ph * (self.revenue_per_ph - self.cost_per_ph)
    }
}
