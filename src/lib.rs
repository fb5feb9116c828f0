//! debt-or-dilution: an explainer of how Bitcoin miners finance themselves.
//!
//! Read this crate as the product's table of contents:
//! - [`data`]: the researched dataset (deals, published totals, daily network data), embedded at
//!   compile time, parsed and aggregated. Plain Rust.
//! - [`model`]: the financial model of docs/model.md (mining economics, market paths, the three
//!   financing structures, Monte Carlo). Plain Rust, exact money in `rust_decimal`.
//! - [`charts`]: every chart as a function generic over plotters' `DrawingBackend`, so the
//!   browser draws to `<canvas>` and the tests draw to SVG through the same code.
//! - [`narrative`]: numbers into words: metric display and the sentences the cards and the
//!   story state, computed from model runs.
//! - [`embed`] and [`export`]: the views an article can embed, share links and snippets, and
//!   the files a reader can download (scenario series as CSV and JSON, file names).
//! - `app` (wasm32 only): the Leptos components that wire signals to the model and hand the
//!   results to the charts. The host never compiles it, so nothing above can depend on a web crate.

pub mod charts;
pub mod data;
pub mod embed;
pub mod export;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod narrative;
pub mod story;
