//! What each structure costs (R9): the costs paid at issue, and the all-in yield, the rate at
//! which the structure's contractual cash flows cost the issuer, fees included.
//!
//! The all-in yield is the internal rate of return of the issuer's flows if the debt runs to
//! term as written: the proceeds net of costs in at closing, every coupon, amortisation and
//! principal out on schedule (no default, no conversion, no call), as an effective annual rate
//! (x% means ×(1 + x) after a year). For the convertible the capped call is a cost net of its
//! value: the company pays `cap_cost` for a call spread that is worth something, valued here
//! with Black and Scholes at the share price's volatility in the model (β × σ_BTC × (1 − w)),
//! the `risk_free` rate and no dividend. What the convertible's holders receive in the option to
//! convert is not a cash flow and is not in its yield: it is the dilution the page shows.
//!
//! Rates are `f64` (they are ratios, not money); the cash flows they are solved from are the
//! exact terms converted once.

use super::assumptions::Assumptions;
use super::rates::payment;

/// The three structures' all-in yields (effective annual rates; `None` when the flows have no
/// solution), and the capped call's value at issue. The costs at issue themselves are exact
/// money: [`super::terms::Terms::costs_at_issue`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Costs {
    pub loan_yield: Option<f64>,
    pub convertible_yield: Option<f64>,
    pub secured_yield: Option<f64>,
    /// Black and Scholes' value of the capped call at issue, dollars.
    pub capped_call_value_at_issue: f64,
}

/// The standard normal distribution function.
fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / core::f64::consts::SQRT_2)
}

/// Black and Scholes' value of a call per share: spot `s`, strike `k`, years `t`, volatility
/// `sigma`, risk-free rate `r` (continuous), no dividend.
pub fn call_value(s: f64, k: f64, t: f64, sigma: f64, r: f64) -> f64 {
    if s <= 0.0 {
        return 0.0;
    }
    if k <= 0.0 {
        return s;
    }
    let deviation = sigma * libm::sqrt(t.max(0.0));
    if deviation <= 0.0 {
        return (s - k * libm::exp(-r * t)).max(0.0);
    }
    let d1 = (libm::log(s / k) + (r + sigma * sigma / 2.0) * t) / deviation;
    let d2 = d1 - deviation;
    s * normal_cdf(d1) - k * libm::exp(-r * t) * normal_cdf(d2)
}

/// The internal rate of return of monthly flows (index = month), as an effective annual rate.
/// Bisection on the monthly rate between −99% and +100% a month; `None` without a sign change.
pub fn effective_annual_irr(flows: &[f64]) -> Option<f64> {
    let npv = |m: f64| flows.iter().enumerate().map(|(t, cf)| cf / libm::pow(1.0 + m, t as f64)).sum::<f64>();
    let (mut lo, mut hi) = (-0.99, 1.0);
    let (f_lo, f_hi) = (npv(lo), npv(hi));
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
        return None;
    }
    for _ in 0..200 {
        let mid = (lo + hi) / 2.0;
        if npv(mid).signum() == f_lo.signum() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(libm::pow(1.0 + (lo + hi) / 2.0, 12.0) - 1.0)
}

/// The issuer's flows of a bond paying `coupon` (a fraction a year) semi-annually on the
/// balance, with `amortise(t)` of principal at payment dates and the rest at `term` months.
fn bond_flows(principal: f64, proceeds: f64, coupon: f64, term: u32, amortise: impl Fn(u32, f64) -> f64) -> Vec<f64> {
    let mut flows = vec![0.0; term as usize + 1];
    flows[0] = proceeds;
    let (mut balance, mut last) = (principal, 0u32);
    for t in 1..=term {
        if !t.is_multiple_of(6) && t != term {
            continue;
        }
        let interest = balance * coupon * f64::from(t - last) / 12.0;
        let repaid = if t == term { balance } else { amortise(t, balance).min(balance) };
        flows[t as usize] = -(interest + repaid);
        balance -= repaid;
        last = t;
    }
    flows
}

