//! What the three structures share (MODEL.md §1.2, §4.5, §4.8): the scenario's inputs as
//! money ([`Terms`]), one month's market as money ([`MonthMarket`]), and the company — cash,
//! shares, fleet, HPC assets — with its ledger, rescue equity and end-of-run values.
//!
//! [`Terms::new`] and [`MonthMarket::new`] are where `f64` inputs and market values cross
//! into the money type (see `money`); nothing else converts.

use super::assumptions::{Assumptions, Settlement, WallPolicy};
use super::hpc::HpcPlan;
use super::market::MarketPath;
use super::mining::{breakeven_hashprice_cash, machine_value_usd_per_th};
use super::loan::payment;
use super::machines::{annuity_factor, value_in_use_per_ph};
use super::money::{Money, RATE_DECIMALS};

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
    pub th_per_machine: M,
    /// Months of margin a running PH/s is worth today ([`super::machines::annuity_factor`]).
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
    // Structure C.
    pub secured_coupon: M,
    pub secured_term_months: u32,
    pub secured_amortization: M,
    pub secured_cost: M,
    pub build_months: u32,
    // The market side's per-run constants, in f64 as the market is (computed once here
    // rather than in every month of every Monte Carlo path; the same operations, so the
    // same bits).
    /// w and 1 − w of the share price (MODEL.md §4.8).
    pub share_weight: f64,
    pub share_unweighted: f64,
    /// Cash breakeven hashprice (power and other running costs) when curtailment is on: the
    /// machines idle in a month whose hashprice is below it.
    pub curtail_below: Option<f64>,
    /// Months idle in a row after which unpledged machines are sold (`None`: never).
    pub sell_after_months: Option<u32>,
    /// PMT at closing on the full principal (MODEL.md §2.2): the same on every path.
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
            secured_coupon: pct(a.secured_coupon_pct),
            secured_term_months: a.secured_term_months,
            secured_amortization: pct(a.secured_amortization_pct),
            secured_cost: pct(a.secured_cost_pct),
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
}

/// One month's market and operations, shared by every structure on the path. Hashprice and
/// the per-PH/s flows are money; machine value and share price stay `f64` until a structure
/// needs them ([`MonthMarket::machine_value_per_th`], [`MonthMarket::share_price`]).
#[derive(Clone, Copy, Debug)]
pub struct MonthMarket<M> {
    /// HP_t, $/PH/s/day.
    pub hashprice: M,
    /// v_t, $/TH (MODEL.md §2.3), as computed.
    pub machine_value_per_th_f64: f64,
    /// S_t (MODEL.md §4.8), as computed.
    pub share_price_f64: f64,
    /// Revenue per PH/s owned this month: HP × on × d (MODEL.md §1.2).
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

/// The company under one structure: cash, shares, assets, and this month's ledger.
#[derive(Clone, Debug)]
pub struct Company<M> {
    pub cash: M,
    pub shares: M,
    /// PH/s owned, H_t.
    pub fleet_ph: M,
    /// HPC assets still owned (false once a secured lender has taken them).
    pub owns_hpc: bool,
    pub rescue_shares: M,
    /// PH/s sold after standing idle, and what they fetched.
    pub sold_ph: M,
    pub sale_proceeds: M,
    /// Cash received this month (revenue, NOI, releases, rescue equity).
    pub inflow: M,
    /// Cash paid this month (operating costs, debt service, principal).
    pub outflow: M,
}

impl<M: Money> Company<M> {
    /// The company at t = 0 after deploying the proceeds (MODEL.md §4.5): new machines at
    /// v_0, HPC at cost, the rest held as cash, less the structure's fees.
    pub fn after_raise(terms: &Terms<M>, machine_value_at_closing_per_th: M, fees: M) -> Self {
        let machine_spend = terms.share_of_proceeds_to_machines * terms.principal;
        let new_fleet = (machine_spend / (machine_value_at_closing_per_th * M::from_int(1000))).positive_part().rounded(RATE_DECIMALS);
        Company {
            cash: terms.cash_before_raise + terms.share_of_proceeds_held * terms.principal - fees,
            shares: terms.shares_before_raise,
            fleet_ph: terms.fleet_before_raise_ph + new_fleet,
            owns_hpc: true,
            rescue_shares: M::ZERO,
            sold_ph: M::ZERO,
            sale_proceeds: M::ZERO,
            inflow: M::ZERO,
            outflow: M::ZERO,
        }
    }

    /// The company as it was before the raise: what a structure that could not be put in
    /// place leaves (an unavailable loan).
    pub fn without_raise(terms: &Terms<M>) -> Self {
        Company {
            cash: terms.cash_before_raise,
            shares: terms.shares_before_raise,
            fleet_ph: terms.fleet_before_raise_ph,
            owns_hpc: false,
            rescue_shares: M::ZERO,
            sold_ph: M::ZERO,
            sale_proceeds: M::ZERO,
            inflow: M::ZERO,
            outflow: M::ZERO,
        }
    }

    /// Sells `ph` PH/s of the company's own (unpledged) machines at the market price less the
    /// haircut a fleet sold at once fetches.
    pub fn sell_machines(&mut self, ph: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let ph = ph.positive_part().min_of(self.fleet_ph);
        if ph <= M::ZERO {
            return;
        }
        let proceeds = ph * market.machine_value_per_th() * M::from_int(1000) * (M::ONE - terms.haircut);
        self.fleet_ph = self.fleet_ph - ph;
        self.sold_ph = self.sold_ph + ph;
        self.sale_proceeds = self.sale_proceeds + proceeds;
        self.receive(proceeds);
    }

