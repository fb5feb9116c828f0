//! What a fleet of machines is worth, two ways.
//!
//! - **Market price** ([`super::mining::machine_value_usd_per_th`]): `k` days of gross hashprice,
//!   the way the ASIC price indices move. It is what machines are bought at, what a lender counts
//!   as collateral, and what a sale fetches (less the bulk-sale haircut).
//! - **Value in use** ([`value_in_use_per_ph`]): what the machines are worth to the miner that
//!   runs them, the present value of their cash margin over their remaining life, never below
//!   scrap. It is what the net asset value counts. A fleet that cannot cover its running costs
//!   is worth its scrap value to its owner, however much the market pays for such machines.
//!
//! The margin is valued at this month's hashprice, held flat (the model takes no view of the
//! future in a valuation), over `machine_life` months discounted at `value_discount` a year;
//! an effective annual rate, so a dollar in twelve months is worth 1 / (1 + r) today. A
//! negative margin counts as zero: a machine that loses money is switched off, not run.

use super::money::Money;

/// Value in use of one PH/s, in dollars: `max(scrap, margin⁺ × annuity)`, with `margin` the
/// cash margin of a running PH/s for a month (revenue less power and other running costs) and
/// `annuity` from [`annuity_factor`]. Continuous and non-decreasing in the margin, hence in
/// hashprice, and non-increasing in joules per terahash (more power per hash, less margin).
pub fn value_in_use_per_ph<M: Money>(margin_per_ph_month: M, annuity: M, scrap_per_ph: M) -> M {
    (margin_per_ph_month.positive_part() * annuity).max_of(scrap_per_ph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_in_use_floors_at_scrap() {
        assert_eq!(value_in_use_per_ph(-500.0, 36.0, 1_000.0), 1_000.0);
        assert_eq!(value_in_use_per_ph(100.0, 36.0, 1_000.0), 3_600.0);
        assert_eq!(value_in_use_per_ph(10.0, 36.0, 1_000.0), 1_000.0);
    }
}
