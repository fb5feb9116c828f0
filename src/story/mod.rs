//! The story (issue 6): ten sections, in order, each making one claim of the two source
//! articles in our own words, showing it with a chart or an interactive, and naming sources.
//!
//! Plain Rust, tested on the host. The prose of each section is an HTML fragment in
//! `story/html/` (static text, no computed number in it); every number the prose states about
//! data or a scenario sits in an element `data-out="name"` whose text [`values::section_values`]
//! computes, and every number a reader may change sits in `data-in="query-name"`, bound to a
//! field of the section's local scenario. `<!--figure-->` markers split a fragment where the
//! app inserts the section's charts.
//!
//! # Where the state lives
//! - The calculator (section 6) owns the page's scenario, the one in the URL
//!   (`app::calculator::state`).
//! - Sections 3, 4, 5, 7, 8 and 9 each own a small local scenario that starts from
//!   [`Section::local_query`] over the model's defaults, so every reader who lands on the page
//!   reads the same story. A local scenario uses the calculator's parameter names (it is a
//!   query string), so "open in the calculator" copies it into the calculator's state, and so
//!   into the URL, and an embed can carry it in its own URL.
//! - One model run per state change: each section's scenario is one memo that its prose,
//!   inline numbers and charts all read.

pub mod corrections;
pub mod facts;
#[cfg(not(target_arch = "wasm32"))]
pub mod fact_sources;
pub mod glossary;
pub mod values;

use crate::model::assumptions::Assumptions;
use crate::model::presets::REPLAY_2022;
use crate::model::query::parse_query;

/// The charts a section shows, in the order of its `<!--figure-->` markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Headlines,
    Issuance,
    DebtStock,
    Scatter,
    History,
    Path,
    Loan,
    Ownership,
    Cash,
    MonteCarlo,
    Calculator,
    DealTable,
    Glossary,
}

/// One section of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// The element id, also the anchor (`#squeeze`).
    pub id: &'static str,
    /// The heading, as the table of contents shows it.
    pub title: &'static str,
    html: &'static str,
    /// What fills each `<!--figure-->` marker, in order.
    pub figures: &'static [Figure],
    /// The local scenario over the defaults, as a calculator query (`None`: the section has no
    /// scenario of its own).
    pub local_query: Option<&'static str>,
}

/// The marker in a fragment where the app inserts the section's next figure.
pub const FIGURE_MARKER: &str = "<!--figure-->";

impl Section {
    /// The prose between figures: one more part than there are figures.
    pub fn parts(&self) -> Vec<&'static str> {
        self.html.split(FIGURE_MARKER).collect()
    }

    /// The whole fragment (for tests).
    pub fn html(&self) -> &'static str {
        self.html
    }

    /// The calculator parameters the prose lets a reader set (its `data-in` names), in order.
    pub fn inputs(&self) -> Vec<&'static str> {
        self.html.split("data-in=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect()
    }

    /// The local scenario's assumptions, if the section has one.
    pub fn local_assumptions(&self) -> Option<Assumptions> {
        self.local_query.map(|q| parse_query(q).0)
    }
}

/// The sections, in reading order.
pub const SECTIONS: &[Section] = &[
    Section {
        id: "opening",
        title: "Borrowing again, on a larger scale",
        html: include_str!("html/01-opening.html"),
        figures: &[Figure::Headlines, Figure::Issuance, Figure::DebtStock],
        local_query: None,
    },
    Section {
        id: "then-and-now",
        title: "Then and now",
        html: include_str!("html/02-then-and-now.html"),
        figures: &[Figure::Scatter],
        local_query: None,
    },
    Section {
        id: "squeeze",
        title: "The income squeeze",
        html: include_str!("html/03-squeeze.html"),
        figures: &[Figure::History],
        local_query: Some("efficiency=30.5"),
    },
    Section {
        id: "loan-breaks",
        title: "How an ASIC loan breaks",
        html: include_str!("html/04-loan-breaks.html"),
        figures: &[Figure::Path, Figure::Loan],
        local_query: Some(REPLAY_2022),
    },
    Section {
        id: "convertible-dilutes",
        title: "How a convertible dilutes",
        html: include_str!("html/05-convertible-dilutes.html"),
        figures: &[Figure::Ownership],
        local_query: Some("path=trend&btc_drift=-20&curtail=0&refi_max=0&rescue_limit=0"),
    },
    Section {
        id: "same-path",
        title: "Same path, three ways to pay",
        html: include_str!("html/06-calculator.html"),
        figures: &[Figure::Calculator],
        local_query: None,
    },
    Section {
        id: "ai-bet",
        title: "The AI bet",
        html: include_str!("html/07-ai-bet.html"),
        figures: &[Figure::Cash],
        local_query: Some("path=trend&principal=1000000000&hpc_share=100&hpc_weight=40&ltv=60&loan_term=36&build=18&share_price=14"),
    },
    Section {
        id: "ice-cube",
        title: "The melting ice cube",
        html: include_str!("html/08-ice-cube.html"),
        figures: &[Figure::Path],
        local_query: Some("path=trend&curtail=0&floor=0"),
    },
    Section {
        id: "futures",
        title: "A thousand futures",
        html: include_str!("html/09-futures.html"),
        figures: &[Figure::MonteCarlo],
        local_query: Some("path=montecarlo&paths=1000&principal=150000000&cash=50000000&premium=30&ltv=60&loan_term=36"),
    },
    Section {
        id: "sources",
        title: "Data, sources and method",
        html: include_str!("html/10-sources.html"),
        figures: &[Figure::DealTable, Figure::Glossary],
        local_query: None,
    },
];

/// The section with this id.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}
