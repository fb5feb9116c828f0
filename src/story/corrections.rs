//! The page's "Corrections and changes" list: one line per corrected rule of the model, saying
//! what changed and why, with how many published figures it moved, counted from the
//! record of corrections (`tests/fixtures/corrections.tsv`, summarised at build time:
//! [`crate::model::corrections::counts_by_rule`]).

use crate::model::corrections::counts_by_rule;
use crate::narrative::format::thousands;

/// What each rule changed, and why, in the page's words.
const CHANGES: [(&str, &str); 10] = [
    ("R1", "A subsidiary short of a payment no longer defaults at once: while its machines are worth more than the loan, the company covers the shortfall, and it sells them and repays when they stand idle or its cash runs short. It walks away only when they are worth less than the loan, sold or kept running."),
    ("R2", "Net assets count machines at what they earn over their remaining life, not at their market price, so a fleet that cannot cover its costs no longer counts for hundreds of millions."),
    ("R3", "A loan the fleet cannot secure at the loan-to-value asked for is shown as not available, not made against too little collateral."),
    ("R4", "Owners' value never falls below zero, and a default no longer erases a debt: secured holders take their collateral first, and the rest stays owed ahead of the shareholders unless the loan is non-recourse."),
    ("R5", "One rule for selling new shares under every structure, at a discount that deepens as the stock falls and within a monthly limit, from a year before a wall the market will not refinance; secured notes pay their coupons during the build from an interest reserve."),
    ("R6", "Machines that cannot cover their running costs are switched off, costing nothing but overhead, and sold after standing idle."),
    ("R7", "The default company's share count and price are the medians of listed miners its size, and a deal loads its issuer's own. Owners' value counts the stock market's premium over net assets, measured on the company had it not raised, so a share sold or converted at its market price is no longer a gain to them."),
    ("R8", "Each Monte Carlo path has its own random stream, and the owners' side of the distribution is shown beside the lender's."),
    ("R9", "Each structure's costs at issue and all-in yield, fees included, are shown: a zero-coupon convertible is not free."),
    ("R10", "At a refinancing wall the company first sells new notes, as much as the market will lend, before selling shares; deals load their put and call dates, and a deal's run starts in its closing month."),
];

/// The list's lines, in rule order: "R1: ... It changed 19 published figures." Undated: the
/// record of corrections dates every row, and one date repeated ten times told readers nothing.
pub fn correction_lines() -> Vec<(&'static str, String)> {
    counts_by_rule()
        .into_iter()
        .zip(CHANGES)
        .map(|((rule, count, _), (id, text))| {
            debug_assert_eq!(rule, id);
            let moved = match count {
                0 => "It changed no published figure.".to_string(),
                1 => "It changed one published figure.".to_string(),
                n => format!("It changed {} published figures.", thousands(n as u64)),
            };
            (rule, format!("{text} {moved}"))
        })
        .collect()
}
