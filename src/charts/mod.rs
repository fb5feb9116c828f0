//! Charts, each a function generic over plotters' `DrawingBackend`: the browser passes a
//! canvas backend, the tests an SVG backend (golden files), downloads the SVG backend again.
//! One drawing code path. Every function returns a [`frame::HitMap`] so the app can map a
//! pointer back to a mark or a data value with plotters' coordinate transform.

pub mod backend;
pub mod cash;
pub mod debt_stock;
pub mod frame;
pub mod history;
pub mod issuance;
pub mod loan;
pub mod monte_carlo;
pub mod months;
pub mod ownership;
pub mod path;
pub mod scenario_views;
pub mod scatter;
pub mod theme;
