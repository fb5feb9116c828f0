//! Calculator chart 1: the hashprice path month by month (or, under Monte Carlo, the fan of
//! paths), against the fleet's power-only and cash breakevens and the hashprice at which the
//! loan's debt service coverage falls to 1.

use super::frame::{plot, Plot, frame, text_style, ChartResult, HitMap, Titles};
use super::months::{draw_year_axis, month_label};
use super::theme::Theme;
use crate::data::calendar::YearMonth;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Quantiles of the hashprice across Monte Carlo paths for one month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

/// What the path chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct PathView {
    pub start: YearMonth,
    /// Hashprice t = 0..T ($/PH/s/day): the deterministic or central path.
    pub hashprice: Vec<f64>,
    /// Monte Carlo quantiles t = 0..T, when Monte Carlo is on.
    pub fan: Option<Vec<Band>>,
    pub breakeven_power: f64,
    pub breakeven_cash: f64,
    /// Hashprice at which the loan's coverage is 1 (none when there is no loan).
    pub loan_coverage_one: Option<f64>,
    /// Months (t) of numbered events, drawn as "1", "2", ... at the top of the plot; the
    /// page lists what they are.
    pub events: Vec<usize>,
}

impl PathView {
    pub fn describe(&self, t: usize) -> String {
        let Some(hp) = self.hashprice.get(t) else { return String::new() };
        let mut text = format!("{}: ${:.2} per PH/s per day", month_label(self.start, t), hp);
        if let Some(band) = self.fan.as_ref().and_then(|f| f.get(t)) {
            text.push_str(&format!(" (half of paths between ${:.0} and ${:.0})", band.p25, band.p75));
        }
        text
    }
}

