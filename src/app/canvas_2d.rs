//! plotters' drawing calls on a canvas 2D context, replacing plotters-canvas (issue 8).
//!
//! plotters-canvas formats a colour string and a font string and sends them to the context on
//! every call; with a chart's hundred-odd calls per redraw that was a third of the charts'
//! time in each slider input. Here each piece of context state (fill, stroke, line width, font,
//! alignment) is sent only when it differs from what the context already holds, and the text
//! measurer shares that record, so measuring and drawing in the same font costs one `font`
//! assignment rather than one per call. Each style type's call is reduced at once to plain
//! values, so the drawing code is compiled once whatever plotters passes in.
//!
//! The drawing is the same as plotters-canvas 0.3.1's: horizontal and vertical lines move half
//! a pixel so they stay crisp, rotated text turns about its anchor.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform};
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use super::web_backend::DrawError;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What the context was last given; `None` until first set (a sized canvas starts afresh).
#[derive(Default)]
struct Sent {
    fill: Option<BackendColor>,
    stroke: Option<BackendColor>,
    line_width: Option<u32>,
    font: String,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// A canvas's 2D context and the state it was last given, shared by the drawing backend and
/// the text measurer of one paint.
pub struct Context2d {
    context: CanvasRenderingContext2d,
    sent: RefCell<Sent>,
    scratch: RefCell<String>,
}

impl Context2d {
    /// Wraps a context whose state is the default (just sized, or just created).
    pub fn new(context: CanvasRenderingContext2d) -> Rc<Self> {
        Rc::new(Context2d { context, sent: RefCell::default(), scratch: RefCell::default() })
    }

    pub fn raw(&self) -> &CanvasRenderingContext2d {
        &self.context
    }

    /// Sets the font `"{style} {size}px {family}"` unless it is already set.
    pub fn set_font(&self, style: &str, size: f64, family: &str) {
        let mut scratch = self.scratch.borrow_mut();
        scratch.clear();
        let _ = write!(scratch, "{style} {size}px {family}");
        let mut sent = self.sent.borrow_mut();
        if sent.font != *scratch {
            self.context.set_font(&scratch);
            sent.font.clear();
            sent.font.push_str(&scratch);
        }
    }

    fn set_fill(&self, color: BackendColor) {
        let mut sent = self.sent.borrow_mut();
        if !same(sent.fill, color) {
            self.context.set_fill_style_str(&self.css(color));
            sent.fill = Some(color);
        }
    }

    fn set_stroke(&self, color: BackendColor, width: u32) {
        let mut sent = self.sent.borrow_mut();
        if !same(sent.stroke, color) {
            self.context.set_stroke_style_str(&self.css(color));
            sent.stroke = Some(color);
        }
        if sent.line_width != Some(width) {
            self.context.set_line_width(width as f64);
            sent.line_width = Some(width);
        }
    }

    fn set_anchor(&self, h: HPos, v: VPos) {
        let align = match h {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        let baseline = match v {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let mut sent = self.sent.borrow_mut();
        if sent.align != Some(align) {
            self.context.set_text_align(align);
            sent.align = Some(align);
        }
        if sent.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            sent.baseline = Some(baseline);
        }
    }

    /// `rgba(r,g,b,a)`, the form plotters-canvas wrote.
    fn css(&self, color: BackendColor) -> String {
        let (r, g, b) = color.rgb;
        format!("rgba({r},{g},{b},{})", color.alpha)
    }
}

fn same(sent: Option<BackendColor>, color: BackendColor) -> bool {
    sent.is_some_and(|s| s.rgb == color.rgb && s.alpha == color.alpha)
}

type Drawn = Result<(), DrawingErrorKind<DrawError>>;

/// A plotters backend drawing on a canvas through a shared [`Context2d`].
pub struct Canvas2dBackend {
    size: (u32, u32),
    context: Rc<Context2d>,
}

impl Canvas2dBackend {
    pub fn new(canvas: &HtmlCanvasElement, context: Rc<Context2d>) -> Self {
        Canvas2dBackend { size: (canvas.width(), canvas.height()), context }
    }

