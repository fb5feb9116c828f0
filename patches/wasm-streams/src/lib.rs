//! A stand-in for `wasm-streams` 0.5, patched in by the app's `Cargo.toml`.
//!
//! Leptos 0.8 always enables `server_fn`'s `browser` feature, which depends on `wasm-streams`
//! for streaming server-function bodies. The real crate exports three `#[wasm_bindgen]` classes
//! (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`) that the linker
//! must keep, with their JavaScript glue, even though nothing calls them. This explainer has no
//! server and never calls a server function, so this crate offers only the four functions
//! `server_fn` names, and streaming fails loudly if anything ever reaches it.

use futures_util::stream::{self, Stream};
use wasm_bindgen::{throw_str, JsValue};

/// A web `ReadableStream`, as `wasm_streams::ReadableStream` wraps one.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a web stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Not supported here: throws.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        throw_str("streaming server functions are not supported in this app")
    }

    /// The wrapped web stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Not supported here: throws.
    pub fn into_stream(self) -> stream::Empty<Result<JsValue, JsValue>> {
        throw_str("streaming server functions are not supported in this app")
    }
}
