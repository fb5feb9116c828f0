//! What the chart tests share: render a chart function to SVG on the host through the same
//! CSP-safe backend wrapper the browser uses, and compare it with its golden file.
//!
//! Regenerate the goldens with `UPDATE_GOLDENS=1 cargo test` (the README's test command refuses
//! to run with that variable set, so CI always compares).

use debt_or_dilution::charts::backend::{EstimatedText, MeasuredBackend};
use debt_or_dilution::charts::frame::HitMap;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::PathBuf;

pub type Svg<'a> = MeasuredBackend<SVGBackend<'a>, EstimatedText>;

/// Renders with `draw` at `size` and returns the SVG text and the hit map.
pub fn render(size: (u32, u32), draw: impl FnOnce(&DrawingArea<Svg<'_>, Shift>) -> HitMap) -> (String, HitMap) {
    let mut text = String::new();
    let hit = {
        let root = MeasuredBackend::new(SVGBackend::with_string(&mut text, size), EstimatedText).into_drawing_area();
        let hit = draw(&root);
        root.present().expect("present");
        hit
    };
    (text, hit)
}

/// Compares with `tests/golden/NAME.svg`, or writes it when UPDATE_GOLDENS is set.
pub fn golden(name: &str, svg: &str) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "golden", &format!("{name}.svg")].iter().collect();
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, svg).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {}: run UPDATE_GOLDENS=1 cargo test", path.display()));
    assert!(expected == svg, "{name}: the SVG differs from {} (if the change is intended, regenerate with UPDATE_GOLDENS=1)", path.display());
}
