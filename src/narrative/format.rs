//! How a `data-metric`'s raw value reads on screen. The raw value (the `data-value`
//! attribute) stays exact; this is only its display.

use crate::data::calendar::YearMonth;
use crate::model::number::parse_number;

/// What kind of number a metric is, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricKind {
    Money,
    /// A fraction shown as a percent (dilution, ownership, probabilities, LTV).
    Fraction,
    /// A coverage ratio shown as "1.95×".
    Ratio,
    /// A month of the run.
    Month,
    /// $/PH/s/day.
    Hashprice,
    /// A share price, in dollars and cents.
    Price,
    /// PH/s.
    Hashrate,
    /// Shares or machines.
    Count,
    /// Shares per $1,000 of notes.
    PerThousand,
    /// 0 or 1.
    Flag,
    /// Megawatts.
    Megawatts,
}

/// The kind of a metric name.
pub fn kind_of(name: &str) -> MetricKind {
    if name.ends_with("-month") {
        MetricKind::Month
    } else if name.contains("hashprice") {
        MetricKind::Hashprice
    } else if name.ends_with("-price") {
        MetricKind::Price
    } else if name.ends_with("-ph") {
        MetricKind::Hashrate
    } else if name.contains("dscr") {
        MetricKind::Ratio
    } else if name.contains("dilution") || name.contains("ownership") || name.contains("probability") || name.contains("ltv") || name.ends_with("-yield") {
        MetricKind::Fraction
    } else if name.ends_with("conversion-rate") {
        MetricKind::PerThousand
    } else if name.contains("shares") || name.contains("machines") || name == "mc-paths" || name == "idle-months" {
        MetricKind::Count
    } else if name.ends_with("-converted") || name.ends_with("-available") {
        MetricKind::Flag
    } else if name == "hpc-mw" {
        MetricKind::Megawatts
    } else {
        MetricKind::Money
    }
}

