//! Debt outstanding: VanEck's estimate of what public miners owe, October 2024 and October
//! 2025. A stock on a date, not issuance in a period, and drawn apart from the issuance bars
//! so the two are never read as one series.

use super::frame::{plot, Plot, frame, text_style, usd_short, ChartResult, HitMap, Mark, MarkShape, Titles};
use super::theme::Theme;
use crate::data::published::DebtOutstanding;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;

/// What the debt-outstanding chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct DebtStockView {
    /// (label, dollars) per estimate, in time order.
    pub bars: Vec<(String, f64)>,
}

impl DebtStockView {
    pub fn new(estimates: &[DebtOutstanding]) -> Self {
        Self { bars: estimates.iter().map(|e| (e.as_of.human(), e.value_usd.to_f64().unwrap_or(0.0))).collect() }
    }

    pub fn summary(&self) -> String {
        match (self.bars.first(), self.bars.last()) {
            (Some(a), Some(b)) if self.bars.len() > 1 && a.1 > 0.0 => {
                // "on 15 Oct 2025" for a day, "in Oct 2024" for a month.
                let when = |d: &str| if d.starts_with(|c: char| c.is_ascii_digit()) { format!("on {d}") } else { format!("in {d}") };
                format!(
                    "VanEck estimates miners' debt outstanding at {} {} and {} {}, {:.1} times as much.",
                    usd_short(a.1),
                    when(&a.0),
                    usd_short(b.1),
                    when(&b.0),
                    b.1 / a.1
                )
            }
            _ => "No estimate.".into(),
        }
    }
}

/// Draws one bar per estimate with its value above it. Marks: one per bar.
pub fn draw_debt_stock<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &DebtStockView,
    theme: &Theme,
    titles: Option<&Titles>,
    highlight: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let n = view.bars.len().max(1);
    let top = view.bars.iter().map(|b| b.1).fold(1e9, f64::max) * 1.2;
    let label = text_style(theme, 12, &theme.muted);
    let mut chart = plot(
        &area,
        theme,
        Plot::bars(n, top, 5, &|v| usd_short(*v)),
    )?;
    let coords = chart.as_coord_spec().clone();
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    let value_style = text_style(theme, 14, &theme.text).pos(Pos::new(HPos::Center, VPos::Bottom));
    let date_style = label.pos(Pos::new(HPos::Center, VPos::Top));
    let mut marks = Vec::new();
    for (i, (date, usd)) in view.bars.iter().enumerate() {
        let (a, b) = (i as f64 - 0.3, i as f64 + 0.3);
        chart.draw_series(std::iter::once(Rectangle::new([(a, 0.0), (b, *usd)], theme.series[1].filled())))?;
        if highlight == Some(i) {
            chart.draw_series(std::iter::once(Rectangle::new([(a, 0.0), (b, *usd)], theme.highlight.stroke_width(2))))?;
        }
        let (p0, p1) = (px((a, 0.0)), px((b, *usd)));
        marks.push(Mark { index: i, shape: MarkShape::Rect { x0: p0.0, y0: p1.1, x1: p1.0, y1: p0.1 } });
        let (cx, cy) = px((i as f64, *usd));
        root.draw_text(&usd_short(*usd), &value_style, (cx, cy - 4))?;
        let (dx, dy) = px((i as f64, 0.0));
        root.draw_text(date, &date_style, (dx, dy + 6))?;
    }
    Ok(HitMap { coords, marks })
}
