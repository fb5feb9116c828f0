//! `cargo run --bin scenario -- 'premium=40&share_price=10'`: prints a scenario's metrics as
//! JSON — keys are the `data-metric` names, values the `data-value` strings (`null` when not
//! applicable) — the calculator cards' sentences, and the parser's notices, so tests and people can check the
//! browser's numbers against the host's. The same parser and metric code run in both.
//!
//! The JSON is written by hand (no serde: the wasm bundle has a size budget and this binary
//! is built for wasm32 too, where its `main` is empty).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use debt_or_dilution::model::metrics::metrics;
    use debt_or_dilution::model::query::{parse_query, to_query};
    use debt_or_dilution::model::simulate::simulate;

    let query = std::env::args().nth(1).unwrap_or_default();
    let (assumptions, notices) = parse_query(&query);
    let scenario = simulate(&assumptions);
    let mut out = String::from("{\n");
    out.push_str(&format!("  \"query\": {},\n", json_string(&to_query(&scenario.assumptions))));
    out.push_str("  \"metrics\": {\n");
    let list = metrics(&scenario);
    for (i, m) in list.iter().enumerate() {
        let value = if m.value.is_empty() { "null".to_string() } else { json_string(&m.value) };
        let comma = if i + 1 < list.len() { "," } else { "" };
        out.push_str(&format!("    {}: {}{}\n", json_string(m.name), value, comma));
    }
    out.push_str("  },\n  \"sentences\": {\n");
    let said = debt_or_dilution::narrative::outcomes::sentences(&scenario);
    let comparison = debt_or_dilution::narrative::outcomes::comparison(&scenario);
    for (i, (name, text)) in [("loan", &said.loan), ("convertible", &said.convertible), ("secured", &said.secured), ("comparison", &comparison)].iter().enumerate() {
        let comma = if i < 3 { "," } else { "" };
        out.push_str(&format!("    {}: {}{}\n", json_string(name), json_string(text), comma));
    }
    out.push_str("  },\n  \"notices\": [");
    let texts: Vec<String> = notices.iter().map(|n| json_string(&n.to_string())).collect();
    if !texts.is_empty() {
        out.push_str(&format!("\n    {}\n  ", texts.join(",\n    ")));
    }
    out.push_str("]\n}");
    println!("{out}");
}

/// A JSON string literal with the escapes JSON requires.
#[cfg(not(target_arch = "wasm32"))]
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            // Keeps `<script>` from closing a script element if the output is ever embedded.
            '<' => out.push_str("\\u003c"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(target_arch = "wasm32")]
fn main() {}
