//! The compact form of the daily network data embedded in the app (written by `build.rs`,
//! read here). The published CSV is 65 KB; this is about 16 KB and compresses to 12 KB.
//!
//! Format: varint(first day, days since 1970-01-01), varint(row count), then four columns —
//! issued BTC × 1000, fees BTC × 100, hashrate EH/s × 100, price USD × 1 — each as
//! varint(the column's greatest common divisor) followed by the row count of zigzag-varint
//! deltas of value / divisor (the first from 0). Issued BTC is always a whole number of block
//! subsidies, so its divisor turns it into small block counts. Values are exact: the build
//! refuses a CSV value that is not a multiple of its column's step.

/// Each column's scale: stored integer = value × scale.
pub const SCALES: [f64; 4] = [1000.0, 100.0, 100.0, 1.0];

/// Encodes the columns (stored integers) starting at `first_day`.
pub fn encode(first_day: i64, columns: &[Vec<i64>; 4]) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, zigzag(first_day));
    put(&mut out, columns[0].len() as u64);
    for column in columns {
        let divisor = column.iter().fold(0i64, |g, v| gcd(g, v.abs())).max(1);
        put(&mut out, divisor as u64);
        let mut previous = 0i64;
        for v in column {
            put(&mut out, zigzag(v / divisor - previous));
            previous = v / divisor;
        }
    }
    out
}

/// Decodes to (first day, columns of stored integers); `None` if the bytes are malformed.
pub fn decode(bytes: &[u8]) -> Option<(i64, [Vec<i64>; 4])> {
    let mut at = 0usize;
    let first_day = unzigzag(take(bytes, &mut at)?);
    let rows = usize::try_from(take(bytes, &mut at)?).ok()?;
    if rows > bytes.len() {
        return None;
    }
    let mut columns: [Vec<i64>; 4] = Default::default();
    for column in columns.iter_mut() {
        let divisor = i64::try_from(take(bytes, &mut at)?).ok().filter(|d| *d > 0)?;
        let mut value = 0i64;
        for _ in 0..rows {
            value = value.checked_add(unzigzag(take(bytes, &mut at)?))?;
            column.push(value.checked_mul(divisor)?);
        }
    }
    (at == bytes.len()).then_some((first_day, columns))
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
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
        let columns = [vec![931250, 943750, 0], vec![4865, -3, 5], vec![13776, 13961, 1], vec![29381, 32023, 0]];
        let bytes = encode(18_628, &columns);
        assert_eq!(decode(&bytes), Some((18_628, columns)));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None, "truncated");
        assert_eq!(decode(&[0xff; 12]), None, "overlong varint");
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(decode(&extra), None, "trailing bytes");
    }
}
