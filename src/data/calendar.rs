//! Calendar values of the dataset: days, months and quarters, with the precision the source gives.
//!
//! The sources date some deals to the day, some to the month, some only to a year or a span of
//! quarters. Nothing here invents the missing part: a month-precision date stays a month.

use std::fmt;

/// A calendar month, e.g. 2025-12. Ordered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

impl YearMonth {
    /// A month, or `None` when `month` is not 1..=12.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// Months since year 0, for arithmetic.
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    pub fn from_index(index: i32) -> Self {
        Self { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 }
    }

    /// The month `months` later (negative: earlier).
    pub fn add_months(self, months: i32) -> Self {
        Self::from_index(self.index() + months)
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index() - self.index()
    }

    pub fn quarter(self) -> Quarter {
        Quarter { year: self.year, q: (self.month - 1) / 3 + 1 }
    }

    /// Short English month name, e.g. "Sep".
    pub fn month_name(self) -> &'static str {
        const NAMES: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        NAMES[(self.month - 1) as usize]
    }

    /// Full English month name, e.g. "September".
    pub fn long_month_name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ];
        NAMES[(self.month - 1) as usize]
    }

    /// Days in this month (Gregorian).
    pub fn days(self) -> u32 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(self.year) => 29,
            2 => 28,
            _ => 31,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let ym = YearMonth::new(y.parse().ok()?, m.parse().ok()?)?;
        let day: u32 = d.parse().ok()?;
        (1..=ym.days()).contains(&day).then_some(Self { year: ym.year, month: ym.month, day })
    }

    pub fn year_month(self) -> YearMonth {
        YearMonth { year: self.year, month: self.month }
    }

    /// Days since 1970-01-01 (civil-from-days inverse, proleptic Gregorian).
    pub fn days_since_epoch(self) -> i64 {
        let y = if self.month <= 2 { self.year - 1 } else { self.year } as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Self { year, month, day }
    }

    /// Fractional year, e.g. 2022.5 for early July 2022; the x axis of time charts.
    pub fn fractional_year(self) -> f64 {
        let start = Day { year: self.year, month: 1, day: 1 }.days_since_epoch();
        let end = Day { year: self.year + 1, month: 1, day: 1 }.days_since_epoch();
        self.year as f64 + (self.days_since_epoch() - start) as f64 / (end - start) as f64
    }

    /// "21 Nov 2025".
    pub fn human(self) -> String {
        format!("{} {} {}", self.day, self.year_month().month_name(), self.year)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar quarter, e.g. 2024Q4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1..=4
    pub q: u32,
}

impl Quarter {
    /// Parses `YYYYQn`.
    pub fn parse(text: &str) -> Option<Self> {
        let (y, q) = text.trim().split_once('Q')?;
        let q: u32 = q.parse().ok()?;
        (y.len() == 4 && (1..=4).contains(&q)).then_some(Self { year: y.parse().ok()?, q })
    }

    pub fn next(self) -> Self {
        if self.q == 4 { Self { year: self.year + 1, q: 1 } } else { Self { year: self.year, q: self.q + 1 } }
    }

    /// Every quarter from `first` to `last`, inclusive.
    pub fn range(first: Quarter, last: Quarter) -> Vec<Quarter> {
        let mut out = Vec::new();
        let mut q = first;
        while q <= last {
            out.push(q);
            q = q.next();
        }
        out
    }

    /// "Q4 2024".
    pub fn human(self) -> String {
        format!("Q{} {}", self.q, self.year)
    }

    /// Whether `day` falls in this quarter.
    pub fn contains_day(self, day: Day) -> bool {
        day.year == self.year && (day.month - 1) / 3 + 1 == self.q
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

/// A date as precise as its source gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Day(Day),
    Month(YearMonth),
    Year(i32),
}

impl PartialDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else (including empty).
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        match t.len() {
            10 => Day::parse(t).map(Self::Day),
            7 => YearMonth::parse(t).map(Self::Month),
            4 => t.parse().ok().map(Self::Year),
            _ => None,
        }
    }

    /// The month, when the source gives at least a month.
    pub fn year_month(self) -> Option<YearMonth> {
        match self {
            Self::Day(d) => Some(d.year_month()),
            Self::Month(m) => Some(m),
            Self::Year(_) => None,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Self::Day(d) => d.year,
            Self::Month(m) => m.year,
            Self::Year(y) => y,
        }
    }

    /// "21 Nov 2025", "Oct 2024" or "2022".
    pub fn human(self) -> String {
        match self {
            Self::Day(d) => d.human(),
            Self::Month(m) => format!("{} {}", m.month_name(), m.year),
            Self::Year(y) => y.to_string(),
        }
    }

    /// Position on a time axis in fractional years: a day where known, the middle of the
    /// month or year otherwise (an axis position, never shown as a date).
    pub fn axis_position(self) -> f64 {
        match self {
            Self::Day(d) => d.fractional_year(),
            Self::Month(m) => Day { year: m.year, month: m.month, day: 15 }.fractional_year(),
            Self::Year(y) => y as f64 + 0.5,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(d) => d.fmt(f),
            Self::Month(m) => m.fmt(f),
            Self::Year(y) => write!(f, "{y:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_round_trip() {
        for days in [-1000, 0, 18_628, 20_413, 30_000] {
            assert_eq!(Day::from_days_since_epoch(days).days_since_epoch(), days, "{days}");
        }
        assert_eq!(Day::parse("2021-01-01").unwrap().days_since_epoch(), 18_628);
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(PartialDate::parse("2025-09"), Some(PartialDate::Month(YearMonth { year: 2025, month: 9 })));
        assert_eq!(PartialDate::parse("2022"), Some(PartialDate::Year(2022)));
        assert_eq!(PartialDate::parse(""), None);
        assert_eq!(PartialDate::parse("2025-02-30"), None);
    }

    #[test]
    fn months_and_quarters() {
        let m = YearMonth::parse("2025-12").unwrap();
        assert_eq!(m.add_months(1).to_string(), "2026-01");
        assert_eq!(m.add_months(-12).to_string(), "2024-12");
        assert_eq!(m.quarter().to_string(), "2025Q4");
        assert_eq!(Quarter::range(Quarter::parse("2021Q1").unwrap(), Quarter::parse("2025Q4").unwrap()).len(), 20);
    }
}
