//! The deals: one row per debt, convertible or loan deal by a public miner, 2020-10 to
//! 2025-11, normalised from the research (schema in `data/README.md`), embedded at compile time.
//!
//! Values are typed as precisely as the source allows: amounts are `Option<Decimal>`, coupons
//! may be a range or a floating-rate formula kept as text, dates keep their precision.

use super::calendar::{PartialDate, Quarter, YearMonth};
use super::csv::{parse_records, CsvError, Records};
use super::families::{CollateralFamily, InstrumentFamily};
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// The normalised deals file as embedded: `data/offerings.csv` without its `notes` and
/// `source_title` columns (build.rs strips them to keep the bundle small; the page links each
/// source by its domain, and the downloadable files keep both columns).
pub const OFFERINGS_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/offerings_embedded.csv"));

/// The instrument as the source names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instrument {
    ConvertibleNotes,
    SeniorNotes,
    SeniorSecuredNotes,
    EquipmentLoan,
    BtcBackedLoan,
    CreditFacility,
    Other,
}

impl Instrument {
    /// The dataset's code for it (`convertible_notes`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Self::ConvertibleNotes => "convertible_notes",
            Self::SeniorNotes => "senior_notes",
            Self::SeniorSecuredNotes => "senior_secured_notes",
            Self::EquipmentLoan => "equipment_loan",
            Self::BtcBackedLoan => "btc_backed_loan",
            Self::CreditFacility => "credit_facility",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::ConvertibleNotes,
            Self::SeniorNotes,
            Self::SeniorSecuredNotes,
            Self::EquipmentLoan,
            Self::BtcBackedLoan,
            Self::CreditFacility,
            Self::Other,
        ]
        .into_iter()
        .find(|i| i.code() == code)
    }
}

/// A coupon as the source states it, in percent a year.
#[derive(Clone, Debug, PartialEq)]
pub enum Coupon {
    /// A fixed rate, e.g. 7.75.
    Fixed(Decimal),
    /// A range of stated rates across tranches, e.g. 9.7 to 13.1.
    Range(Decimal, Decimal),
    /// A floating rate, kept as the source's formula, e.g. "max(FF,3.25%)+5.0%".
    Floating(String),
    /// Not found in the sources.
    Unknown,
}

impl Coupon {
    /// (low, high) for fixed and range coupons.
    pub fn bounds(&self) -> Option<(Decimal, Decimal)> {
        match self {
            Self::Fixed(c) => Some((*c, *c)),
            Self::Range(lo, hi) => Some((*lo, *hi)),
            _ => None,
        }
    }

    /// How the table shows it: "7.75%", "9.7–13.1%", the floating formula, or "unknown".
    pub fn label(&self) -> String {
        match self {
            Self::Fixed(c) => format!("{}%", c.normalize()),
            Self::Range(lo, hi) => format!("{}–{}%", lo.normalize(), hi.normalize()),
            Self::Floating(text) => format!("floating: {text}"),
            Self::Unknown => "unknown".to_string(),
        }
    }
}

/// A maturity: a date (of whatever precision), a term in words ("3 years"), or unknown.
#[derive(Clone, Debug, PartialEq)]
pub enum Maturity {
    Date(PartialDate),
    Text(String),
    Unknown,
}

impl Maturity {
    pub fn label(&self) -> String {
        match self {
            Self::Date(d) => d.to_string(),
            Self::Text(t) => t.clone(),
            Self::Unknown => "unknown".to_string(),
        }
    }
}

/// Whether the issuer bought a capped call with the notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CappedCall {
    Yes,
    No,
    Unknown,
}

/// How sure the research is of the row (the dataset's `confidence`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }
}

/// The dataset's `quarter` column: the quarter the deal is counted in, a span when the
/// source cannot place it (`2021-2022`, `2020Q4-2022`, `2022`), or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuarterField {
    Quarter(Quarter),
    Span(String),
    Missing,
}

