//! The monthly time axis shared by the calculator's charts: x is the month of the run
//! (t = 0 at closing, t = 1 the start month), labelled with calendar years.

use super::frame::{text_style, ChartResult};
use super::theme::Theme;
use crate::data::calendar::YearMonth;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The calendar month of run month `t` (t = 1 is `start`; t = 0 the month before).
pub fn month_of(start: YearMonth, t: usize) -> YearMonth {
    start.add_months(t as i32 - 1)
}

/// "Sep 2022".
pub fn month_label(start: YearMonth, t: usize) -> String {
    let m = month_of(start, t);
    format!("{} {}", m.month_name(), m.year)
}

/// Draws year labels under the x axis at each January (and ticks), skipping labels that would
/// collide on narrow charts.
pub fn draw_year_axis<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    coords: &super::frame::Coords,
    start: YearMonth,
    months: usize,
    y_bottom: f64,
    theme: &Theme,
) -> ChartResult<(), DB> {
    let style = text_style(theme, 12, &theme.muted).pos(Pos::new(HPos::Center, VPos::Top));
    let mut last_x: Option<i32> = None;
    for t in 0..=months {
        if month_of(start, t).month != 1 {
            continue;
        }
        let (x, y) = coords.translate(&(t as f64, y_bottom));
        root.draw(&PathElement::new(vec![(x, y), (x, y + 5)], theme.axis))?;
        if last_x.is_none_or(|l| x - l >= 40) {
            root.draw_text(&month_of(start, t).year.to_string(), &style, (x, y + 7))?;
            last_x = Some(x);
        }
    }
    Ok(())
}
