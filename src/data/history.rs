//! The hashprice history's events: what the story points at on the daily chart. Dates that are
//! facts (the China ban month, the halving) are cited; the lows and the zetahash month are
//! computed from the daily data, so the labels say what the data gives.

use super::calendar::{Day, PartialDate, YearMonth};
use super::network::{NetworkDay, NetworkMonth};

/// An event marked on the hashprice history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEvent {
    /// Where it sits on the time axis.
    pub date: PartialDate,
    /// The hashprice there ($/PH/s/day): the day's value, or the month's mean.
    pub hashprice: f64,
    /// Short label, e.g. "April 2024 halving".
    pub label: String,
    /// One sentence for the list under the chart.
    pub detail: String,
}

fn day_value(days: &[NetworkDay], day: Day) -> Option<f64> {
    days.iter().find(|d| d.day == day).map(NetworkDay::hashprice)
}

fn lowest<'a>(days: impl Iterator<Item = &'a NetworkDay>) -> Option<&'a NetworkDay> {
    days.min_by(|a, b| a.hashprice().total_cmp(&b.hashprice()))
}

/// The events of the history chart, in time order. Each is computed from `days` and their
/// `months`; an event whose data is absent is left out rather than invented.
pub fn history_events(days: &[NetworkDay], months: &[NetworkMonth]) -> Vec<HistoryEvent> {
    let mut out = Vec::new();
    let ym = |y, m| YearMonth { year: y, month: m };
    if let Some(may) = months.iter().find(|m| m.month == ym(2021, 5)) {
        out.push(HistoryEvent {
            date: PartialDate::Month(may.month),
            hashprice: may.hashprice,
            label: "May 2021: China bans mining".into(),
            detail: format!(
                "China moves to ban mining; hashprice averages ${:.0} that month before miners go offline and it rebounds.",
                may.hashprice
            ),
        });
    }
    if let Some(low) = lowest(days.iter().filter(|d| d.day.year == 2022)) {
        out.push(HistoryEvent {
            date: PartialDate::Day(low.day),
            hashprice: low.hashprice(),
            label: format!("2022 low: ${:.2}", low.hashprice()),
            detail: format!(
                "The 2022 collapse bottoms at ${:.2} on {}, as loans struck at 2021 prices come due.",
                low.hashprice(),
                low.day.human()
            ),
        });
    }
    let halving = Day { year: 2024, month: 4, day: 20 };
    if let Some(hp) = day_value(days, halving) {
        out.push(HistoryEvent {
            date: PartialDate::Day(halving),
            hashprice: hp,
            label: "April 2024 halving".into(),
            detail: "Block 840,000 halves the subsidy from 6.25 to 3.125 BTC on 20 Apr 2024.".into(),
        });
    }
    if let Some(zh) = months.iter().find(|m| m.hashrate_eh_s >= 1000.0) {
        out.push(HistoryEvent {
            date: PartialDate::Month(zh.month),
            hashprice: zh.hashprice,
            label: format!("{} {}: first 1 ZH/s month", zh.month.month_name(), zh.month.year),
            detail: format!(
                "Network hashrate averages {:.0} EH/s in {} {}, the first month above one zettahash per second.",
                zh.hashrate_eh_s,
                zh.month.long_month_name(),
                zh.month.year
            ),
        });
    }
    let october: Vec<&NetworkDay> = days.iter().filter(|d| d.day.year == 2025 && d.day.month == 10).collect();
    if let (Some(first), Some(low)) = (october.iter().find(|d| d.hashprice() < 47.0), lowest(october.iter().copied())) {
        out.push(HistoryEvent {
            date: PartialDate::Day(first.day),
            hashprice: first.hashprice(),
            label: "Oct 2025: below $47".into(),
            detail: format!(
                "Hashprice slips under $47 on {} (${:.2}); October's low is ${:.2} on {}.",
                first.day.human(),
                first.hashprice(),
                low.hashprice(),
                low.day.human()
            ),
        });
    }
    if let Some(low) = lowest(days.iter()) {
        out.push(HistoryEvent {
            date: PartialDate::Day(low.day),
            hashprice: low.hashprice(),
            label: format!("Low: ${:.2}", low.hashprice()),
            detail: format!("The lowest value in the data: ${:.2} on {}.", low.hashprice(), low.day.human()),
        });
    }
    out
}
