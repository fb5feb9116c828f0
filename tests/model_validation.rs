//! docs/model.md, "Validation cases", V1-V9 and V12, as tables: each row names its case, and a failing run lists
//! every failing row. Money to ±$0.01, ratios to ±1e-6 unless docs/model.md says otherwise.
//! V10 and V11 (Monte Carlo) are in `model_validation_monte_carlo.rs`.

mod common;
use common::table::{f, Table};
use debt_or_dilution::model::assumptions::{Assumptions, PathKind, Settlement};
use debt_or_dilution::model::convertible::ConversionTerms;
use debt_or_dilution::model::loan::LoanDefault;
use debt_or_dilution::model::rates::payment;
use debt_or_dilution::model::market::MarketPath;
use debt_or_dilution::model::mining::*;
use debt_or_dilution::model::money::{Exact, Money};
use debt_or_dilution::model::simulate::{run_on_path, simulate, Scenario};
use debt_or_dilution::data::calendar::YearMonth;

const MONEY: f64 = 0.01;
const RATIO: f64 = 1e-6;


#[test]
fn v1_hashprice_formulas() {
    let mut t = Table::default();
    t.check("V1 difficulty form, 1e14, $100k, 3.125", hashprice_from_difficulty(1e14, 100_000.0, 3.125, 0.0), 62.8642737865, 1e-9);
    t.check("V1 halving subsidy 1.5625", hashprice_from_difficulty(1e14, 100_000.0, 1.5625, 0.0), 31.4321368933, 1e-9);
    t.check("V1 Aug 2021 inputs", hashprice_from_difficulty(14.5e12, 43_629.0, 6.25 / (1.0 - 0.0134), 0.0), 383.44232, 1e-4);
    t.check("V1 Nov 2025 no fee", hashprice_from_difficulty(152e12, 91_000.0, 3.125, 0.0), 37.635848, 1e-6);
    t.check("V1 hashrate form 462 BTC/day", hashprice_from_daily_revenue(462.0, 91_000.0, 1_100.0), 38.22, 1e-9);
    t.check("V1 §4.4 default HP_0", hashprice_from_hashrate(3.125, 0.05, 91_000.0, 1_088.0), 38.24, 0.005);
    t.finish();
}

#[test]
fn v2_breakeven() {
    let mut t = Table::default();
    t.check("V2 20 J/TH at $50/MWh", breakeven_hashprice_power(20.0, 50.0), 24.0, 1e-9);
    t.check("V2 plus o=4 over u=0.95", breakeven_hashprice_cash(20.0, 50.0, 4.0, 0.95), 28.210526, 1e-6);
    t.check("V2 S19j Pro at $80/MWh", breakeven_hashprice_power(30.5, 80.0), 58.56, 1e-9);
    t.finish();
}

#[test]
fn v3_amortisation() {
    let mut t = Table::default();
    let principal = Exact::from_f64(70_000_000.0);
    let rate = Exact::from_f64(0.12);
    let pmt = payment(principal, rate, 24);
    t.check("V3 PMT", f(pmt), 3_295_143.06, MONEY);
    let mut balance = principal;
    for (month, interest, principal_paid, after) in [
        (1, 700_000.00, 2_595_143.06, 67_404_856.94),
        (2, 674_048.57, 2_621_094.49, 64_783_762.46),
        (3, 647_837.62, 2_647_305.43, 62_136_457.03),
    ] {
        let i = balance * rate / Exact::from_int(12);
        t.check(&format!("V3 month {month} interest"), f(i), interest, MONEY);
        t.check(&format!("V3 month {month} principal"), f(pmt - i), principal_paid, MONEY);
        balance = balance + i - pmt;
        t.check(&format!("V3 month {month} balance"), f(balance), after, MONEY);
    }
    t.finish();
}

