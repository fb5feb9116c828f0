//! The page's "Corrections and changes" list: one line per corrected rule of the model, saying
//! what changed and why, dated, with how many published figures it moved, counted from the
//! record of corrections (`tests/fixtures/corrections.tsv`, summarised at build time:
//! [`crate::model::corrections::counts_by_rule`]).

use crate::data::calendar::Day;
use crate::model::corrections::counts_by_rule;
use crate::narrative::format::thousands;

/// What each rule changed, and why, in the page's words.
const CHANGES: [(&str, &str); 10] = [
    ("R1", "A borrowing subsidiary that cannot make a payment no longer defaults at once: while its machines are worth more than the loan, the company pays the shortfall from its cash, and it sells the machines and repays when they stand idle or its cash runs short. It walks away only when the machines are worth less than the loan, which is when a non-recourse borrower would."),
    ("R2", "Net assets count machines at what they earn, their cash margin over their remaining life, not at their market price: a fleet that cannot cover its costs was counted at hundreds of millions of dollars."),
    ("R3", "A loan the fleet cannot secure at the loan-to-value asked for is shown as not available on those terms, rather than made against too little collateral; the 2022 replay and the Monte Carlo section now borrow what their fleets can secure."),
    ("R4", "Owners can lose what they own and no more: their value never goes below zero. A default no longer wipes out what is owed: secured holders take their collateral first, and what it does not cover stays a debt of the company (unless the loan is non-recourse), ahead of its shareholders, growing, taking the company's cash, and carrying the cost of the default itself."),
    ("R5", "One rule for selling new shares under every structure: at a discount that deepens as the stock falls, and no more than a set share of the company in a month. The secured notes' coupons during the build come from an interest reserve set aside from the money raised."),
    ("R6", "Machines that cannot cover their running costs are switched off and cost nothing but overhead, and are sold after standing idle; before, they kept paying their other running costs while switched off."),
    ("R7", "The default company's share count and share price are the medians of listed miners of its size, so its stock market value matches theirs, where before it was several times as large; its cash stays an assumption."),
    ("R8", "Each Monte Carlo path has its own random stream, so neighbouring seeds no longer share all but one path; the owners' side of the distribution is shown beside the lender's."),
    ("R9", "Each structure's costs at issue and its all-in yield, fees included, are shown, with the convertible's capped call counted net of its value: a zero-coupon convertible is not free."),
    ("R10", "At a refinancing wall the company first sells new notes where the market will lend them, as miners did in 2024 and 2025, and as much as it will lend when the wall is larger, before selling shares; real deals load their holders' put and issuer's call dates from the data, and a deal's run starts in its closing month, so its maturity, put and call fall in the months its documents give."),
];

/// The list's lines, in rule order: "3 December 2026. R1: ... It changed 19 published figures."
pub fn correction_lines() -> Vec<(&'static str, String)> {
    let counts = counts_by_rule();
    // A rule that moved no published figure has no row: it is dated with the last correction.
    let latest = counts.iter().filter_map(|c| c.2).max();
    counts
        .into_iter()
        .zip(CHANGES)
        .map(|((rule, count, date), (id, text))| {
            debug_assert_eq!(rule, id);
            let date = date.or(latest).and_then(Day::parse).map(|d| d.human());
            let moved = match count {
                0 => "It changed no published figure.".to_string(),
                1 => "It changed one published figure.".to_string(),
                n => format!("It changed {} published figures.", thousands(n as u64)),
            };
            let dated = date.map(|d| format!("{d}: ")).unwrap_or_default();
            (rule, format!("{dated}{text} {moved}"))
        })
        .collect()
}
