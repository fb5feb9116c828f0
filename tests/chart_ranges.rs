//! Marks are never clamped into a chart's range. Each calculator chart is drawn through the
//! function the browser uses, for the defaults, every scenario and deal preset and every story
//! section's scenario; the ranges it plotted (read from its coordinates) must contain the
//! unclamped value of everything it highlights: the scenario's outcome, reference lines, event
//! markers and every point of its lines.

mod common;
use common::render;
use common::svg::Svg;
use debt_or_dilution::charts::cash::draw_cash;
use debt_or_dilution::charts::frame::HitMap;
use debt_or_dilution::charts::loan::draw_loan;
use debt_or_dilution::charts::monte_carlo::{draw_default_curve, draw_dilution_histogram};
use debt_or_dilution::charts::ownership::draw_ownership;
use debt_or_dilution::charts::path::draw_path;
use debt_or_dilution::charts::scenario_views::{cash_view, loan_view, monte_carlo_views, ownership_view, path_view};
use debt_or_dilution::charts::theme::Theme;
use debt_or_dilution::model::assumptions::Assumptions;
use debt_or_dilution::model::presets::{deal_preset, loadable_deal_ids, scenario_presets};
use debt_or_dilution::model::simulate::simulate;
use debt_or_dilution::story::SECTIONS;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Every scenario a reader can open without typing: the defaults, the presets, the story's.
fn scenarios() -> Vec<(String, Assumptions)> {
    let mut out = vec![("defaults".to_string(), Assumptions::default())];
    out.extend(scenario_presets().into_iter().map(|p| (format!("preset {}", p.id), p.assumptions)));
    out.extend(loadable_deal_ids().into_iter().filter_map(|id| deal_preset(id).ok().map(|p| (format!("deal {id}"), p.assumptions))));
    out.extend(SECTIONS.iter().filter_map(|s| s.local_assumptions().map(|a| (format!("section {}", s.id), a))));
    out
}

/// The plotted (x, y) ranges of a chart drawn by `draw`.
fn ranges(draw: impl FnOnce(&DrawingArea<Svg<'_>, Shift>) -> HitMap) -> (std::ops::Range<f64>, std::ops::Range<f64>) {
    let (_, hit) = render((720, 340), draw);
    (hit.coords.get_x_range(), hit.coords.get_y_range())
}

/// Collects what a chart highlights outside its ranges.
#[derive(Default)]
struct Outside(Vec<String>);

impl Outside {
    fn check(&mut self, scenario: &str, chart: &str, what: &str, value: f64, range: &std::ops::Range<f64>) {
        // A relative tolerance for the last bits of the axis arithmetic.
        let slack = 1e-9 * (range.end - range.start).abs().max(1.0);
        if value.is_finite() && (value < range.start - slack || value > range.end + slack) {
            self.0.push(format!("{scenario}: {chart}: {what} = {value} outside {range:?}"));
        }
    }
}

#[test]
fn every_highlighted_value_is_inside_its_charts_ranges() {
    let theme = Theme::light();
    let mut outside = Outside::default();
    let mut drawn = 0;
    for (name, a) in scenarios() {
        let s = simulate(&a);
        let n = name.as_str();

        let path = path_view(&s);
        let (x, y) = ranges(|r| draw_path(r, &path, &theme, None, None).unwrap());
        for (t, hp) in path.hashprice.iter().enumerate() {
            outside.check(n, "path", &format!("hashprice in month {t}"), *hp, &y);
        }
        for band in path.fan.iter().flatten() {
            outside.check(n, "path", "the fan's 95th percentile", band.p95, &y);
            outside.check(n, "path", "the fan's 5th percentile", band.p5, &y);
        }
        outside.check(n, "path", "the power breakeven", path.breakeven_power, &y);
        outside.check(n, "path", "the cash breakeven", path.breakeven_cash, &y);
        if let Some(level) = path.loan_coverage_one {
            outside.check(n, "path", "the loan's coverage-one hashprice", level, &y);
        }
        for t in &path.events {
            outside.check(n, "path", "an event marker", *t as f64, &x);
        }

        let loan = loan_view(&s);
        let (x, y) = ranges(|r| draw_loan(r, &loan, &theme, None, None).unwrap());
        for v in loan.balance.iter().chain(&loan.collateral) {
            outside.check(n, "loan", "the balance or the collateral", *v, &y);
        }
        if let Some((month, _)) = &loan.default {
            outside.check(n, "loan", "the default or sale month", *month as f64, &x);
        }

        let own = ownership_view(&s);
        let (x, y) = ranges(|r| draw_ownership(r, &own, &theme, None, None).unwrap());
        if let Some((price, kept)) = own.outcome {
            outside.check(n, "ownership", "the outcome's share price", price, &x);
            outside.check(n, "ownership", "the outcome's ownership", kept, &y);
        }
        outside.check(n, "ownership", "the conversion price", own.conversion_price, &x);
        if let Some(cap) = own.cap_price {
            outside.check(n, "ownership", "the cap", cap, &x);
        }
        for (price, kept) in &own.curve {
            outside.check(n, "ownership", "the curve's price", *price, &x);
            outside.check(n, "ownership", "the curve's ownership", *kept, &y);
        }

        let cash = cash_view(&s);
        let (_, y) = ranges(|r| draw_cash(r, &cash, &theme, None, None).unwrap());
        for (line, values) in &cash.lines {
            for v in values {
                outside.check(n, "cash", &format!("{line}'s cash"), *v, &y);
            }
        }

        if let Some((curve, histogram)) = monte_carlo_views(&s) {
            let (_, y) = ranges(|r| draw_default_curve(r, &curve, &theme, None, None).unwrap());
            for p in &curve.probability {
                outside.check(n, "default curve", "a default probability", *p, &y);
            }
            let (x, y) = ranges(|r| draw_dilution_histogram(r, &histogram, &theme, None, None).unwrap());
            outside.check(n, "dilution histogram", "the median", histogram.median, &x);
            outside.check(n, "dilution histogram", "the 90th percentile", histogram.p90, &x);
            for (lo, hi, share) in &histogram.bins {
                outside.check(n, "dilution histogram", "a bin's edges", *lo, &x);
                outside.check(n, "dilution histogram", "a bin's edges", *hi, &x);
                outside.check(n, "dilution histogram", "a bin's share", *share, &y);
            }
        }
        drawn += 1;
    }
    assert!(drawn >= 15, "{drawn} scenarios");
    assert!(outside.0.is_empty(), "{} highlighted values outside their charts' ranges:\n{}", outside.0.len(), outside.0.join("\n"));
}

/// The check can fail: an outcome placed beyond the ownership curve is caught unless the chart
/// widens its range for it.
#[test]
fn a_mark_outside_the_range_is_reported() {
    let mut outside = Outside::default();
    outside.check("made up", "ownership", "the outcome's ownership", 0.85, &(0.9..1.005));
    outside.check("made up", "ownership", "inside", 0.95, &(0.9..1.005));
    assert_eq!(outside.0.len(), 1);
}