/// V4 and V5b settlement rows: (case, reference, premium, cap premium, N0, F, S_T, settlement,
/// capped, new shares, dilution (None = not stated), cash out (None = not stated)).
#[test]
fn v4_v5b_settlement() {
    use Settlement::*;
    type Row = (&'static str, f64, f64, f64, f64, f64, f64, Settlement, bool, f64, Option<f64>, Option<f64>);
    let v4 = |case, s, mode, capped, shares, dilution, cash| -> Row {
        (case, 10.0, 0.40, 1.00, 500e6, 1e9, s, mode, capped, shares, dilution, cash)
    };
    let rows: Vec<Row> = vec![
        v4("V4 S=25 physical", 25.0, Physical, false, 71_428_571.43, Some(0.125), Some(0.0)),
        v4("V4 S=25 physical capped", 25.0, Physical, true, 54_285_714.29, Some(0.0979381), Some(0.0)),
        v4("V4 S=25 net share", 25.0, NetShare, false, 31_428_571.43, Some(0.0591398), Some(1e9)),
        v4("V4 S=25 net share capped", 25.0, NetShare, true, 14_285_714.29, Some(0.0277778), Some(1e9)),
        v4("V4 S=25 cash", 25.0, Cash, false, 0.0, Some(0.0), Some(1_785_714_285.71)),
        v4("V4 S=25 cash capped", 25.0, Cash, true, 0.0, Some(0.0), Some(1_357_142_857.14)),
        v4("V4 S=17 physical capped", 17.0, Physical, true, 58_823_529.41, Some(0.1052632), None),
        v4("V4 S=17 net share", 17.0, NetShare, false, 12_605_042.02, Some(0.0245902), None),
        v4("V4 S=17 net share capped", 17.0, NetShare, true, 0.0, Some(0.0), None),
    ];
    // V5b: Cipher 2031 by its published conversion rate: K = 1000 / 62.3733, cap $23.32.
    let mut t = Table::default();
    for (case, reference, premium, cap, n0, principal, price, mode, capped, shares, dilution, cash) in rows {
        let terms = ConversionTerms::new(
            Exact::from_f64(principal),
            Exact::from_f64(reference),
            Exact::from_f64(premium),
            capped.then(|| Exact::from_f64(cap)),
        );
        let s = terms.settle(Exact::from_f64(principal), Exact::from_f64(price), mode);
        t.check(&format!("{case} new shares"), f(s.net_shares), shares, MONEY);
        let n0 = Exact::from_f64(n0);
        if let Some(d) = dilution {
            t.check(&format!("{case} dilution"), f(s.net_shares / (n0 + s.net_shares)), d, RATIO);
        }
        if let Some(c) = cash {
            t.check(&format!("{case} cash out"), f(s.cash_out), c, MONEY);
        }
    }
    let terms = ConversionTerms::new(Exact::from_f64(1e9), Exact::from_f64(10.0), Exact::from_f64(0.4), Some(Exact::from_f64(1.0)));
    t.check("V4 K", f(terms.conversion_price), 14.0, MONEY);
    t.check("V4 CR", f(terms.conversion_rate), 71.4285714, 1e-7);
    t.check("V4 N_conv", f(terms.if_converted_shares), 71_428_571.43, MONEY);
    t.check("V4 C_cap", f(terms.cap_price.unwrap_or(Exact::ZERO)), 20.0, MONEY);
    t.check("V4 S=25 capped call value", f(terms.settle(Exact::from_f64(1e9), Exact::from_f64(25.0), Physical).capped_call_value), 428_571_428.57, MONEY);

    let f_cipher = Exact::from_f64(1.1e9);
    let k = Exact::from_int(1000) / Exact::from_f64(62.3733);
    let cipher = ConversionTerms {
        conversion_price: k,
        conversion_rate: Exact::from_f64(62.3733),
        if_converted_shares: f_cipher / k,
        cap_price: Some(Exact::from_f64(23.32)),
    };
    let uncapped = ConversionTerms { cap_price: None, ..cipher };
    let n0 = Exact::from_f64(400e6);
    t.check("V5b K", f(k), 16.0325011, 1e-7);
    t.check("V5b N_conv", f(cipher.if_converted_shares), 68_610_630.0, MONEY);
    for (case, terms, price, mode, shares, dilution) in [
        ("V5b S=30 physical", uncapped, 30.0, Physical, 68_610_630.0, Some(0.1464129)),
        ("V5b S=30 physical capped", cipher, 30.0, Physical, 51_943_966.95, Some(0.1149345)),
        ("V5b S=30 net share", uncapped, 30.0, NetShare, 31_943_963.33, None),
        ("V5b S=30 net share capped", cipher, 30.0, NetShare, 15_277_300.28, Some(0.0367882)),
        ("V5b S=20 physical capped", cipher, 20.0, Physical, 55_000_000.0, None),
    ] {
        let s = terms.settle(f_cipher, Exact::from_f64(price), mode);
        t.check(&format!("{case} new shares"), f(s.net_shares), shares, MONEY);
        if let Some(d) = dilution {
            t.check(&format!("{case} dilution"), f(s.net_shares / (n0 + s.net_shares)), d, RATIO);
        }
    }
    t.check("V5b S=30 capped call value", f(cipher.settle(f_cipher, Exact::from_f64(30.0), Physical).capped_call_value), 499_999_891.60, MONEY);
    t.finish();
}

/// The 2022 fixtures' inputs (docs/model.md, "Validation cases", V6-V8): 1,000 PH/s pledged, 30 J/TH, $50/MWh, u = 1,
/// o = G = 0, d = 30, k = 400, $70M at 12% over 24 months, no fees or covenant.
fn fixture_2022() -> Assumptions {
    Assumptions {
        start: YearMonth { year: 2022, month: 1 },
        path: PathKind::Flat,
        days_per_month: 30.0,
        fleet_ph_s: 1_000.0,
        efficiency_j_per_th: 30.0,
        power_usd_per_mwh: 50.0,
        other_opex_usd_per_ph_day: 0.0,
        overhead_usd_per_month: 0.0,
        uptime_pct: 100.0,
        cash_usd: 20e6,
        shares_outstanding: 100e6,
        share_price_usd: 10.0,
        share_beta: 1.5,
        machine_value_days: 400.0,
        machine_value_elasticity: 1.0,
        th_per_machine: 100.0,
        principal_usd: 70e6,
        proceeds_cash_pct: 100.0,
        loan_coupon_pct: 12.0,
        loan_term_months: 24,
        loan_to_value_pct: 70.0,
        loan_to_value_covenant_pct: 0.0,
        recourse: false,
        liquidation_haircut_pct: 0.0,
        loan_fee_pct: 0.0,
        coupon_pct: 0.0,
        maturity_months: 60,
        premium_pct: 35.0,
        cap_pct: 0.0,
        capped_call_cost_pct: 0.0,
        issue_cost_pct: 0.0,
        call_start_month: 0,
        ..Assumptions::default()
    }
}

/// docs/model.md, "Validation cases", V6's stylised 2022 path, $/PH/s/day (a test fixture, not a preset).
fn path_2022() -> MarketPath {
    let th = [0.25, 0.20, 0.19, 0.17, 0.14, 0.095, 0.09, 0.09, 0.08, 0.065, 0.056, 0.06];
    let monthly: Vec<f64> = th.iter().map(|x| x * 1000.0).collect();
    MarketPath::from_hashprices(250.0, &monthly, 47_000.0)
}

fn run_2022(a: &Assumptions) -> Scenario {
    let s = run_on_path(a, path_2022());
    assert!(s.fixes.is_empty(), "fixture needs no fixes: {:?}", s.fixes);
    s
}

/// The fixture with machines that have two years of life left: their value in use is then
/// below the claim whenever a forced sale is, so the parent walks away where a sale would not
/// repay the loan (V6, V7). With four years left (V6b, V7b) it keeps paying longer.
fn short_lived_2022() -> Assumptions {
    Assumptions { machine_life_months: 24, ..fixture_2022() }
}

#[test]
fn v6_payment_default_in_september_2022() {
    let s = run_2022(&short_lived_2022());
    let loan = &s.outcomes.loan;
    let o = &loan.outcome;
    let mut t = Table::default();
    t.check_eq("V6 default month", o.default_month, Some(9));
    t.check_eq("V6 default cause", o.default_cause, Some(LoanDefault::Payment));
    t.check_eq("V6 default label", s.timeline.long_label(9), "September 2022".to_string());
    for (month, dscr, spv_after, balance_after) in [
        (1, 1.948322, 3_124_856.94, 67_404_856.94),
        (2, 1.493107, 4_749_713.89, 64_783_762.46),
        (3, 1.402064, 6_074_570.83, 62_136_457.03),
        (4, 1.219977, 6_799_427.78, 59_462_678.54),
        (5, 0.946848, 6_624_284.72, 56_762_162.27),
        (6, 0.537154, 5_099_141.67, 54_034_640.84),
        (7, 0.491633, 3_423_998.61, 51_279_844.19),
        (8, 0.491633, 1_748_855.55, 48_497_499.58),
    ] {
        t.check(&format!("V6 month {month} DSCR"), loan.debt_service_coverage[month], dscr, RATIO);
        t.check(&format!("V6 month {month} balance"), loan.series.debt[month], balance_after, MONEY);
        let _ = spv_after; // The SPV cash is checked through recovery below (it is not a chart series).
    }
    t.check("V6 month 9 DSCR", loan.debt_service_coverage[9], 0.400590, RATIO);
    t.check("V6 recovery", f(o.recovery), 35_068_855.55, MONEY);
    t.check("V6 deficiency", f(o.deficiency), 13_913_619.02, MONEY);
    t.check("V6 claim", f(o.recovery + o.deficiency), 48_982_474.57, MONEY);
    t.check("V6 seized PH/s", f(o.seized_ph), 1_000.0, 1e-9);
    t.check("V6 machines seized", f(o.seized_machines), 10_000.0, 1e-9);
    t.check("V6 interest months 1-8", f(o.interest_paid), 4_858_644.02, MONEY);
    t.check("V6 debt service", f(o.debt_service_paid), 26_361_144.45, MONEY);
    t.check("V6 collateral month 9", loan.collateral_value[9], 32_000_000.0, MONEY);
    t.check("V6 hp* ($/TH/day)", f(s.outcomes.loan_breakeven_hashprice.unwrap_or(Exact::ZERO)) / 1000.0, 0.145838, RATIO);
    t.finish();
}

#[test]
fn v7_covenant_default_in_june_2022() {
    let a = Assumptions { loan_to_value_covenant_pct: 100.0, ..short_lived_2022() };
    let s = run_2022(&a);
    let o = &s.outcomes.loan.outcome;
    let mut t = Table::default();
    t.check_eq("V7 default month", o.default_month, Some(6));
    t.check_eq("V7 default cause", o.default_cause, Some(LoanDefault::Covenant));
    t.check("V7 month 5 cure", f(o.cures_paid), 762_162.27, MONEY);
    t.check("V7 balance after cure", s.outcomes.loan.series.debt[5], 56_000_000.0, MONEY);
    t.check("V7 month 5 LTV after cure", s.outcomes.loan.loan_to_value[5], 1.0, RATIO);
    t.check("V7 re-amortised PMT", f(payment(Exact::from_f64(56e6), Exact::from_f64(0.12), 19)), 3_250_898.20, MONEY);
    t.check("V7 recovery", f(o.recovery), 42_381_224.25, MONEY);
    t.check("V7 deficiency", f(o.deficiency), 10_927_877.55, MONEY);
    t.check("V7 claim (balance after month 6)", f(o.recovery + o.deficiency), 53_309_101.80, MONEY);
    t.check("V7 interest paid", f(o.interest_paid), 3_797_877.55, MONEY);
    t.finish();
}

/// V6b: machines with four years left are worth more to the owners than the loan in
/// September (value in use 1,000 PH/s × $1,320 a month × 36.5556800 = $48,253,497.63, with the
/// subsidiary's $3,068,855.55, against a claim of $48,982,474.57; a forced sale fetches $32M),
/// so the parent pays the $226,287.50 the subsidiary is short. In October the margin is $870
/// a PH/s ($31,803,441.62 in use, $26M at market) against a claim of $46,144,204.83: it walks
/// away, and the lender takes the machines and the subsidiary's $870,000.
#[test]
fn v6b_the_parent_pays_while_the_machines_earn_more_than_the_loan() {
    let s = run_2022(&fixture_2022());
    let o = &s.outcomes.loan.outcome;
    let mut t = Table::default();
    t.check_eq("V6b default month", o.default_month, Some(10));
    t.check_eq("V6b default cause", o.default_cause, Some(LoanDefault::Payment));
    t.check("V6b support in September", f(o.support_paid), 226_287.50, MONEY);
    t.check("V6b balance after September", s.outcomes.loan.series.debt[9], 45_687_331.52, MONEY);
    t.check("V6b recovery", f(o.recovery), 26_870_000.00, MONEY);
    t.check("V6b deficiency", f(o.deficiency), 19_274_204.83, MONEY);
    t.check("V6b interest months 1-9", f(o.interest_paid), 5_343_619.02, MONEY);
    t.check("V6b debt service", f(o.debt_service_paid), 29_656_287.50, MONEY);
    t.finish();
}

/// V7b: the covenant with four years of life left. The subsidiary cures May itself (the
/// balance falls to $56M); from June on the parent pays each cure and shortfall while the
/// machines' value in use covers the balance: the cures bring the balance down to the
/// collateral's market value each month ($38M in June, $26M in October), $20,219,872.42 in
/// all. In November the margin of $600 a PH/s is worth $21,933,408.01 in use and the machines
/// $22.4M at market, against a claim of $26.26M: it walks away on the payment.
#[test]
fn v7b_covenant_cures_then_a_payment_default_in_november_2022() {
    let a = Assumptions { loan_to_value_covenant_pct: 100.0, ..fixture_2022() };
    let s = run_2022(&a);
    let o = &s.outcomes.loan.outcome;
    let mut t = Table::default();
    t.check_eq("V7b default month", o.default_month, Some(11));
    t.check_eq("V7b default cause", o.default_cause, Some(LoanDefault::Payment));
    t.check("V7b balance after June's cure", s.outcomes.loan.series.debt[6], 38_000_000.0, MONEY);
    t.check("V7b cures", f(o.cures_paid), 20_219_872.42, MONEY);
    t.check("V7b support", f(o.support_paid), 18_898_344.65, MONEY);
    t.check("V7b recovery", f(o.recovery), 23_000_000.00, MONEY);
    t.check("V7b deficiency", f(o.deficiency), 3_260_000.00, MONEY);
    t.check("V7b interest", f(o.interest_paid), 5_198_344.65, MONEY);
    t.finish();
}

#[test]
fn v8_full_2022_replay() {
    let mut t = Table::default();
    let non_recourse = run_2022(&fixture_2022());
    let recourse = run_2022(&Assumptions { recourse: true, ..fixture_2022() });
    t.check("V8 S_12", non_recourse.market.share_price_usd[12], 1.175755, 1e-6);
    let b = &non_recourse.outcomes.convertible;
    t.check("V8 B conversion price", f(b.outcome.terms.conversion_price), 13.50, MONEY);
    t.check("V8 B if-converted shares", f(b.outcome.terms.if_converted_shares), 5_185_185.19, MONEY);
    t.check_eq("V8 B no event in 2022", b.outcome.event, None);
    t.check("V8 B coupons", f(b.outcome.coupons_paid), 0.0, MONEY);
    t.check("V8 B cash_T", f(b.end.cash), 121_620_000.00, MONEY);
    // Machines count at value in use, not market price: at month 12's $60/PH/s/day a PH/s earns
    // 60 × 30 − 30 J/TH × 24 h × $0.05/kWh × 30 = $720 a month after power, worth 720 ×
    // 36.5556800 (48 months at 15% a year) = $26,320.09 a PH/s: $26.32M for 1,000 PH/s, where
    // the market price is 400 days × $0.06/TH = $24M. NAV = 121.62M − 70M + 26.32M.
    t.check("V8 machines' value in use", f(b.end.machine_value), 26_320_089.62, MONEY);
    t.check("V8 B NAV_T", f(b.end.net_asset_value), 77_940_089.62, MONEY);
    let a_nr = &non_recourse.outcomes.loan;
    // V6b's path: $90M less September's support.
    t.check_eq("V8 A non-recourse default", a_nr.outcome.default_month, Some(10));
    t.check("V8 A non-recourse cash_T", f(a_nr.end.cash), 89_773_712.50, MONEY);
    t.check("V8 A non-recourse NAV_T", f(a_nr.end.net_asset_value), 89_773_712.50, MONEY);
    let a_r = &recourse.outcomes.loan;
    t.check_eq("V8 A recourse no default", a_r.outcome.default_month, None);
    t.check("V8 A recourse cash_T", f(a_r.end.cash), 82_078_283.33, MONEY);
    t.check("V8 A recourse NAV_T", f(a_r.end.net_asset_value), 71_311_282.58, MONEY);
    t.finish();
}

/// V5: converting below K is a cash wall; new shares at $12 fill it (no monthly limit).
#[test]
fn v5_wall_filled_with_rescue_equity() {
    // Share price 10 × (P_T/P0) with β = 1: a path whose last month is 1.2 × closing puts
    // S_T at $12 < K = $14. Machines idle (hashprice below breakeven) and are kept, so cash
    // stays at $400M until maturity.
    let a = Assumptions {
        principal_usd: 1e9,
        cash_usd: 400e6,
        shares_outstanding: 500e6,
        share_price_usd: 10.0,
        share_beta: 1.0,
        premium_pct: 40.0,
        cap_pct: 0.0,
        issue_cost_pct: 0.0,
        maturity_months: 12,
        call_start_month: 0,
        rescue_discount_pct: 0.0,
        efficiency_j_per_th: 100.0,
        power_usd_per_mwh: 200.0,
        other_opex_usd_per_ph_day: 0.0,
        sell_after_months: 0,
        rescue_limit_pct: 0.0,
        refinance_max_pct: 0.0,
        ..Assumptions::default()
    };
    let mut monthly = vec![10.0; 11];
    monthly.push(12.0);
    let s = run_on_path(&a, MarketPath::from_hashprices(10.0, &monthly, 50_000.0));
    let b = &s.outcomes.convertible;
    let mut t = Table::default();
    t.check("V5 share price at maturity", s.market.share_price_usd[12], 12.0, 1e-9);
    t.check_eq("V5 no conversion", b.outcome.conversion, None);
    t.check("V5 wall", f(b.outcome.refinancing_wall), 600_000_000.0, MONEY);
    t.check("V5 principal paid in cash", f(b.outcome.principal_paid_cash), 1e9, MONEY);
    t.check("V5 rescue shares", f(b.end.shares) - 500e6, 50_000_000.0, MONEY);
    t.check("V5 rescue dilution", f(b.end.dilution_total), 0.0909091, RATIO);
    t.check("V5 conversion dilution", f(b.outcome.dilution_conversion), 0.0, RATIO);
    t.finish();
}

#[test]
fn v9_coupon_cash_cost() {
    let mut t = Table::default();
    for (case, principal, coupon, per_year) in [
        ("V9 TeraWulf 2031 $850M × 1%", 850e6, 1.0, 8_500_000.0),
        ("V9 IREN 2029 $500M × 3.5%", 500e6, 3.5, 17_500_000.0),
    ] {
        let a = Assumptions { principal_usd: principal, coupon_pct: coupon, horizon_months: 12, path: PathKind::Flat, ..Assumptions::default() };
        let s = simulate(&a);
        t.check(case, f(s.outcomes.convertible.outcome.coupons_paid), per_year, MONEY);
    }
    // The semi-annual payment: month 6's outflow less month 5's on a flat path.
    let a = Assumptions { principal_usd: 850e6, coupon_pct: 1.0, horizon_months: 12, path: PathKind::Flat, ..Assumptions::default() };
    let outflow = simulate(&a).outcomes.convertible.series.outflow;
    t.check("V9 TeraWulf semi-annual payment", outflow[6] - outflow[5], 4_250_000.0, MONEY);
    let a = Assumptions { principal_usd: 3.2e9, hpc_share_pct: 100.0, cash_usd: 1e9, horizon_months: 12, path: PathKind::Flat, ..Assumptions::default() };
    t.check("V9 TeraWulf secured $3.2B × 7.75%", f(simulate(&a).outcomes.secured.outcome.interest_paid), 248_000_000.0, MONEY);
    t.finish();
}

#[test]
fn v12_make_whole_cap_and_published_rates() {
    let mut t = Table::default();
    let terms = ConversionTerms::new(Exact::from_f64(1e9), Exact::from_f64(60.09), Exact::ZERO, None);
    let rate = terms.conversion_rate.0.round_dp(4);
    t.check("V12 IREN CR_max per $1,000", f(Exact(rate)), 16.6417, 1e-9);
    t.check("V12 IREN maximum shares", f(Exact(rate)) * 1e6, 16_641_700.0, 1e-3);
    // Every dataset convertible with reference, premium and published rate: within 0.01%.
    use debt_or_dilution::data::deals::{deals, Instrument};
    let mut checked = 0;
    for d in deals().iter().filter(|d| d.instrument == Instrument::ConvertibleNotes) {
        let (Some(reference), Some(premium), Some(published)) = (d.reference_price_usd, d.conversion_premium_pct, d.conversion_rate_per_1000) else { continue };
        let terms = ConversionTerms::new(Exact::ONE, Exact(reference), Exact(premium) / Exact::from_int(100), None);
        let published = Exact(published).to_f64();
        t.check(&format!("V12 {} conversion rate", d.id), f(terms.conversion_rate), published, published * 1e-4);
        checked += 1;
    }
    t.check_eq("V12 convertibles with all three terms", checked >= 5, true);
    t.finish();
}

/// V5's company and market with `principal` of notes due in a year, no refinancing, and a
/// monthly limit on new shares of `limit` percent (V5c, V5d).
fn limited_wall(principal: f64, limit: f64) -> Scenario {
    let a = Assumptions {
        principal_usd: principal,
        cash_usd: 400e6,
        shares_outstanding: 500e6,
        share_price_usd: 10.0,
        share_beta: 1.0,
        premium_pct: 40.0,
        cap_pct: 0.0,
        issue_cost_pct: 0.0,
        maturity_months: 12,
        call_start_month: 0,
        efficiency_j_per_th: 100.0,
        power_usd_per_mwh: 200.0,
        other_opex_usd_per_ph_day: 0.0,
        sell_after_months: 0,
        rescue_limit_pct: limit,
        refinance_max_pct: 0.0,
        ..Assumptions::default()
    };
    run_on_path(&a, MarketPath::from_hashprices(10.0, &[10.0; 12], 50_000.0))
}

/// V5 with a monthly limit on new shares of 1%, and $1.5B of notes. Seeing the wall coming
/// (the stock, at $10, is below the $14 conversion price), the company sells 1% of its shares
/// in each of months 1 to 11 at $9.50 ($10 less the 5% discount):
/// 5M × (1.01¹¹ − 1) / 0.01 = 57,834,173.33 shares for $549,424,646.66. At maturity the wall is
/// the other $550,575,353.34, and one month's 1% (about $53M) cannot fill it: the company pays
/// its $949,424,646.66 of cash, defaults, and the rest stays owed.
#[test]
fn v5c_the_monthly_limit_on_new_shares() {
    let s = limited_wall(1.5e9, 1.0);
    let b = &s.outcomes.convertible;
    let mut t = Table::default();
    t.check("V5c shares sold ahead", f(b.end.rescue_shares), 57_834_173.33, MONEY);
    t.check("V5c wall", f(b.outcome.refinancing_wall), 550_575_353.34, MONEY);
    t.check("V5c principal paid", f(b.outcome.principal_paid_cash), 949_424_646.66, MONEY);
    t.check("V5c still owed", f(b.outcome.unpaid), 550_575_353.34, MONEY);
    t.check_eq("V5c default month", b.outcome.default_month, Some(12));
    t.check("V5c cash", f(b.end.cash), 0.0, MONEY);
    t.finish();
}

/// V5d, pre-funding: V5's $1B of notes with a 5% limit. The $600M the cash does not cover is
/// spread over the 11 months before maturity: $54,545,454.55 a month, 5,741,626.79 shares at
/// $9.50, well within the limit, 63,157,894.74 shares in all. The notes are repaid in full at
/// maturity.
#[test]
fn v5d_a_wall_seen_coming_is_prefunded() {
    let s = limited_wall(1e9, 5.0);
    let b = &s.outcomes.convertible;
    let mut t = Table::default();
    t.check("V5d shares sold ahead", f(b.end.rescue_shares), 63_157_894.74, MONEY);
    t.check("V5d shares sold in month 1", s.outcomes.convertible.series.shares[1] - 500e6, 5_741_626.79, MONEY);
    t.check("V5d wall", f(b.outcome.refinancing_wall), 0.0, MONEY);
    t.check("V5d principal paid", f(b.outcome.principal_paid_cash), 1_000_000_000.0, MONEY);
    t.check_eq("V5d no default", b.outcome.default_month, None);
    t.finish();
}

/// V13, refinancing at the wall: V5's company (500M shares at $12, $400M of cash, a $600M wall)
/// is worth $6B on the market, so new notes of up to 30% of it ($1.8B) can be sold: the wall is
/// refinanced with $600M of notes, no shares are sold, and the notes are owed at the end. With
/// `refi_max` at 5% ($300M) the market lends $300M, the most it will, and new shares at $12
/// fill the other $300M: 25M shares.
#[test]
fn v13_refinancing_at_the_wall() {
    let base = Assumptions {
        principal_usd: 1e9,
        cash_usd: 400e6,
        shares_outstanding: 500e6,
        share_price_usd: 10.0,
        share_beta: 1.0,
        premium_pct: 40.0,
        cap_pct: 0.0,
        issue_cost_pct: 0.0,
        maturity_months: 12,
        call_start_month: 0,
        efficiency_j_per_th: 100.0,
        power_usd_per_mwh: 200.0,
        other_opex_usd_per_ph_day: 0.0,
        sell_after_months: 0,
        rescue_limit_pct: 0.0,
        rescue_discount_pct: 0.0,
        refinance_max_pct: 30.0,
        ..Assumptions::default()
    };
    let mut monthly = vec![10.0; 11];
    monthly.push(12.0);
    let path = || MarketPath::from_hashprices(10.0, &monthly, 50_000.0);
    let mut t = Table::default();
    let s = run_on_path(&base, path());
    let b = &s.outcomes.convertible;
    t.check("V13 wall", f(b.outcome.refinancing_wall), 600_000_000.0, MONEY);
    t.check("V13 refinanced", f(b.outcome.refinanced), 600_000_000.0, MONEY);
    t.check("V13 new shares", f(b.end.rescue_shares), 0.0, MONEY);
    t.check("V13 principal paid", f(b.outcome.principal_paid_cash), 1_000_000_000.0, MONEY);
    t.check("V13 owed at the end", f(b.end.debt), 600_000_000.0, MONEY);
    let s = run_on_path(&Assumptions { refinance_max_pct: 5.0, ..base }, path());
    let b = &s.outcomes.convertible;
    t.check("V13 at 5%: refinanced", f(b.outcome.refinanced), 300_000_000.0, MONEY);
    t.check("V13 at 5%: new shares at $12", f(b.end.rescue_shares), 25_000_000.0, MONEY);
    t.check("V13 at 5%: owed at the end", f(b.end.debt), 300_000_000.0, MONEY);
    t.finish();
}
