//! The hashprice history's events: what the story points at on the daily chart. Dates that are
//! facts (the China ban month, the halving) are cited; the lows and the zettahash month are
//! computed from the daily data, so the labels say what the data gives.

use super::calendar::PartialDate;
#[cfg(not(target_arch = "wasm32"))]
use super::{
    calendar::Day,
    network::{NetworkDay, NetworkMonth},
};

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
    /// The page that reports the event, where it is not computed from the data.
    pub source_url: Option<String>,
}

#[cfg(not(target_arch = "wasm32"))]
fn day_value(days: &[NetworkDay], day: Day) -> Option<f64> {
    days.iter().find(|d| d.day == day).map(NetworkDay::hashprice)
}

#[cfg(not(target_arch = "wasm32"))]
fn lowest<'a>(days: impl Iterator<Item = &'a NetworkDay>) -> Option<&'a NetworkDay> {
    days.min_by(|a, b| a.hashprice().total_cmp(&b.hashprice()))
}

/// The halving day's sentence. Its hashprice is a one-day spike: the halving block opened a
/// rush for block space whose fees that day far exceeded the halved subsidy, so the sentence
/// gives the days around it.
#[cfg(not(target_arch = "wasm32"))]
fn halving_detail(days: &[NetworkDay], halving: Day, hp: f64) -> String {
    let next = |d: Day, by: i64| day_value(days, Day::from_days_since_epoch(d.days_since_epoch() + by));
    let mut text = format!("Block 840,000 halves the subsidy from 6.25 to 3.125 BTC on {}.", halving.human());
    if let (Some(before), Some(after)) = (next(halving, -1), next(halving, 1)) {
        text.push_str(&format!(
            " That day's ${hp:.2} is a one-day spike, the fees of a rush for the first blocks after the halving: the day before hashprice was ${before:.2}, the day after ${after:.2}."
        ));
    }
    text
}

/// The events of the history chart, in time order. Each is computed from `days` and their
/// `months`, and China's 2021 move against mining as `data/cases_2022.csv` reports it; an event
/// whose data is absent is left out rather than invented. The page embeds the result
/// (`story::facts::history_events`).
#[cfg(not(target_arch = "wasm32"))]
pub fn history_events(days: &[NetworkDay], months: &[NetworkMonth]) -> Vec<HistoryEvent> {
    let mut out = Vec::new();
    if let Some(china) = super::cases::event("china-ban-2021-05") {
        if let Some(month) = months.iter().find(|m| m.month == china.month) {
            out.push(HistoryEvent {
                date: PartialDate::Month(month.month),
                hashprice: month.hashprice,
                label: format!("{} {}: China's crackdown", month.month.month_name(), month.month.year),
                detail: format!(
                    "{} Hashprice averages ${:.0} that month; as Chinese miners go offline, those left earn more and it rebounds.",
                    china.what, month.hashprice
                ),
                source_url: Some(china.source_url.to_string()),
            });
        }
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
            source_url: None,
        });
    }
    let halving = Day { year: 2024, month: 4, day: 20 };
    if let Some(hp) = day_value(days, halving) {
        out.push(HistoryEvent {
            date: PartialDate::Day(halving),
            hashprice: hp,
            label: "April 2024 halving".into(),
            detail: halving_detail(days, halving, hp),
            source_url: None,
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
            source_url: None,
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
            source_url: None,
        });
    }
    if let Some(low) = lowest(days.iter()) {
        out.push(HistoryEvent {
            date: PartialDate::Day(low.day),
            hashprice: low.hashprice(),
            label: format!("Low: ${:.2}", low.hashprice()),
            detail: if days.last().map(|d| d.day) == Some(low.day) {
                format!("The lowest value in the data: ${:.2} on {}, the data's last day.", low.hashprice(), low.day.human())
            } else {
                format!("The lowest value in the data: ${:.2} on {}.", low.hashprice(), low.day.human())
            },
            source_url: None,
        });
    }
    out
}
