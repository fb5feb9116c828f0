//! Daily Bitcoin network data, 2021-01-01 to 2025-11-21, from Coin Metrics' community data
//! (CC BY-NC 4.0: credit "Coin Metrics"; non-commercial). Embedded at compile time.
//!
//! Each day carries what the network paid miners (new coins and fees, in BTC), the network
//! hashrate and the BTC price; hashprice is computed from them by
//! [`crate::model::mining::hashprice_from_daily_revenue`], written once and used everywhere.

use super::calendar::{Day, YearMonth};
use super::csv::{parse_records, CsvError};
use super::network_codec::{decode, SCALES};
use crate::model::mining;
use std::sync::OnceLock;

/// The embedded copy of `data/network_daily.csv`, in the compact form of
/// [`super::network_codec`] (made by `build.rs`; the CSV is what readers download).
pub const NETWORK_DAILY_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/network_daily.bin"));

/// One day of network data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetworkDay {
    pub day: Day,
    /// New coins issued that day (block subsidy), BTC.
    pub issued_btc: f64,
    /// Transaction fees paid to miners that day, BTC.
    pub fees_btc: f64,
    /// Network hashrate, EH/s (daily estimate).
    pub hashrate_eh_s: f64,
    /// BTC price, US dollars.
    pub btc_price_usd: f64,
}

impl NetworkDay {
    /// Hashprice that day, $/PH/s/day (MODEL.md §1.1, hashrate form).
    pub fn hashprice(&self) -> f64 {
        mining::hashprice_from_daily_revenue(self.issued_btc + self.fees_btc, self.btc_price_usd, self.hashrate_eh_s)
    }
}

/// Parses the daily CSV (`date,iss_btc,fee_btc,hashrate_ehs,price_usd`).
pub fn parse_network_daily(text: &str) -> Result<Vec<NetworkDay>, CsvError> {
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
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .ok_or_else(|| CsvError::bad(line, name, &row[c]))
            };
            let hashrate = num(c_hash, "hashrate_ehs")?;
            if hashrate <= 0.0 {
                return Err(CsvError::bad(line, "hashrate_ehs", &row[c_hash]));
            }
            Ok(NetworkDay {
                day: Day::parse(&row[c_date]).ok_or_else(|| CsvError::bad(line, "date", &row[c_date]))?,
                issued_btc: num(c_iss, "iss_btc")?,
                fees_btc: num(c_fee, "fee_btc")?,
                hashrate_eh_s: hashrate,
                btc_price_usd: num(c_price, "price_usd")?,
            })
        })
        .collect()
}

/// Decodes the compact embedded form; `None` if it is malformed.
pub fn decode_network_daily(bytes: &[u8]) -> Option<Vec<NetworkDay>> {
    let (first, [issued, fees, hashrate, price]) = decode(bytes)?;
    (0..issued.len())
        .map(|i| {
            let value = |column: &[i64], k: usize| column[i] as f64 / SCALES[k];
            let hashrate_eh_s = value(&hashrate, 2);
            (hashrate_eh_s > 0.0).then(|| NetworkDay {
                day: Day::from_days_since_epoch(first + i as i64),
                issued_btc: value(&issued, 0),
                fees_btc: value(&fees, 1),
                hashrate_eh_s,
                btc_price_usd: value(&price, 3),
            })
        })
        .collect()
}

/// The embedded daily series, decoded once. The test suite checks it equals the CSV exactly,
/// so a failure here is a build defect, not reader input.
pub fn network_daily() -> &'static [NetworkDay] {
    static DAYS: OnceLock<Vec<NetworkDay>> = OnceLock::new();
    DAYS.get_or_init(|| decode_network_daily(NETWORK_DAILY_BIN).expect("embedded network data is valid"))
}

/// Monthly means of the daily values (hashprice averaged day by day, as MODEL.md §1.5 and
/// `hashprice_monthly.csv` do).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetworkMonth {
    pub month: YearMonth,
    pub days: u32,
    pub hashprice: f64,
    pub btc_price_usd: f64,
    pub hashrate_eh_s: f64,
}

/// Groups the daily series by calendar month, in order.
pub fn monthly_means(days: &[NetworkDay]) -> Vec<NetworkMonth> {
    let mut out: Vec<NetworkMonth> = Vec::new();
    for d in days {
        let m = d.day.year_month();
        match out.last_mut() {
            Some(last) if last.month == m => {
                last.days += 1;
                last.hashprice += d.hashprice();
                last.btc_price_usd += d.btc_price_usd;
                last.hashrate_eh_s += d.hashrate_eh_s;
            }
            _ => out.push(NetworkMonth {
                month: m,
                days: 1,
                hashprice: d.hashprice(),
                btc_price_usd: d.btc_price_usd,
                hashrate_eh_s: d.hashrate_eh_s,
            }),
        }
    }
    for m in &mut out {
        let n = m.days as f64;
        m.hashprice /= n;
        m.btc_price_usd /= n;
        m.hashrate_eh_s /= n;
    }
    out
}

/// The embedded series' monthly means, computed once.
pub fn network_monthly() -> &'static [NetworkMonth] {
    static MONTHS: OnceLock<Vec<NetworkMonth>> = OnceLock::new();
    MONTHS.get_or_init(|| monthly_means(network_daily()))
}

/// The last day of data ("data to 21 Nov 2025").
pub fn last_day() -> Day {
    network_daily().last().map(|d| d.day).unwrap_or(Day { year: 2025, month: 11, day: 21 })
}
