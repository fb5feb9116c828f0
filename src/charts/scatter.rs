//! "Then vs now": every deal as a mark at its announcement date and coupon, its area
//! proportional to principal, its colour and shape set by what secures it. Coupon ranges are
//! drawn as ranges; deals with an unknown or floating coupon sit on a strip of their own under
//! the axis; deals with no known principal are hollow; deals with no date are counted in the
//! note under the chart. Nothing is dropped silently.

use super::frame::{plot, Plot, frame, text_style, ChartResult, HitMap, Mark, MarkShape, Titles};
use super::theme::Theme;
use crate::data::calendar::PartialDate;
use crate::data::deals::{Coupon, Deal, QuarterField};
use crate::data::families::CollateralFamily;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;

/// Where a deal's coupon puts it on the y axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CouponPosition {
    Point(f64),
    Range(f64, f64),
    /// Unknown or floating: drawn on the strip under the axis.
    Strip,
}

/// One deal on the scatter.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    /// Index of the deal in the dataset.
    pub deal: usize,
    /// Fractional year of the announcement (else closing, else the quarter's middle).
    pub x: f64,
    pub coupon: CouponPosition,
    pub principal_usd: Option<f64>,
    pub family: CollateralFamily,
}

/// What the scatter draws, and which deals it could not place.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterView {
    pub points: Vec<ScatterPoint>,
    /// Dataset indices of deals with no date precise enough for the time axis.
    pub undated: Vec<usize>,
    /// Dataset indices of deals by issuers that are not pure-play miners: not drawn.
    pub outside_scope: Vec<usize>,
}

fn axis_x(deal: &Deal) -> Option<f64> {
    if let Some(d) = deal.announced.or(deal.closed) {
        return Some(d.axis_position());
    }
    match &deal.quarter {
        QuarterField::Quarter(q) => Some(q.year as f64 + (q.q as f64 - 0.5) / 4.0),
        QuarterField::Span(s) if s.len() == 4 => PartialDate::parse(s).map(PartialDate::axis_position),
        _ => None,
    }
}

impl ScatterView {
    /// Every deal by a pure-play miner that is not reference-only.
    pub fn new(deals: &[Deal]) -> Self {
        let mut points = Vec::new();
        let mut undated = Vec::new();
        let mut outside_scope = Vec::new();
        for (i, d) in deals.iter().enumerate().filter(|(_, d)| !d.reference_only) {
            if !d.in_scope() {
                outside_scope.push(i);
                continue;
            }
            let Some(x) = axis_x(d) else {
                undated.push(i);
                continue;
            };
            let coupon = match &d.coupon {
                Coupon::Fixed(c) => CouponPosition::Point(c.to_f64().unwrap_or(0.0)),
                Coupon::Range(lo, hi) => CouponPosition::Range(lo.to_f64().unwrap_or(0.0), hi.to_f64().unwrap_or(0.0)),
                Coupon::Floating(_) | Coupon::Unknown => CouponPosition::Strip,
            };
            points.push(ScatterPoint {
                deal: i,
                x,
                coupon,
                principal_usd: d.principal_usd.and_then(|p| p.to_f64()),
                family: d.collateral_family,
            });
        }
        Self { points, undated, outside_scope }
    }

    pub fn on_strip(&self) -> usize {
        self.points.iter().filter(|p| p.coupon == CouponPosition::Strip).count()
    }

    /// The chart in a sentence: how many deals each wave has and what mostly secured them.
    /// Coupons are not averaged here: across kinds of debt an average would mislead (the
    /// then-and-now table compares them kind by kind).
    pub fn summary(&self) -> String {
        let then: Vec<&ScatterPoint> = self.points.iter().filter(|p| p.x < 2023.0).collect();
        let now: Vec<&ScatterPoint> = self.points.iter().filter(|p| p.x >= 2024.0).collect();
        let most = |v: &[&ScatterPoint]| -> String {
            let (family, n) = CollateralFamily::ALL
                .iter()
                .map(|f| (*f, v.iter().filter(|p| p.family == *f).count()))
                .max_by_key(|(_, n)| *n)
                .unwrap_or((CollateralFamily::OtherUnknown, 0));
            let what = match family {
                CollateralFamily::MachinesOrBitcoin => "secured by machines or bitcoin",
                CollateralFamily::Unsecured => "unsecured",
                CollateralFamily::DataCenter => "secured by data centres",
                CollateralFamily::OtherUnknown => "secured by something else or unknown",
            };
            format!("{n} of them {what}")
        };
        format!(
            "{} deals from 2020–22, {}; {} deals from 2024–25, {}. The table below compares their coupons kind by kind.",
            then.len(),
            most(&then),
            now.len(),
            most(&now),
        )
    }
}

/// Radius in pixels for a principal: area proportional to principal, `max_radius` for the
/// largest deal, never under 2.5 px so the smallest stay visible.
pub fn radius(principal: f64, largest: f64, max_radius: f64) -> f64 {
    if largest <= 0.0 || principal <= 0.0 {
        return 4.0;
    }
    (max_radius * (principal / largest).sqrt()).max(2.5)
}

