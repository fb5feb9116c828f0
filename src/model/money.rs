//! The boundary between exact money and fast floating point: exact where money is shown, fast on Monte Carlo paths.
//!
//! The market is continuous mathematics: hashprice, BTC price, share price and machine value
//! come out of `exp`, `ln` and `pow` (computed with `libm`, so host and wasm agree bit for
//! bit) and live in `f64`. Money does not: principal, balances, coupons, cash and share
//! counts are kept by the deterministic run in [`Exact`], a `rust_decimal::Decimal` at full
//! precision (28 significant digits), and rounded to cents only when printed
//! ([`round_cents`]).
//!
//! The structure loops (loan, convertible, secured notes) are written once, generic over the
//! [`Money`] trait: the deterministic run instantiates them with [`Exact`], Monte Carlo with
//! `f64` for speed. The only place a market value crosses into money is [`Money::from_f64`],
//! called when a month's market values and the scenario's inputs are converted
//! (`simulate::MonthMarket` and `simulate::Terms`); the only way back is [`Money::to_f64`].
//! With zero volatility the two instantiations therefore see the same inputs and agree to
//! far better than docs/model.md, "Validation cases", V10's $0.01.
//!
//! `Decimal`'s own operators panic on overflow; [`Exact`]'s saturate instead (to
//! `Decimal::MAX`/`MIN`, like `f64` going to infinity), so no input can make the model panic.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};
use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// Decimal places kept for derived per-unit rates ($ per PH/s per month) and hashrates (PH/s)
/// in the exact run: 1e-10 of a dollar per PH/s-month and 1e-10 PH/s, far below a cent on any
/// fleet in range, so that `fleet × rate` stays within the 96-bit mantissa and `Decimal`
/// multiplies without rescaling. Balances, payments, coupons and cash are never rounded.
pub const RATE_DECIMALS: u32 = 10;

/// Arithmetic the structure loops need, implemented by [`Exact`] and `f64`.
pub trait Money:
    Copy
    + PartialOrd
    + PartialEq
    + fmt::Debug
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    /// The one conversion in: a market value or an input, as money. NaN becomes zero,
    /// values beyond the type's range saturate.
    fn from_f64(value: f64) -> Self;
    /// The one conversion out, for charts, ratios printed as `f64` and Monte Carlo summaries.
    fn to_f64(self) -> f64;
    /// A fast conversion for chart series only (within a few ulps of [`Money::to_f64`]);
    /// printed values always go through `to_f64` or the decimal formatting.
    fn to_chart(self) -> f64 {
        self.to_f64()
    }
    /// Rounded to `decimal_places` (half away from zero). Used only for derived per-unit
    /// rates and hashrates (never for balances or cash), to keep products within `Decimal`'s
    /// 96-bit mantissa (see [`RATE_DECIMALS`]); both instantiations round, so Monte Carlo
    /// sees the same rates as the exact run.
    fn rounded(self, decimal_places: u32) -> Self;
    /// `self` raised to an integer power (the annuity factor of docs/model.md, "Structure A: the machine-backed loan").
    fn powi(self, exponent: i32) -> Self;

    /// An exact small integer (months, counts).
    fn from_int(value: i64) -> Self {
        Self::from_f64(value as f64)
    }
    fn max_of(self, other: Self) -> Self {
        if other > self { other } else { self }
    }
    fn min_of(self, other: Self) -> Self {
        if other < self { other } else { self }
    }
    /// `max(self, 0)`, docs/model.md's `x⁺`.
    fn positive_part(self) -> Self {
        self.max_of(Self::ZERO)
    }
    /// `self / divisor`, or `None` when the divisor is zero.
    fn checked_ratio(self, divisor: Self) -> Option<Self> {
        (divisor != Self::ZERO).then(|| self / divisor)
    }
}

impl Money for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    fn from_f64(value: f64) -> f64 {
        if value.is_nan() { 0.0 } else { value }
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn powi(self, exponent: i32) -> f64 {
        libm::pow(self, exponent as f64)
    }
    fn rounded(self, decimal_places: u32) -> f64 {
        let factor = POWERS_OF_TEN[(decimal_places as usize).min(28)];
        let scaled = self * factor;
        // Beyond 2^52 an f64 has no fraction left to round.
        if scaled.abs() < 4.5e15 { round_half_away(scaled) / factor } else { self }
    }
}

