//! The table of every numeric assumption: query name, unit, default (with its source tag),
//! range and a doc line. The parser, the printer, validation, the calculator's controls and
//! the inputs table of `docs/model.md` all read this one table, so a field cannot have two
//! defaults or two ranges.
//!
//! Tags: `[S]` sourced, `[D]` derived from sourced figures, `[A]` an assumption of this
//! model. Ranges cover every deal in the dataset (coupons to 16.5%, cap premiums 20% to 150%,
//! maturities to ten years).

use super::assumptions::Assumptions;

/// How a field's number is read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Any real number in range.
    Real,
    /// Rounded to a whole number (months, counts).
    Integer,
    /// 0 or 1.
    Flag,
    /// Stored in months, shown and written in years (`maturity=6` is 72 months); the range is
    /// in months.
    MonthsAsYears,
}

/// One assumption.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The Rust field of [`Assumptions`].
    pub field: &'static str,
    /// The query-string parameter.
    pub query: &'static str,
    /// Unit as shown on screen and written in the URL.
    pub unit: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub kind: FieldKind,
    /// 0 is allowed outside `min..=max` and means "off", "none" or "auto".
    pub zero_means_off: bool,
    /// Where the default comes from: `[S]`, `[D]` or `[A]` and what it rests on. Empty in
    /// the wasm build, which does not display it (host tools and tests read it).
    pub source: &'static str,
    pub doc: &'static str,
    pub get: fn(&Assumptions) -> f64,
    pub set: fn(&mut Assumptions, f64),
}

impl FieldSpec {
    /// Brings a finite value into range: rounds integers, then clamps to the nearest bound
    /// (0 stays 0 where it means "off"). Non-finite values give `None`.
    pub fn clamp(&self, value: f64) -> Option<f64> {
        if !value.is_finite() {
            return None;
        }
        let value = match self.kind {
            FieldKind::Integer | FieldKind::MonthsAsYears => libm::round(value),
            FieldKind::Flag => {
                if value >= 0.5 { 1.0 } else { 0.0 }
            }
            FieldKind::Real => value,
        };
        if self.zero_means_off && value == 0.0 {
            return Some(0.0);
        }
        Some(value.max(self.min).min(self.max))
    }

    /// Whether a value is accepted without change.
    pub fn accepts(&self, value: f64) -> bool {
        self.clamp(value) == Some(value)
    }

    /// The value as written in the URL (years for [`FieldKind::MonthsAsYears`]).
    pub fn to_query_number(&self, stored: f64) -> f64 {
        match self.kind {
            FieldKind::MonthsAsYears => stored / 12.0,
            _ => stored,
        }
    }

    /// The stored value for a number read from the URL (before clamping).
    pub fn from_query_number(&self, written: f64) -> f64 {
        match self.kind {
            FieldKind::MonthsAsYears => written * 12.0,
            _ => written,
        }
    }
}

/// Conversion between a field's Rust type and the table's `f64`.
pub trait FieldValue {
    fn to_field(&self) -> f64;
    fn from_field(value: f64) -> Self;
}

impl FieldValue for f64 {
    fn to_field(&self) -> f64 {
        *self
    }
    fn from_field(value: f64) -> f64 {
        value
    }
}

impl FieldValue for u32 {
    fn to_field(&self) -> f64 {
        *self as f64
    }
    /// Saturating: NaN gives 0, negatives 0, values beyond `u32::MAX` the maximum.
    fn from_field(value: f64) -> u32 {
        value as u32
    }
}

impl FieldValue for bool {
    fn to_field(&self) -> f64 {
        if *self { 1.0 } else { 0.0 }
    }
    fn from_field(value: f64) -> bool {
        value >= 0.5
    }
}

