//! Daily Bitcoin network data, 2021-01-01 to 2025-11-21, from Coin Metrics' community data
//! (CC BY-NC 4.0: credit "Coin Metrics"; non-commercial). Embedded at compile time.
//!
//! The published CSV carries each day's new coins and fees paid to miners, the network hashrate
//! and the BTC price. The page embeds what it uses ([`super::network_codec`]): each day's
//! hashprice, to the cent, and each month's means to the bit, computed from the CSV by the
//! hashrate form of [`crate::model::mining::hashprice_from_daily_revenue`].

use super::calendar::{Day, YearMonth};
use super::network_codec::{decode, MonthDigest};
use std::sync::OnceLock;

/// The embedded series (made by `build.rs` from `data/network_daily.csv`, which is what
/// readers download).
pub const NETWORK_DAILY_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/network_daily.bin"));

/// One day of network data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetworkDay {
    pub day: Day,
    /// Hashprice that day, $/PH/s/day, to the cent.
    pub hashprice: f64,
}

impl NetworkDay {
    /// Hashprice that day, $/PH/s/day.
    pub fn hashprice(&self) -> f64 {
        self.hashprice
    }
}

/// The embedded series decoded: its days, and its months.
fn series() -> &'static (Vec<NetworkDay>, Vec<MonthDigest>) {
    static SERIES: OnceLock<(Vec<NetworkDay>, Vec<MonthDigest>)> = OnceLock::new();
    SERIES.get_or_init(|| {
        // The test suite checks the embedded bytes against the CSV, so a failure here is a
        // build defect, not reader input: no data rather than a panic.
        let (first, cents, months) = decode(NETWORK_DAILY_BIN).unwrap_or_default();
        let days = cents
            .iter()
            .enumerate()
            .map(|(i, c)| NetworkDay { day: Day::from_days_since_epoch(first + i as i64), hashprice: *c as f64 / 100.0 })
            .collect();
        (days, months)
    })
}

/// The daily series.
pub fn network_daily() -> &'static [NetworkDay] {
    &series().0
}

/// One month of the series: means of the daily values (hashprice averaged day by day, as
/// `hashprice_monthly.csv` does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetworkMonth {
    pub month: YearMonth,
    pub days: u32,
    pub hashprice: f64,
    pub btc_price_usd: f64,
    pub hashrate_eh_s: f64,
}

/// The monthly means, in order.
pub fn network_monthly() -> &'static [NetworkMonth] {
    static MONTHS: OnceLock<Vec<NetworkMonth>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let days = network_daily();
        series()
            .1
            .iter()
            .map(|m| NetworkMonth {
                month: m.month,
                days: days.iter().filter(|d| d.day.year_month() == m.month).count() as u32,
                hashprice: m.means[0],
                btc_price_usd: m.means[1],
                hashrate_eh_s: m.means[2],
            })
            .collect()
    })
}

/// Means of hashprice, BTC price and hashrate over the first seven days of `month`, the
/// closing week of a replay; `None` outside the data.
pub fn closing_week(month: YearMonth) -> Option<(f64, f64, f64)> {
    series().1.iter().find(|m| m.month == month).map(|m| (m.closing_week[0], m.closing_week[1], m.closing_week[2]))
}

/// The last day of data ("data to 21 Nov 2025").
pub fn last_day() -> Day {
    network_daily().last().map(|d| d.day).unwrap_or(Day { year: 2025, month: 11, day: 21 })
}

/// Parses the published CSV (`date,iss_btc,fee_btc,hashrate_ehs,price_usd`), for the tests that
/// check the embedded series against it.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_network_daily(text: &str) -> Result<Vec<super::network_codec::RawDay>, super::csv::CsvError> {
    use super::csv::{parse_records, CsvError};
    let table = parse_records(text)?;
    let col = |name: &str| table.column(name);
    let (c_date, c_iss, c_fee, c_hash, c_price) =
        (col("date")?, col("iss_btc")?, col("fee_btc")?, col("hashrate_ehs")?, col("price_usd")?);
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let line = i + 2;
            let num = |c: usize, name: &str| -> Result<f64, CsvError> {
                crate::model::number::parse_number(&row[c])
                    .filter(|v| v.is_finite() && *v > 0.0)
                    .ok_or_else(|| CsvError::bad(line, name, &row[c]))
            };
            Ok(super::network_codec::RawDay {
                day: Day::parse(&row[c_date]).ok_or_else(|| CsvError::bad(line, "date", &row[c_date]))?,
                issued_btc: num(c_iss, "iss_btc")?,
                fees_btc: num(c_fee, "fee_btc")?,
                hashrate_eh_s: num(c_hash, "hashrate_ehs")?,
                btc_price_usd: num(c_price, "price_usd")?,
            })
        })
        .collect()
}