/// One deal.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    pub id: String,
    pub issuer: String,
    pub ticker: String,
    pub announced: Option<PartialDate>,
    pub closed: Option<PartialDate>,
    pub quarter: QuarterField,
    pub instrument: Instrument,
    /// Final principal including exercised options, US dollars.
    pub principal_usd: Option<Decimal>,
    pub coupon: Coupon,
    pub maturity: Maturity,
    // A convertible's terms feed the deal presets, whose rules run on the host
    // (`model::deal_terms`); the page reads their result, so its copy of the data leaves these
    // columns out (build.rs) and the page's code does not parse them.
    #[cfg(not(target_arch = "wasm32"))]
    pub conversion_price_usd: Option<Decimal>,
    /// Percent over the reference price, e.g. 37.5.
    #[cfg(not(target_arch = "wasm32"))]
    pub conversion_premium_pct: Option<Decimal>,
    #[cfg(not(target_arch = "wasm32"))]
    pub reference_price_usd: Option<Decimal>,
    /// Shares per $1,000 of notes.
    #[cfg(not(target_arch = "wasm32"))]
    pub conversion_rate_per_1000: Option<Decimal>,
    #[cfg(not(target_arch = "wasm32"))]
    pub capped_call: CappedCall,
    #[cfg(not(target_arch = "wasm32"))]
    pub cap_price_usd: Option<Decimal>,
    /// The holders' put: the first date they may require repayment at par.
    #[cfg(not(target_arch = "wasm32"))]
    pub put: Put,
    /// The first date the issuer may call the notes, and the share price that allows it, in
    /// percent of the conversion price (usually 130).
    #[cfg(not(target_arch = "wasm32"))]
    pub call_start: Option<PartialDate>,
    #[cfg(not(target_arch = "wasm32"))]
    pub call_trigger_pct: Option<Decimal>,
    /// The source's collateral description, verbatim.
    pub collateral: String,
    pub collateral_family: CollateralFamily,
    pub instrument_family: InstrumentFamily,
    /// `mining`, `ai_hpc`, `mixed`, `general`, `refinancing`, `btc_purchase`.
    pub use_of_proceeds: String,
    /// Kept for reference, out of every debt total (an equity sale, a restructuring).
    pub reference_only: bool,
    /// By a pure-play miner: counted in the story's sums ([`Deal::in_scope`]).
    in_scope: bool,
    pub source_url: String,
    pub confidence: Confidence,
}

impl Deal {
    /// The month the notes were issued: the closing month, else the announced month.
    pub fn closing_month(&self) -> Option<YearMonth> {
        self.closed.and_then(PartialDate::year_month).or_else(|| self.announced.and_then(PartialDate::year_month))
    }

    /// The source's domain, e.g. `stocktitan.net`: how the page names a link.
    pub fn source_host(&self) -> &str {
        let rest = self.source_url.split_once("://").map(|(_, r)| r).unwrap_or(&self.source_url);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        host.strip_prefix("www.").unwrap_or(host)
    }

    /// Counts in debt totals: not reference-only, with a known principal, and by a pure-play
    /// miner.
    pub fn counts_in_totals(&self) -> bool {
        !self.reference_only && self.principal_usd.is_some() && self.in_scope()
    }

    /// Whether the issuer is a pure-play miner, whose deals the story's sums count
    /// (`data/issuers.csv`, which `build.rs` reads into the embedded file's `in_scope`).
    pub fn in_scope(&self) -> bool {
        self.in_scope
    }
}

/// A convertible's holder put, as the research found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    /// Holders may require repayment at par on this date.
    On(PartialDate),
    /// A source describes the repurchase terms and names no put.
    None,
    /// Not found in the sources.
    Unknown,
}

