//! Hashprice history, daily, January 2021 to November 2025, in $/PH/s/day, with the story's
//! events marked by numbered markers (their text is a list beside the chart, which reads
//! better at 360 px and to a screen reader than labels crowded onto the canvas).

use super::frame::{plot, Plot, frame, text_style, ChartResult, HitMap, Mark, MarkShape, Titles};
use super::theme::Theme;
use crate::data::calendar::Day;
use crate::data::history::HistoryEvent;
use crate::data::network::NetworkDay;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the history chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryView {
    /// (fractional year, hashprice) per day.
    pub points: Vec<(f64, f64)>,
    pub days: Vec<Day>,
    /// (fractional year, hashprice) per event, numbered from 1 in order.
    pub events: Vec<(f64, f64)>,
    pub credit: String,
    /// A fleet's cash breakeven ($/PH/s/day), drawn as a dashed level when set.
    pub breakeven: Option<f64>,
}

impl HistoryView {
    pub fn new(days: &[NetworkDay], events: &[HistoryEvent]) -> Self {
        Self {
            points: days.iter().map(|d| (d.day.fractional_year(), d.hashprice())).collect(),
            days: days.iter().map(|d| d.day).collect(),
            events: events.iter().map(|e| (e.date.axis_position(), e.hashprice)).collect(),
            credit: "Data: Coin Metrics".into(),
            breakeven: None,
        }
    }

    /// Index of the day nearest to a fractional year.
    pub fn nearest_day(&self, x: f64) -> Option<usize> {
        if self.points.is_empty() {
            return None;
        }
        let i = self.points.partition_point(|p| p.0 < x);
        let candidates = [i.saturating_sub(1), i.min(self.points.len() - 1)];
        candidates.into_iter().min_by(|a, b| (self.points[*a].0 - x).abs().total_cmp(&(self.points[*b].0 - x).abs()))
    }

    pub fn summary(&self) -> String {
        let (Some(first), Some(last)) = (self.points.first(), self.points.last()) else {
            return "No data.".into();
        };
        let peak = self.points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        format!(
            "Hashprice, what a petahash per second of mining earns in a day, fell from ${:.0} at the start of 2021 (peaking at ${:.0}) to ${:.2} in November 2025.",
            first.1, peak, last.1
        )
    }
}

/// Draws the history. Marks: one per event, in order; other positions map to days through
/// [`HitMap::data_at`] and [`HistoryView::nearest_day`].
pub fn draw_history<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &HistoryView,
    theme: &Theme,
    titles: Option<&Titles>,
    cursor: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let x0 = view.points.first().map(|p| p.0.floor()).unwrap_or(2021.0);
    let x1 = view.points.last().map(|p| p.0).unwrap_or(2026.0) + 0.02;
    let top = view.points.iter().map(|p| p.1).fold(view.breakeven.unwrap_or(0.0), f64::max).max(10.0) * 1.08;
    let label = text_style(theme, 12, &theme.muted);
    let mut chart = plot(
        &area,
        theme,
        Plot {
            top: 8,
            right: 12,
            x_area: 26,
            y_area: 44,
            x: x0..x1,
            y: 0.0..top,
            x_labels: Some((((x1 - x0).ceil() as usize).max(2), &|x| format!("{:.0}", x))),
            y_labels: (6, &|v| format!("${:.0}", v)),
            x_grid: true,
        },
    )?;
    chart.draw_series(LineSeries::new(view.points.iter().copied(), theme.series[0].stroke_width(2)))?;
    let coords = chart.as_coord_spec().clone();
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    if let Some(level) = view.breakeven {
        let step = (x1 - x0) / 80.0;
        let dashes = (0..80).step_by(2).map(|i| {
            let a = x0 + step * i as f64;
            PathElement::new(vec![(a, level), ((a + step).min(x1), level)], theme.series[1].stroke_width(2))
        });
        chart.draw_series(dashes)?;
        let (lx, ly) = px((x0, level));
        let above = text_style(theme, 12, &theme.text).pos(Pos::new(HPos::Left, VPos::Bottom));
        root.draw_text(&format!("your fleet's breakeven, ${:.2}", level), &above, (lx + 4, ly - 3))?;
    }

    if let Some(point) = cursor.and_then(|i| view.points.get(i)) {
        let (cx, cy) = px(*point);
        let (_, ytop) = px((point.0, top));
        let (_, ybot) = px((point.0, 0.0));
        root.draw(&PathElement::new(vec![(cx, ytop), (cx, ybot)], theme.muted))?;
        root.draw(&Circle::new((cx, cy), 4, theme.highlight.filled()))?;
    }
    let number = text_style(theme, 11, &theme.background).pos(Pos::new(HPos::Center, VPos::Center));
    let mut marks: Vec<Mark> = Vec::new();
    for (i, event) in view.events.iter().enumerate() {
        let (ex, ey) = px(*event);
        let (mut mx, mut my) = (ex, (ey - 16).max(10));
        // Events close in time stack upward and step left so their numbers stay readable.
        if let Some(MarkShape::Circle { cx, cy, .. }) = marks.last().map(|m| m.shape) {
            if (mx - cx).abs() < 18 {
                my = my.min(cy - 18);
                mx = mx.max(cx + 6);
            }
        }
        mx = mx.min(px((x1, 0.0)).0 - 9);
        root.draw(&PathElement::new(vec![(ex, ey), (mx, my)], theme.text))?;
        root.draw(&Circle::new((mx, my), 8, theme.text.filled()))?;
        root.draw_text(&(i + 1).to_string(), &number, (mx, my))?;
        marks.push(Mark { index: i, shape: MarkShape::Circle { cx: mx, cy: my, r: 8 } });
    }
    let credit = label.pos(Pos::new(HPos::Right, VPos::Top));
    let (rx, ry) = px((x1, top));
    root.draw_text(&view.credit, &credit, (rx - 4, ry + 4))?;
    Ok(HitMap { coords, marks })
}
