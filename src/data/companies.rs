//! Listed miners' size and stock market value on dated snapshots (`data/companies.csv`): what
//! the default company of the calculator is calibrated to (R7). Host only: the page shows the
//! default company's own market value next to its inputs, and does not need the table.
//!
//! **The default company.** The peers are the companies with a snapshot whose hashrate is
//! within ±50% of the default fleet; each peer counts once, with its latest such snapshot. The
//! default company has the peers' median share count and median stock market value, so its
//! share price is the one that gives that value (the median of the prices need not), rounded to
//! the cent. Its cash is the peers' median where at least three of them have a sourced figure,
//! and stays an assumption otherwise.

use super::calendar::Day;
use super::csv::{parse_records, CsvError};

/// The file, as committed.
pub const COMPANIES_CSV: &str = include_str!("../../data/companies.csv");

/// One dated snapshot of one company. A figure the research could not source is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub ticker: String,
    pub date: Day,
    pub hashrate_eh_s: Option<f64>,
    pub shares_outstanding: Option<f64>,
    pub share_price_usd: Option<f64>,
    pub market_cap_usd: Option<f64>,
    pub cash_usd: Option<f64>,
    pub debt_usd: Option<f64>,
    pub source_url: String,
}

/// Every snapshot in the file.
pub fn snapshots() -> Result<Vec<Snapshot>, CsvError> {
    let t = parse_records(COMPANIES_CSV)?;
    let c = |name: &str| t.column(name);
    let (ticker, date, hashrate, shares, price, cap, cash, debt, source) = (
        c("ticker")?,
        c("date")?,
        c("hashrate_eh_s")?,
        c("shares_outstanding")?,
        c("share_price_usd")?,
        c("market_cap_usd")?,
        c("cash_usd")?,
        c("debt_usd")?,
        c("source_url")?,
    );
    t.rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let number = |col: usize, name: &str| -> Result<Option<f64>, CsvError> {
                let v = row[col].as_str();
                if v.is_empty() {
                    return Ok(None);
                }
                v.parse::<f64>().map(Some).map_err(|_| CsvError::bad(i + 2, name, v))
            };
            Ok(Snapshot {
                ticker: row[ticker].clone(),
                date: Day::parse(&row[date]).ok_or_else(|| CsvError::bad(i + 2, "date", &row[date]))?,
                hashrate_eh_s: number(hashrate, "hashrate_eh_s")?,
                shares_outstanding: number(shares, "shares_outstanding")?,
                share_price_usd: number(price, "share_price_usd")?,
                market_cap_usd: number(cap, "market_cap_usd")?,
                cash_usd: number(cash, "cash_usd")?,
                debt_usd: number(debt, "debt_usd")?,
                source_url: row[source].clone(),
            })
        })
        .collect()
}

/// The middle value (the mean of the two middle ones for an even count); `None` when empty.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 })
}

/// The calculator's default company, from its peers.
#[derive(Clone, Debug, PartialEq)]
pub struct DefaultCompany {
    /// The peers' tickers with the date of the snapshot used.
    pub peers: Vec<(String, Day)>,
    pub shares_outstanding: f64,
    pub market_value_usd: f64,
    /// Market value over shares, to the cent.
    pub share_price_usd: f64,
    /// `None` when fewer than three peers have a sourced cash figure.
    pub cash_usd: Option<f64>,
}

/// The default company for a fleet of `fleet_ph_s` PH/s (see the module's rule).
pub fn default_company(all: &[Snapshot], fleet_ph_s: f64) -> Option<DefaultCompany> {
    let fleet_eh_s = fleet_ph_s / 1000.0;
    let mut peers: Vec<&Snapshot> = Vec::new();
    for s in all.iter().filter(|s| s.hashrate_eh_s.is_some_and(|h| (h - fleet_eh_s).abs() <= 0.5 * fleet_eh_s)) {
        match peers.iter_mut().find(|p| p.ticker == s.ticker) {
            Some(p) if p.date < s.date => *p = s,
            Some(_) => {}
            None => peers.push(s),
        }
    }
    let shares = median(peers.iter().filter_map(|p| p.shares_outstanding).collect())?;
    let value = median(peers.iter().filter_map(|p| p.market_cap_usd).collect())?;
    let cash: Vec<f64> = peers.iter().filter_map(|p| p.cash_usd).collect();
    Some(DefaultCompany {
        peers: peers.iter().map(|p| (p.ticker.clone(), p.date)).collect(),
        shares_outstanding: shares,
        market_value_usd: value,
        share_price_usd: (value / shares * 100.0).round() / 100.0,
        cash_usd: if cash.len() >= 3 { median(cash) } else { None },
    })
}
