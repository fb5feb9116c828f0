//! Chart colours against the chart background (issue 9, "Colours"), computed from the palette in
//! both themes with WCAG 2.1's relative luminance: text (titles, labels) at least 4.5:1, and
//! every mark colour (series, highlight, axis lines) at least 3:1 (non-text contrast, 1.4.11).
//! The grid is decoration and exempt. axe checks the page's HTML text; this checks the canvas.

use debt_or_dilution::charts::theme::Theme;
use plotters::style::RGBColor;

/// WCAG 2.1 relative luminance of an sRGB colour.
fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_contrast_formula_gives_the_known_extremes() {
    assert!((contrast(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((contrast(RGBColor(119, 119, 119), RGBColor(255, 255, 255)) - 4.48).abs() < 0.01);
}

#[test]
fn chart_text_and_marks_stand_out_from_the_background_in_both_themes() {
    let mut failures = Vec::new();
    for theme in [Theme::light(), Theme::dark()] {
        let name = if theme.dark { "dark" } else { "light" };
        let bg = theme.background;
        for (what, color, min) in [("text", theme.text, 4.5), ("muted text", theme.muted, 4.5), ("axis", theme.axis, 3.0), ("highlight", theme.highlight, 3.0)] {
            let ratio = contrast(color, bg);
            if ratio < min {
                failures.push(format!("{name}: {what} {} on {} is {ratio:.2}:1, under {min}:1", Theme::css(color), Theme::css(bg)));
            }
        }
        for (i, color) in theme.series.iter().enumerate() {
            let ratio = contrast(*color, bg);
            if ratio < 3.0 {
                failures.push(format!("{name}: series {i} {} on {} is {ratio:.2}:1, under 3:1", Theme::css(*color), Theme::css(bg)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