/// Groups thousands: 1234567 -> "1,234,567".
pub fn thousands(whole: u64) -> String {
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Dollars for reading: "$1.25B", "$248.0M", "$740,000", "−$13.9M".
pub fn dollars(v: f64) -> String {
    let sign = if v < 0.0 { "−" } else { "" };
    let a = v.abs();
    let body = if a >= 1e9 {
        format!("${:.2}B", a / 1e9)
    } else if a >= 1e6 {
        format!("${:.1}M", a / 1e6)
    } else {
        format!("${}", thousands(a.round() as u64))
    };
    format!("{sign}{body}")
}

/// A price in dollars and cents, rounded as the `data-value`s are (exact decimal, half away
/// from zero): $20.625 reads "$20.63" everywhere.
pub fn price(v: f64) -> String {
    format!("${}", crate::model::money::format_cents_f64(v))
}

/// A fraction as a percent with sensible precision: "89.2%", "0.45%", "0%".
pub fn percent(f: f64) -> String {
    let p = f * 100.0;
    if p == 0.0 {
        "0%".into()
    } else if p.abs() < 1.0 {
        format!("{:.2}%", p)
    } else {
        format!("{:.1}%", p)
    }
}

/// "month 9 (Sep 2022)".
pub fn month(t: u32, start: YearMonth) -> String {
    let m = start.add_months(t as i32 - 1);
    format!("month {t} ({} {})", m.month_name(), m.year)
}

/// What a metric is called on screen.
pub fn label_of(name: &str) -> &'static str {
    match name {
        "breakeven-hashprice" => "Power-only breakeven hashprice",
        "breakeven-hashprice-cash" => "Cash breakeven hashprice",
        "loan-breakeven-hashprice" => "Hashprice at which the loan's coverage is 1",
        "loan-payment" => "Monthly payment",
        "loan-ltv-closing" => "Loan-to-value at closing",
        "loan-available" => "Available on these terms",
        "loan-min-dscr" => "Lowest debt service coverage",
        "loan-default-month" => "Default",
        "loan-seized-ph" => "Machines seized",
        "loan-sold-month" => "Machines sold to repay the loan",
        "loan-sold-ph" => "Machines sold",
        "loan-parent-support" => "Cash the company put into the borrowing subsidiary",
        "loan-surplus" => "Left to the company after the machines went",
        "loan-seized-machines" => "Machines seized (count)",
        "loan-recovery" => "Lender's recovery from seized machines",
        "loan-deficiency" => "Shortfall after seizure",
        "loan-cost-at-issue" | "convert-cost-at-issue" | "secured-cost-at-issue" => "Paid at issue",
        "loan-all-in-yield" | "secured-all-in-yield" => "All-in yield, fees included",
        "convert-all-in-yield" => "All-in yield: fees, the capped call at its value; dilution not counted",
        "convert-capped-call-value-at-issue" => "Capped call's value at issue",
        "loan-interest-paid" => "Interest paid",
        "loan-debt-service" => "Debt service paid",
        "loan-cash-end" | "convert-cash-end" | "secured-cash-end" => "Cash at the end",
        "loan-nav" | "convert-nav" | "secured-nav" => "Net asset value at the end",
        "loan-equity-value" | "convert-equity-value" | "secured-equity-value" => "Value to today's owners",
        "loan-ownership-retained" | "convert-ownership-retained" | "secured-ownership-retained" => "Ownership kept",
        "loan-dilution-total" | "secured-dilution-total" => "Total dilution",
        "convert-conversion-price" => "Conversion price",
        "convert-conversion-rate" => "Conversion rate",
        "convert-shares-if-converted" => "Shares if converted",
        "convert-event-month" => "Notes settle",
        "convert-converted" => "Converted",
        "convert-shares-issued" => "Shares issued on conversion",
        "convert-capped-call-value" => "Capped call's value",
        "convert-dilution-reported" => "Dilution as reported at issue",
        "convert-dilution" => "Dilution at conversion, after the capped call",
        "convert-dilution-total" => "Total dilution, rescue shares included",
        "convert-refinancing-wall" => "Refinancing wall: principal cash could not repay",
        "convert-refinanced" => "Refinanced with new notes at the wall",
        "convert-rescue-shares" => "New shares sold to raise cash",
        "convert-coupons-paid" => "Coupons paid",
        "convert-principal-paid" => "Principal repaid in cash",
        "convert-default-month" => "Default on the notes",
        "secured-interest-paid" => "Interest paid",
        "secured-principal-paid" => "Principal repaid",
        "secured-default-month" => "Default",
        "secured-balloon-wall" => "Balloon shortfall: what cash could not repay",
        "secured-refinanced" => "Balloon refinanced with new notes",
        "secured-prepaid" => "Repaid early from selling idle machines",
        "secured-reserve" => "Interest reserve from the proceeds",
        "secured-recovery" => "Holders' recovery from their collateral",
        "secured-unpaid-claim" => "Owed after the collateral",
        "idle-months" => "Months the machines stand idle",
        "net-assets-start" => "Net assets before the raise",
        "baseline-equity-value" => "Value to today's owners without the raise",
        "fleet-sold-month" => "Idle machines sold",
        "hpc-mw" => "AI/HPC capacity built",
        "hpc-noi-total" => "AI/HPC operating income, all of the money built",
        "secured-hpc-noi-total" => "AI/HPC operating income, from what the notes built",
        "mc-paths" => "Paths",
        "mc-default-probability" => "Loan defaults",
        "mc-secured-default-probability" => "Secured notes default",
        "mc-convert-default-probability" => "Company defaults on the convertible",
        "mc-conversion-probability" => "Convertible converts",
        "mc-wall-probability" => "Convertible hits a refinancing wall",
        "mc-dilution-median" => "Median total dilution",
        "mc-dilution-p90" => "Total dilution, 90th percentile",
        "mc-dilution-p95" => "Total dilution, 95th percentile",
        "mc-loan-worse-probability" => "Loan leaves owners worse off than the convertible",
        "mc-owners-loan-p5" => "Owners' value with the loan, 5th percentile",
        "mc-owners-loan-median" => "Owners' value with the loan, median",
        "mc-owners-loan-p95" => "Owners' value with the loan, 95th percentile",
        "mc-owners-convert-p5" => "Owners' value with the convertible, 5th percentile",
        "mc-owners-convert-median" => "Owners' value with the convertible, median",
        "mc-owners-convert-p95" => "Owners' value with the convertible, 95th percentile",
        "mc-owners-secured-p5" => "Owners' value with the secured notes, 5th percentile",
        "mc-owners-secured-median" => "Owners' value with the secured notes, median",
        "mc-owners-secured-p95" => "Owners' value with the secured notes, 95th percentile",
        _ => "",
    }
}

/// A deal preset's term that the dataset does not give, as the preset's banner names it.
pub fn assumed_term(query: &str) -> &str {
    match query {
        "shares" => "shares outstanding",
        "fleet" => "the fleet",
        "cash" => "the company's cash",
        "efficiency" => "the machines' efficiency",
        "power" => "the power price",
        "beta" => "how the shares follow bitcoin",
        "start" => "the closing month",
        "share_price" => "the share price at issue",
        "premium" => "the conversion premium",
        "cap" => "the capped call's cap",
        "coupon" | "loan_coupon" | "secured_coupon" => "the coupon",
        "maturity" | "loan_term" | "secured_term" => "the term",
        "secured_amort" => "the amortisation",
        "secured_reserve" => "the interest reserve",
        "hpc_share" => "the share of the money for AI/HPC",
        "put" => "the holders' put",
        "call_start" => "when the company may call the notes",
        "call_trigger" => "the share price that allows the call",
        other => other,
    }
}

