//! A drawing backend wrapper that measures text through a [`TextMeasure`] instead of plotters'
//! own font code, and can report a logical size different from the wrapped backend's pixels.
//!
//! Why: on wasm32 plotters measures text by appending a `<span style=...>` to the page, which a
//! strict Content-Security-Policy (`style-src 'self'`) forbids — every measurement is a
//! violation and a wrong answer. In the browser the app measures with the canvas 2D context's
//! `measureText`; on the host (tests, SVG goldens) [`EstimatedText`] gives deterministic sizes.
//! The logical size lets the app draw in CSS pixels on a canvas scaled by devicePixelRatio.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Measures a string of text: width and height in pixels.
pub trait TextMeasure {
    fn measure(&self, text: &str, family: &str, size_px: f64) -> (u32, u32);
}

/// A deterministic estimate for the host: 0.56 em per character, 1.15 em high. Used by the
/// tests and golden SVGs, where a stable layout matters more than the exact glyph widths.
#[derive(Clone, Copy, Debug, Default)]
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn measure(&self, text: &str, _family: &str, size_px: f64) -> (u32, u32) {
        let chars = text.chars().count() as f64;
        ((chars * size_px * 0.56).ceil() as u32, (size_px * 1.15).ceil() as u32)
    }
}

/// Wraps a backend; forwards every drawing call and answers size and text-size queries itself.
pub struct MeasuredBackend<B, M> {
    inner: B,
    size: (u32, u32),
    measure: M,
}

impl<B: DrawingBackend, M: TextMeasure> MeasuredBackend<B, M> {
    /// Wraps `inner`, keeping its size.
    pub fn new(inner: B, measure: M) -> Self {
        let size = inner.get_size();
        Self { inner, size, measure }
    }

    /// Wraps `inner` and reports `logical_size` to plotters (the caller has scaled the inner
    /// surface so that logical pixels land on the right device pixels).
    pub fn with_logical_size(inner: B, logical_size: (u32, u32), measure: M) -> Self {
        Self { inner, size: logical_size, measure }
    }
}

impl<B: DrawingBackend, M: TextMeasure> DrawingBackend for MeasuredBackend<B, M> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(self.measure.measure(text, style.family().as_str(), style.size()))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}
