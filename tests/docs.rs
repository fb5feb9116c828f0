//! `docs/model.md` documents the model; its table of inputs is generated from the one field table
//! (`src/model/fields.rs`), so the document and the code cannot disagree on a default, a unit or
//! a range. Regenerate it with `UPDATE_DOCS=1 cargo test --test docs`.

use debt_or_dilution::model::fields::{FieldKind, FIELDS};

const START: &str = "<!-- inputs: generated from src/model/fields.rs by tests/docs.rs -->";
const END: &str = "<!-- inputs: end -->";

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{}{out}", if v < 0.0 { "−" } else { "" })
    } else {
        let s = format!("{:.4}", v);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The table as the document shows it.
fn table() -> String {
    let mut out = String::from("| parameter | unit | default | range | source of the default | meaning |\n| --- | --- | --- | --- | --- | --- |\n");
    for f in FIELDS {
        let shown = |v: f64| number(f.to_query_number(v));
        let range = match f.kind {
            FieldKind::Flag => "0 or 1".to_string(),
            _ if f.zero_means_off => format!("0 (off), or {} to {}", shown(f.min), shown(f.max)),
            _ => format!("{} to {}", shown(f.min), shown(f.max)),
        };
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            f.query,
            cell(f.unit),
            shown(f.default),
            range,
            cell(f.source),
            cell(f.doc)
        ));
    }
    out
}

#[test]
fn the_inputs_table_is_the_field_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md");
    let text = std::fs::read_to_string(path).expect("docs/model.md");
    let (start, end) = (text.find(START).expect("the start marker"), text.find(END).expect("the end marker"));
    let generated = format!("{START}\n{}{END}", table());
    let current = &text[start..end + END.len()];
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, text.replacen(current, &generated, 1)).expect("write docs/model.md");
        return;
    }
    assert!(current == generated, "docs/model.md's inputs table differs from src/model/fields.rs: run UPDATE_DOCS=1 cargo test --test docs");
}

#[test]
fn every_field_is_documented_with_a_source() {
    for f in FIELDS {
        assert!(!f.source.trim().is_empty(), "{} has no source tag", f.query);
        assert!(f.source.starts_with("[S]") || f.source.starts_with("[D]") || f.source.starts_with("[A]"), "{}: {}", f.query, f.source);
        assert!(!f.doc.trim().is_empty(), "{} has no meaning", f.query);
    }
}
