//! The story (issue 6): the ten sections in reading order. Prose comes from the core's
//! fragments ([`crate::story`]); each section with a scenario of its own holds it in a
//! [`local::LocalScenario`] and offers to open it in the calculator, which owns the page's
//! scenario (see [`crate::app::calculator::state`]).

mod local;
mod prose;
mod sections;

pub use sections::Story;
use std::sync::atomic::{AtomicU32, Ordering};

/// A fresh number for element ids made at run time.
pub(crate) fn next_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