/// Draws the path. No marks: the pointer maps to months through [`HitMap::data_at`].
pub fn draw_path<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &PathView,
    theme: &Theme,
    titles: Option<&Titles>,
    cursor: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let months = view.hashprice.len().saturating_sub(1).max(1);
    let mut top = view.hashprice.iter().copied().fold(0.0, f64::max);
    if let Some(fan) = &view.fan {
        top = fan.iter().map(|b| b.p95).fold(top, f64::max);
    }
    top = top.max(view.breakeven_cash).max(view.loan_coverage_one.unwrap_or(0.0)).max(1.0) * 1.1;
    let mut chart = plot(&area, theme, Plot::monthly(months, 0.0..top, 44, (6, &|v| format!("${:.0}", v))))?;
    let coords = chart.as_coord_spec().clone();
    draw_year_axis(root, &coords, view.start, months, 0.0, theme)?;
    if let Some(fan) = &view.fan {
        let outer: Vec<(f64, f64)> = fan
            .iter()
            .enumerate()
            .map(|(t, b)| (t as f64, b.p95))
            .chain(fan.iter().enumerate().rev().map(|(t, b)| (t as f64, b.p5)))
            .collect();
        chart.draw_series(std::iter::once(Polygon::new(outer, theme.series[0].mix(0.15).filled())))?;
        let inner: Vec<(f64, f64)> = fan
            .iter()
            .enumerate()
            .map(|(t, b)| (t as f64, b.p75))
            .chain(fan.iter().enumerate().rev().map(|(t, b)| (t as f64, b.p25)))
            .collect();
        chart.draw_series(std::iter::once(Polygon::new(inner, theme.series[0].mix(0.3).filled())))?;
    }
    let (x_end, _) = (months as f64, 0.0);
    let level = |y: f64, color: RGBColor, dashed: bool| -> Vec<PathElement<(f64, f64)>> {
        if dashed {
            (0..months)
                .step_by(2)
                .map(|t| PathElement::new(vec![(t as f64, y), ((t as f64 + 1.0).min(x_end), y)], color.stroke_width(2)))
                .collect()
        } else {
            vec![PathElement::new(vec![(0.0, y), (x_end, y)], color.stroke_width(2))]
        }
    };
    chart.draw_series(level(view.breakeven_power, theme.series[1], false))?;
    chart.draw_series(level(view.breakeven_cash, theme.series[1], true))?;
    if let Some(y) = view.loan_coverage_one {
        // Long dashes (3 months on, 1 off), so it differs from the cash breakeven's short
        // dashes by shape as well as colour.
        let color = theme.series[3].stroke_width(2);
        chart.draw_series((0..months).step_by(4).map(|t| PathElement::new(vec![(t as f64, y), ((t as f64 + 3.0).min(x_end), y)], color)))?;
    }
    let points: Vec<(f64, f64)> = view.hashprice.iter().enumerate().map(|(t, v)| (t as f64, *v)).collect();
    chart.draw_series(LineSeries::new(points.clone(), theme.series[0].stroke_width(2)))?;
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    let line: Vec<(i32, i32)> = points.iter().map(|p| px(*p)).collect();
    let (_, power_y) = px((x_end, view.breakeven_power));
    let (_, cash_y) = px((x_end, view.breakeven_cash));
    // Too close to label apart (a fleet with no other running costs has one breakeven): one
    // label names both, so the caption's "cash breakeven" is on the chart either way.
    let apart = (cash_y - power_y).abs() > 12;
    let power_label = if apart { "power breakeven" } else { "power and cash breakeven" };
    level_label(root, power_label, px((x_end, view.breakeven_power)), &line, theme)?;
    if apart {
        level_label(root, "cash breakeven", px((x_end, view.breakeven_cash)), &line, theme)?;
    }
    if let Some(y) = view.loan_coverage_one {
        level_label(root, "loan coverage = 1", px((x_end, y)), &line, theme)?;
    }
    let label = text_style(theme, 11, &theme.text).pos(Pos::new(HPos::Center, VPos::Center));
    let mut previous: Option<(i32, i32)> = None;
    for (i, t) in view.events.iter().enumerate() {
        let (x, y_top) = px((*t as f64, top));
        let (_, y_bottom) = px((*t as f64, 0.0));
        // Two events in one month stack rather than overlap.
        let y = match previous {
            Some((px_prev, y_prev)) if (x - px_prev).abs() < 18 => y_prev + 18,
            _ => y_top + 10,
        };
        root.draw(&PathElement::new(vec![(x, y + 9), (x, y_bottom)], theme.muted.stroke_width(1)))?;
        root.draw(&Circle::new((x, y), 8, theme.background.filled()))?;
        root.draw(&Circle::new((x, y), 8, theme.text.stroke_width(1)))?;
        root.draw_text(&(i + 1).to_string(), &label, (x, y))?;
        previous = Some((x, y));
    }
    if let Some(p) = cursor.and_then(|t| points.get(t)) {
        let (cx, cy) = px(*p);
        let (_, top_y) = px((p.0, top));
        let (_, bottom_y) = px((p.0, 0.0));
        root.draw(&PathElement::new(vec![(cx, top_y), (cx, bottom_y)], theme.muted))?;
        root.draw(&Circle::new((cx, cy), 4, theme.highlight.filled()))?;
    }
    Ok(HitMap { coords, marks: Vec::new() })
}

/// A level line's label at its right end: above the line, or below it where the hashprice line
/// would run through the text (it often settles just above a breakeven), so neither the label
/// nor the data is hidden.
fn level_label<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, text: &str, end: (i32, i32), line: &[(i32, i32)], theme: &Theme) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let above = text_style(theme, 11, &theme.text).pos(Pos::new(HPos::Right, VPos::Bottom));
    let (w, h) = root.estimate_text_size(text, &above)?;
    let (left, right) = (end.0 - 2 - w as i32, end.0 - 2);
    let (top, bottom) = (end.1 - 3 - h as i32, end.1 - 3);
    let crosses = line.windows(2).any(|pair| {
        let (a, b) = (pair[0], pair[1]);
        a.0.max(b.0) >= left && a.0.min(b.0) <= right && a.1.max(b.1) >= top && a.1.min(b.1) <= bottom
    });
    if crosses {
        let below = text_style(theme, 11, &theme.text).pos(Pos::new(HPos::Right, VPos::Top));
        root.draw_text(text, &below, (end.0 - 2, end.1 + 3))
    } else {
        root.draw_text(text, &above, (end.0 - 2, end.1 - 3))
    }
}
