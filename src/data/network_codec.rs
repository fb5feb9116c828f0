//! The compact form of the daily network data embedded in the app (written by `build.rs`,
//! read by [`super::network`]). The published CSV (what readers download) has four columns a
//! day; the page needs less:
//!
//! - every day's **hashprice**, for the history chart and the story's figures, in whole cents
//!   (the page shows it to the cent, and a test checks that every day reads the same);
//! - each month's **means** of hashprice, BTC price and network hashrate, and of its first
//!   seven days (the closing week of a replay), for the model's replay path, to the bit: they
//!   are computed here, from the CSV's values, with the same arithmetic the model used when it
//!   computed them in the browser.
//!
//! Format: varint(zigzag(first day, days since 1970-01-01)), varint(day count), that many
//! zigzag-varint deltas of hashprice in cents (the first from 0), varint(month count), then per
//! month its year and month as varints and six little-endian `f64`s: the month's mean
//! hashprice, price and hashrate, then the closing week's.

use super::calendar::{Day, YearMonth};

/// One day of the published CSV, as numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawDay {
    pub day: Day,
    pub issued_btc: f64,
    pub fees_btc: f64,
    pub hashrate_eh_s: f64,
    pub btc_price_usd: f64,
}

impl RawDay {
    /// Hashprice that day, $/PH/s/day: BTC paid to miners × price / (1000 × hashrate in EH/s),
    /// the hashrate form of `model::mining`.
    pub fn hashprice(&self) -> f64 {
        (self.issued_btc + self.fees_btc) * self.btc_price_usd / (1000.0 * self.hashrate_eh_s)
    }
}

/// One month of the series: its means, and the means of its first seven days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthDigest {
    pub month: YearMonth,
    /// Hashprice, BTC price, hashrate: the month's means.
    pub means: [f64; 3],
    /// The same over days 1 to 7.
    pub closing_week: [f64; 3],
}

/// The months of a series, in order, with the arithmetic the model's replay has always used:
/// sums in day order, divided by the count.
pub fn digest(days: &[RawDay]) -> Vec<MonthDigest> {
    let mut out: Vec<(MonthDigest, f64, f64)> = Vec::new();
    for d in days {
        let m = d.day.year_month();
        let values = [d.hashprice(), d.btc_price_usd, d.hashrate_eh_s];
        let in_week = d.day.day <= 7;
        match out.last_mut() {
            Some((last, n, week_n)) if last.month == m => {
                for (sum, v) in last.means.iter_mut().zip(values) {
                    *sum += v;
                }
                *n += 1.0;
                if in_week {
                    for (sum, v) in last.closing_week.iter_mut().zip(values) {
                        *sum += v;
                    }
                    *week_n += 1.0;
                }
            }
            _ => {
                let week = if in_week { values } else { [-0.0; 3] };
                out.push((MonthDigest { month: m, means: values, closing_week: week }, 1.0, if in_week { 1.0 } else { 0.0 }));
            }
        }
    }
    out.into_iter()
        .map(|(mut m, n, week_n)| {
            for v in &mut m.means {
                *v /= n;
            }
            for v in &mut m.closing_week {
                *v = if week_n > 0.0 { *v / week_n } else { f64::NAN };
            }
            m
        })
        .collect()
}

/// Hashprice in whole cents, half away from zero.
pub fn cents(hashprice: f64) -> i64 {
    (hashprice * 100.0).round() as i64
}

/// Encodes a series (see the module's format).
pub fn encode(first_day: i64, hashprice_cents: &[i64], months: &[MonthDigest]) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, zigzag(first_day));
    put(&mut out, hashprice_cents.len() as u64);
    let mut previous = 0i64;
    for v in hashprice_cents {
        put(&mut out, zigzag(v - previous));
        previous = *v;
    }
    put(&mut out, months.len() as u64);
    for m in months {
        put(&mut out, m.month.year as u64);
        put(&mut out, u64::from(m.month.month));
        for v in m.means.iter().chain(&m.closing_week) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

/// Decodes to (first day, hashprice in cents per day, months); `None` if malformed.
pub fn decode(bytes: &[u8]) -> Option<(i64, Vec<i64>, Vec<MonthDigest>)> {
    let mut at = 0usize;
    let first_day = unzigzag(take(bytes, &mut at)?);
    let rows = usize::try_from(take(bytes, &mut at)?).ok().filter(|r| *r <= bytes.len())?;
    let mut cents = Vec::with_capacity(rows);
    let mut value = 0i64;
    for _ in 0..rows {
        value = value.checked_add(unzigzag(take(bytes, &mut at)?))?;
        cents.push(value);
    }
    let count = usize::try_from(take(bytes, &mut at)?).ok().filter(|c| *c <= bytes.len())?;
    let mut months = Vec::with_capacity(count);
    for _ in 0..count {
        let year = i32::try_from(take(bytes, &mut at)?).ok()?;
        let month = u32::try_from(take(bytes, &mut at)?).ok().filter(|m| (1..=12).contains(m))?;
        let mut six = [0.0; 6];
        for v in &mut six {
            let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
            *v = f64::from_le_bytes(chunk);
            at += 8;
        }
        months.push(MonthDigest {
            month: YearMonth { year, month },
            means: [six[0], six[1], six[2]],
            closing_week: [six[3], six[4], six[5]],
        });
    }
    (at == bytes.len()).then_some((first_day, cents, months))
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn take(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let month = MonthDigest { month: YearMonth { year: 2022, month: 1 }, means: [236.5, 41_000.25, 180.1], closing_week: [250.0, 43_000.0, 175.0] };
        let bytes = encode(18_993, &[23_650, 23_011, 0, -5], &[month]);
        assert_eq!(decode(&bytes), Some((18_993, vec![23_650, 23_011, 0, -5], vec![month])));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None, "truncated");
        assert_eq!(decode(&[0xff; 12]), None, "overlong varint");
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(decode(&extra), None, "trailing bytes");
    }
}
