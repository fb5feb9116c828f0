//! Prepares the embedded copies of the data, smaller than the published files:
//! - the deals: `data/offerings.csv` minus the research `notes`, the long `source_title` and
//!   the columns the page does not use or derives (it links each source by its domain; the
//!   downloadable files keep everything), plus `in_scope` from `data/issuers.csv`; for the
//!   page (wasm32) also minus a convertible's terms, which only the host's deal presets read;
//! - the 2022 cases: `data/cases_2022.csv` minus `source_reports` (the figures each page
//!   reports, for readers of the file; the page links the page itself);
//! - the daily network data: from `data/network_daily.csv`, each day's hashprice in cents and
//!   each month's means to the bit (`src/data/network_codec.rs` documents the format).
//!   Build-time checks make sure every value is a whole number of its column's step and the
//!   days consecutive.

#[path = "src/data/csv.rs"]
#[allow(dead_code)]
mod csv;
#[path = "src/data/calendar.rs"]
#[allow(dead_code)]
mod calendar;
#[path = "src/data/network_codec.rs"]
#[allow(dead_code)]
mod network_codec;

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=data/offerings.csv");
    println!("cargo:rerun-if-changed=data/issuers.csv");
    println!("cargo:rerun-if-changed=data/network_daily.csv");
    println!("cargo:rerun-if-changed=data/cases_2022.csv");
    println!("cargo:rerun-if-changed=src/data/csv.rs");
    println!("cargo:rerun-if-changed=src/data/calendar.rs");
    println!("cargo:rerun-if-changed=src/data/network_codec.rs");
    println!("cargo:rerun-if-changed=tests/fixtures/corrections.tsv");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR is set"));
    deals(&out_dir);
    cases(&out_dir);
    network(&out_dir);
    corrections(&out_dir);
}

/// The page's corrections list needs only how many published figures each rule changed and
/// when: a few bytes, instead of the whole record (which `src/model/corrections.rs` parses and
/// the host tests check). One line per rule with rows: `R1<TAB>count<TAB>last date`.
fn corrections(out_dir: &std::path::Path) {
    let text = fs::read_to_string("tests/fixtures/corrections.tsv").expect("tests/fixtures/corrections.tsv is readable");
    let mut summary: Vec<(String, usize, String)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (rule, date) = (cols.get(4).copied().unwrap_or(""), cols.get(5).copied().unwrap_or(""));
        match summary.iter_mut().find(|s| s.0 == rule) {
            Some(s) => {
                s.1 += 1;
                if date > s.2.as_str() {
                    s.2 = date.to_string();
                }
            }
            None => summary.push((rule.to_string(), 1, date.to_string())),
        }
    }
    let out: String = summary.iter().map(|(rule, n, date)| format!("{rule}\t{n}\t{date}\n")).collect();
    fs::write(out_dir.join("correction_counts.tsv"), out).expect("write the corrections summary");
}

fn network(out_dir: &std::path::Path) {
    let text = fs::read_to_string("data/network_daily.csv").expect("data/network_daily.csv is readable");
    let table = csv::parse_records(&text).expect("data/network_daily.csv parses");
    let col = |n: &str| table.column(n).expect("network column");
    let (cd, ci, cf, ch, cp) = (col("date"), col("iss_btc"), col("fee_btc"), col("hashrate_ehs"), col("price_usd"));
    // Each value as the CSV states it, checked to be a whole number of its column's step.
    let value = |text: &str, scale: f64| -> f64 {
        let v: f64 = text.parse().expect("network number");
        let scaled = (v * scale).round();
        assert!((scaled / scale - v).abs() < 1e-9, "network_daily.csv: {text} is not a multiple of 1/{scale}");
        scaled / scale
    };
    let mut days = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let day = calendar::Day::parse(&row[cd]).expect("network date");
        if let Some(first) = days.first().map(|d: &network_codec::RawDay| d.day.days_since_epoch()) {
            assert_eq!(day.days_since_epoch(), first + i as i64, "network_daily.csv: days must be consecutive ({})", row[cd]);
        }
        days.push(network_codec::RawDay {
            day,
            issued_btc: value(&row[ci], 1000.0),
            fees_btc: value(&row[cf], 100.0),
            hashrate_eh_s: value(&row[ch], 100.0),
            btc_price_usd: value(&row[cp], 1.0),
        });
    }
    let first = days.first().map(|d| d.day.days_since_epoch()).unwrap_or(0);
    let cents: Vec<i64> = days.iter().map(|d| network_codec::cents(d.hashprice())).collect();
    let bytes = network_codec::encode(first, &cents, &network_codec::digest(&days));
    fs::write(out_dir.join("network_daily.bin"), bytes).expect("write the embedded network file");
}

fn cases(out_dir: &std::path::Path) {
    let text = fs::read_to_string("data/cases_2022.csv").expect("data/cases_2022.csv is readable");
    let table = csv::parse_records(&text).expect("data/cases_2022.csv parses");
    let keep: Vec<usize> = (0..table.header.len()).filter(|i| table.header[*i] != "source_reports").collect();
    let mut out = String::new();
    for row in std::iter::once(&table.header).chain(table.rows.iter()) {
        out.push_str(&keep.iter().map(|i| csv::quote(&row[*i])).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    fs::write(out_dir.join("cases_embedded.csv"), out).expect("write the embedded cases file");
}

fn deals(out_dir: &std::path::Path) {
    let text = fs::read_to_string("data/offerings.csv").expect("data/offerings.csv is readable");
    let table = csv::parse_records(&text).expect("data/offerings.csv parses");
    // Prose the page does not show, and columns it derives (date precision is the date's own
    // length; a fixed or range coupon's text repeats its numbers).
    let mut dropped = vec!["notes", "source_title", "announced_precision", "closed_precision", "initial_usd", "terms_source_url"];
    // A convertible's terms feed the deal presets, computed on the host and committed
    // (src/model/deal_presets.tsv): the page's copy leaves them out.
    if env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        dropped.extend([
            "conversion_price_usd",
            "conversion_premium_pct",
            "reference_price_usd",
            "conversion_rate_per_1000",
            "capped_call",
            "cap_price_usd",
            "put_date",
            "call_start",
            "call_trigger_pct",
        ]);
    }
    let keep: Vec<usize> = (0..table.header.len()).filter(|i| !dropped.contains(&table.header[*i].as_str())).collect();
    let kind = table.column("coupon_kind").expect("coupon_kind column");
    let text = table.column("coupon_text").expect("coupon_text column");
    // Whether each deal counts in the story's sums, from its issuer's scope: a column, so the
    // page does not carry the issuer table.
    let issuers = csv::parse_records(&fs::read_to_string("data/issuers.csv").expect("data/issuers.csv is readable")).expect("data/issuers.csv parses");
    let (it, is) = (issuers.column("ticker").expect("ticker column"), issuers.column("scope").expect("scope column"));
    let ticker = table.column("ticker").expect("ticker column");
    let mut out = String::new();
    for (r, row) in std::iter::once(&table.header).chain(table.rows.iter()).enumerate() {
        let blank = r > 0 && row[kind] != "floating";
        let mut fields: Vec<String> = keep.iter().map(|i| if *i == text && blank { String::new() } else { csv::quote(&row[*i]) }).collect();
        let scope = issuers.rows.iter().find(|i| i[it] == row[ticker]).map(|i| i[is].as_str());
        fields.push(if r == 0 { "in_scope".into() } else { (scope != Some("other")).to_string() });
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    fs::write(out_dir.join("offerings_embedded.csv"), out).expect("write the embedded deals file");
}
