//! Calculator chart 4: the company's cash month by month under each structure, on the same
//! market path. Lines differ by dash as well as colour: loan solid, convertible dashed,
//! secured notes dotted.

use super::frame::{plot, Plot, frame, usd_short, ChartResult, HitMap, Titles};
use super::months::{draw_year_axis, month_label};
use super::theme::Theme;
use crate::data::calendar::YearMonth;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// What the cash chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct CashView {
    pub start: YearMonth,
    /// (name, cash t = 0..T in dollars) per structure: loan, convertible, secured notes.
    pub lines: Vec<(String, Vec<f64>)>,
}

impl CashView {
    /// The chart's one-sentence summary: each structure's cash at the end, or that it has no
    /// line (a loan not available on these terms).
    pub fn summary(&self) -> String {
        let ends: Vec<String> = self
            .lines
            .iter()
            .map(|(name, cash)| match cash.last() {
                Some(last) => format!("{} {}", name.to_ascii_lowercase(), crate::narrative::format::dollars(*last)),
                None => format!("no {} (not available on these terms)", name.to_ascii_lowercase()),
            })
            .collect();
        format!("Cash at the end of the run: {}.", ends.join(", "))
    }

    pub fn describe(&self, t: usize) -> String {
        let parts: Vec<String> =
            self.lines.iter().filter_map(|(name, v)| v.get(t).map(|c| format!("{name} {}", usd_short(*c)))).collect();
        if parts.is_empty() {
            return String::new();
        }
        format!("{}: {}", month_label(self.start, t), parts.join(", "))
    }
}

/// Draws one line per structure. No marks: the pointer maps to months.
pub fn draw_cash<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &CashView,
    theme: &Theme,
    titles: Option<&Titles>,
    cursor: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let months = view.lines.iter().map(|l| l.1.len()).max().unwrap_or(1).saturating_sub(1).max(1);
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let values = view.lines.iter().flat_map(|l| l.1.iter().copied().map(finite));
    let (lo, hi) = values.fold((0.0_f64, 1.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = (hi - lo) * 0.08;
    let mut chart = plot(&area, theme, Plot::monthly(months, (lo - if lo < 0.0 { pad } else { 0.0 })..(hi + pad), 52, (5, &|v| usd_short(*v))))?;
    let coords = chart.as_coord_spec().clone();
    let y_axis = coords.get_y_range().start;
    draw_year_axis(root, &coords, view.start, months, y_axis, theme)?;
    for (i, (_, v)) in view.lines.iter().enumerate() {
        let pts: Vec<(f64, f64)> = v.iter().enumerate().map(|(t, c)| (t as f64, finite(*c))).collect();
        // The cards' colours: the loan orange (series 1), the convertible blue (series 0), the
        // secured notes green (series 2).
        let color = theme.series[[1, 0, 2, 3][i % 4]];
        match i {
            0 => {
                chart.draw_series(LineSeries::new(pts, color.stroke_width(2)))?;
            }
            1 => {
                chart.draw_series(std::iter::once(DashedPathElement::new(pts, 8, 5, color.stroke_width(2))))?;
            }
            _ => {
                chart.draw_series(std::iter::once(DashedPathElement::new(pts, 2, 4, color.stroke_width(3))))?;
            }
        }
    }
    if let Some(t) = cursor.filter(|t| *t <= months) {
        let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
        let (x, y0) = px((t as f64, coords.get_y_range().start));
        let (_, y1) = px((t as f64, coords.get_y_range().end));
        root.draw(&PathElement::new(vec![(x, y0), (x, y1)], theme.muted))?;
    }
    Ok(HitMap { coords, marks: Vec::new() })
}