    fn line(&self, from: BackendCoord, to: BackendCoord, color: BackendColor, width: u32) {
        let ((x0, y0), (x1, y1)) = crisp(from, to);
        let c = &self.context;
        c.set_stroke(color, width);
        c.context.begin_path();
        c.context.move_to(x0, y0);
        c.context.line_to(x1, y1);
        c.context.stroke();
    }

    fn rect(&self, upper_left: BackendCoord, bottom_right: BackendCoord, color: BackendColor, width: u32, fill: bool) {
        let (x, y) = (upper_left.0 as f64, upper_left.1 as f64);
        let (w, h) = ((bottom_right.0 - upper_left.0) as f64, (bottom_right.1 - upper_left.1) as f64);
        if fill {
            self.context.set_fill(color);
            self.context.context.fill_rect(x, y, w, h);
        } else {
            self.context.set_stroke(color, width);
            self.context.context.stroke_rect(x, y, w, h);
        }
    }

    fn poly(&self, points: &mut dyn Iterator<Item = BackendCoord>, color: BackendColor, width: u32, fill: bool) {
        let c = &self.context;
        c.context.begin_path();
        let Some(start) = points.next() else { return };
        if fill {
            c.set_fill(color);
        } else {
            c.set_stroke(color, width);
        }
        c.context.move_to(start.0 as f64, start.1 as f64);
        for p in points {
            c.context.line_to(p.0 as f64, p.1 as f64);
        }
        if fill {
            c.context.close_path();
            c.context.fill();
        } else {
            c.context.stroke();
        }
    }

    fn circle(&self, center: BackendCoord, radius: u32, color: BackendColor, width: u32, fill: bool) -> Drawn {
        let c = &self.context;
        if fill {
            c.set_fill(color);
        } else {
            c.set_stroke(color, width);
        }
        c.context.begin_path();
        c.context.arc(center.0 as f64, center.1 as f64, radius as f64, 0.0, std::f64::consts::TAU).map_err(|_| DrawingErrorKind::DrawingError(DrawError))?;
        if fill {
            c.context.fill();
        } else {
            c.context.stroke();
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn text(&self, text: &str, color: BackendColor, font_style: &str, size: f64, family: &str, transform: FontTransform, anchor: (HPos, VPos), pos: BackendCoord) -> Drawn {
        let c = &self.context;
        // State first, so the save/restore around rotated text returns to the same state.
        c.set_anchor(anchor.0, anchor.1);
        c.set_fill(color);
        c.set_font(font_style, size, family);
        let quarter_turns = match transform {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let failed = |_| DrawingErrorKind::DrawingError(DrawError);
        if quarter_turns == 0 {
            return c.context.fill_text(text, pos.0 as f64, pos.1 as f64).map_err(failed);
        }
        c.context.save();
        let drawn = c
            .context
            .translate(pos.0 as f64, pos.1 as f64)
            .and_then(|_| c.context.rotate(quarter_turns as f64 * std::f64::consts::FRAC_PI_2))
            .and_then(|_| c.context.fill_text(text, 0.0, 0.0))
            .map_err(failed);
        c.context.restore();
        drawn
    }
}

/// Moves a horizontal or vertical line half a pixel so it covers whole pixels (not two half-lit
/// rows), as plotters-canvas does.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = ((from.0 as f64, from.1 as f64), (to.0 as f64, to.1 as f64));
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl DrawingBackend for Canvas2dBackend {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha != 0.0 {
            self.rect(point, (point.0 + 1, point.1 + 1), color, 0, true);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        let color = style.color();
        if color.alpha != 0.0 {
            self.line(from, to, color, style.stroke_width());
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Drawn {
        let color = style.color();
        if color.alpha != 0.0 {
            self.rect(upper_left, bottom_right, color, style.stroke_width(), fill);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        let color = style.color();
        if color.alpha != 0.0 {
            self.poly(&mut path.into_iter(), color, style.stroke_width(), false);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        let color = style.color();
        if color.alpha != 0.0 {
            self.poly(&mut vert.into_iter(), color, style.stroke_width(), true);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.circle(center, radius, color, style.stroke_width(), fill)
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let family = style.family();
        self.text(text, color, style.style().as_str(), style.size(), family.as_str(), style.transform(), (anchor.h_pos, anchor.v_pos), pos)
    }
}