/// The costs of a (sanitized) scenario's three structures.
pub fn costs(a: &Assumptions) -> Costs {
    let f = a.principal_usd;
    let pct = |x: f64| x / 100.0;

    let loan_fee = pct(a.loan_fee_pct) * f;
    let mut loan_flows = vec![0.0; a.loan_term_months as usize + 1];
    loan_flows[0] = f - loan_fee;
    let monthly = pct(a.loan_coupon_pct) / 12.0;
    let amortising = i64::from(a.loan_term_months) - i64::from(a.loan_interest_only_months);
    let level = payment(f, pct(a.loan_coupon_pct), amortising);
    for t in 1..=a.loan_term_months {
        loan_flows[t as usize] = -if t <= a.loan_interest_only_months { f * monthly } else { level };
    }

    let capped = a.has_capped_call();
    let reference = a.share_price_usd;
    let conversion_price = reference * (1.0 + pct(a.premium_pct));
    let cap_price = reference * (1.0 + pct(a.cap_pct));
    let years = f64::from(a.maturity_months) / 12.0;
    let share_volatility = a.share_beta * pct(a.btc_volatility_pct) * (1.0 - pct(a.hpc_weight_pct));
    let rate = libm::log1p(pct(a.risk_free_pct));
    let capped_call_value = if capped && conversion_price > 0.0 {
        let per_share = call_value(reference, conversion_price, years, share_volatility, rate)
            - call_value(reference, cap_price, years, share_volatility, rate);
        per_share * f / conversion_price
    } else {
        0.0
    };
    let capped_call_cost = if capped { pct(a.capped_call_cost_pct) * f } else { 0.0 };
    let issue_cost = pct(a.issue_cost_pct) * f;
    let convertible_proceeds = f - issue_cost - (capped_call_cost - capped_call_value);
    let convertible_flows = bond_flows(f, convertible_proceeds, pct(a.coupon_pct), a.maturity_months, |_, _| 0.0);

    let secured_cost = pct(a.secured_cost_pct) * f;
    let amortisation = pct(a.secured_amortization_pct) * f;
    let build = a.build_months;
    let secured_flows =
        bond_flows(f, f - secured_cost, pct(a.secured_coupon_pct), a.secured_term_months, |t, _| if t > build { amortisation } else { 0.0 });

    Costs {
        loan_yield: effective_annual_irr(&loan_flows),
        convertible_yield: effective_annual_irr(&convertible_flows),
        secured_yield: effective_annual_irr(&secured_flows),
        capped_call_value_at_issue: capped_call_value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_scholes_by_hand() {
        // S = K = 100, one year, 20% volatility, 5% rate: 10.4506 (the textbook value).
        assert!((call_value(100.0, 100.0, 1.0, 0.2, 0.05) - 10.450_583_572).abs() < 1e-6);
        // Deep in the money with no time: intrinsic value.
        assert_eq!(call_value(150.0, 100.0, 0.0, 0.2, 0.05), 50.0);
    }

    #[test]
    fn a_bond_at_par_yields_its_coupon() {
        // 8% paid semi-annually is 8.16% a year effective; bought at par, that is its yield.
        let flows = bond_flows(100.0, 100.0, 0.08, 60, |_, _| 0.0);
        let y = effective_annual_irr(&flows).unwrap();
        assert!((y - (1.04f64 * 1.04 - 1.0)).abs() < 1e-9, "{y}");
        // A zero-coupon note sold for 91% of face over six years costs (1/0.91)^(1/6) − 1.
        let flows = bond_flows(100.0, 91.0, 0.0, 72, |_, _| 0.0);
        let y = effective_annual_irr(&flows).unwrap();
        assert!((y - ((1.0f64 / 0.91).powf(1.0 / 6.0) - 1.0)).abs() < 1e-9, "{y}");
    }
}
