//! How a `data-metric`'s raw value reads on screen. The raw value (the `data-value`
//! attribute) stays exact; this is only its display.

use crate::data::calendar::YearMonth;

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
    } else if name.ends_with("-ph") {
        MetricKind::Hashrate
    } else if name.contains("dscr") {
        MetricKind::Ratio
    } else if name.contains("dilution") || name.contains("ownership") || name.contains("probability") || name.contains("ltv") {
        MetricKind::Fraction
    } else if name.ends_with("conversion-rate") {
        MetricKind::PerThousand
    } else if name.contains("shares") || name.contains("machines") || name == "mc-paths" {
        MetricKind::Count
    } else if name.ends_with("-converted") || name.ends_with("-under-collateralised") {
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
        if i > 0 && (digits.len() - i) % 3 == 0 {
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

/// The on-screen text of a metric's raw value; "—" when it does not apply.
pub fn display(name: &str, raw: &str, start: YearMonth) -> String {
    if raw.is_empty() {
        return match kind_of(name) {
            MetricKind::Month => "none".into(),
            _ => "—".into(),
        };
    }
    let Ok(v) = raw.parse::<f64>() else { return raw.to_string() };
    match kind_of(name) {
        MetricKind::Money => dollars(v),
        MetricKind::Fraction => percent(v),
        MetricKind::Ratio => format!("{:.2}×", v),
        MetricKind::Month => month(v as u32, start),
        MetricKind::Hashprice => format!("${:.2}/PH/s/day", v),
        MetricKind::Hashrate => format!("{} PH/s", thousands(v.round() as u64)),
        MetricKind::Count => thousands(v.round().max(0.0) as u64),
        MetricKind::PerThousand => format!("{:.4} per $1,000", v),
        MetricKind::Flag => (if v >= 0.5 { "yes" } else { "no" }).into(),
        MetricKind::Megawatts => format!("{:.0} MW", v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("convert-refinancing-wall", "", "—"),
            ("loan-cash-end", "-5000000", "−$5.0M"),
            ("mc-default-probability", "0.0045", "0.45%"),
        ];
        for (name, raw, shown) in cases {
            assert_eq!(display(name, raw, start), shown, "{name} = {raw:?}");
        }
    }
}