macro_rules! spec {
    ($field:ident, $query:literal, $unit:literal, $default:expr, $min:expr, $max:expr, $kind:ident, $off:expr, $source:literal, $doc:literal) => {
        FieldSpec {
            field: if cfg!(target_arch = "wasm32") { "" } else { stringify!($field) },
            query: $query,
            unit: $unit,
            default: $default as f64,
            min: $min as f64,
            max: $max as f64,
            kind: FieldKind::$kind,
            zero_means_off: $off,
            // The browser shows none of the Rust name, the source tag and the doc line (the
            // calculator labels its controls itself); leaving them out of the wasm saves 2 KB.
            source: if cfg!(target_arch = "wasm32") { "" } else { $source },
            doc: if cfg!(target_arch = "wasm32") { "" } else { $doc },
            get: |a| FieldValue::to_field(&a.$field),
            set: |a, v| a.$field = FieldValue::from_field(v),
        }
    };
}

/// Every numeric assumption, in the calculator's order (market, miner, proceeds and HPC,
/// loan, convertible, secured notes).
pub static FIELDS: &[FieldSpec] = &[
    // Market.
    spec!(hashprice_usd_per_ph_day, "hashprice", "$/PH/s/day", 38.24, 1, 1000, Real, false, "[D] 144 × (3.125 + 0.05) × $91,000 / 1,088,000 PH/s, late November 2025", "Hashprice at closing (t = 0), from which month 1 starts; paths other than the replay are scaled to it."),
    spec!(horizon_months, "horizon", "months", 0, 12, super::assumptions::MAX_HORIZON_MONTHS, Integer, true, "[A] 0 = the longest of 72 months, the loan term, the maturity and the secured term", "Months simulated; 0 picks the horizon so every instrument reaches its end."),
    spec!(halving, "halving", "0/1", 1, 0, 1, Flag, false, "[S] block 1,050,000, expected in April 2028", "Whether the subsidy halves in April 2028 (and every four years after)."),
    spec!(btc_price_usd, "btc_price", "$", 91_000, 1_000, 1_000_000, Real, false, "[S] bitcoin in late November 2025", "BTC price at closing for the flat, trend and Monte Carlo paths (a replay uses history)."),
    spec!(network_hashrate_eh_s, "hashrate", "EH/s", 1_088, 50, 5_000, Real, false, "[D] from the network difficulty of about 152 T, November 2025", "Network hashrate at closing for the flat, trend and Monte Carlo paths."),
    spec!(btc_drift_pct, "btc_drift", "%/yr", 0, -70, 200, Real, false, "[A] no view of where bitcoin goes", "BTC price drift x, an effective annual rate: the mean price is ×(1 + x) after twelve months."),
    spec!(btc_volatility_pct, "btc_vol", "%/yr", 55, 0, 150, Real, false, "[S] about 54% a year (iShares)", "BTC volatility σ for Monte Carlo."),
    spec!(network_growth_pct, "network_growth", "%/yr", 30, -40, 200, Real, false, "[A] within 2021-24's range of 17-45% a year", "Network hashrate growth g, an effective annual rate: the mean network is ×(1 + g) after twelve months."),
    spec!(network_volatility_pct, "hashrate_vol", "%/yr", 10, 0, 50, Real, false, "[A] smaller than bitcoin's", "Network hashrate volatility σ_N for Monte Carlo."),
    spec!(shock_correlation, "correlation", "-1..1", 0, -1, 1, Real, false, "[A] no link assumed", "Correlation ρ of the BTC and hashrate shocks."),
    spec!(fee_btc_per_block, "fee", "BTC/block", 0.05, 0, 2, Real, false, "[D] fees implied by November 2025 hashprice, 0.047 BTC a block", "Transaction fees per block φ."),
    spec!(hashprice_floor_usd_per_ph_day, "floor", "$/PH/s/day", 25, 0, 100, Real, false, "[A] where older machines switch off", "Network capitulation floor: hashrate stops growing where hashprice would fall below it (0 = off)."),
    spec!(monte_carlo_paths, "paths", "paths", 2_000, 100, super::assumptions::MAX_MONTE_CARLO_PATHS, Integer, false, "[A] enough for stable percentiles in a browser", "Monte Carlo path count."),
    spec!(days_per_month, "days", "days", 365.0 / 12.0, 28, 31, Real, false, "[A] 365 / 12", "Days in every model month."),
    // The miner.
    spec!(fleet_ph_s, "fleet", "PH/s", 10_000, 10, 100_000, Real, false, "[A] a mid-sized listed miner", "Existing fleet hashrate before the raise."),
    spec!(efficiency_j_per_th, "efficiency", "J/TH", 20, 5, 100, Real, false, "[S] S21-class 17.5 J/TH, S19j Pro 30.5 J/TH", "Fleet efficiency e."),
    spec!(power_usd_per_mwh, "power", "$/MWh", 50, 10, 200, Real, false, "[A] 5 cents a kWh, all in", "All-in power price c."),
    spec!(other_opex_usd_per_ph_day, "opex", "$/PH/s/day", 4, 0, 30, Real, false, "[A] hosting, staff and repairs", "Non-power operating cost o (hosting, labour, repairs)."),
    spec!(overhead_usd_per_month, "overhead", "$/month", 0, 0, 50_000_000, Real, false, "[A] none by default", "Fixed G&A G."),
    spec!(uptime_pct, "uptime", "%", 95, 50, 100, Real, false, "[A] typical of a well-run site", "Uptime u."),
    spec!(curtail, "curtail", "0/1", 1, 0, 1, Flag, false, "[A] a miner idles what loses money", "Switch machines off in months when they cannot cover their power and other running costs (hashprice below the cash breakeven); idle machines cost nothing but fixed overhead."),
    spec!(sell_after_months, "sell_after", "months", 6, 1, 60, Integer, true, "[A] half a year of standing idle", "Months in a row that machines stand idle before the miner sells its unpledged ones at the market price less the haircut (0 = never)."),
    spec!(cash_usd, "cash", "$", 200_000_000, 0, 10_000_000_000u64, Real, false, "[A] too few of the peers in data/companies.csv report cash at their snapshot", "Company cash before the raise."),
    spec!(shares_outstanding, "shares", "shares", 251_265_000, 1_000_000, 10_000_000_000u64, Real, false, "[D] median of the listed miners within ±50% of the fleet's hashrate, data/companies.csv", "Shares outstanding before the raise, N0."),
    spec!(share_price_usd, "share_price", "$", 5.71, 0.1, 1_000, Real, false, "[D] those miners' median market value, $1.435B, over their median share count", "Share price at closing S0, also the convertible's reference price."),
    spec!(share_beta, "beta", "×", 1.5, 0, 3, Real, false, "[S] 60-day betas of 1.4-1.6", "Elasticity β of the share price to BTC."),
    spec!(hpc_weight_pct, "hpc_weight", "%", 0, 0, 90, Real, false, "[A] none: the share price follows bitcoin", "Share w of equity value that does not move with BTC (contracted HPC)."),
    spec!(machine_value_days, "machine_value", "days of hashprice", 300, 50, 800, Real, false, "[D] 200-450 days of hashprice in the ASIC price indices, 2021-23", "Market price of machines, k: $/TH = k × hashprice ($/TH/day); what machines are bought, pledged and sold at."),
    spec!(machine_value_elasticity, "machine_elasticity", "×", 1, 0.5, 2, Real, false, "[A] 1; 1.15 fits 2021-22", "Elasticity η of the machines' market price to hashprice."),
    spec!(machine_life_months, "machine_life", "months", 48, 6, 120, Integer, false, "[A] miners depreciate machines over three to five years", "Remaining useful life over which a machine's cash margin is valued (value in use)."),
    spec!(value_discount_pct, "value_discount", "%/yr", 15, 0, 50, Real, false, "[A] a miner's cost of equity", "Discount rate of the value in use, an effective annual rate."),
    spec!(scrap_usd_per_th, "scrap", "$/TH", 1, 0, 20, Real, false, "[A] resale of obsolete machines", "Scrap value: the least a machine is worth, whatever its margin."),
    spec!(th_per_machine, "th_per_machine", "TH", 200, 10, 1_000, Real, false, "[A] S21-class", "Hashrate of one machine, to count machines seized."),
    spec!(rescue_discount_pct, "rescue_discount", "%", 5, 0, 30, Real, false, "[A] a typical discount on a share sale", "Discount to the share price at which new shares are sold when the company must raise cash."),
    spec!(crash_discount_pct, "crash_discount", "% per 100% fall", 25, 0, 100, Real, false, "[A] distressed sales price in the fall", "Further discount on new shares for each fall of the share price since closing: 25 means 15 points more when the stock is down 60%."),
    spec!(rescue_limit_pct, "rescue_limit", "% of shares a month", 5, 1, 100, Real, true, "[A] what the market takes from a small company", "The most new shares a company can sell in a month, as a share of its shares outstanding (0 = no limit)."),
    // The money raised and what it buys.
    spec!(principal_usd, "principal", "$", 250_000_000, 1_000_000, 10_000_000_000u64, Real, false, "[A] a typical 2024-25 raise by a mid-sized miner", "Amount raised, the same under every structure."),
    spec!(hpc_share_pct, "hpc_share", "%", 0, 0, 100, Real, false, "[A] the default miner buys machines", "Share of the proceeds spent on the AI/HPC build-out."),
    spec!(proceeds_cash_pct, "proceeds_cash", "%", 0, 0, 100, Real, false, "[A] the default miner spends what it raises", "Share of the proceeds held as cash; the rest buys machines."),
    spec!(capex_usd_per_mw, "capex", "$/MW", 9_000_000, 1_000_000, 20_000_000, Real, false, "[S] $8-11M per MW in TeraWulf's and Cipher's projects", "HPC project cost per MW of critical IT."),
    spec!(lease_usd_per_mw_year, "lease", "$/MW/yr", 1_800_000, 500_000, 3_000_000, Real, false, "[D] $1.79-1.85M per MW-year from Cipher's and TeraWulf's leases", "HPC lease revenue per MW-year."),
    spec!(hpc_noi_margin_pct, "noi_margin", "%", 85, 0, 100, Real, false, "[S] 80-85% at Cipher's and TeraWulf's sites", "HPC site NOI margin."),
    spec!(build_months, "build", "months", 12, 0, 60, Integer, false, "[S] about a year for a data-center building", "Months to build the data center (interest-only period of the secured notes)."),
    spec!(ramp_months, "ramp", "months", 6, 0, 36, Integer, false, "[S] about six months to full lease", "Months for leased capacity to ramp to full."),
    spec!(lease_term_months, "lease_term", "months", 120, 12, 240, Integer, false, "[S] 10-year leases", "Length of the HPC leases."),
    // Structure A, the ASIC-backed loan.
    spec!(loan_coupon_pct, "loan_coupon", "%/yr", 12, 0, 25, Real, false, "[S] 8.25-16.5% in 2021-22 machine loans", "Loan interest rate."),
    spec!(loan_term_months, "loan_term", "months", 24, 6, 120, Integer, false, "[S] 12-36 months in 2021-22 machine loans", "Loan term."),
    spec!(loan_interest_only_months, "loan_io", "months", 0, 0, 119, Integer, false, "[A] none", "Interest-only months at the start of the loan (fewer than the term)."),
    spec!(loan_to_value_pct, "ltv", "%", 70, 10, 100, Real, false, "[A] no published loan-to-values", "Loan-to-value at closing."),
    spec!(loan_to_value_covenant_pct, "ltv_max", "%", 100, 50, 150, Real, true, "[A] at the machines' value", "LTV covenant tested each month (0 = none)."),
    spec!(recourse, "recourse", "0/1", 0, 0, 1, Flag, false, "[S] NYDIG's lending subsidiaries were non-recourse", "Whether the lender can claim a deficiency from the company."),
    spec!(parent_support, "support", "0/1", 1, 0, 1, Flag, false, "[A] owners keep what they have equity in", "Whether the company pays a non-recourse loan's shortfall from its cash while the machines cover the loan (0: the borrowing subsidiary stands alone and defaults on its first shortfall)."),
    spec!(spv_reserve_usd, "spv_reserve", "$", 0, 0, 1_000_000_000, Real, false, "[A] none", "Cash reserve placed in the borrowing SPV at closing."),
    spec!(liquidation_haircut_pct, "haircut", "%", 10, 0, 50, Real, false, "[A] a fleet sold at once", "Haircut h on seized collateral."),
    spec!(loan_fee_pct, "loan_fee", "% of principal", 2, 0, 5, Real, false, "[S] Bitfarms paid $740k on $37M in 2022", "Loan closing fee."),
    // Structure B, the convertible notes.
    spec!(coupon_pct, "coupon", "%/yr", 0, 0, 15, Real, false, "[S] 0-3.5% in 2024-25, some to 8.5%", "Convertible coupon, paid semi-annually."),
    spec!(maturity_months, "maturity", "years", 72, 12, 120, MonthsAsYears, false, "[S] 5-7.5 years in 2024-25", "Convertible maturity (whole months)."),
    spec!(premium_pct, "premium", "%", 37.5, 5, 100, Real, false, "[S] 17.5-42.5% in 2024-25", "Conversion premium over the share price."),
    spec!(cap_pct, "cap", "% above share price", 100, 20, 150, Real, true, "[S] typically 100% above the share price", "Capped call's cap (0 = no capped call); must exceed the premium."),
    spec!(capped_call_cost_pct, "cap_cost", "% of principal", 7, 0, 15, Real, false, "[A] within the 3.9-10.1% of principal observed", "Cost of the capped call."),
    spec!(issue_cost_pct, "issue_cost", "% of principal", 2, 0, 5, Real, false, "[D] underwriting fees of 2024-25 convertibles", "Convertible issue cost."),
    spec!(put_month, "put", "month", 0, 1, 120, Integer, true, "[S] some notes have one (MARA 2030, Core Scientific 2031)", "Holder put month (0 = none): notes repaid at par if the share price is below the conversion price."),
    spec!(call_start_month, "call_start", "month", 36, 1, 120, Integer, true, "[S] 2-3 years after issue in 2024-25", "First month of the issuer's provisional call (0 = none)."),
    spec!(call_trigger_pct, "call_trigger", "% of conversion price", 130, 100, 200, Real, false, "[S] 130% of the conversion price in 2024-25 notes", "Share price, as a share of the conversion price, that allows the call."),
    spec!(risk_free_pct, "risk_free", "%/yr", 4, 0, 10, Real, false, "[A] US Treasury yields, about 4% in late 2025", "Risk-free rate, an effective annual rate, for the capped call's value at issue."),
    // Refinancing at a wall (the convertible's principal, the secured notes' balloon).
    spec!(refinance_max_pct, "refi_max", "% of market value", 30, 1, 100, Real, true, "[A] 2025's converts were up to about a third of their issuers' market value", "The most new notes the market lends to refinance a wall, as a share of the company's equity market value then (0 = no refinancing)."),
    spec!(refinancing_coupon_pct, "refi_coupon", "%/yr", 8, 0, 20, Real, false, "[A] miners' senior notes, 7.75-8.5%", "Coupon of the notes that refinance a wall, paid semi-annually, due five years later."),
    // Structure C, senior secured notes.
    spec!(secured_coupon_pct, "secured_coupon", "%/yr", 7.75, 0, 15, Real, false, "[S] TeraWulf 7.750%", "Secured notes' coupon, paid semi-annually."),
    spec!(secured_term_months, "secured_term", "months", 60, 12, 120, Integer, false, "[S] TeraWulf, October 2025 to October 2030", "Secured notes' maturity."),
    spec!(secured_amortization_pct, "secured_amort", "% of face per 6 months", 2.5, 0, 20, Real, false, "[A] after the build", "Principal repaid every six months after the build."),
    spec!(secured_reserve_months, "secured_reserve", "months of coupon", 12, 0, 60, Integer, false, "[A] the build, a typical data-center notes' reserve", "Interest reserve set aside from the secured notes' proceeds, in months of coupon: less gets built, and the coupons of the build are paid from it."),
    spec!(secured_cost_pct, "secured_cost", "% of principal", 2, 0, 5, Real, false, "[A] issue cost of the secured notes", "Secured notes' issue cost."),
];

/// The field with this query name.
pub fn field(query: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.query == query)
}