/// `libm::round` (half away from zero, the sign of zero kept) for |x| < 2^52, without its
/// call: the integer cast truncates exactly and `x − trunc(x)` is exact at that size, so the
/// result is the same to the bit. Monte Carlo rounds one revenue rate per path-month.
fn round_half_away(x: f64) -> f64 {
    let truncated = x as i64 as f64;
    let rounded = if (x - truncated).abs() >= 0.5 { truncated + 1.0_f64.copysign(x) } else { truncated };
    rounded.copysign(x)
}

/// Exact money: a `Decimal` whose arithmetic saturates instead of panicking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Exact(pub Decimal);

impl Exact {
    /// Rounded to cents, half away from zero (display and printing only).
    pub fn cents(self) -> Decimal {
        round_cents(self.0)
    }
}

fn saturate(positive: bool) -> Exact {
    Exact(if positive { Decimal::MAX } else { Decimal::MIN })
}

impl Add for Exact {
    type Output = Exact;
    fn add(self, other: Exact) -> Exact {
        self.0.checked_add(other.0).map(Exact).unwrap_or_else(|| saturate(self.0.is_sign_positive()))
    }
}

impl Sub for Exact {
    type Output = Exact;
    fn sub(self, other: Exact) -> Exact {
        self.0.checked_sub(other.0).map(Exact).unwrap_or_else(|| saturate(self.0.is_sign_positive()))
    }
}

impl Mul for Exact {
    type Output = Exact;
    fn mul(self, other: Exact) -> Exact {
        self.0
            .checked_mul(other.0)
            .map(Exact)
            .unwrap_or_else(|| saturate(self.0.is_sign_positive() == other.0.is_sign_positive()))
    }
}

impl Div for Exact {
    type Output = Exact;
    /// Division by zero saturates like `f64` (0/0 gives zero); callers that care use
    /// [`Money::checked_ratio`].
    fn div(self, other: Exact) -> Exact {
        if other.0.is_zero() {
            return if self.0.is_zero() { Exact(Decimal::ZERO) } else { saturate(self.0.is_sign_positive()) };
        }
        self.0
            .checked_div(other.0)
            .map(Exact)
            .unwrap_or_else(|| saturate(self.0.is_sign_positive() == other.0.is_sign_positive()))
    }
}

impl Neg for Exact {
    type Output = Exact;
    fn neg(self) -> Exact {
        Exact(-self.0)
    }
}

impl Money for Exact {
    const ZERO: Exact = Exact(Decimal::ZERO);
    const ONE: Exact = Exact(Decimal::ONE);
    fn from_f64(value: f64) -> Exact {
        exact_from_f64(value)
    }
    fn to_f64(self) -> f64 {
        self.0.to_f64().unwrap_or(0.0)
    }
    fn rounded(self, decimal_places: u32) -> Exact {
        Exact(self.0.round_dp_with_strategy(decimal_places, RoundingStrategy::MidpointAwayFromZero))
    }
    fn to_chart(self) -> f64 {
        // mantissa / 10^scale: one rounding of the mantissa, one division.
        let mantissa = self.0.mantissa();
        let power = POWERS_OF_TEN[(self.0.scale() as usize).min(28)];
        // 64-bit integers convert to f64 in one instruction; wider ones go through i128.
        match i64::try_from(mantissa) {
            Ok(small) => small as f64 / power,
            Err(_) => mantissa as f64 / power,
        }
    }
    fn from_int(value: i64) -> Exact {
        Exact(Decimal::from(value))
    }
    fn powi(self, exponent: i32) -> Exact {
        match self.0.checked_powi(exponent as i64) {
            Some(v) => Exact(v),
            // Overflow of a base above one, or underflow of one below it.
            None if (self.0 > Decimal::ONE) == (exponent > 0) => Exact(Decimal::MAX),
            None => Exact(Decimal::ZERO),
        }
    }
}

/// The sum of `Decimal`s through [`Exact`]'s addition, which saturates instead of panicking.
///
/// Outside the model (the data's sums, presets, the story's facts) plain `Decimal`s are added,
/// multiplied and divided through `Exact` too: rust_decimal's own `+`, `+=`, `-`, `*`, `/` and
/// `Sum` each inline another copy of its arithmetic, and in the wasm bundle one copy is enough.
/// The results are the same (both use rust_decimal's checked operations) short of an overflow.
pub fn sum_exact(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Exact::ZERO, |total, value| total + Exact(value)).0
}

/// Powers of ten exactly representable in `f64` up to 1e22 (then correctly rounded).
const POWERS_OF_TEN: [f64; 29] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
];

