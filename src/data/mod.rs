//! The researched dataset, embedded at compile time from `data/` (the page makes no data
//! request): debt deals by public miners, published totals, and daily network data.
//! Plain Rust: parsing, typed values, aggregates. No web crate.

pub mod calendar;
#[cfg(not(target_arch = "wasm32"))]
pub mod cases;
#[cfg(not(target_arch = "wasm32"))]
pub mod companies;
pub mod csv;
pub mod deals;
pub mod families;
pub mod issuers;
pub mod network;
pub mod network_codec;
pub mod ordering;
pub mod aggregates;
pub mod published;
pub mod history;