/// The marker outline for a family, centred on the origin: circle (machines or bitcoin),
/// square (unsecured), diamond (data-center assets), triangle (other or unknown).
fn marker(family: CollateralFamily, r: f64) -> Vec<(i32, i32)> {
    let r = r.max(2.5);
    let pts: Vec<(f64, f64)> = match family {
        CollateralFamily::MachinesOrBitcoin => {
            // A 24-gon, stepped by rotation (cos and sin of 15°) rather than calling the
            // trigonometric functions, which would add their argument-reduction code to the
            // bundle for one shape.
            const COS_15: f64 = 0.965_925_826_289_068_3;
            const SIN_15: f64 = 0.258_819_045_102_521_7;
            let (mut x, mut y) = (r, 0.0);
            (0..24)
                .map(|_| {
                    let point = (x, y);
                    (x, y) = (x * COS_15 - y * SIN_15, x * SIN_15 + y * COS_15);
                    point
                })
                .collect()
        }
        CollateralFamily::Unsecured => {
            let s = r * 0.886; // same area as the circle
            vec![(-s, -s), (s, -s), (s, s), (-s, s)]
        }
        CollateralFamily::DataCenter => {
            let s = r * 1.253;
            vec![(0.0, -s), (s, 0.0), (0.0, s), (-s, 0.0)]
        }
        CollateralFamily::OtherUnknown => {
            let s = r * 1.347;
            vec![(0.0, -s), (s * 0.866, s * 0.5), (-s * 0.866, s * 0.5)]
        }
    };
    pts.into_iter().map(|(x, y)| (x.round() as i32, y.round() as i32)).collect()
}

fn family_index(f: CollateralFamily) -> usize {
    CollateralFamily::ALL.iter().position(|x| *x == f).unwrap_or(3)
}

/// Draws the scatter. Marks: one per point, in [`ScatterView::points`] order.
pub fn draw_scatter<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &ScatterView,
    theme: &Theme,
    titles: Option<&Titles>,
    highlight: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let (w, h) = area.dim_in_pixel();
    let strip_h = 44u32.min(h / 4);
    let (upper, lower) = area.split_vertically(h.saturating_sub(strip_h));
    let label = text_style(theme, 12, &theme.muted);
    let (x0, x1) = (2020.7, 2026.05);
    let top = view
        .points
        .iter()
        .filter_map(|p| match p.coupon {
            CouponPosition::Point(c) => Some(c),
            CouponPosition::Range(_, hi) => Some(hi),
            CouponPosition::Strip => None,
        })
        .fold(5.0, f64::max)
        * 1.12;
    let chart = plot(
        &upper,
        theme,
        Plot {
            top: 10,
            right: 14,
            x_area: 24,
            y_area: 44,
            x: x0..x1,
            y: 0.0..top,
            x_labels: Some((6, &|x| format!("{:.0}", x))),
            y_labels: (6, &|v| format!("{:.0}%", v)),
            x_grid: true,
        },
    )?;
    let coords = chart.as_coord_spec().clone();
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    // The strip: same x axis, one row, labelled.
    let strip_y = {
        let (_, bottom) = px((x0, 0.0));
        let (sw, sh) = lower.dim_in_pixel();
        let _ = sw;
        bottom + 24 + (sh as i32) / 2
    };
    let (sx0, _) = px((x0, 0.0));
    let (sx1, _) = px((x1, 0.0));
    root.draw(&PathElement::new(vec![(sx0, strip_y), (sx1, strip_y)], theme.grid.stroke_width(1)))?;
    let strip_label = label.pos(Pos::new(HPos::Left, VPos::Bottom));
    root.draw_text("coupon unknown or floating", &strip_label, (sx0 + 4, strip_y - 8))?;

    let largest = view.points.iter().filter_map(|p| p.principal_usd).fold(0.0, f64::max);
    let max_radius = (w as f64 / 42.0).clamp(9.0, 22.0);
    // Largest first, so small deals are drawn on top and stay visible.
    let mut order: Vec<usize> = (0..view.points.len()).collect();
    crate::data::ordering::sort_small(&mut order, &|a, b| {
        let pa = view.points[*a].principal_usd.unwrap_or(0.0);
        let pb = view.points[*b].principal_usd.unwrap_or(0.0);
        pb.total_cmp(&pa)
    });
    let mut marks = vec![Mark { index: 0, shape: MarkShape::Circle { cx: 0, cy: 0, r: 0 } }; view.points.len()];
    for i in order {
        let p = &view.points[i];
        let color = theme.series[family_index(p.family)];
        let (cx, cy) = match p.coupon {
            CouponPosition::Point(c) => px((p.x, c)),
            CouponPosition::Range(lo, hi) => {
                let (a, b) = (px((p.x, lo)), px((p.x, hi)));
                root.draw(&PathElement::new(vec![(a.0 - 4, a.1), (a.0 + 4, a.1)], color.stroke_width(2)))?;
                root.draw(&PathElement::new(vec![(b.0 - 4, b.1), (b.0 + 4, b.1)], color.stroke_width(2)))?;
                root.draw(&PathElement::new(vec![a, b], color.stroke_width(2)))?;
                px((p.x, (lo + hi) / 2.0))
            }
            CouponPosition::Strip => (px((p.x, 0.0)).0, strip_y),
        };
        let r = p.principal_usd.map(|v| radius(v, largest, max_radius)).unwrap_or(4.0);
        let outline: Vec<(i32, i32)> = marker(p.family, r).into_iter().map(|(x, y)| (cx + x, cy + y)).collect();
        if p.principal_usd.is_some() {
            root.draw(&Polygon::new(outline.clone(), color.mix(0.45).filled()))?;
        } else {
            root.draw(&Polygon::new(outline.clone(), theme.background.filled()))?;
        }
        let mut closed = outline;
        if let Some(first) = closed.first().copied() {
            closed.push(first);
        }
        let ring = if highlight == Some(i) { theme.highlight.stroke_width(3) } else { color.stroke_width(1) };
        root.draw(&PathElement::new(closed, ring))?;
        marks[i] = Mark { index: i, shape: MarkShape::Circle { cx, cy, r: r.ceil() as i32 } };
    }
    Ok(HitMap { coords, marks })
}