/// The on-screen text of a metric's raw value; "—" when it does not apply.
pub fn display(name: &str, raw: &str, start: YearMonth) -> String {
    if raw.is_empty() {
        return match kind_of(name) {
            MetricKind::Month => "none".into(),
            _ => "—".into(),
        };
    }
    let Some(v) = parse_number(raw) else { return raw.to_string() };
    match kind_of(name) {
        MetricKind::Money => dollars(v),
        MetricKind::Fraction => percent(v),
        MetricKind::Ratio => format!("{:.2}×", v),
        MetricKind::Month => month(v as u32, start),
        MetricKind::Hashprice => format!("${:.2}/PH/s/day", v),
        MetricKind::Price => price(v),
        MetricKind::Hashrate => format!("{} PH/s", thousands(v.round() as u64)),
        MetricKind::Count => thousands(v.round().max(0.0) as u64),
        MetricKind::PerThousand => format!("{:.4} per $1,000", v),
        MetricKind::Flag => (if v >= 0.5 { "yes" } else { "no" }).into(),
        MetricKind::Megawatts => format!("{:.0} MW", v),
    }
}

/// A number as typed into a field: no trailing zeros, no exponent ("37.5", "250000000").
pub fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{:.4}", v);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Reads what someone typed into a number field: thousands separators, spaces and a trailing
/// percent sign are allowed; anything else (words, NaN, infinities, overflow) is `None`.
pub fn parse_typed(text: &str) -> Option<f64> {
    let cleaned: String =
        text.trim().trim_end_matches('%').chars().filter(|c| *c != ',' && *c != '_' && !c.is_whitespace()).collect();
    parse_number(&cleaned).filter(|v| v.is_finite())
}

/// Dollars in running text: "$4.6 billion", "$1 billion", "$248 million", "$67.4 million".
pub fn dollars_prose(v: f64) -> String {
    let sign = if v < 0.0 { "−" } else { "" };
    let a = v.abs();
    let (scaled, word) = if a >= 1e9 {
        (a / 1e9, " billion")
    } else if a >= 1e6 {
        (a / 1e6, " million")
    } else {
        return format!("{sign}{}", dollars(a));
    };
    // Half away from zero, as every displayed amount ($3.25 billion reads "$3.3 billion").
    let text = if scaled >= 100.0 { format!("{}", scaled.round()) } else { format!("{:.1}", (scaled * 10.0).round() / 10.0) };
    format!("{sign}${}{word}", text.trim_end_matches(".0"))
}

/// "September 2025".
pub fn month_long(m: YearMonth) -> String {
    format!("{} {}", m.long_month_name(), m.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers() {
        assert_eq!(parse_typed("1,000,000"), Some(1e6));
        assert_eq!(parse_typed(" 37.5% "), Some(37.5));
        assert_eq!(parse_typed("NaN"), None);
        assert_eq!(parse_typed("inf"), None);
        assert_eq!(parse_typed("1e400"), None);
        assert_eq!(parse_typed("abc"), None);
        assert_eq!(plain_number(250_000_000.0), "250000000");
        assert_eq!(plain_number(37.5), "37.5");
        assert_eq!(plain_number(6.0 / 12.0 * 12.0), "6");
    }

    #[test]
    fn metrics_read_as_people_write_them() {
        let start = YearMonth { year: 2022, month: 1 };
        let cases = [
            ("breakeven-hashprice", "24.00", "$24.00/PH/s/day"),
            ("loan-default-month", "9", "month 9 (Sep 2022)"),
            ("loan-default-month", "", "none"),
            ("loan-deficiency", "13913619.02", "$13.9M"),
            ("secured-interest-paid", "248000000.00", "$248.0M"),
            ("convert-dilution", "0.0979381443298969", "9.8%"),
            ("loan-min-dscr", "0.400590", "0.40×"),
            ("loan-seized-ph", "1000", "1,000 PH/s"),
            ("convert-shares-issued", "54285714.29", "54,285,714"),
            ("convert-conversion-rate", "62.3733", "62.3733 per $1,000"),
            ("convert-conversion-price", "20.63", "$20.63"),
            ("convert-conversion-price", "20.625", "$20.63"),
            ("convert-refinancing-wall", "", "—"),
            ("loan-cash-end", "-5000000", "−$5.0M"),
            ("mc-default-probability", "0.0045", "0.45%"),
        ];
        for name in crate::model::metrics::metric_names() {
            assert!(!label_of(name).is_empty(), "{name} has no label");
        }
        for (name, raw, shown) in cases {
            assert_eq!(display(name, raw, start), shown, "{name} = {raw:?}");
        }
    }
}
