//! Quarterly issuance, 2021Q1 to 2025Q4: stacked bars by instrument family from the deals,
//! with TheMinerMag's published totals marked beside them (different measures, both shown).

use super::frame::{plot, Plot, frame, text_style, usd_short, ChartResult, HitMap, Mark, MarkShape, Titles};
use super::theme::Theme;
use crate::data::aggregates::Issuance;
use crate::data::calendar::Quarter;
use crate::data::published::{Bound, PublishedFigures};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;

/// A published total placed on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedMark {
    /// Index of its quarter in [`IssuanceView::quarters`].
    pub quarter_index: usize,
    pub usd: f64,
    /// "under" this value, as the source says for Q1 2025.
    pub upper_bound: bool,
}

/// What the issuance chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct IssuanceView {
    pub quarters: Vec<Quarter>,
    /// Principal by family ([`InstrumentFamily::ALL`] order), dollars, one entry per quarter.
    pub stacks: Vec<[f64; 4]>,
    pub published: Vec<PublishedMark>,
}

impl IssuanceView {
    pub fn new(issuance: &Issuance, published: &PublishedFigures) -> Self {
        let quarters: Vec<Quarter> = issuance.quarters.iter().map(|q| q.quarter).collect();
        let stacks = issuance
            .quarters
            .iter()
            .map(|q| q.by_family.map(|v| v.to_f64().unwrap_or(0.0)))
            .collect();
        let published = published
            .quarters
            .iter()
            .filter_map(|p| {
                Some(PublishedMark {
                    quarter_index: quarters.iter().position(|q| *q == p.quarter)?,
                    usd: p.value_usd.to_f64().unwrap_or(0.0),
                    upper_bound: p.bound == Bound::Under,
                })
            })
            .collect();
        Self { quarters, stacks, published }
    }

    pub fn total(&self, index: usize) -> f64 {
        self.stacks.get(index).map(|s| s.iter().sum()).unwrap_or(0.0)
    }

    /// The largest quarter's index.
    pub fn peak(&self) -> Option<usize> {
        (0..self.quarters.len()).max_by(|a, b| self.total(*a).total_cmp(&self.total(*b)))
    }

    /// One sentence on what the chart shows, computed from the data.
    pub fn summary(&self) -> String {
        let sum_year = |y: i32| -> f64 {
            (0..self.quarters.len()).filter(|i| self.quarters[*i].year == y).map(|i| self.total(i)).sum()
        };
        let then = sum_year(2021) + sum_year(2022);
        let now = sum_year(2024) + sum_year(2025);
        match self.peak() {
            Some(p) => format!(
                "The bars add up to {} in 2021–22 and {} in 2024–25 (deals that cannot be placed in one quarter are not in them); the largest quarter is {} at {}.",
                usd_short(then),
                usd_short(now),
                self.quarters[p].human(),
                usd_short(self.total(p))
            ),
            None => "No deals in range.".to_string(),
        }
    }

    /// Index of a mark in the hit map: bars first, then published marks.
    pub fn is_published_mark(&self, mark_index: usize) -> Option<&PublishedMark> {
        mark_index.checked_sub(self.quarters.len()).and_then(|j| self.published.get(j))
    }
}

/// Draws the chart. Marks: one per quarter (the whole bar), then one per published total.
pub fn draw_issuance<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &IssuanceView,
    theme: &Theme,
    titles: Option<&Titles>,
    highlight: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let n = view.quarters.len().max(1);
    let top = (0..n)
        .map(|i| view.total(i))
        .chain(view.published.iter().map(|p| p.usd))
        .fold(0.0_f64, f64::max)
        .max(1e9)
        * 1.08;
    let label = text_style(theme, 12, &theme.muted);
    let mut chart = plot(
        &area,
        theme,
        Plot::bars(n, top, 6, &|v| usd_short(*v)),
    )?;

    let coords = chart.as_coord_spec().clone();
    let px = |x: f64, y: f64| plotters::coord::CoordTranslate::translate(&coords, &(x, y));
    let mut marks = Vec::new();
    for (i, stack) in view.stacks.iter().enumerate() {
        let (x0, x1) = (i as f64 - 0.36, i as f64 + 0.36);
        let mut base = 0.0;
        for (f, value) in stack.iter().enumerate() {
            if *value > 0.0 {
                let style = theme.series[f].filled();
                chart.draw_series(std::iter::once(Rectangle::new([(x0, base), (x1, base + value)], style)))?;
                // Families differ by texture as well as colour: solid, horizontal stripes,
                // vertical stripes, a grid (the legend's swatches show the same).
                let (a, b) = (px(x0, base), px(x1, base + value));
                let stripe = theme.background.stroke_width(1);
                if f == 1 || f == 3 {
                    for y in (b.1 + 2..a.1 - 1).step_by(4) {
                        root.draw(&PathElement::new(vec![(a.0, y), (b.0, y)], stripe))?;
                    }
                }
                if f == 2 || f == 3 {
                    for x in (a.0 + 2..b.0 - 1).step_by(4) {
                        root.draw(&PathElement::new(vec![(x, b.1), (x, a.1)], stripe))?;
                    }
                }
                base += value;
            }
        }
        let (a, b) = (px(x0, 0.0), px(x1, base.max(top * 0.01)));
        marks.push(Mark { index: i, shape: MarkShape::Rect { x0: a.0, y0: b.1, x1: b.0, y1: a.1 } });
        if highlight == Some(i) {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0 - 0.06, 0.0), (x1 + 0.06, base.max(top * 0.01))],
                theme.highlight.stroke_width(2),
            )))?;
        }
    }
    // Published totals: a line across the bar at the value, with a diamond (a triangle
    // pointing down for "under").
    for (j, p) in view.published.iter().enumerate() {
        let x = p.quarter_index as f64;
        let (l, r) = (px(x - 0.46, p.usd), px(x + 0.46, p.usd));
        let stroke = theme.text.stroke_width(2);
        root.draw(&PathElement::new(vec![l, r], stroke))?;
        let c = (r.0 + 2, r.1);
        let shape: Vec<(i32, i32)> = if p.upper_bound {
            vec![(c.0 - 5, c.1 - 4), (c.0 + 5, c.1 - 4), (c.0, c.1 + 5)]
        } else {
            vec![(c.0, c.1 - 6), (c.0 + 6, c.1), (c.0, c.1 + 6), (c.0 - 6, c.1)]
        };
        root.draw(&Polygon::new(shape, theme.text.filled()))?;
        marks.push(Mark { index: view.quarters.len() + j, shape: MarkShape::Circle { cx: c.0, cy: c.1, r: 7 } });
    }
    // Year labels centred under each year's quarters.
    let year_style = label.pos(Pos::new(HPos::Center, VPos::Top));
    let mut i = 0;
    while i < view.quarters.len() {
        let year = view.quarters[i].year;
        let last = (i..view.quarters.len()).take_while(|k| view.quarters[*k].year == year).last().unwrap_or(i);
        let (x, y) = px((i + last) as f64 / 2.0, 0.0);
        root.draw_text(&year.to_string(), &year_style, (x, y + 6))?;
        if i > 0 {
            let (sx, sy) = px(i as f64 - 0.5, 0.0);
            root.draw(&PathElement::new(vec![(sx, sy), (sx, sy + 6)], theme.axis))?;
        }
        i = last + 1;
    }
    Ok(HitMap { coords, marks })
}

