//! The embedded dataset: integrity, normalisation, and our sums against the research's own.

use debt_or_dilution::data::aggregates::{era_summary, quarterly_issuance, Era};
use debt_or_dilution::data::calendar::Quarter;
use debt_or_dilution::data::csv::parse_records;
use debt_or_dilution::data::deals::{deals, find, parse_deals, Coupon, Instrument, QuarterField, OFFERINGS_CSV};
use debt_or_dilution::data::families::{mappings, CollateralFamily, InstrumentFamily};
use debt_or_dilution::data::network::{last_day, network_daily, network_monthly, parse_network_daily};
use debt_or_dilution::data::published::published;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::str::FromStr;

const QUARTERLY_TOTALS_FIXTURE: &str = include_str!("fixtures/quarterly_totals.csv");

fn q(text: &str) -> Quarter {
    Quarter::parse(text).unwrap()
}

#[test]
fn every_row_parses_has_a_source_and_a_unique_id() {
    let all = parse_deals(OFFERINGS_CSV).expect("offerings.csv parses");
    assert_eq!(all.len(), 63);
    let mut ids = HashSet::new();
    for d in &all {
        assert!(ids.insert(d.id.clone()), "duplicate id {}", d.id);
        assert!(d.source_url.starts_with("http://") || d.source_url.starts_with("https://"), "{}: source {:?}", d.id, d.source_url);
        assert!(!d.source_host().is_empty() && !d.source_host().contains('/'), "{}: host {:?}", d.id, d.source_host());
    }
}

#[test]
fn the_embedded_copy_is_the_published_file_without_notes_and_titles() {
    let published = parse_records(include_str!("../data/offerings.csv")).unwrap();
    let embedded = parse_records(OFFERINGS_CSV).unwrap();
    assert_eq!(embedded.rows.len(), published.rows.len());
    let dropped: Vec<usize> = ["notes", "source_title", "announced_precision", "closed_precision", "initial_usd", "terms_source_url"]
        .iter()
        .map(|c| published.column(c).unwrap())
        .collect();
    let (kind, text) = (published.column("coupon_kind").unwrap(), published.column("coupon_text").unwrap());
    let in_scope = embedded.column("in_scope").unwrap();
    assert_eq!(in_scope, embedded.header.len() - 1, "in_scope is the added last column");
    for (e, p) in embedded.rows.iter().zip(&published.rows) {
        let e = &e[..in_scope];
        let kept: Vec<String> = p
            .iter()
            .enumerate()
            .filter(|(i, _)| !dropped.contains(i))
            .map(|(i, v)| if i == text && p[kind] != "floating" { String::new() } else { v.clone() })
            .collect();
        assert_eq!(e, &kept[..]);
    }
    // Every published row still has its title for readers of the downloads.
    let title = published.column("source_title").unwrap();
    assert!(published.rows.iter().all(|r| !r[title].is_empty()));
}

#[test]
fn dates_parse_and_keep_their_precision() {
    let raw = parse_records(OFFERINGS_CSV).unwrap();
    let col = raw.column("announced").unwrap();
    for (row, deal) in raw.rows.iter().zip(deals()) {
        assert_eq!(row[col].is_empty(), deal.announced.is_none(), "{}", deal.id);
        if let Some(d) = deal.announced {
            assert_eq!(d.to_string(), row[col], "{}: date changed in parsing", deal.id);
        }
    }
    // Month-precision sources stay months.
    assert_eq!(find("CIFR-2025-11-TAP").unwrap().announced.unwrap().to_string(), "2025-11");
}

#[test]
fn messy_values_are_typed_not_invented() {
    assert!(matches!(find("CORZ-2021-BLOCKFI").unwrap().coupon, Coupon::Range(_, _)));
    assert!(matches!(&find("RIOT-2025-04").unwrap().coupon, Coupon::Floating(t) if t.contains("FF upper")));
    assert_eq!(find("IREN-2021-NYDIG").unwrap().coupon, Coupon::Unknown);
    assert_eq!(find("IREN-2021-NYDIG").unwrap().principal_usd, None);
    assert_eq!(find("CORZ-2021-BLOCKFI").unwrap().quarter, QuarterField::Span("2021-2022".into()));
    assert_eq!(find("WULF-2025-10-SSN").unwrap().instrument, Instrument::SeniorSecuredNotes);
    assert_eq!(find("WULF-2025-10-SSN").unwrap().coupon, Coupon::Fixed(Decimal::from_str("7.75").unwrap()));
}

