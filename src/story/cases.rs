//! The 2022 cases the loan section marks on the replayed hashprice path (MODEL.md §2.6): what
//! happened to five miners that had borrowed against their machines, with the sources.

use crate::data::calendar::YearMonth;

/// One case: where it sits on the time axis, and what the sources report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Case {
    pub company: &'static str,
    pub month: YearMonth,
    /// What happened, in one sentence; amounts are in [`Case::amount_usd`].
    pub what: &'static str,
    /// The debt the event settled or put in default, in dollars.
    pub amount_usd: f64,
    /// How [`Case::amount_usd`] reads in the sentence ("extinguished", ...).
    pub amount_role: &'static str,
    pub source_url: &'static str,
}

const fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

/// The cases, in date order.
pub const CASES: &[Case] = &[
    Case {
        company: "Stronghold",
        month: ym(2022, 8),
        what: "began handing about 26,200 machines back to NYDIG in seven tranches",
        amount_usd: 67_400_000.0,
        amount_role: "of debt extinguished",
        source_url: "https://www.coindesk.com/business/2022/11/01/bitcoin-miner-stronghold-digital-completes-debt-restructuring",
    },
    Case {
        company: "Iris Energy",
        month: ym(2022, 11),
        what: "received default notices on loans held in non-recourse subsidiaries and switched the pledged machines off",
        amount_usd: 107_800_000.0,
        amount_role: "in default",
        source_url: "https://forklog.com/en/iris-energy-shuts-down-most-of-its-mining-equipment",
    },
    Case {
        company: "Core Scientific",
        month: ym(2022, 12),
        what: "filed for Chapter 11, and later handed 27,403 rigs to NYDIG",
        amount_usd: 38_600_000.0,
        amount_role: "extinguished by the rigs",
        source_url: "https://www.theblock.co/post/196925/core-scientific-files-chapter-11-bankruptcy",
    },
    Case {
        company: "Argo",
        month: ym(2022, 12),
        what: "sold its Helios site to Galaxy and took a new asset-backed loan to repay NYDIG",
        amount_usd: 84_000_000.0,
        amount_role: "repaid to NYDIG",
        source_url: "https://www.lakediamond.ch/galaxy-digital-provides-35m-loan-to-argo-blockchain-to-restructure-debt/",
    },
    Case {
        company: "Greenidge",
        month: ym(2023, 1),
        what: "sold 2.8 EH/s of machines to NYDIG to cut its debt",
        amount_usd: 59_000_000.0,
        amount_role: "of debt removed",
        source_url: "https://bitcoinnewsinvest.com/bitcoin-miner-greenidge-cuts-nydig-debt-from-72m-to-17m",
    },
];
