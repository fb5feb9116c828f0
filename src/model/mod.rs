//! The financial model of MODEL.md: plain Rust, no web crate, tested on the host and run
//! unchanged in the browser.

pub mod mining;