#[test]
fn every_instrument_and_collateral_text_has_a_mapping_row() {
    let m = mappings();
    for d in deals() {
        assert!(m.maps_collateral(&d.collateral), "{}: collateral {:?} has no row in collateral_families.csv", d.id, d.collateral);
    }
    assert_eq!(find("SDIG-2021-12-NYDIG").unwrap().collateral_family, CollateralFamily::MachinesOrBitcoin);
    assert_eq!(find("CIFR-2025-09").unwrap().collateral_family, CollateralFamily::Unsecured);
    assert_eq!(find("WULF-2025-10-SSN").unwrap().collateral_family, CollateralFamily::DataCenter);
    assert_eq!(find("GREE-2022-03-BRILEY").unwrap().collateral_family, CollateralFamily::OtherUnknown);
    assert_eq!(find("BTDR-2025-11").unwrap().instrument_family, InstrumentFamily::Convertible);
    assert_eq!(find("APLD-2025-11").unwrap().instrument_family, InstrumentFamily::SeniorNotes);
    assert_eq!(find("HUT-2025-06-COINBASE").unwrap().instrument_family, InstrumentFamily::Loans);
}

#[test]
fn reference_only_rows_stay_out_of_totals() {
    let only: Vec<&str> = deals().iter().filter(|d| d.reference_only).map(|d| d.id.as_str()).collect();
    assert_eq!(only, ["BITF-2025-10-MACQ-CONV", "GLXY-2025-10-EQUITY"]);
    let issuance = quarterly_issuance(deals(), q("2021Q1"), q("2025Q4"));
    for bin in &issuance.quarters {
        assert!(!bin.deal_ids.iter().any(|id| only.contains(&id.as_str())), "{}", bin.quarter);
    }
    assert_eq!(issuance.reference_only.len(), 2);
}

/// Our per-quarter sums equal the research's "computed from offerings.csv" rows exactly:
/// no deliberate difference exists, so none is encoded.
#[test]
fn quarterly_sums_equal_the_researched_computed_rows() {
    let fixture = parse_records(QUARTERLY_TOTALS_FIXTURE).unwrap();
    let (cq, ct, cn, cs) = (
        fixture.column("quarter").unwrap(),
        fixture.column("total_usd").unwrap(),
        fixture.column("n_issuers").unwrap(),
        fixture.column("source").unwrap(),
    );
    let issuance = quarterly_issuance(deals(), q("2021Q1"), q("2025Q4"));
    let mut checked = 0;
    for row in fixture.rows.iter().filter(|r| r[cs].starts_with("computed from offerings.csv")) {
        let quarter = q(&row[cq]);
        let bin = issuance.quarters.iter().find(|b| b.quarter == quarter).unwrap_or_else(|| panic!("{quarter} not charted"));
        // The research summed every issuer; the bars leave out issuers that are not pure-play
        // miners, so add theirs back to compare.
        let outside: Vec<&debt_or_dilution::data::deals::Deal> = deals()
            .iter()
            .filter(|d| issuance.outside_scope.contains(&d.id) && d.quarter == QuarterField::Quarter(quarter))
            .collect();
        let outside_usd: Decimal = outside.iter().filter_map(|d| d.principal_usd).sum();
        let mut outside_tickers: Vec<&str> = outside.iter().map(|d| d.ticker.as_str()).collect();
        outside_tickers.dedup();
        assert_eq!(bin.total() + outside_usd, Decimal::from_str(&row[ct]).unwrap(), "{quarter} total");
        assert_eq!((bin.issuers(deals()) + outside_tickers.len()).to_string(), row[cn], "{quarter} issuers");
        checked += 1;
    }
    assert_eq!(checked, 11);
    assert_eq!(issuance.quarters.iter().find(|b| b.quarter == q("2024Q4")).unwrap().total(), Decimal::from(5_019_400_000u64));
    // Every quarter without a computed row is empty in our chart too.
    let outside_total: Decimal = deals().iter().filter(|d| issuance.outside_scope.contains(&d.id)).filter_map(|d| d.principal_usd).sum();
    let total: Decimal = issuance.quarters.iter().map(|b| b.total()).sum::<Decimal>() + outside_total;
    let fixture_total: Decimal = fixture
        .rows
        .iter()
        .filter(|r| r[cs].starts_with("computed from offerings.csv"))
        .map(|r| Decimal::from_str(&r[ct]).unwrap())
        .sum();
    assert_eq!(total, fixture_total);
}

