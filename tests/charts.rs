//! Every chart rendered to SVG on the host through the same drawing function the browser uses,
//! compared with a golden file (see `common`), plus assertions on its structure.

mod common;
use common::{golden, render};
use debt_or_dilution::charts::debt_stock::{draw_debt_stock, DebtStockView};
use debt_or_dilution::charts::frame::{MarkShape, Titles};
use debt_or_dilution::charts::history::{draw_history, HistoryView};
use debt_or_dilution::charts::scatter::{draw_scatter, CouponPosition, ScatterView};
use debt_or_dilution::data::history::history_events;
use debt_or_dilution::data::network::{network_daily, network_monthly};
use debt_or_dilution::charts::issuance::{draw_issuance, IssuanceView};
use debt_or_dilution::charts::theme::Theme;
use debt_or_dilution::data::aggregates::quarterly_issuance;
use debt_or_dilution::data::calendar::Quarter;
use debt_or_dilution::data::deals::deals;
use debt_or_dilution::data::published::published;


fn issuance_view() -> IssuanceView {
    let q = |t| Quarter::parse(t).unwrap();
    IssuanceView::new(&quarterly_issuance(deals(), q("2021Q1"), q("2025Q4")), published())
}

#[test]
fn issuance_chart_has_one_bar_per_quarter_and_the_published_marks() {
    let view = issuance_view();
    let (svg, hit) = render((800, 360), |root| draw_issuance(root, &view, &Theme::light(), None, None).unwrap());
    golden("issuance", &svg);
    assert_eq!(view.quarters.len(), 20);
    assert_eq!(hit.marks.len(), 20 + 4, "one mark per quarter plus TheMinerMag's four totals");
    // Bars grow left to right in time and the tallest is the peak quarter (2025Q4).
    let peak = view.peak().unwrap();
    assert_eq!(view.quarters[peak].to_string(), "2025Q4");
    let heights: Vec<i32> = hit.marks[..20]
        .iter()
        .map(|m| match m.shape {
            MarkShape::Rect { y0, y1, .. } => (y1 - y0).abs(),
            _ => 0,
        })
        .collect();
    assert_eq!(heights.iter().enumerate().max_by_key(|(_, h)| **h).unwrap().0, peak);
    // The pointer maps back to data: the centre of the 2024Q4 bar is quarter index 15.
    let centre = hit.marks[15].center();
    let (x, _) = hit.data_at(centre.0, centre.1).unwrap();
    assert!((x - 15.0).abs() < 0.05, "{x}");
    assert_eq!(hit.mark_at(centre.0, centre.1, 2.0).unwrap().index, 15);
    assert!(svg.contains("2021") && svg.contains("2025"));
    assert!(view.summary().contains("Q4 2025"), "{}", view.summary());
}

#[test]
fn titles_are_drawn_into_downloads() {
    let view = issuance_view();
    let titles = Titles { title: "Debt raised by public miners".into(), subtitle: "data to 21 Nov 2025".into(), credit: "Source: company filings".into() };
    let (svg, _) = render((800, 400), |root| draw_issuance(root, &view, &Theme::dark(), Some(&titles), None).unwrap());
    assert!(svg.contains("Debt raised by public miners") && svg.contains("Source: company filings"));
}

