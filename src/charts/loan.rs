//! Calculator chart 2: the loan's balance against the market value of the machines pledged
//! for it, month by month, with the default month marked. When the balance line crosses above
//! the collateral line the lender is under water; when the miner cannot pay, it takes them.

use super::frame::{plot, Plot, frame, text_style, usd_short, ChartResult, HitMap, Titles};
use super::months::{draw_year_axis, month_label};
use super::theme::Theme;
use crate::data::calendar::YearMonth;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the loan chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct LoanView {
    pub start: YearMonth,
    /// Loan balance t = 0..T, dollars (0 after repayment or default).
    pub balance: Vec<f64>,
    /// Value of the pledged machines t = 0..T, dollars (0 once seized).
    pub collateral: Vec<f64>,
    /// Month of default (1-based), if any, and its cause in words; or the month the company
    /// sold the machines to repay the loan, with "machines sold".
    pub default: Option<(usize, String)>,
    /// Why there is no loan to draw (not available on these terms), written across the plot.
    pub unavailable: Option<String>,
    /// The chart's one-sentence summary.
    pub summary: String,
}

impl LoanView {
    pub fn describe(&self, t: usize) -> String {
        match (self.balance.get(t), self.collateral.get(t)) {
            (Some(b), Some(c)) => format!("{}: owes {}, machines worth {}", month_label(self.start, t), usd_short(*b), usd_short(*c)),
            _ => String::new(),
        }
    }
}

/// Draws balance (solid) and collateral (dashed). No marks: the pointer maps to months.
pub fn draw_loan<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &LoanView,
    theme: &Theme,
    titles: Option<&Titles>,
    cursor: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let months = view.balance.len().max(view.collateral.len()).saturating_sub(1).max(1);
    let finite = |v: &f64| if v.is_finite() { *v } else { 0.0 };
    let top = view.balance.iter().chain(view.collateral.iter()).map(finite).fold(1.0, f64::max) * 1.1;
    let mut chart = plot(&area, theme, Plot::monthly(months, 0.0..top, 52, (5, &|v| usd_short(*v))))?;
    let coords = chart.as_coord_spec().clone();
    draw_year_axis(root, &coords, view.start, months, 0.0, theme)?;
    let series = |v: &[f64]| -> Vec<(f64, f64)> { v.iter().enumerate().map(|(t, x)| (t as f64, finite(x))).collect() };
    chart.draw_series(std::iter::once(DashedPathElement::new(series(&view.collateral), 6, 4, theme.series[2].stroke_width(2))))?;
    chart.draw_series(LineSeries::new(series(&view.balance), theme.series[1].stroke_width(2)))?;
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    if let Some((month, cause)) = &view.default {
        let (x, y0) = px((*month as f64, 0.0));
        let (_, y1) = px((*month as f64, top));
        root.draw(&PathElement::new(vec![(x, y0), (x, y1)], theme.text.stroke_width(2)))?;
        let anchor = if *month as f64 > months as f64 * 0.6 { HPos::Right } else { HPos::Left };
        let style = text_style(theme, 12, &theme.text).pos(Pos::new(anchor, VPos::Top));
        let dx = if matches!(anchor, HPos::Right) { -5 } else { 5 };
        root.draw_text(&format!("{cause}, {}", month_label(view.start, *month)), &style, (x + dx, y1 + 2))?;
    }
    if let Some(t) = cursor.filter(|t| *t <= months) {
        let (x, y0) = px((t as f64, 0.0));
        let (_, y1) = px((t as f64, top));
        root.draw(&PathElement::new(vec![(x, y0), (x, y1)], theme.muted))?;
    }
    if view.unavailable.is_some() {
        let (x0, y0) = px((0.0, top * 0.55));
        let (x1, _) = px((months as f64, 0.0));
        let style = text_style(theme, 13, &theme.text).pos(Pos::new(HPos::Center, VPos::Center));
        root.draw_text("No loan: not available on these terms", &style, ((x0 + x1) / 2, y0))?;
    }
    Ok(HitMap { coords, marks: Vec::new() })
}