/// Parses the normalised deals file with the family mapping tables.
pub fn parse_deals(text: &str) -> Result<Vec<Deal>, CsvError> {
    let table = parse_records(text)?;
    let families = super::families::mappings();
    let c = Columns::new(&table)?;
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let line = i + 2;
            let get = |col: usize| row[col].as_str();
            let dec = |col: usize, name: &str| -> Result<Option<Decimal>, CsvError> {
                let v = get(col);
                if v.is_empty() {
                    return Ok(None);
                }
                // Plain decimals only: `FromStr`'s fallback for scientific notation
                // (`from_scientific_lossy`) costs 2.4 KB of wasm and the data never uses it.
                Decimal::from_str_radix(v, 10).map(Some).map_err(|_| CsvError::bad(line, name, v))
            };
            let date = |col: usize, name: &str| -> Result<Option<PartialDate>, CsvError> {
                let v = get(col);
                if v.is_empty() {
                    return Ok(None);
                }
                PartialDate::parse(v).map(Some).ok_or_else(|| CsvError::bad(line, name, v))
            };
            let instrument = Instrument::from_code(get(c.instrument))
                .ok_or_else(|| CsvError::bad(line, "instrument", get(c.instrument)))?;
            let coupon = match get(c.coupon_kind) {
                "fixed" => Coupon::Fixed(dec(c.coupon_min, "coupon_min_pct")?.ok_or_else(|| CsvError::bad(line, "coupon_min_pct", ""))?),
                "range" => Coupon::Range(
                    dec(c.coupon_min, "coupon_min_pct")?.ok_or_else(|| CsvError::bad(line, "coupon_min_pct", ""))?,
                    dec(c.coupon_max, "coupon_max_pct")?.ok_or_else(|| CsvError::bad(line, "coupon_max_pct", ""))?,
                ),
                "floating" => Coupon::Floating(get(c.coupon_text).to_string()),
                "unknown" => Coupon::Unknown,
                other => return Err(CsvError::bad(line, "coupon_kind", other)),
            };
            let maturity = match (date(c.maturity_date, "maturity_date")?, get(c.maturity_text)) {
                (Some(d), _) => Maturity::Date(d),
                (None, "") => Maturity::Unknown,
                (None, text) => Maturity::Text(text.to_string()),
            };
            let quarter = match get(c.quarter) {
                "" => QuarterField::Missing,
                q => Quarter::parse(q).map(QuarterField::Quarter).unwrap_or_else(|| QuarterField::Span(q.to_string())),
            };
            #[cfg(not(target_arch = "wasm32"))]
            let capped_call = match get(c.capped_call) {
                "yes" => CappedCall::Yes,
                "no" => CappedCall::No,
                "unknown" => CappedCall::Unknown,
                other => return Err(CsvError::bad(line, "capped_call", other)),
            };
            let confidence = match get(c.confidence) {
                "high" => Confidence::High,
                "medium" => Confidence::Medium,
                "low" => Confidence::Low,
                other => return Err(CsvError::bad(line, "confidence", other)),
            };
            let reference_only = match get(c.reference_only) {
                "true" => true,
                "false" => false,
                other => return Err(CsvError::bad(line, "reference_only", other)),
            };
            let in_scope = match get(c.in_scope) {
                "true" => true,
                "false" => false,
                other => return Err(CsvError::bad(line, "in_scope", other)),
            };
            #[cfg(not(target_arch = "wasm32"))]
            let put = match get(c.put_date) {
                "" => Put::Unknown,
                "none" => Put::None,
                _ => Put::On(date(c.put_date, "put_date")?.ok_or_else(|| CsvError::bad(line, "put_date", ""))?),
            };
            let collateral = get(c.collateral).to_string();
            Ok(Deal {
                id: get(c.id).to_string(),
                issuer: get(c.issuer).to_string(),
                ticker: get(c.ticker).to_string(),
                announced: date(c.announced, "announced")?,
                closed: date(c.closed, "closed")?,
                quarter,
                instrument,
                principal_usd: dec(c.principal, "principal_usd")?,
                coupon,
                maturity,
                #[cfg(not(target_arch = "wasm32"))]
                conversion_price_usd: dec(c.conversion_price, "conversion_price_usd")?,
                #[cfg(not(target_arch = "wasm32"))]
                conversion_premium_pct: dec(c.premium, "conversion_premium_pct")?,
                #[cfg(not(target_arch = "wasm32"))]
                reference_price_usd: dec(c.reference_price, "reference_price_usd")?,
                #[cfg(not(target_arch = "wasm32"))]
                conversion_rate_per_1000: dec(c.conversion_rate, "conversion_rate_per_1000")?,
                #[cfg(not(target_arch = "wasm32"))]
                capped_call,
                #[cfg(not(target_arch = "wasm32"))]
                cap_price_usd: dec(c.cap_price, "cap_price_usd")?,
                #[cfg(not(target_arch = "wasm32"))]
                put,
                #[cfg(not(target_arch = "wasm32"))]
                call_start: date(c.call_start, "call_start")?,
                #[cfg(not(target_arch = "wasm32"))]
                call_trigger_pct: dec(c.call_trigger, "call_trigger_pct")?,
                collateral_family: families.collateral_family(&collateral),
                instrument_family: families.instrument_family(instrument),
                collateral,
                use_of_proceeds: get(c.use_of_proceeds).to_string(),
                reference_only,
                in_scope,
                source_url: get(c.source_url).to_string(),
                confidence,
            })
        })
        .collect()
}

