//! Reading numbers that people type or put in URLs, correctly rounded to the nearest `f64`.
//!
//! Why not `str::parse::<f64>`: the standard parser carries a 10 KB table of powers of five
//! (Eisel–Lemire) that barely compresses, a large share of the page's size budget for the
//! handful of numbers a URL holds. This reader gives the same result (tested against the
//! standard parser as an oracle): the exact fast path when the digits fit in 53 bits and the
//! power of ten is at most 22, and otherwise a short exact long division on a small bignum.
//! Accepted: optional sign, digits with an optional decimal point, optional exponent
//! (`1e308`, `2.5E-3`). Rejected: words (`NaN`, `inf`), hex, separators, empty text.

/// Powers of ten exactly representable in `f64`.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
];

/// Parses a decimal number; `None` for anything that is not one. Values beyond `f64`'s range
/// give ±infinity (callers treat those as out of range).
pub fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.trim().as_bytes();
    let (negative, mut i) = match bytes.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let mut any_digit = false;
    let mut seen_point = false;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'0'..=b'9' => {
                any_digit = true;
                if !(digits.is_empty() && c == b'0') {
                    digits.push(c - b'0');
                }
                if seen_point {
                    exponent -= 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let (sign, start) = match bytes.get(i) {
            Some(b'-') => (-1, i + 1),
            Some(b'+') => (1, i + 1),
            _ => (1, i),
        };
        i = start;
        let mut e: i64 = 0;
        let mut exp_digits = false;
        while let Some(&c @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(c - b'0')).min(1_000_000);
            exp_digits = true;
            i += 1;
        }
        if !exp_digits {
            return None;
        }
        exponent += sign * e;
    }
    if i != bytes.len() {
        return None;
    }
    // Trailing zeros of the digits move into the exponent.
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    let magnitude = if digits.is_empty() { 0.0 } else { from_digits(&digits, exponent) };
    Some(if negative { -magnitude } else { magnitude })
}

/// The nearest `f64` to 0.d1d2d3… × 10^(len + exponent), i.e. digits × 10^exponent.
fn from_digits(digits: &[u8], exponent: i64) -> f64 {
    let magnitude_order = digits.len() as i64 + exponent;
    if magnitude_order > 310 {
        return f64::INFINITY;
    }
    if magnitude_order < -330 {
        return 0.0;
    }
    if digits.len() <= 15 && exponent.abs() <= 22 {
        let mantissa = digits.iter().fold(0u64, |m, d| m * 10 + u64::from(*d)) as f64;
        return if exponent >= 0 { mantissa * EXACT_POWERS[exponent as usize] } else { mantissa / EXACT_POWERS[(-exponent) as usize] };
    }
    // Exact: numerator / denominator as big integers, then a 54-bit quotient with a sticky bit.
    let mut numerator = Big::from_digits(digits);
    let mut denominator = Big::one();
    if exponent >= 0 {
        numerator.mul_pow10(exponent as u32);
    } else {
        denominator.mul_pow10((-exponent) as u32);
    }
    // Scale by 2^shift so that 2^53 <= numerator / denominator < 2^54.
    let mut shift: i64 = 53 + denominator.bits() as i64 - numerator.bits() as i64;
    let (mut n, mut d) = (numerator.clone(), denominator.clone());
    if shift >= 0 { n.shl(shift as u32) } else { d.shl((-shift) as u32) }
    if n.cmp(&d.shifted(53)) == std::cmp::Ordering::Less {
        shift += 1;
        n.shl(1);
    }
    if n.cmp(&d.shifted(54)) != std::cmp::Ordering::Less {
        shift -= 1;
        d.shl(1);
    }
    let (quotient, remainder_is_zero) = n.div_small_quotient(&d);
    // value = quotient × 2^(-shift), quotient in [2^53, 2^54). Keep 53 bits, or fewer below
    // the normal range, rounding once: half to even, the remainder as the sticky bit.
    let quotient_exponent = -shift;
    let mut drop: i64 = 1;
    if quotient_exponent + drop < -1074 {
        drop = -1074 - quotient_exponent;
    }
    if drop > 56 {
        return 0.0;
    }
    let kept = quotient >> drop;
    let rest = quotient & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    let round_up = rest > half || (rest == half && (!remainder_is_zero || kept & 1 == 1));
    let mantissa = kept + u64::from(round_up);
    let exponent = quotient_exponent + drop;
    if exponent > 971 {
        return f64::INFINITY;
    }
    libm::ldexp(mantissa as f64, exponent as i32)
}

/// A small unsigned bignum, little-endian base 2^32.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Self {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Self {
        let mut b = Big(vec![0]);
        for d in digits {
            b.mul_add(10, u32::from(*d));
        }
        b
    }

    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in self.0.iter_mut() {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut e: u32) {
        while e >= 9 {
            self.mul_add(1_000_000_000, 0);
            e -= 9;
        }
        if e > 0 {
            self.mul_add(10u32.pow(e), 0);
        }
    }

    fn trim(&mut self) {
        while self.0.len() > 1 && self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn bits(&self) -> u32 {
        let top = self.0.len() - 1;
        top as u32 * 32 + (32 - self.0[top].leading_zeros())
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, rest) = ((bits / 32) as usize, bits % 32);
        if rest > 0 {
            let mut carry = 0u32;
            for limb in self.0.iter_mut() {
                let v = (*limb << rest) | carry;
                carry = *limb >> (32 - rest);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
        self.trim();
    }

    fn shifted(&self, bits: u32) -> Big {
        let mut b = self.clone();
        b.shl(bits);
        b
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let v = i64::from(self.0[i]) - i64::from(*other.0.get(i).unwrap_or(&0)) - borrow;
            borrow = i64::from(v < 0);
            self.0[i] = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    /// Long division when the quotient is known to be below 2^54: (quotient, remainder is
    /// zero).
    fn div_small_quotient(mut self, d: &Big) -> (u64, bool) {
        let mut quotient = 0u64;
        for bit in (0..54).rev() {
            let part = d.shifted(bit);
            if self.cmp(&part) != std::cmp::Ordering::Less {
                self.sub(&part);
                quotient |= 1 << bit;
            }
        }
        (quotient, self.0.iter().all(|l| *l == 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_parser() {
        let cases = [
            "0", "-0", "37.5", "0.1", "0.07", "1e308", "1.7976931348623157e308", "2.2250738585072014e-308", "5e-324",
            "0.30000000000000004", "123456789012345678901234567890", "9007199254740993", "250000000", "+4.5", ".5", "5.",
            "1e-7", "3.141592653589793", "0.000123456789012345678", "1E22", "1e23", "8.5e-5", "12345678901234567e-20",
        ];
        for c in cases {
            let ours = parse_number(c).unwrap_or(f64::NAN);
            let std: f64 = c.parse().unwrap();
            assert_eq!(ours.to_bits(), std.to_bits(), "{c}: {ours} vs {std}");
        }
        assert_eq!(parse_number("1e400"), Some(f64::INFINITY));
        for bad in ["", "-", "NaN", "inf", "abc", "1e", "1,000", "0x10", "1.2.3", "1e+", "--1"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn round_trips_every_shortest_representation() {
        // A deterministic sweep of bit patterns across the whole range.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if !v.is_finite() {
                continue;
            }
            let text = format!("{v}");
            assert_eq!(parse_number(&text).map(f64::to_bits), Some(v.to_bits()), "{text}");
            let text = format!("{v:e}");
            assert_eq!(parse_number(&text).map(f64::to_bits), Some(v.to_bits()), "{text}");
        }
    }
}