#[test]
fn deals_that_cannot_be_binned_are_counted_not_dropped() {
    let issuance = quarterly_issuance(deals(), q("2021Q1"), q("2025Q4"));
    let binned: usize = issuance.quarters.iter().map(|b| b.deal_ids.len()).sum();
    let accounted = binned
        + issuance.undated.len()
        + issuance.amount_unknown.len()
        + issuance.outside_range.len()
        + issuance.reference_only.len()
        + issuance.outside_scope.len();
    assert_eq!(accounted, deals().len());
    assert_eq!(issuance.undated, ["CORZ-2020-NYDIG", "CLSK-2022-TRINITY"]);
    assert!(issuance.amount_unknown.contains(&"IREN-2021-NYDIG".to_string()));
}

#[test]
fn published_figures_are_the_articles_and_vaneck() {
    let p = published();
    let values: Vec<(String, String)> = p.quarters.iter().map(|x| (x.quarter.to_string(), x.value_usd.to_string())).collect();
    assert_eq!(
        values,
        [("2024Q3", "500000000"), ("2024Q4", "4600000000"), ("2025Q1", "200000000"), ("2025Q2", "1500000000")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let stock: Vec<String> = p.debt_outstanding.iter().map(|x| format!("{} {}", x.as_of, x.value_usd)).collect();
    assert_eq!(stock, ["2024-10 2100000000", "2025-10-15 12700000000"]);
}

#[test]
fn era_comparison_is_computed_from_the_deals() {
    let then = era_summary(deals(), Era::Then);
    let now = era_summary(deals(), Era::Now);
    assert!(then.share_machines_or_bitcoin > now.share_machines_or_bitcoin);
    assert!(now.share_convertible > then.share_convertible);
    assert!(now.share_ai_hpc > then.share_ai_hpc);
    // Pure-play miners only: the research's $23.98 billion less Galaxy's Helios facility and
    // Applied Digital's notes ($3.75 billion).
    assert_eq!(now.principal_usd, Decimal::from(20_230_400_000u64));
}

/// Scope: Galaxy Digital and Applied Digital are listed but outside every sum; every ticker in
/// the dataset has an issuer row.
#[test]
fn the_sums_count_pure_play_miners() {
    use debt_or_dilution::data::issuers::{issuer, parse_issuers, ISSUERS_CSV};
    assert!(parse_issuers(ISSUERS_CSV).is_ok());
    for d in deals() {
        let row = issuer(&d.ticker).unwrap_or_else(|| panic!("{} has no row in data/issuers.csv", d.ticker));
        assert_eq!(d.in_scope(), row.scope == debt_or_dilution::data::issuers::Scope::Miner, "{}", d.id);
    }
    let outside: Vec<&str> = deals().iter().filter(|d| !d.in_scope() && !d.reference_only).map(|d| d.id.as_str()).collect();
    assert_eq!(outside, ["GLXY-2025-08-HELIOS", "APLD-2025-11"]);
    let issuance = debt_or_dilution::data::aggregates::story_issuance(deals());
    assert_eq!(issuance.outside_scope, ["GLXY-2025-08-HELIOS", "APLD-2025-11"]);
    assert!(issuance.quarters.iter().all(|q| !q.deal_ids.iter().any(|id| outside.contains(&id.as_str()))));
}

/// Coupons compared kind by kind, over every deal with a stated coupon (amount known or not):
/// the 2021-22 machine loans include Core Scientific's, whose amounts are unknown.
#[test]
fn coupons_are_compared_by_kind_of_debt() {
    use debt_or_dilution::data::aggregates::{coupons_by_class, CouponClass};
    let then = coupons_by_class(deals(), Era::Then);
    let loans = then.iter().find(|c| c.class == CouponClass::Loans).unwrap();
    assert_eq!((loans.range_pct.0.to_string(), loans.range_pct.1.to_string(), loans.deals), ("9.7".into(), "14.5".into(), 6));
    let now = coupons_by_class(deals(), Era::Now);
    let convertible = now.iter().find(|c| c.class == CouponClass::Convertible).unwrap();
    assert_eq!((convertible.range_pct.0.normalize().to_string(), convertible.range_pct.1.to_string(), convertible.deals), ("0".into(), "8.5".into(), 23));
    let secured = now.iter().find(|c| c.class == CouponClass::SeniorSecured).unwrap();
    assert_eq!((secured.range_pct.0.to_string(), secured.range_pct.1.to_string(), secured.deals), ("7.125".into(), "7.75".into(), 3));
}

/// Flow against stock: how much of the 2024-25 sum closed after VanEck's 15 Oct 2025 estimate,
/// and how much before October 2024 (already inside its $2.1 billion).
#[test]
fn the_flow_is_split_around_the_stock_dates() {
    use debt_or_dilution::data::aggregates::flow_against_stock;
    use debt_or_dilution::data::calendar::Day;
    let f = flow_against_stock(deals(), Day { year: 2024, month: 10, day: 1 }, Day { year: 2025, month: 10, day: 15 });
    assert_eq!(f.raised_usd, Decimal::from(20_230_400_000u64));
    assert_eq!((f.after_usd.to_string(), f.before_usd.to_string()), ("7971000000".into(), "1125000000".into()));
}

/// The page embeds each day's hashprice to the cent and each month's means to the bit
/// (`src/data/network_codec.rs`). Checked against the published CSV: every month's means and
/// closing week are exactly what the CSV's days give, every day reads the same at the cent on
/// the page, and the history chart's events are the ones the exact values give.
#[test]
fn the_embedded_network_series_is_the_published_csv() {
    use debt_or_dilution::data::history::history_events;
    use debt_or_dilution::data::network::{closing_week, NetworkDay};
    use debt_or_dilution::data::network_codec::digest;
    use debt_or_dilution::narrative::format::price;
    let published = parse_network_daily(include_str!("../data/network_daily.csv")).expect("CSV parses");
    let days = network_daily();
    assert_eq!(days.len(), published.len());
    for (ours, theirs) in days.iter().zip(&published) {
        assert_eq!(ours.day, theirs.day);
        assert_eq!(price(ours.hashprice()), price(theirs.hashprice()), "{}", theirs.day);
        assert_eq!(format!("{:.2}", ours.hashprice()), format!("{:.2}", theirs.hashprice()), "{}", theirs.day);
    }
    let months = digest(&published);
    assert_eq!(network_monthly().len(), months.len());
    for (ours, theirs) in network_monthly().iter().zip(&months) {
        assert_eq!(ours.month, theirs.month);
        let bits = |v: [f64; 3]| v.map(f64::to_bits);
        assert_eq!(bits([ours.hashprice, ours.btc_price_usd, ours.hashrate_eh_s]), bits(theirs.means), "{}", ours.month);
        let week = closing_week(ours.month).expect("a closing week");
        assert_eq!(bits([week.0, week.1, week.2]), bits(theirs.closing_week), "{}", ours.month);
    }
    let exact: Vec<NetworkDay> = published.iter().map(|d| NetworkDay { day: d.day, hashprice: d.hashprice() }).collect();
    let (ours, theirs) = (history_events(days, network_monthly()), history_events(&exact, network_monthly()));
    let labels = |events: &[debt_or_dilution::data::history::HistoryEvent]| events.iter().map(|e| (e.date, e.label.clone(), e.detail.clone())).collect::<Vec<_>>();
    assert_eq!(labels(&ours), labels(&theirs));
}

#[test]
fn daily_hashprice_matches_the_research_and_the_story() {
    let days = network_daily();
    assert_eq!(days.len(), 1786);
    assert_eq!(days[0].day.to_string(), "2021-01-01");
    assert_eq!(last_day().to_string(), "2025-11-21");
    // Lowest value in the data: 21 Nov 2025, about $35.34.
    let low = days.iter().min_by(|a, b| a.hashprice().total_cmp(&b.hashprice())).unwrap();
    assert_eq!(low.day.to_string(), "2025-11-21");
    assert!((low.hashprice() - 35.34).abs() < 0.01, "{}", low.hashprice());
    // October 2025's low: $43.79 on 30 Oct.
    let oct = days.iter().filter(|d| d.day.year == 2025 && d.day.month == 10).min_by(|a, b| a.hashprice().total_cmp(&b.hashprice())).unwrap();
    assert_eq!(oct.day.to_string(), "2025-10-30");
    assert!((oct.hashprice() - 43.79).abs() < 0.01, "{}", oct.hashprice());
    // The days under $47 from October 2025, as data/README.md lists them.
    let under: Vec<String> = days
        .iter()
        .filter(|d| d.day.year == 2025 && d.day.month >= 10 && d.hashprice() < 47.0)
        .map(|d| d.day.to_string())
        .collect();
    let mut expected: Vec<String> = ["2025-10-11", "2025-10-15", "2025-10-16", "2025-10-17", "2025-10-18", "2025-10-19", "2025-10-21", "2025-10-22"]
        .map(String::from)
        .to_vec();
    expected.extend(days.iter().filter(|d| d.day.to_string().as_str() >= "2025-10-29").map(|d| d.day.to_string()));
    assert_eq!(under, expected);
    assert!(include_str!("../data/README.md").replace('\n', " ").contains("below $47 on 11 Oct, on 15-19 and 21-22 Oct, and on every day from 29 Oct 2025"));
    // Monthly means agree with the research's hashprice_monthly.csv to its two decimals.
    let monthly = parse_records(include_str!("../data/hashprice_monthly.csv")).unwrap();
    let (cm, ch) = (monthly.column("month").unwrap(), monthly.column("hashprice_usd_per_ph_day").unwrap());
    let ours = network_monthly();
    for row in &monthly.rows {
        let m = ours.iter().find(|m| m.month.to_string() == row[cm]).unwrap_or_else(|| panic!("{}", row[cm]));
        let theirs: f64 = row[ch].parse().unwrap();
        assert!((m.hashprice - theirs).abs() <= 0.006, "{}: ours {} theirs {}", row[cm], m.hashprice, theirs);
    }
}

/// The calculator's default company is the median of the listed miners within ±50% of its
/// fleet's hashrate (`data/companies.csv`): its shares and share price in the field table are
/// those medians.
#[test]
fn the_default_company_is_the_median_of_its_peers() {
    use debt_or_dilution::data::companies::{default_company, snapshots};
    use debt_or_dilution::model::assumptions::Assumptions;
    let all = snapshots().expect("data/companies.csv parses");
    assert!(all.iter().all(|s| !s.source_url.is_empty()), "every row has a source");
    let a = Assumptions::default();
    let company = default_company(&all, a.fleet_ph_s).expect("peers exist");
    assert!(company.peers.len() >= 5, "{:?}", company.peers);
    assert_eq!(a.shares_outstanding, company.shares_outstanding, "{company:?}");
    assert_eq!(a.share_price_usd, company.share_price_usd, "{company:?}");
    let value = a.shares_outstanding * a.share_price_usd;
    assert!((value - company.market_value_usd).abs() <= 0.005 * a.shares_outstanding, "{value} vs {company:?}");
    match company.cash_usd {
        Some(cash) => assert_eq!(a.cash_usd, cash),
        None => assert_eq!(a.cash_usd, 200e6, "with too few sourced peers, the cash stays the documented assumption"),
    }
}
