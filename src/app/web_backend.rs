//! The one backend type the charts draw to in the browser: a canvas on screen, an SVG string
//! for downloads. One enum instead of two backend types, so every chart function is compiled
//! into the wasm once (a second `DrawingBackend` type would duplicate all of them), and both
//! go through the same [`MeasuredBackend`] text measurement (plotters' own measures with a
//! `style` attribute, which the strict CSP blocks).

use plotters::prelude::SVGBackend;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle, FontTransform};
use super::canvas_2d::Canvas2dBackend;

/// Where a chart is drawn.
pub enum Target<'a> {
    Canvas(Canvas2dBackend),
    Svg(SVGBackend<'a>),
}

/// A drawing error of either target (the charts only need to know that drawing failed).
#[derive(Debug)]
pub struct DrawError;

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("drawing failed")
    }
}

impl std::error::Error for DrawError {}

fn lift<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<DrawError> {
    match e {
        DrawingErrorKind::DrawingError(_) => DrawingErrorKind::DrawingError(DrawError),
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

/// A style reduced to its values, so each SVG drawing method is compiled once rather than once
/// per plotters style type (the canvas arm keeps plotters' own generic calls).
#[derive(Clone, Copy)]
struct Flat {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Flat {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

fn flat<S: BackendStyle>(style: &S) -> Flat {
    Flat { color: style.color(), width: style.stroke_width() }
}

/// A text style reduced to its values (the SVG backend writes them as attributes; it never
/// measures or rasterises text).
struct FlatText {
    color: BackendColor,
    size: f64,
    transform: FontTransform,
    style: FontStyle,
    anchor: Pos,
    family: String,
}

impl BackendTextStyle for FlatText {
    type FontError = DrawError;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        self.transform.clone()
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(&self.family)
    }
    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), DrawError> {
        Err(DrawError)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(&self, _text: &str, _pos: BackendCoord, _draw: F) -> Result<Result<(), E>, DrawError> {
        Err(DrawError)
    }
}

type Drawn = Result<(), DrawingErrorKind<DrawError>>;

/// The SVG arm of each method: one non-generic function each.
#[inline(never)]
fn svg_line(b: &mut SVGBackend<'_>, from: BackendCoord, to: BackendCoord, style: Flat) -> Drawn {
    b.draw_line(from, to, &style).map_err(lift)
}

#[inline(never)]
fn svg_rect(b: &mut SVGBackend<'_>, upper_left: BackendCoord, bottom_right: BackendCoord, style: Flat, fill: bool) -> Drawn {
    b.draw_rect(upper_left, bottom_right, &style, fill).map_err(lift)
}

#[inline(never)]
fn svg_path(b: &mut SVGBackend<'_>, path: Vec<BackendCoord>, style: Flat) -> Drawn {
    b.draw_path(path, &style).map_err(lift)
}

#[inline(never)]
fn svg_circle(b: &mut SVGBackend<'_>, center: BackendCoord, radius: u32, style: Flat, fill: bool) -> Drawn {
    b.draw_circle(center, radius, &style, fill).map_err(lift)
}

#[inline(never)]
fn svg_polygon(b: &mut SVGBackend<'_>, vert: Vec<BackendCoord>, style: Flat) -> Drawn {
    b.fill_polygon(vert, &style).map_err(lift)
}

#[inline(never)]
fn svg_text(b: &mut SVGBackend<'_>, text: &str, style: FlatText, pos: BackendCoord) -> Drawn {
    b.draw_text(text, &style, pos).map_err(lift)
}

impl DrawingBackend for Target<'_> {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Target::Canvas(b) => b.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Drawn {
        match self {
            Target::Canvas(b) => b.ensure_prepared().map_err(lift),
            Target::Svg(b) => b.ensure_prepared().map_err(lift),
        }
    }

    fn present(&mut self) -> Drawn {
        match self {
            Target::Canvas(b) => b.present().map_err(lift),
            Target::Svg(b) => b.present().map_err(lift),
        }
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        match self {
            Target::Canvas(b) => b.draw_pixel(point, color).map_err(lift),
            Target::Svg(b) => b.draw_pixel(point, color).map_err(lift),
        }
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        match self {
            Target::Canvas(b) => b.draw_line(from, to, style).map_err(lift),
            Target::Svg(b) => svg_line(b, from, to, flat(style)),
        }
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Drawn {
        match self {
            Target::Canvas(b) => b.draw_rect(upper_left, bottom_right, style, fill).map_err(lift),
            Target::Svg(b) => svg_rect(b, upper_left, bottom_right, flat(style), fill),
        }
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        match self {
            Target::Canvas(b) => b.draw_path(path, style).map_err(lift),
            Target::Svg(b) => svg_path(b, path.into_iter().collect(), flat(style)),
        }
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        match self {
            Target::Canvas(b) => b.draw_circle(center, radius, style, fill).map_err(lift),
            Target::Svg(b) => svg_circle(b, center, radius, flat(style), fill),
        }
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        match self {
            Target::Canvas(b) => b.fill_polygon(vert, style).map_err(lift),
            Target::Svg(b) => svg_polygon(b, vert.into_iter().collect(), flat(style)),
        }
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Drawn {
        match self {
            Target::Canvas(b) => b.draw_text(text, style, pos).map_err(lift),
            Target::Svg(b) => {
                let reduced = FlatText { color: style.color(), size: style.size(), transform: style.transform(), style: style.style(), anchor: style.anchor(), family: style.family().as_str().to_string() };
                svg_text(b, text, reduced, pos)
            }
        }
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        match self {
            Target::Canvas(b) => b.blit_bitmap(pos, size, src).map_err(lift),
            Target::Svg(b) => b.blit_bitmap(pos, size, src).map_err(lift),
        }
    }
}
