//! From a model run to what the calculator's charts draw: pure transforms, tested on the host.
//! The charts never see the model's types, and the model never sees a chart.

use super::cash::CashView;
use super::loan::LoanView;
use super::monte_carlo::{DefaultCurveView, DilutionHistogramView};
use super::ownership::OwnershipView;
use super::path::{Band, PathView};
use crate::model::convertible::ConversionTerms;
use crate::model::loan::LoanDefault;
use crate::model::money::Money;
use crate::model::montecarlo::DILUTION_BINS;
use crate::model::simulate::Scenario;

/// The hashprice path with the breakevens.
pub fn path_view(s: &Scenario) -> PathView {
    PathView {
        start: s.timeline.start,
        hashprice: s.market.hashprice.clone(),
        fan: s.monte_carlo.as_ref().map(|mc| {
            mc.hashprice_by_month.iter().map(|q| Band { p5: q.p5, p25: q.p25, p50: q.p50, p75: q.p75, p95: q.p95 }).collect()
        }),
        breakeven_power: s.breakeven_power,
        breakeven_cash: if s.breakeven_cash.is_finite() { s.breakeven_cash } else { s.breakeven_power },
        loan_coverage_one: s.outcomes.loan_breakeven_hashprice.map(|m| m.to_f64()).filter(|v| v.is_finite()),
        events: Vec::new(),
    }
}

/// The loan's balance against its collateral.
pub fn loan_view(s: &Scenario) -> LoanView {
    let loan = &s.outcomes.loan;
    let o = &loan.outcome;
    let label = |t: u32| crate::charts::months::month_label(s.timeline.start, t as usize);
    let default = o.default_month.map(|m| {
        let cause = match o.default_cause {
            Some(LoanDefault::Covenant) => "covenant default",
            _ => "payment default",
        };
        (m as usize, cause.to_string())
    });
    let sold = o.sold_month.map(|m| (m as usize, "machines sold".to_string()));
    let summary = match (o.available, o.default_month, o.sold_month, o.repaid_month) {
        (false, ..) => crate::narrative::outcomes::loan_unavailable_sentence(s).unwrap_or_default(),
        (_, Some(m), ..) => format!("The lender takes the machines in a {} in {}.", default.as_ref().map_or("default", |d| d.1.as_str()), label(m)),
        (_, _, Some(m), _) => format!("The company sells the machines and repays the loan in {}.", label(m)),
        (_, _, _, Some(m)) => format!("The loan is paid off in {}; the pledged machines return to the company.", label(m)),
        _ => "The loan is still being paid at the end of the run.".into(),
    };
    LoanView {
        start: s.timeline.start,
        balance: loan.series.debt.clone(),
        collateral: loan.collateral_value.clone(),
        default: default.or(sold),
        unavailable: (!o.available).then(|| summary.clone()),
        summary,
    }
}

/// Ownership kept by existing holders at each share price at maturity, under the scenario's
/// terms and settlement (conversion only; rescue equity depends on the path, not the price).
pub fn ownership_view(s: &Scenario) -> OwnershipView {
    let a = &s.assumptions;
    let cap = (a.cap_pct > 0.0).then_some(a.cap_pct / 100.0);
    let terms = ConversionTerms::<f64>::new(a.principal_usd, a.share_price_usd, a.premium_pct / 100.0, cap);
    let k = terms.conversion_price;
    let outcome_price = s.market.share_price_usd.last().copied().unwrap_or(a.share_price_usd);
    let x_max = (k * 3.0).max(terms.cap_price.unwrap_or(0.0) * 1.4).max(outcome_price * 1.15).max(1.0);
    let n0 = a.shares_outstanding.max(1.0);
    let steps = 240;
    let curve = (0..=steps)
        .map(|i| {
            let price = x_max * i as f64 / steps as f64;
            let net = if price > k { terms.settle(a.principal_usd, price, a.settlement).net_shares } else { 0.0 };
            (price, n0 / (n0 + net))
        })
        .collect();
    let b = &s.outcomes.convertible;
    let kept = b.end.ownership_retained.to_f64();
    OwnershipView { curve, conversion_price: k, cap_price: terms.cap_price, outcome: Some((outcome_price, kept)) }
}

/// Company cash under each structure.
pub fn cash_view(s: &Scenario) -> CashView {
    let o = &s.outcomes;
    CashView {
        start: s.timeline.start,
        lines: vec![
            ("Loan".into(), o.loan.series.cash.clone()),
            ("Convertible".into(), o.convertible.series.cash.clone()),
            ("Secured notes".into(), o.secured.series.cash.clone()),
        ],
    }
}

/// The Monte Carlo charts, when Monte Carlo is on.
pub fn monte_carlo_views(s: &Scenario) -> Option<(DefaultCurveView, DilutionHistogramView)> {
    let mc = s.monte_carlo.as_ref()?;
    let curve = DefaultCurveView { start: s.timeline.start, probability: mc.loan_default_by_month.clone(), paths: mc.paths as usize };
    let n = mc.paths.max(1) as f64;
    let width = 1.0 / DILUTION_BINS as f64;
    let last = mc.dilution_total_histogram.iter().rposition(|c| *c > 0).unwrap_or(0);
    let shown = (last + 2).clamp(4, DILUTION_BINS);
    let bins = mc.dilution_total_histogram[..shown]
        .iter()
        .enumerate()
        .map(|(i, c)| (i as f64 * width, (i + 1) as f64 * width, *c as f64 / n))
        .collect();
    let histogram = DilutionHistogramView { bins, median: mc.dilution_total.p50, p90: mc.dilution_total.p90 };
    Some((curve, histogram))
}
