//! Rates and the arithmetic of payments over time: a loan's level payment, and today's value of
//! a monthly amount. Rates are annual; a level payment's coupon is nominal (monthly rate =
//! r / 12, as loan agreements state it), a discount rate effective (a dollar in a year is worth
//! 1 / (1 + r) today).

use super::money::Money;

/// Level payment (docs/model.md, "Structure A: the machine-backed loan"): `PMT = D0 × r_m / (1 − (1 + r_m)^−n)`, `D0/n` at a zero
/// rate, and the whole balance with a month's interest when no months remain.
pub fn payment<M: Money>(balance: M, annual_rate: M, months: i64) -> M {
    let monthly = annual_rate / M::from_int(12);
    if months <= 0 {
        return balance * (M::ONE + monthly);
    }
    if monthly == M::ZERO {
        return balance / M::from_int(months);
    }
    let discount = (M::ONE + monthly).powi(-(months.min(i32::MAX as i64) as i32));
    let denominator = M::ONE - discount;
    balance * monthly / denominator
}

/// Σ_{i=1..n} (1 + r)^(−i/12): today's value of a dollar a month for `months` months at the
/// effective annual rate `annual_rate` (a fraction). `months` when the rate is zero.
pub fn annuity_factor(months: u32, annual_rate: f64) -> f64 {
    let n = months as f64;
    if annual_rate <= 0.0 {
        return n;
    }
    let monthly = libm::expm1(libm::log1p(annual_rate) / 12.0);
    // (1 − (1 + m)^−n) / m, with expm1 for accuracy at small rates.
    -libm::expm1(-n * libm::log1p(monthly)) / monthly
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annuity_factor_by_hand() {
        assert_eq!(annuity_factor(48, 0.0), 48.0);
        // 12 months at 12.68250301% a year is 1% a month: (1 − 1.01^−12) / 0.01 = 11.2550775.
        let a = annuity_factor(12, 1.01f64.powi(12) - 1.0);
        assert!((a - 11.255_077_5).abs() < 1e-6, "{a}");
        // A year of payments at 15% a year is worth less than 12 and more than 12 / 1.15.
        let b = annuity_factor(12, 0.15);
        assert!(b < 12.0 && b > 12.0 / 1.15, "{b}");
    }

}
