//! What every chart shares: the background, optional titles drawn into the image (for
//! downloads; on the page the title, data date and credit are HTML around the canvas), number
//! formats, and the hit map that turns a pointer position back into a mark or a data value.

use super::theme::Theme;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ReversibleRanged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{CoordTranslate, ReverseCoordTranslate, Shift};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Titles drawn into the image itself (downloads), with the source credit at the bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Titles {
    pub title: String,
    pub subtitle: String,
    pub credit: String,
}

/// Error type of the chart functions.
pub type ChartResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Fills the background and, with titles, draws them; returns the area left for the plot.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    theme: &Theme,
    titles: Option<&Titles>,
) -> ChartResult<DrawingArea<DB, Shift>, DB> {
    root.fill(&theme.background)?;
    let Some(t) = titles else {
        return Ok(root.clone());
    };
    let (_, h) = root.dim_in_pixel();
    let title = text_style(theme, 17, &theme.text).pos(Pos::new(HPos::Left, VPos::Top));
    let small = text_style(theme, 12, &theme.muted).pos(Pos::new(HPos::Left, VPos::Top));
    root.draw_text(&t.title, &title, (12, 10))?;
    root.draw_text(&t.subtitle, &small, (12, 32))?;
    let credit = small.pos(Pos::new(HPos::Left, VPos::Bottom));
    root.draw_text(&t.credit, &credit, (12, h as i32 - 6))?;
    Ok(root.margin(52, 22, 0, 0))
}

/// Formats an axis label from its value.
pub type LabelFormat<'f> = &'f dyn Fn(&f64) -> String;

/// The plot area of a chart: margins, label areas, ranges, a light grid and formatted labels.
pub struct Plot<'f> {
    pub top: u32,
    pub right: u32,
    /// Height of the x label area and width of the y label area, in pixels.
    pub x_area: u32,
    pub y_area: u32,
    pub x: std::ops::Range<f64>,
    pub y: std::ops::Range<f64>,
    /// How many x labels and how they read; `None` when the chart draws its own x labels.
    pub x_labels: Option<(usize, LabelFormat<'f>)>,
    pub y_labels: (usize, LabelFormat<'f>),
    /// Vertical grid lines at the x labels.
    pub x_grid: bool,
}

impl<'f> Plot<'f> {
    /// The plot of a month-by-month chart: months 0..T across (the year labels are drawn by
    /// [`super::months::draw_year_axis`]), no vertical grid, `y_area` pixels of y labels.
    pub fn monthly(months: usize, y: std::ops::Range<f64>, y_area: u32, y_labels: (usize, LabelFormat<'f>)) -> Self {
        Plot { top: 8, right: 12, x_area: 24, y_area, x: 0.0..months as f64, y, x_labels: None, y_labels, x_grid: false }
    }

    /// The plot of a bar chart of `bars` categories centred on 0, 1, ...: the chart draws its
    /// own category labels; dollars up the y axis with `y_ticks` labels.
    pub fn bars(bars: usize, top: f64, y_ticks: usize, y_label: &'f dyn Fn(&f64) -> String) -> Self {
        Plot { top: 8, right: 10, x_area: 26, y_area: 48, x: -0.5..(bars as f64 - 0.5), y: 0.0..top, x_labels: None, y_labels: (y_ticks, y_label), x_grid: false }
    }
}

/// A chart axis: plotters' `f64` axis, every mapping forwarded, but without plotters' default
/// label formatting. Every labelled axis here has its own formatter, and an axis without one
/// asks for zero labels, so the default (plotters' `FloatPrettyPrinter`) was never called,
/// only compiled into the wasm.
#[derive(Clone)]
pub struct Axis(RangedCoordf64);

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;
    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.0.key_points(hint)
    }
    fn range(&self) -> std::ops::Range<f64> {
        self.0.range()
    }
    fn axis_pixel_range(&self, limit: (i32, i32)) -> std::ops::Range<i32> {
        self.0.axis_pixel_range(limit)
    }
}

impl ReversibleRanged for Axis {
    fn unmap(&self, input: i32, limit: (i32, i32)) -> Option<f64> {
        self.0.unmap(input, limit)
    }
}

impl ValueFormatter<f64> for Axis {
    /// Unreachable (see [`Axis`]): an axis without a formatter has no labels.
    fn format(_value: &f64) -> String {
        String::new()
    }
}

/// The coordinates of a chart's plot area.
pub type Coords = Cartesian2d<Axis, Axis>;

/// Builds a chart's plot area in the house style: every chart goes through here, so they
/// share margins, grid and label type.
pub fn plot<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    spec: Plot<'_>,
) -> ChartResult<ChartContext<'a, DB, Coords>, DB> {
    let mut chart = ChartBuilder::on(area)
        .margin_top(spec.top)
        .margin_right(spec.right)
        .x_label_area_size(spec.x_area)
        .y_label_area_size(spec.y_area)
        .build_cartesian_2d(Axis(spec.x.into()), Axis(spec.y.into()))?;
    let mut mesh = chart.configure_mesh();
    if !spec.x_grid {
        mesh.disable_x_mesh();
    }
    match spec.x_labels {
        Some((n, format)) => mesh.x_labels(n).x_label_formatter(format),
        None => mesh.x_labels(0),
    };
    mesh.y_labels(spec.y_labels.0)
        .y_label_formatter(spec.y_labels.1)
        .label_style(text_style(theme, 12, &theme.muted))
        .axis_style(theme.axis)
        .bold_line_style(theme.grid)
        .light_line_style(theme.background)
        .draw()?;
    Ok(chart)
}

