//! The model's monthly grid: month t = 1 is the scenario's `start` month,
//! t = 0 is closing (the moment the money is raised), and every calendar label — including
//! the 2028 halving — follows from `start`.

use crate::data::calendar::YearMonth;

/// A run's months: t = 0 (closing) to t = `months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// Calendar month of t = 1.
    pub start: YearMonth,
    /// The horizon T.
    pub months: u32,
}

impl Timeline {
    pub fn new(start: YearMonth, months: u32) -> Self {
        Timeline { start, months }
    }

    /// The calendar month of model month `t` (t = 0 is the month before `start`).
    pub fn month(&self, t: u32) -> YearMonth {
        // Clamped so no t, however large, can overflow the month arithmetic.
        self.start.add_months((t as i64 - 1).min(1_000_000) as i32)
    }

    /// "September 2022", for sentences.
    pub fn long_label(&self, t: u32) -> String {
        let m = self.month(t);
        format!("{} {}", m.long_month_name(), m.year)
    }

    /// "Sep 2022", for axes.
    pub fn short_label(&self, t: u32) -> String {
        let m = self.month(t);
        format!("{} {}", m.month_name(), m.year)
    }

    /// The model month of a calendar month, if it falls in 1..=T.
    pub fn t_of(&self, month: YearMonth) -> Option<u32> {
        let t = self.start.months_until(month) + 1;
        (1..=self.months as i32).contains(&t).then_some(t as u32)
    }

    /// Fractional year of the middle of month `t`, for chart axes.
    pub fn axis_position(&self, t: u32) -> f64 {
        let m = self.month(t);
        m.year as f64 + (m.month as f64 - 0.5) / 12.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_one_is_the_start_month() {
        let timeline = Timeline::new(YearMonth { year: 2022, month: 1 }, 12);
        assert_eq!(timeline.month(1).to_string(), "2022-01");
        assert_eq!(timeline.month(0).to_string(), "2021-12");
        assert_eq!(timeline.long_label(9), "September 2022");
        assert_eq!(timeline.t_of(YearMonth { year: 2022, month: 9 }), Some(9));
        assert_eq!(timeline.t_of(YearMonth { year: 2023, month: 1 }), None);
    }
}