/// Column positions, looked up by name once.
struct Columns {
    id: usize,
    issuer: usize,
    ticker: usize,
    announced: usize,
    closed: usize,
    quarter: usize,
    instrument: usize,
    principal: usize,
    coupon_kind: usize,
    coupon_min: usize,
    coupon_max: usize,
    coupon_text: usize,
    maturity_date: usize,
    maturity_text: usize,
    #[cfg(not(target_arch = "wasm32"))]
    conversion_price: usize,
    #[cfg(not(target_arch = "wasm32"))]
    premium: usize,
    #[cfg(not(target_arch = "wasm32"))]
    reference_price: usize,
    #[cfg(not(target_arch = "wasm32"))]
    conversion_rate: usize,
    #[cfg(not(target_arch = "wasm32"))]
    capped_call: usize,
    #[cfg(not(target_arch = "wasm32"))]
    cap_price: usize,
    #[cfg(not(target_arch = "wasm32"))]
    put_date: usize,
    #[cfg(not(target_arch = "wasm32"))]
    call_start: usize,
    #[cfg(not(target_arch = "wasm32"))]
    call_trigger: usize,
    collateral: usize,
    use_of_proceeds: usize,
    reference_only: usize,
    in_scope: usize,
    source_url: usize,
    confidence: usize,
}

impl Columns {
    fn new(t: &Records) -> Result<Self, CsvError> {
        Ok(Self {
            id: t.column("id")?,
            issuer: t.column("issuer")?,
            ticker: t.column("ticker")?,
            announced: t.column("announced")?,
            closed: t.column("closed")?,
            quarter: t.column("quarter")?,
            instrument: t.column("instrument")?,
            principal: t.column("principal_usd")?,
            coupon_kind: t.column("coupon_kind")?,
            coupon_min: t.column("coupon_min_pct")?,
            coupon_max: t.column("coupon_max_pct")?,
            coupon_text: t.column("coupon_text")?,
            maturity_date: t.column("maturity_date")?,
            maturity_text: t.column("maturity_text")?,
            #[cfg(not(target_arch = "wasm32"))]
            conversion_price: t.column("conversion_price_usd")?,
            #[cfg(not(target_arch = "wasm32"))]
            premium: t.column("conversion_premium_pct")?,
            #[cfg(not(target_arch = "wasm32"))]
            reference_price: t.column("reference_price_usd")?,
            #[cfg(not(target_arch = "wasm32"))]
            conversion_rate: t.column("conversion_rate_per_1000")?,
            #[cfg(not(target_arch = "wasm32"))]
            capped_call: t.column("capped_call")?,
            #[cfg(not(target_arch = "wasm32"))]
            cap_price: t.column("cap_price_usd")?,
            #[cfg(not(target_arch = "wasm32"))]
            put_date: t.column("put_date")?,
            #[cfg(not(target_arch = "wasm32"))]
            call_start: t.column("call_start")?,
            #[cfg(not(target_arch = "wasm32"))]
            call_trigger: t.column("call_trigger_pct")?,
            collateral: t.column("collateral")?,
            use_of_proceeds: t.column("use_of_proceeds")?,
            reference_only: t.column("reference_only")?,
            in_scope: t.column("in_scope")?,
            source_url: t.column("source_url")?,
            confidence: t.column("confidence")?,
        })
    }
}

/// All deals, in dataset order, parsed once. The embedded file is checked by the test suite.
/// `ok().expect`: the error's `Debug` would add formatting code to the wasm, for a case the
/// test suite rules out.
#[allow(clippy::ok_expect)]
pub fn deals() -> &'static [Deal] {
    static DEALS: OnceLock<Vec<Deal>> = OnceLock::new();
    DEALS.get_or_init(|| parse_deals(OFFERINGS_CSV).ok().expect("embedded offerings.csv is valid"))
}

/// The deal with this dataset id.
pub fn find(id: &str) -> Option<&'static Deal> {
    deals().iter().find(|d| d.id == id)
}