#[test]
fn scatter_places_every_deal_or_counts_it() {
    let view = ScatterView::new(deals());
    let (svg, hit) = render((800, 420), |root| draw_scatter(root, &view, &Theme::light(), None, None).unwrap());
    golden("scatter", &svg);
    let not_reference = deals().iter().filter(|d| !d.reference_only).count();
    assert_eq!(view.points.len() + view.undated.len() + view.outside_scope.len(), not_reference, "every deal is drawn or counted");
    assert_eq!(view.outside_scope.iter().map(|i| deals()[*i].ticker.as_str()).collect::<Vec<_>>(), ["GLXY", "APLD"]);
    assert_eq!(hit.marks.len(), view.points.len());
    // Floating and unknown coupons sit on the strip under the axis, below every coupon mark.
    let strip: Vec<usize> = (0..view.points.len()).filter(|i| view.points[*i].coupon == CouponPosition::Strip).collect();
    assert_eq!(strip.len(), view.on_strip());
    assert!(!strip.is_empty());
    let (_, axis_y) = hit.pixel_of((2022.0, 0.0));
    for i in &strip {
        assert!(hit.marks[*i].center().1 > axis_y, "deal {} on the strip", deals()[view.points[*i].deal].id);
    }
    // Area proportional to principal: TeraWulf's $3.2B secured notes are the largest mark.
    let largest = (0..view.points.len()).max_by_key(|i| match hit.marks[*i].shape { MarkShape::Circle { r, .. } => r, _ => 0 }).unwrap();
    assert_eq!(deals()[view.points[largest].deal].id, "WULF-2025-10-SSN");
    // Ranges are ranges: Core Scientific's BlockFi financing is drawn between 9.7% and 13.1%.
    let blockfi = view.points.iter().find(|p| deals()[p.deal].id == "CORZ-2021-BLOCKFI");
    assert!(blockfi.is_none() || matches!(blockfi.unwrap().coupon, CouponPosition::Range(a, b) if a < b));
    assert!(view.summary().contains("2024–25"));
}

#[test]
fn debt_stock_is_two_labelled_bars() {
    let view = DebtStockView::new(&published().debt_outstanding);
    let (svg, hit) = render((480, 300), |root| draw_debt_stock(root, &view, &Theme::light(), None, None).unwrap());
    golden("debt_stock", &svg);
    assert_eq!(hit.marks.len(), 2);
    assert!(svg.contains("$2.1B") && svg.contains("$12.7B"), "values labelled");
    assert!(view.summary().contains("6.0 times"), "{}", view.summary());
    assert!(svg.contains("Oct 2024") && svg.contains("15 Oct 2025"), "dates as precise as the source");
}

#[test]
fn history_draws_every_day_and_the_events() {
    let events = history_events(network_daily(), network_monthly());
    let view = HistoryView::new(network_daily(), &events);
    let (svg, hit) = render((800, 360), |root| draw_history(root, &view, &Theme::light(), None, Some(1000)).unwrap());
    golden("history", &svg);
    assert_eq!(view.points.len(), 1786);
    assert_eq!(events.len(), 6, "{events:#?}");
    assert_eq!(hit.marks.len(), 6);
    assert!(svg.contains("Data: Coin Metrics"));
    let labels: Vec<&str> = events.iter().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Low: $35.34"), "{labels:?}");
    assert!(labels.iter().any(|l| l.starts_with("Sep 2025")), "{labels:?}");
    assert!(events.iter().any(|e| e.detail.contains("$43.79 on 30 Oct 2025")));
    // Pointer to day: the pixel of 21 Nov 2025 maps back to the last day.
    let last = *view.points.last().unwrap();
    let (x, y) = hit.pixel_of(last);
    let (fx, _) = hit.data_at(x, y).unwrap();
    // One pixel is about two days at this width, so the day comes back to within a pixel.
    let day = view.nearest_day(fx).unwrap();
    assert!((1782..=1785).contains(&day), "{day}");
}

/// The HTML legends colour their swatches from the stylesheet (`--s0`..`--s3`, each a
/// `light-dark(light, dark)` pair); they must be the colours the charts draw with.
#[test]
fn legend_swatches_in_the_stylesheet_match_the_chart_themes() {
    let css = include_str!("../style/main.css");
    let (light, dark) = (Theme::light(), Theme::dark());
    for (i, (l, d)) in light.series.iter().zip(dark.series.iter()).enumerate() {
        let want = format!("--s{i}: light-dark({}, {});", Theme::css(*l), Theme::css(*d));
        assert!(css.contains(&want), "style/main.css lacks {want}");
    }
}
