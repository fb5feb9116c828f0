//! Words computed from numbers: how a metric reads on screen, and what happened to each
//! structure in a sentence. Plain Rust, tested on the host; the prose never hard-codes a
//! figure the model computes.

#[cfg(not(target_arch = "wasm32"))]
pub mod dataset;
pub mod format;
pub mod outcomes;
