//! Calculator chart 3: the share of the company its existing owners keep, against the share
//! price when the notes mature. Below the conversion price nothing converts (the notes are
//! repaid in cash, if there is cash); above it holders take shares, the capped call gives some
//! back up to the cap, and the scenario's own outcome is marked.

use super::frame::{plot, Plot, frame, text_style, ChartResult, HitMap, Mark, MarkShape, Titles};
use super::theme::Theme;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the ownership chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnershipView {
    /// (share price at maturity $, fraction kept by existing owners 0..1), increasing price.
    pub curve: Vec<(f64, f64)>,
    pub conversion_price: f64,
    /// The capped call's cap price, if there is one.
    pub cap_price: Option<f64>,
    /// The scenario's (share price, fraction kept) at the end of the run.
    pub outcome: Option<(f64, f64)>,
}

impl OwnershipView {
    /// The tooltip of curve point `i`: what owners keep at that share price.
    pub fn describe(&self, i: usize) -> String {
        self.curve
            .get(i)
            .map(|(price, kept)| format!("At a share price of ${price:.2} at maturity, existing owners keep {:.1}%", kept * 100.0))
            .unwrap_or_default()
    }

    /// The plotted share-price range's top and ownership range's bottom: they hold the whole
    /// curve and the scenario's outcome, which is never clamped into the plot.
    pub fn ranges(&self) -> (f64, f64) {
        let outcome = self.outcome.filter(|(s, k)| s.is_finite() && k.is_finite());
        let x_max = view_max(self.curve.last().map(|p| p.0).unwrap_or(1.0), outcome.map(|o| o.0 * 1.05)).max(1.0);
        let y_min = self.curve.iter().map(|p| p.1).chain(outcome.map(|o| o.1)).fold(1.0, f64::min);
        (x_max, ((y_min - 0.05).max(0.0) * 20.0).floor() / 20.0)
    }

    /// The curve point nearest a share price.
    pub fn index_at_price(&self, price: f64) -> Option<usize> {
        (0..self.curve.len()).min_by(|a, b| (self.curve[*a].0 - price).abs().total_cmp(&(self.curve[*b].0 - price).abs()))
    }


}

/// Draws the curve with the conversion price and cap as vertical references, the scenario's
/// outcome as a dot, and a crosshair at curve point `cursor`. Marks: the outcome (index 0).
pub fn draw_ownership<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &OwnershipView,
    theme: &Theme,
    titles: Option<&Titles>,
    cursor: Option<usize>,
) -> ChartResult<HitMap, DB> {
    let area = frame(root, theme, titles)?;
    let (x_max, y_lo) = view.ranges();
    let mut chart = plot(
        &area,
        theme,
        Plot {
            top: 8,
            right: 14,
            x_area: 30,
            y_area: 44,
            x: 0.0..x_max,
            y: y_lo..1.005,
            x_labels: Some((6, &|v| format!("${:.0}", v))),
            y_labels: (6, &|v| format!("{:.0}%", v * 100.0)),
            x_grid: true,
        },
    )?;
    let coords = chart.as_coord_spec().clone();
    let px = |p: (f64, f64)| plotters::coord::CoordTranslate::translate(&coords, &p);
    // Reference lines, labelled one row apart so the conversion price and the cap never
    // overlap however close they are.
    let vline = |x: f64, text: &str, row: i32| -> ChartResult<(), DB> {
        let (sx, y0) = px((x, y_lo));
        let (_, y1) = px((x, 1.005));
        root.draw(&DashedPathElement::new(vec![(sx, y0), (sx, y1)], 5, 4, theme.muted.stroke_width(1)))?;
        let style = text_style(theme, 11, &theme.text).pos(Pos::new(HPos::Left, VPos::Top));
        root.draw_text(text, &style, (sx + 4, y1 + 14 + row * 15))?;
        Ok(())
    };
    // Cents rounded half away from zero, as prices are quoted ($20.625 shows as $20.63).
    let cents = |v: f64| format!("{:.2}", (v * 100.0).round() / 100.0);
    vline(view.conversion_price, &format!("conversion ${}", cents(view.conversion_price)), 0)?;
    if let Some(cap) = view.cap_price.filter(|c| *c < x_max) {
        vline(cap, &format!("cap ${}", cents(cap)), 1)?;
    }
    chart.draw_series(LineSeries::new(view.curve.iter().copied(), theme.series[0].stroke_width(2)))?;
    if let Some(&(price, kept)) = cursor.and_then(|i| view.curve.get(i)) {
        let (cx, cy) = px((price, kept));
        let (left, bottom) = px((0.0, y_lo));
        let (right, top) = px((x_max, 1.005));
        root.draw(&PathElement::new(vec![(cx, top), (cx, bottom)], theme.muted))?;
        root.draw(&PathElement::new(vec![(left, cy), (right, cy)], theme.muted))?;
        root.draw(&Circle::new((cx, cy), 4, theme.highlight.filled()))?;
    }
    let mut marks = Vec::new();
    if let Some((s, kept)) = view.outcome {
        let (cx, cy) = px((s, kept));
        root.draw(&Circle::new((cx, cy), 6, theme.series[1].filled()))?;
        root.draw(&Circle::new((cx, cy), 6, theme.text.stroke_width(1)))?;
        marks.push(Mark { index: 0, shape: MarkShape::Circle { cx, cy, r: 8 } });
    }
    Ok(HitMap { coords, marks })
}

fn view_max(a: f64, b: Option<f64>) -> f64 {
    b.map_or(a, |b| a.max(b))
}
