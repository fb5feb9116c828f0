//! The calculator's charts, drawn from real model runs through the same functions the browser
//! uses, compared with golden SVGs (regenerate with UPDATE_GOLDENS=1), with structure checks.

mod common;
use common::{golden, render};
use debt_or_dilution::charts::cash::draw_cash;
use debt_or_dilution::charts::loan::draw_loan;
use debt_or_dilution::charts::monte_carlo::{draw_default_curve, draw_dilution_histogram};
use debt_or_dilution::charts::ownership::draw_ownership;
use debt_or_dilution::charts::path::draw_path;
use debt_or_dilution::charts::scenario_views::{cash_view, loan_view, monte_carlo_views, ownership_view, path_view};
use debt_or_dilution::charts::theme::Theme;
use debt_or_dilution::model::assumptions::Assumptions;
use debt_or_dilution::model::presets::scenario_preset;
use debt_or_dilution::model::query::parse_query;
use debt_or_dilution::model::simulate::{simulate, Scenario};


fn scenario(query: &str) -> Scenario {
    let (a, notices) = parse_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    simulate(&a)
}


#[test]
fn default_scenario_charts() {
    let s = simulate(&Assumptions::default());
    let theme = Theme::light();
    let path = path_view(&s);
    assert_eq!(path.hashprice.len(), s.timeline.months as usize + 1);
    assert!((path.hashprice[0] - 38.24).abs() < 1e-9, "the path starts at the hashprice input");
    let (svg, hit) = render((720, 340), |r| draw_path(r, &path, &theme, None, Some(12)).unwrap());
    golden("calc_path", &svg);
    assert!(svg.contains("power breakeven"));
    let (x, _) = hit.data_at(hit.pixel_of((12.0, 30.0)).0, hit.pixel_of((12.0, 30.0)).1).unwrap();
    assert!((x - 12.0).abs() < 0.2, "pixels map back to months: {x}");

    let own = ownership_view(&s);
    assert!(own.curve.iter().all(|(p, kept)| (*p <= own.conversion_price) == (*kept == 1.0) || *p > own.conversion_price));
    assert!(own.curve.windows(2).all(|w| w[1].0 > w[0].0), "prices increase");
    let (svg, hit) = render((720, 340), |r| draw_ownership(r, &own, &theme, None, None).unwrap());
    golden("calc_ownership", &svg);
    assert_eq!(hit.marks.len(), 1, "the scenario's outcome is marked");
    let k = format!("conversion ${:.2}", s.assumptions.share_price_usd * 1.375);
    assert!(svg.contains(&k), "K = S0 × 1.375: {k}");
    // The pointer picks a share price along the curve and a crosshair marks it.
    let (k, _) = own.curve[own.index_at_price(own.conversion_price * 2.0).unwrap()];
    assert!((k - own.conversion_price * 2.0).abs() <= own.curve[1].0, "nearest price {k}");
    let i = own.index_at_price(own.conversion_price * 2.0).unwrap();
    assert!(own.describe(i).starts_with(&format!("At a share price of ${:.2} at maturity, existing owners keep", own.curve[i].0)));
    let (with_cursor, _) = render((720, 340), |r| draw_ownership(r, &own, &theme, None, Some(i)).unwrap());
    assert!(with_cursor.len() > svg.len(), "the crosshair is drawn");

    let cash = cash_view(&s);
    assert_eq!(cash.lines.len(), 3);
    let (svg, _) = render((720, 340), |r| draw_cash(r, &cash, &theme, None, None).unwrap());
    golden("calc_cash", &svg);
}

