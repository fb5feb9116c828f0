//! Mining economics (MODEL.md §1): hashprice, and what a fleet earns and spends.

/// Blocks found per day at the ten-minute target.
pub const BLOCKS_PER_DAY: f64 = 144.0;

/// Hashprice from what the whole network earned in a day (MODEL.md §1.1, hashrate form):
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

/// Hashprice in the hashrate form with per-block terms (MODEL.md §1.1):
/// `HP = (subsidy + fee_per_block) × 144 × P_BTC / (1000 × N_EH)`.
pub fn hashprice_from_hashrate(subsidy_btc: f64, fee_per_block_btc: f64, btc_price_usd: f64, network_eh_s: f64) -> f64 {
    hashprice_from_daily_revenue((subsidy_btc + fee_per_block_btc) * BLOCKS_PER_DAY, btc_price_usd, network_eh_s)
}

/// Hashprice in the difficulty form (MODEL.md §1.1), what published indices match:
/// blocks/day earned by 1 PH/s = 1e15 × 86,400 / (difficulty × 2^32), times the reward per
/// block in dollars.
pub fn hashprice_from_difficulty(difficulty: f64, btc_price_usd: f64, subsidy_btc: f64, fee_per_block_btc: f64) -> f64 {
    if difficulty > 0.0 && difficulty.is_finite() {
        1e15 * 86_400.0 / (difficulty * 4_294_967_296.0) * (subsidy_btc + fee_per_block_btc) * btc_price_usd
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashrate_form_matches_model_v1() {
        // MODEL.md §5 V1, last line: N = 1,100 EH/s, P = 91,000, 450 + 12 BTC/day -> 38.22.
        let hp = hashprice_from_daily_revenue(462.0, 91_000.0, 1_100.0);
        assert!((hp - 38.22).abs() < 1e-9, "{hp}");
        assert_eq!(hashprice_from_daily_revenue(462.0, 91_000.0, 0.0), 0.0);
    }
}