    pub fn receive(&mut self, amount: M) {
        self.cash = self.cash + amount;
        self.inflow = self.inflow + amount;
    }

    pub fn pay(&mut self, amount: M) {
        self.cash = self.cash - amount;
        self.outflow = self.outflow + amount;
    }

    /// Starts a month's ledger.
    pub fn open_month(&mut self) {
        self.inflow = M::ZERO;
        self.outflow = M::ZERO;
    }

    /// Operating cash flow of the fleet `fleet_ph` (the part the company keeps) plus HPC NOI
    /// less G&A: revenue in, costs out (MODEL.md §1.2).
    pub fn operate(&mut self, fleet_ph: M, market: &MonthMarket<M>, terms: &Terms<M>) {
        let noi = if self.owns_hpc { market.hpc_noi } else { M::ZERO };
        self.receive(fleet_ph * market.revenue_per_ph + noi);
        self.pay(fleet_ph * market.cost_per_ph + terms.overhead_usd_per_month);
    }

    /// OCF_t of the whole company (MODEL.md §1.2).
    pub fn operating_cash_flow(&self, market: &MonthMarket<M>, terms: &Terms<M>) -> M {
        let noi = if self.owns_hpc { market.hpc_noi } else { M::ZERO };
        market.mining_margin(self.fleet_ph) - terms.overhead_usd_per_month + noi
    }

    /// Rescue equity (MODEL.md §4.8): negative cash at month end is filled by selling
    /// `ΔN = −cash / (S_t(1 − disc))` shares. Returns the shares sold.
    pub fn rescue(&mut self, share_price: M, discount: M) -> M {
        if self.cash >= M::ZERO {
            return M::ZERO;
        }
        let price = share_price * (M::ONE - discount);
        let Some(sold) = (-self.cash).checked_ratio(price) else { return M::ZERO };
        self.shares = self.shares + sold;
        self.rescue_shares = self.rescue_shares + sold;
        let raised = -self.cash;
        self.receive(raised);
        sold
    }
}

/// The shareholders' side at the end of a run (MODEL.md §4.8), for every structure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndState<M> {
    pub cash: M,
    /// Cash still trapped in the loan's SPV (structure A).
    pub spv_cash: M,
    pub fleet_ph: M,
    /// The fleet's value in use at the last month's hashprice (not its market price).
    pub machine_value: M,
    pub hpc_book_value: M,
    /// Loan balance, notes outstanding or unpaid principal.
    pub debt: M,
    pub shares: M,
    /// Shares sold as rescue equity over the run (MODEL.md §4.8).
    pub rescue_shares: M,
    /// NAV_T = cash + SPV cash + machines (value in use) + HPC book − debt.
    pub net_asset_value: M,
    /// N0 / shares_T.
    pub ownership_retained: M,
    /// 1 − N0 / shares_T: all new shares over all shares.
    pub dilution_total: M,
    /// NAV_T × N0 / shares_T, the value to the original holders.
    pub equity_value: M,
    pub share_price: M,
}

impl<M: Money> EndState<M> {
    pub fn new(company: &Company<M>, spv_cash: M, debt: M, last: &MonthMarket<M>, terms: &Terms<M>) -> Self {
        let machine_value = last.value_in_use_per_ph(terms) * company.fleet_ph;
        let hpc_book_value = if company.owns_hpc { terms.hpc_book_value } else { M::ZERO };
        let net_asset_value = company.cash + spv_cash + machine_value + hpc_book_value - debt;
        let ownership_retained = terms.shares_before_raise.checked_ratio(company.shares).unwrap_or(M::ONE);
        EndState {
            cash: company.cash,
            spv_cash,
            fleet_ph: company.fleet_ph,
            machine_value,
            hpc_book_value,
            debt,
            shares: company.shares,
            rescue_shares: company.rescue_shares,
            net_asset_value,
            ownership_retained,
            dilution_total: M::ONE - ownership_retained,
            equity_value: net_asset_value * ownership_retained,
            share_price: last.share_price(),
        }
    }
}

/// Per-month values of one structure, for the charts (f64: drawing only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StructureSeries {
    /// Company cash at month end, t = 0..T.
    pub cash: Vec<f64>,
    /// Loan balance, notes outstanding or secured balance, t = 0..T.
    pub debt: Vec<f64>,
    pub shares: Vec<f64>,
    pub fleet_ph: Vec<f64>,
    /// Cash received and paid in each month (t = 0 holds zeros).
    pub inflow: Vec<f64>,
    pub outflow: Vec<f64>,
}

impl StructureSeries {
    pub fn with_capacity(months: usize) -> Self {
        StructureSeries {
            cash: Vec::with_capacity(months),
            debt: Vec::with_capacity(months),
            shares: Vec::with_capacity(months),
            fleet_ph: Vec::with_capacity(months),
            inflow: Vec::with_capacity(months),
            outflow: Vec::with_capacity(months),
        }
    }

    pub fn push<M: Money>(&mut self, company: &Company<M>, debt: M) {
        self.cash.push(company.cash.to_chart());
        self.debt.push(debt.to_chart());
        self.shares.push(company.shares.to_chart());
        self.fleet_ph.push(company.fleet_ph.to_chart());
        self.inflow.push(company.inflow.to_chart());
        self.outflow.push(company.outflow.to_chart());
    }
}