#[test]
fn replay_2022_marks_the_default() {
    // The 2022 story: a 2021-style loan struck in January 2022, replayed on history.
    let s = simulate(&scenario_preset("2022-replay").expect("preset").assumptions);
    let view = loan_view(&s);
    let (month, cause) = view.default.clone().expect("the 2022 replay defaults");
    assert_eq!(Some(month as u32), s.outcomes.loan.outcome.default_month, "the model's default month");
    assert_eq!(s.timeline.month(month as u32).year, 2022, "defaults in 2022");
    assert!(cause.contains("default"));
    let (svg, _) = render((720, 340), |r| draw_loan(r, &view, &Theme::light(), None, None).unwrap());
    golden("calc_loan_2022", &svg);
    let label = format!("payment default, {} 2022", s.timeline.month(month as u32).month_name());
    assert!(svg.contains(&label), "the default is labelled with its calendar month: {label}");
}

#[test]
fn monte_carlo_charts() {
    let s = scenario("v=1&path=montecarlo&paths=200&seed=7");
    let (curve, histogram) = monte_carlo_views(&s).expect("Monte Carlo views");
    assert_eq!(curve.probability.len(), s.timeline.months as usize + 1);
    assert!(curve.probability.windows(2).all(|w| w[1] >= w[0]), "cumulative");
    let total: f64 = histogram.bins.iter().map(|b| b.2).sum();
    assert!(total <= 1.0 + 1e-9);
    let (svg, _) = render((720, 340), |r| draw_default_curve(r, &curve, &Theme::light(), None, None).unwrap());
    golden("calc_mc_default", &svg);
    let (svg, hit) = render((720, 340), |r| draw_dilution_histogram(r, &histogram, &Theme::light(), None, None).unwrap());
    golden("calc_mc_dilution", &svg);
    assert_eq!(hit.marks.len(), histogram.bins.len());
    assert!(monte_carlo_views(&simulate(&Assumptions::default())).is_none(), "no Monte Carlo, no Monte Carlo charts");
    // The path chart becomes a fan: quantile bands around the central path, ordered.
    let path = path_view(&s);
    let fan = path.fan.clone().expect("a fan under Monte Carlo");
    assert_eq!(fan.len(), path.hashprice.len());
    assert!(fan.iter().all(|b| b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95));
    assert!(fan.last().map(|b| b.p95 - b.p5 > 1.0).unwrap_or(false), "the fan widens");
    let (svg, _) = render((720, 340), |r| draw_path(r, &path, &Theme::light(), None, None).unwrap());
    golden("calc_path_fan", &svg);
}

#[test]
fn story_charts_mark_the_2022_cases_and_a_fleet_breakeven() {
    use debt_or_dilution::charts::history::{draw_history, HistoryView};
    use debt_or_dilution::data::history::history_events;
    use debt_or_dilution::data::network::{network_daily, network_monthly};
    // The loan section's replay with its five cases numbered at their months.
    let mut path = path_view(&scenario(debt_or_dilution::model::presets::REPLAY_2022));
    let plain = render((720, 340), |r| draw_path(r, &path, &Theme::light(), None, None).unwrap()).0;
    path.events = vec![8, 11, 12, 12, 13];
    let (svg, _) = render((720, 340), |r| draw_path(r, &path, &Theme::light(), None, None).unwrap());
    golden("story_loan_path_cases", &svg);
    let numbers = |svg: &str| svg.matches("dy=\"0.5ex\" text-anchor=\"middle\"").count();
    assert_eq!(numbers(&svg) - numbers(&plain), 5, "each case has its number");
    assert!(svg.contains("\n5\n</text>"), "numbered 1 to 5");
    // The two December cases share a month: their numbers stack instead of overlapping.
    assert!(svg.contains("x=\"154\" y=\"36\"") && svg.contains("x=\"154\" y=\"54\""));

    // The squeeze section's history with the fleet's breakeven across it.
    let mut history = HistoryView::new(network_daily(), &history_events(network_daily(), network_monthly()));
    history.breakeven = Some(40.81);
    let (svg, _) = render((720, 340), |r| draw_history(r, &history, &Theme::light(), None, None).unwrap());
    assert!(svg.contains("your fleet&apos;s breakeven, $40.81") || svg.contains("your fleet's breakeven, $40.81"), "the breakeven is labelled");
}
