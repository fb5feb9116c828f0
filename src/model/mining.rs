//! Mining economics (docs/model.md, "Mining"): hashprice, the subsidy schedule, breakeven hashprices and
//! machine value. Market quantities in `f64`, computed with `libm` so host and wasm agree.

use crate::data::calendar::YearMonth;

/// Blocks found per day at the ten-minute target.
pub const BLOCKS_PER_DAY: f64 = 144.0;

/// Hashprice from what the whole network earned in a day (docs/model.md, "Mining", hashrate form):
/// `HP = btc_per_day × P_BTC / (1000 × N_EH)`, in $/PH/s/day.
///
/// `btc_per_day` is subsidy plus fees paid to all miners that day; `network_eh_s` is the
/// network hashrate in EH/s (× 1000 gives PH/s). Returns 0 for a non-positive hashrate rather
/// than infinity.
pub fn hashprice_from_daily_revenue(btc_per_day: f64, btc_price_usd: f64, network_eh_s: f64) -> f64 {
    if network_eh_s > 0.0 && network_eh_s.is_finite() {
        btc_per_day * btc_price_usd / (1000.0 * network_eh_s)
    } else {
        0.0
    }
}

/// Hashprice in the hashrate form with per-block terms (docs/model.md, "Mining"):
/// `HP = (subsidy + fee_per_block) × 144 × P_BTC / (1000 × N_EH)`.
pub fn hashprice_from_hashrate(subsidy_btc: f64, fee_per_block_btc: f64, btc_price_usd: f64, network_eh_s: f64) -> f64 {
    hashprice_from_daily_revenue((subsidy_btc + fee_per_block_btc) * BLOCKS_PER_DAY, btc_price_usd, network_eh_s)
}

/// Hashprice in the difficulty form (docs/model.md, "Mining"), what published indices match:
/// blocks/day earned by 1 PH/s = 1e15 × 86,400 / (difficulty × 2^32), times the reward per
/// block in dollars.
pub fn hashprice_from_difficulty(difficulty: f64, btc_price_usd: f64, subsidy_btc: f64, fee_per_block_btc: f64) -> f64 {
    if difficulty > 0.0 && difficulty.is_finite() {
        1e15 * 86_400.0 / (difficulty * 4_294_967_296.0) * (subsidy_btc + fee_per_block_btc) * btc_price_usd
    } else {
        0.0
    }
}

/// The month of the 2028 halving, block 1,050,000 (docs/model.md, "Mining", estimates 1-17 April 2028).
pub const HALVING_2028: YearMonth = YearMonth { year: 2028, month: 4 };

/// Block subsidy in BTC in a calendar month (docs/model.md, "Mining"): 6.25 from May 2020, 3.125 from
/// April 2024 (block 840,000), 1.5625 from April 2028, halving every four years after.
pub fn subsidy_btc(month: YearMonth) -> f64 {
    let halvings_since_2024 = if month < (YearMonth { year: 2020, month: 5 }) {
        -2
    } else if month < (YearMonth { year: 2024, month: 4 }) {
        -1
    } else {
        // Every 48 months from April 2024.
        (month.index() - YearMonth { year: 2024, month: 4 }.index()).div_euclid(48).min(30)
    };
    3.125 * libm::exp2(-(halvings_since_2024 as f64))
}

/// The subsidy a path uses in `month`: the schedule with the halving on, or frozen at the
/// closing month's subsidy with it off.
pub fn path_subsidy_btc(month: YearMonth, closing: YearMonth, halving: bool) -> f64 {
    subsidy_btc(if halving { month } else { closing })
}

/// Power-only breakeven hashprice (docs/model.md, "Mining"): `HP_be,power = e × 24 × c`, in
/// $/PH/s/day, with the power price in $/MWh (÷ 1000 for $/kWh). 20 J/TH at 50 $/MWh → 24.
pub fn breakeven_hashprice_power(efficiency_j_per_th: f64, power_usd_per_mwh: f64) -> f64 {
    efficiency_j_per_th * 24.0 * power_usd_per_mwh / 1000.0
}

/// Cash breakeven hashprice (docs/model.md, "Mining"): `HP_be,cash = e × 24 × c + o / u` (fixed G&A
/// excluded). Uptime as a fraction; a non-positive uptime gives infinity.
pub fn breakeven_hashprice_cash(efficiency_j_per_th: f64, power_usd_per_mwh: f64, other_opex_usd_per_ph_day: f64, uptime: f64) -> f64 {
    let power = breakeven_hashprice_power(efficiency_j_per_th, power_usd_per_mwh);
    if uptime > 0.0 { power + other_opex_usd_per_ph_day / uptime } else { f64::INFINITY }
}

/// Machine value in $/TH (docs/model.md, "What machines are worth (R2)"): `v_t = (k/1000) × HP_0 × (HP_t / HP_0)^η`, with `k`
/// in days of hashprice and hashprices in $/PH/s/day.
pub fn machine_value_usd_per_th(value_days: f64, hashprice_at_closing: f64, hashprice: f64, elasticity: f64) -> f64 {
    let positive = hashprice_at_closing > 0.0 && hashprice > 0.0;
    if !positive {
        return 0.0;
    }
    let ratio = hashprice / hashprice_at_closing;
    let relative = if elasticity == 1.0 { ratio } else { libm::exp(elasticity * libm::log(ratio)) };
    value_days / 1000.0 * hashprice_at_closing * relative
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashrate_form_matches_model_v1() {
        // docs/model.md, "Validation cases" V1, last line: N = 1,100 EH/s, P = 91,000, 450 + 12 BTC/day -> 38.22.
        let hp = hashprice_from_daily_revenue(462.0, 91_000.0, 1_100.0);
        assert!((hp - 38.22).abs() < 1e-9, "{hp}");
        assert_eq!(hashprice_from_daily_revenue(462.0, 91_000.0, 0.0), 0.0);
    }

    #[test]
    fn subsidy_follows_the_calendar() {
        let ym = |y, m| YearMonth { year: y, month: m };
        for (month, expected) in [
            (ym(2022, 1), 6.25),
            (ym(2024, 3), 6.25),
            (ym(2024, 4), 3.125),
            (ym(2028, 3), 3.125),
            (ym(2028, 4), 1.5625),
            (ym(2032, 4), 0.78125),
        ] {
            assert_eq!(subsidy_btc(month), expected, "{month}");
        }
        assert_eq!(path_subsidy_btc(ym(2029, 1), ym(2025, 12), false), 3.125);
    }
}
