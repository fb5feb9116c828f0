//! What the integration tests share. Each test file uses the parts it needs.
#![allow(dead_code, unused_imports)]

pub mod svg;
pub mod table;

pub use svg::{golden, render};