/// The one conversion of an `f64` into exact money: the value rounded to 15 significant
/// digits (what an `f64` reliably holds), trailing zeros dropped, so an input typed as
/// `0.095` becomes exactly 0.095. Pure `f64` arithmetic and `libm`, hence the same on the
/// host and in wasm; ten times faster than `Decimal::from_f64`'s bit-by-bit conversion.
fn exact_from_f64(value: f64) -> Exact {
    if value.is_nan() || value == 0.0 {
        return Exact(Decimal::ZERO);
    }
    let magnitude = value.abs();
    if magnitude >= 7.9e28 {
        return saturate(value > 0.0);
    }
    // Decimal places that leave 15 significant digits, within Decimal's 0..=28.
    let exponent = libm::floor(libm::log10(magnitude)) as i32;
    let mut scale = (14 - exponent).clamp(0, 28) as u32;
    let scaled = libm::round(value * POWERS_OF_TEN[scale as usize]);
    if scaled.abs() < 9.0e18 {
        // The common case, in 64-bit integers.
        let mut mantissa = scaled as i64;
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        return Exact(Decimal::new(mantissa, scale));
    }
    Decimal::try_from_i128_with_scale(scaled as i128, 0).map(Exact).unwrap_or_else(|_| saturate(value > 0.0))
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Money for display: rounded to cents, half away from zero.
pub fn round_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The `data-value` of an amount of money: cents, dot decimal, always two decimals, no
/// thousands separator.
pub fn format_cents(value: Decimal) -> String {
    let mut rounded = round_cents(value);
    rounded.rescale(2);
    if rounded.is_zero() {
        // "-0.00" reads as a loss; print the zero plainly.
        return "0.00".to_string();
    }
    rounded.to_string()
}

/// The `data-value` of an `f64` amount of money (Monte Carlo summaries), through the same
/// decimal rounding so host and browser print the same digits.
pub fn format_cents_f64(value: f64) -> String {
    format_cents(Exact::from_f64(value).0)
}

/// The `data-value` of a ratio or fraction: full precision, shortest round-trip form.
/// Non-finite values print as empty (not applicable).
pub fn format_ratio(value: f64) -> String {
    if value.is_finite() { format!("{value}") } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_saturates_instead_of_panicking() {
        let big = Exact(Decimal::MAX);
        assert_eq!(big + big, Exact(Decimal::MAX));
        assert_eq!(-big - big, Exact(Decimal::MIN));
        assert_eq!(big * -big, Exact(Decimal::MIN));
        assert_eq!(Exact::ONE / Exact::ZERO, Exact(Decimal::MAX));
        assert_eq!(Exact::ZERO / Exact::ZERO, Exact::ZERO);
        assert_eq!(Exact::from_f64(f64::NAN), Exact::ZERO);
        assert_eq!(Exact::from_f64(1e308), Exact(Decimal::MAX));
        assert_eq!(Exact::from_f64(-f64::INFINITY), Exact(Decimal::MIN));
        assert_eq!(Exact::from_f64(10.0).powi(-400), Exact::ZERO);
        assert_eq!(Exact::from_f64(10.0).powi(400), Exact(Decimal::MAX));
    }

    #[test]
    fn rounding_half_away_is_libm_round_to_the_bit() {
        let mut x = 0x1234_5678_9abc_def0u64;
        let mut values = vec![0.0, -0.0, 0.5, -0.5, 1.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4.4e15, -4.4e15, 2.0f64.powi(52) - 0.5];
        for _ in 0..100_000 {
            // xorshift: magnitudes from 1e-3 to 1e15, both signs, halves included.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let magnitude = 10f64.powi((x % 19) as i32 - 3);
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * magnitude * if x & 1 == 0 { 1.0 } else { -1.0 };
            values.push(v);
            values.push((v * 2.0).trunc() / 2.0);
        }
        for v in values {
            assert_eq!(round_half_away(v).to_bits(), libm::round(v).to_bits(), "{v:e}");
        }
    }

    #[test]
    fn decimal_inputs_keep_their_printed_value() {
        for (input, printed) in [(0.095, "0.095"), (38.24, "38.24"), (1e10, "10000000000"), (-2.5e-7, "-0.00000025"), (1.0 / 3.0, "0.333333333333333"), (123456789.12345679, "123456789.123457")] {
            assert_eq!(Exact::from_f64(input).0.to_string(), printed, "{input}");
        }
        assert_eq!(format_cents(Decimal::new(240_000, 4)), "24.00");
        assert_eq!(format_cents(Decimal::new(-1, 3)), "0.00");
        assert_eq!(format_cents(Decimal::new(1_234_567_895, 3)), "1234567.90");
        assert_eq!(format_ratio(0.125), "0.125");
        assert_eq!(format_ratio(f64::NAN), "");
    }
}
