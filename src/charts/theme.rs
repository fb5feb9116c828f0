//! Colours and type for the charts, light and dark. Series colours come from the Okabe–Ito
//! colour-blind-safe palette, darkened for light backgrounds and lightened for dark ones so
//! marks keep at least 3:1 contrast; shapes and dashes also tell series apart.

use plotters::style::RGBColor;

/// The palette and type a chart is drawn with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Four series colours, in family order.
    pub series: [RGBColor; 4],
    /// Highlight for the focused or hovered mark, and event markers.
    pub highlight: RGBColor,
    pub font: &'static str,
}

impl Theme {
    pub fn light() -> Self {
        Self {
            dark: false,
            background: RGBColor(255, 255, 255),
            text: RGBColor(26, 26, 26),
            muted: RGBColor(85, 85, 85),
            grid: RGBColor(226, 226, 226),
            axis: RGBColor(110, 110, 110),
            series: [RGBColor(0, 114, 178), RGBColor(184, 74, 0), RGBColor(0, 120, 90), RGBColor(122, 81, 149)],
            highlight: RGBColor(26, 26, 26),
            font: "sans-serif",
        }
    }

    pub fn dark() -> Self {
        Self {
            dark: true,
            background: RGBColor(22, 24, 28),
            text: RGBColor(236, 236, 236),
            muted: RGBColor(180, 180, 180),
            grid: RGBColor(58, 62, 70),
            axis: RGBColor(150, 150, 150),
            series: [RGBColor(86, 180, 233), RGBColor(240, 138, 60), RGBColor(60, 194, 154), RGBColor(190, 160, 220)],
            highlight: RGBColor(255, 255, 255),
            font: "sans-serif",
        }
    }

    /// A CSS colour for the HTML legend beside the canvas.
    pub fn css(color: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
    }
}
