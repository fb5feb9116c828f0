//! Calculator chart 5, with Monte Carlo on: how likely the loan is to have defaulted by each
//! month, and how total dilution under the convertible is spread across the paths.

use super::frame::{plot, Plot, frame, text_style, ChartResult, HitMap, Mark, MarkShape, Titles};
use super::months::{draw_year_axis, month_label};
use super::theme::Theme;
use crate::data::calendar::YearMonth;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Cumulative probability that the loan has defaulted, by month.
#[derive(Clone, Debug, PartialEq)]
pub struct DefaultCurveView {
    pub start: YearMonth,
    /// P(default by month t), t = 0..T.
    pub probability: Vec<f64>,
    pub paths: usize,
}

impl DefaultCurveView {
    pub fn describe(&self, t: usize) -> String {
        self.probability
            .get(t)
            .map(|p| format!("By {}: the loan has defaulted on {:.0}% of {} paths", month_label(self.start, t), p * 100.0, self.paths))
            .unwrap_or_default()
    }
}

pub fn draw_default_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &DefaultCurveView,
    theme: &Theme,
    titles: Option<&Titles>,
    cursor: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let months = view.probability.len().saturating_sub(1).max(1);
    let mut chart = plot(&area, theme, Plot::monthly(months, 0.0..1.0, 44, (6, &|v| format!("{:.0}%", v * 100.0))))?;
    let coords = chart.as_coord_spec().clone();
    draw_year_axis(root, &coords, view.start, months, 0.0, theme)?;
    let pts: Vec<(f64, f64)> = view.probability.iter().enumerate().map(|(t, p)| (t as f64, *p)).collect();
    chart.draw_series(AreaSeries::new(pts.clone(), 0.0, theme.series[1].mix(0.2)).border_style(theme.series[1].stroke_width(2)))?;
    if let Some(p) = cursor.and_then(|t| pts.get(t)) {
        let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
        let (x, y) = px(*p);
        let (_, top) = px((p.0, 1.0));
        let (_, bottom) = px((p.0, 0.0));
        root.draw(&PathElement::new(vec![(x, top), (x, bottom)], theme.muted))?;
        root.draw(&Circle::new((x, y), 4, theme.highlight.filled()))?;
    }
    Ok(HitMap { coords, marks: Vec::new() })
}

/// The distribution of total dilution across paths, as a histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct DilutionHistogramView {
    /// (bin low, bin high, share of paths) with dilution as a fraction 0..1.
    pub bins: Vec<(f64, f64, f64)>,
    pub median: f64,
    pub p90: f64,
}

impl DilutionHistogramView {
    pub fn describe(&self, i: usize) -> String {
        self.bins
            .get(i)
            .map(|(lo, hi, share)| format!("Total dilution {:.1}% to {:.1}%: {:.1}% of paths", lo * 100.0, hi * 100.0, share * 100.0))
            .unwrap_or_default()
    }
}

/// Draws the histogram with the median and 90th percentile marked. Marks: one per bin.
pub fn draw_dilution_histogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &DilutionHistogramView,
    theme: &Theme,
    titles: Option<&Titles>,
    highlight: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let x_max = view.bins.last().map(|b| b.1).unwrap_or(0.01).max(view.p90).max(0.01);
    let y_max = view.bins.iter().map(|b| b.2).fold(0.01, f64::max) * 1.15;
    let mut chart = plot(
        &area,
        theme,
        Plot {
            top: 8,
            right: 14,
            x_area: 30,
            y_area: 44,
            x: 0.0..x_max,
            y: 0.0..y_max,
            x_labels: Some((6, &|v| format!("{:.0}%", v * 100.0))),
            y_labels: (5, &|v| format!("{:.0}%", v * 100.0)),
            x_grid: false,
        },
    )?;
    let coords = chart.as_coord_spec().clone();
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    let mut marks = Vec::new();
    for (i, (lo, hi, share)) in view.bins.iter().enumerate() {
        let gap = (hi - lo) * 0.08;
        let color = if highlight == Some(i) { theme.highlight } else { theme.series[0] };
        chart.draw_series(std::iter::once(Rectangle::new([(lo + gap, 0.0), (hi - gap, *share)], color.filled())))?;
        let (a, b) = (px((lo + gap, 0.0)), px((hi - gap, share.max(y_max * 0.02))));
        marks.push(Mark { index: i, shape: MarkShape::Rect { x0: a.0, y0: b.1, x1: b.0, y1: a.1 } });
    }
    for (x, name) in [(view.median, "median"), (view.p90, "90th pct")] {
        let (sx, y0) = px((x, 0.0));
        let (_, y1) = px((x, y_max));
        root.draw(&DashedPathElement::new(vec![(sx, y0), (sx, y1)], 5, 4, theme.series[1].stroke_width(2)))?;
        let style = text_style(theme, 11, &theme.text);
        root.draw_text(name, &style, (sx + 4, y1 + 2))?;
    }
    Ok(HitMap { coords, marks })
}