/// A text style in the theme's font.
pub fn text_style<'a>(theme: &Theme, size: u32, color: &'a RGBColor) -> TextStyle<'a> {
    TextStyle::from((font_family(theme.font), size).into_font()).color(color)
}

/// The font family a name stands for, as plotters' `From<&str>` reads it (the generic
/// families, case-insensitively, else a named face), without its `str::to_lowercase`, which
/// pulls the whole Unicode lower-case table into the wasm bundle for ASCII family names.
fn font_family(name: &str) -> FontFamily<'_> {
    if name.eq_ignore_ascii_case("serif") {
        FontFamily::Serif
    } else if name.eq_ignore_ascii_case("sans-serif") {
        FontFamily::SansSerif
    } else if name.eq_ignore_ascii_case("monospace") {
        FontFamily::Monospace
    } else {
        FontFamily::Name(name)
    }
}

/// Dollars as "$4.6B", "$750M", "$35M".
pub fn usd_short(usd: f64) -> String {
    let a = usd.abs();
    if a >= 1e9 {
        let b = usd / 1e9;
        if (b * 10.0).round() % 10.0 == 0.0 { format!("${:.0}B", b) } else { format!("${:.1}B", b) }
    } else if a >= 1e6 {
        format!("${:.0}M", usd / 1e6)
    } else {
        format!("${:.0}", usd)
    }
}

/// Dollars with two decimals where they matter: "$5.02B", "$747.5M", "$15M" (tooltips, table).
pub fn usd_precise(usd: f64) -> String {
    let trim = |s: String| if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    let a = usd.abs();
    if a >= 1e9 {
        format!("${}B", trim(format!("{:.2}", usd / 1e9)))
    } else if a >= 1e6 {
        format!("${}M", trim(format!("{:.1}", usd / 1e6)))
    } else {
        format!("${:.0}", usd)
    }
}

/// The shape of a mark a pointer can land on, in backend pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkShape {
    Rect { x0: i32, y0: i32, x1: i32, y1: i32 },
    Circle { cx: i32, cy: i32, r: i32 },
}

/// A mark a pointer or keyboard focus can select; `index` points into the chart's data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub index: usize,
    pub shape: MarkShape,
}

impl Mark {
    /// The centre of the mark (where a focus ring or tooltip anchors).
    pub fn center(&self) -> (i32, i32) {
        match self.shape {
            MarkShape::Rect { x0, y0, x1, y1 } => ((x0 + x1) / 2, (y0 + y1) / 2),
            MarkShape::Circle { cx, cy, .. } => (cx, cy),
        }
    }

    /// Distance in pixels from a point to the mark's edge (0 inside).
    fn distance(&self, x: i32, y: i32) -> f64 {
        match self.shape {
            MarkShape::Rect { x0, y0, x1, y1 } => {
                let dx = (x0.min(x1) - x).max(0).max(x - x0.max(x1)) as f64;
                let dy = (y0.min(y1) - y).max(0).max(y - y0.max(y1)) as f64;
                dx.hypot(dy)
            }
            MarkShape::Circle { cx, cy, r } => (((x - cx) as f64).hypot((y - cy) as f64) - r as f64).max(0.0),
        }
    }

    fn area(&self) -> f64 {
        match self.shape {
            MarkShape::Rect { x0, y0, x1, y1 } => ((x1 - x0).abs() * (y1 - y0).abs()) as f64,
            MarkShape::Circle { r, .. } => std::f64::consts::PI * (r * r) as f64,
        }
    }
}

/// What a drawn chart knows about its pixels: plotters' coordinate transform of the plot area
/// and the marks, so the app maps pointer positions back to data without redrawing.
#[derive(Clone)]
pub struct HitMap {
    pub coords: Coords,
    pub marks: Vec<Mark>,
}

impl HitMap {
    /// Data coordinates under a pixel, inside the plot area.
    pub fn data_at(&self, x: i32, y: i32) -> Option<(f64, f64)> {
        let (xr, yr) = (self.coords.get_x_axis_pixel_range(), self.coords.get_y_axis_pixel_range());
        let inside = |v: i32, r: std::ops::Range<i32>| v >= r.start.min(r.end) && v <= r.start.max(r.end);
        if !inside(x, xr) || !inside(y, yr) {
            return None;
        }
        self.coords.reverse_translate((x, y))
    }

    /// The pixel of a data point.
    pub fn pixel_of(&self, point: (f64, f64)) -> (i32, i32) {
        self.coords.translate(&point)
    }

    /// The mark under a pixel, or the nearest within `slack` pixels; smaller marks win ties so
    /// a small deal drawn over a large one stays reachable.
    pub fn mark_at(&self, x: i32, y: i32, slack: f64) -> Option<Mark> {
        self.marks
            .iter()
            .filter(|m| m.distance(x, y) <= slack)
            .min_by(|a, b| a.distance(x, y).total_cmp(&b.distance(x, y)).then(a.area().total_cmp(&b.area())))
            .copied()
    }
}
