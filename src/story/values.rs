//! The text of every computed element of a section's prose: the scenario's metrics as the
//! cards display them, plus the sentences' own figures. The app looks a `data-out` name up
//! here first, then in [`super::facts`].

use crate::data::calendar::YearMonth;
use crate::model::assumptions::Assumptions;
use crate::model::fields::{field, FieldSpec};
use crate::model::metrics::metrics;
use crate::model::money::Money;
use crate::model::simulate::{hpc_plan, Scenario};
use crate::narrative::format::{display, dollars_prose, month_long, percent, plain_number, price};
use crate::narrative::outcomes::{convertible_sentence, loan_sentence, secured_sentence};

/// A field's value as the prose shows it: money with its sign, percents with theirs.
pub fn field_text(spec: &FieldSpec, stored: f64) -> String {
    let shown = spec.to_query_number(stored);
    if spec.unit == "$" {
        // A share price reads to the cent ($5.71, not $6); sums read in words ($200 million).
        if shown.abs() < 1000.0 { price(shown) } else { dollars_prose(shown) }
    } else if spec.unit.starts_with("$/") {
        if shown >= 1e6 {
            dollars_prose(shown)
        } else if shown.fract() == 0.0 {
            format!("${}", plain_number(shown))
        } else {
            price(shown)
        }
    } else if spec.unit.starts_with('%') {
        format!("{}%", plain_number(shown))
    } else if shown.fract() == 0.0 && shown.abs() >= 1000.0 {
        crate::narrative::format::thousands(shown.abs() as u64)
    } else {
        plain_number(shown)
    }
}

/// The text of the field with this query name in `a` (empty if there is no such field).
pub fn input_text(query: &str, a: &Assumptions) -> String {
    field(query).map(|spec| field_text(spec, (spec.get)(a))).unwrap_or_default()
}

fn month_at(start: YearMonth, t: u32) -> String {
    month_long(start.add_months(t as i32 - 1))
}

/// Every named figure of a scenario, for the prose of the section that owns it.
pub fn scenario_values(s: &Scenario) -> Vec<(&'static str, String)> {
    let a = &s.assumptions;
    let start = s.timeline.start;
    let mut out: Vec<(&'static str, String)> =
        metrics(s).into_iter().map(|m| (m.name, display(m.name, &m.value, start))).collect();
    let hp0 = a.hashprice_usd_per_ph_day;
    let (be_power, be_cash) = (s.breakeven_power, s.breakeven_cash);

    // The squeeze: the fleet against today's hashprice.
    out.push(("be-power", price(be_power)));
    out.push(("be-cash", price(be_cash)));
    let verdict = if hp0 < be_power {
        "deep under water: it earns less than its power bill and would switch off"
    } else if hp0 < be_cash {
        "under water: it pays for its power but not for the rest of its running costs"
    } else {
        "above water, for now"
    };
    out.push(("squeeze-verdict", verdict.into()));
    out.push(("squeeze-margin", price((hp0 - be_cash).abs())));
    out.push(("squeeze-margin-side", if hp0 < be_cash { "short of" } else { "above" }.into()));
    out.push(("power-kwh", format!("{} cents", plain_number(a.power_usd_per_mwh / 10.0))));

    // The loan.
    let loan = &s.outcomes.loan;
    out.push(("raised", dollars_prose(a.principal_usd)));
    out.push(("market-value", dollars_prose(a.shares_outstanding * a.share_price_usd)));
    out.push(("closing-month", month_long(start.add_months(-1))));
    let dscr_first = loan.debt_service_coverage.get(1).copied().filter(|v| v.is_finite());
    out.push(("loan-dscr-first", dscr_first.map(|v| format!("{:.2}", v)).unwrap_or_else(|| "—".into())));
    out.push((
        "loan-default-when",
        loan.outcome.default_month.map(|m| month_at(start, m)).unwrap_or_else(|| "never, within the run".into()),
    ));
    out.push(("loan-sentence", loan_sentence(s)));
    out.push(("convert-sentence", convertible_sentence(s)));
    out.push(("secured-sentence", secured_sentence(s)));

    // The convertible's terms.
    let terms = &s.outcomes.convertible.outcome.terms;
    let new_shares = terms.if_converted_shares.to_f64();
    out.push(("dilution-if-converted", percent(new_shares / (a.shares_outstanding + new_shares))));
    out.push(("coupon-cash-year", dollars_prose(a.principal_usd * a.coupon_pct / 100.0)));
    out.push(("cap-price", terms.cap_price.map(|c| price(c.to_f64())).unwrap_or_else(|| "none".into())));
    out.push(("capped-call-sentence", crate::narrative::outcomes::capped_call_sentence(s)));
    out.push(("maturity-month", month_at(start, a.maturity_months)));

    out.push(("secured-buys", secured_buys(a).into()));

    // The AI bet.
    let plan = hpc_plan(a);
    let mw = plan.megawatts(a.principal_usd);
    let lease_year = mw * a.lease_usd_per_mw_year;
    // The secured notes' interest reserve comes out of what is built (the convertible's fees
    // come out of the company's cash), as in `Company::after_raise`.
    let reserve = s.outcomes.secured.outcome.reserve.to_f64();
    let built_share = if a.principal_usd > 0.0 { (1.0 - reserve / a.principal_usd).max(0.0) } else { 0.0 };
    out.push(("secured-hpc-mw", format!("{:.0} MW", mw * built_share)));
    out.push(("lease-year", dollars_prose(lease_year)));
    out.push(("noi-year", dollars_prose(lease_year * a.hpc_noi_margin_pct / 100.0)));
    out.push(("secured-interest-year", dollars_prose(a.principal_usd * a.secured_coupon_pct / 100.0)));
    out.push(("secured-reserve-months", format!("{} months", a.secured_reserve_months)));
    out.push(("leases-start", month_at(start, a.build_months + 1)));
    // The first month at full rent: the ramp's last month (or the first month after the build
    // when there is no ramp), as the model's lease income has it.
    out.push(("full-lease-month", month_at(start, a.build_months + a.ramp_months.max(1))));

    // Monte Carlo: with drift μ the mean price grows as e^{μt}, the median as e^{(μ − σ²/2)t}.
    let sigma = a.btc_volatility_pct / 100.0;
    out.push(("btc-median-fall", percent(-libm::expm1(-sigma * sigma / 2.0))));

    out.push(("mc-default-timing-sentence", mc_default_timing(s)));

    // The melting ice cube: a fleet that never grows, in a network that does.
    let network = &s.path.network_eh_s;
    let share = |t: usize| network.get(t).map(|n| a.fleet_ph_s / (n * 1000.0));
    let horizon = 36usize.min(network.len().saturating_sub(1));
    out.push(("share-start", share(0).map(percent).unwrap_or_default()));
    out.push(("share-later", share(horizon).map(percent).unwrap_or_default()));
    out.push(("later-years", plain_number(horizon as f64 / 12.0)));
    let hp_later = s.market.hashprice.get(horizon).copied().unwrap_or(hp0);
    out.push(("hp-later", price(hp_later)));
    out.push(("hp-change-later", percent(hp_later / hp0 - 1.0)));
    let under = s.market.hashprice.iter().enumerate().skip(1).find(|(_, h)| **h < be_cash).map(|(t, _)| t as u32);
    out.push(("under-water-when", under.map(|t| month_at(start, t)).unwrap_or_else(|| "not within the run".into())));
    out
}

/// When the Monte Carlo loan defaults happen, as a clause after the default share: ", all in
/// month 1 or 2, ...". When they all come before the loan is paid down below what its machines
/// fetch at the capitulation floor, it says so: that is why they stop.
fn mc_default_timing(s: &Scenario) -> String {
    let Some(mc) = &s.monte_carlo else { return String::new() };
    let a = &s.assumptions;
    let counts = &mc.loan_default_month_counts;
    let (Some(first), Some(last)) = (counts.iter().position(|c| *c > 0), counts.iter().rposition(|c| *c > 0)) else {
        return String::new();
    };
    let (first, last) = (first as u32, last as u32);
    let start = s.timeline.start;
    let when = if first == last {
        format!("all in month {first}, {}", month_at(start, first))
    } else {
        format!("all between month {first}, {}, and month {last}, {}", month_at(start, first), month_at(start, last))
    };
    let floor = a.hashprice_floor_usd_per_ph_day;
    let hp0 = a.hashprice_usd_per_ph_day;
    if floor <= 0.0 || hp0 <= floor || a.loan_to_value_pct <= 0.0 {
        return format!(", {when}");
    }
    // The machines' price at the floor, less the sale discount, against what is owed.
    let principal = a.principal_usd;
    let at_floor = principal / (a.loan_to_value_pct / 100.0)
        * libm::pow(floor / hp0, a.machine_value_elasticity)
        * (1.0 - a.liquidation_haircut_pct / 100.0);
    // The first month after whose payment what is owed (with a month's interest) is below that,
    // on the level schedule.
    let r = a.loan_coupon_pct / 1200.0;
    let io = a.loan_interest_only_months.min(a.loan_term_months);
    let pmt = crate::model::rates::payment(principal, a.loan_coupon_pct / 100.0, (a.loan_term_months - io) as i64);
    let mut balance = principal;
    let covered = (1..=a.loan_term_months).find(|m| {
        if *m > io {
            balance = (balance * (1.0 + r) - pmt).max(0.0);
        }
        balance * (1.0 + r) <= at_floor
    });
    match covered {
        // Only when the defaults stop where the floor says they must; otherwise it is not the
        // reason and goes unsaid.
        // The claim in month m + 1 is what is owed after payment m, so defaults can happen up
        // to month `covered`.
        Some(covered) if covered == last => format!(
            ", {when}: hashprice, and so the machines' price, cannot fall below the {} capitulation floor ({} of the starting hashprice), and from month {} the loan is below what the machines fetch there, less the sale discount",
            price(floor),
            percent(floor / hp0),
            covered + 1
        ),
        _ => format!(", {when}"),
    }
}

/// What the secured notes' money buys, in the prose's words.
pub fn secured_buys(a: &Assumptions) -> &'static str {
    if a.hpc_share_pct >= 100.0 {
        "a data centre"
    } else if a.hpc_share_pct > 0.0 {
        "a data centre and machines"
    } else {
        "new machines"
    }
}

/// Looks a name up in a section's values.
pub fn lookup<'a>(values: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
    values.iter().find(|v| v.0 == name).map(|v| v.1.as_str())
}

/// A field's stored value after a reader moves an inline number by `steps` steps of `step`
/// (in the units the prose shows), on the step's grid and within the field's range.
pub fn step_input(spec: &FieldSpec, stored: f64, steps: f64, step: f64) -> f64 {
    let shown = spec.to_query_number(stored);
    let moved = if step > 0.0 { ((shown + steps * step) / step).round() * step } else { shown };
    spec.clamp(spec.from_query_number(moved)).unwrap_or(stored)
}

/// Where a section's scenario departs from the calculator's defaults, for a note under its
/// chart: the mechanisms it switches (named), the path it follows, and how many other inputs
/// it sets. `None` when it departs in nothing but the inputs its prose names.
pub fn departures(a: &Assumptions, named_in_prose: &[&str]) -> Option<String> {
    use crate::model::assumptions::PathKind;
    use crate::model::fields::FIELDS;
    let d = Assumptions::default();
    let mut said: Vec<String> = Vec::new();
    match a.path {
        PathKind::Replay if d.path != PathKind::Replay => said.push(format!("replays the market from {}", month_long(a.start))),
        PathKind::MonteCarlo if d.path != PathKind::MonteCarlo => said.push(format!("draws {} random paths", crate::narrative::format::thousands(u64::from(a.monte_carlo_paths)))),
        PathKind::Flat if d.path != PathKind::Flat => said.push("holds the market where it is".into()),
        _ => {}
    }
    let switches: [(&str, &str, &str); 8] = [
        ("rescue_limit", "lets the company sell as many new shares in a month as it needs", "changes how many new shares the company can sell in a month"),
        ("ltv_max", "turns off the loan-to-value covenant", "moves the loan-to-value covenant"),
        ("floor", "turns off the capitulation floor (hashrate keeps growing however low hashprice falls)", "moves the capitulation floor"),
        ("curtail", "turns off curtailment (machines run even at a loss)", "turns on curtailment"),
        ("halving", "leaves out the 2028 halving", "includes the 2028 halving"),
        ("recourse", "makes the loan non-recourse", "makes the loan full recourse"),
        ("support", "lets the borrowing subsidiary stand alone", "lets the company support the borrowing subsidiary"),
        ("refi_max", "turns off refinancing at the wall", "changes how much the market lends at the wall"),
    ];
    let mut others = 0;
    for f in FIELDS {
        let (mine, theirs) = ((f.get)(a), (f.get)(&d));
        if mine == theirs || named_in_prose.contains(&f.query) {
            continue;
        }
        match switches.iter().find(|s| s.0 == f.query) {
            Some((_, off, changed)) => said.push(if mine == 0.0 { (*off).into() } else { (*changed).into() }),
            None => others += 1,
        }
    }
    if others > 0 {
        said.push(format!("sets {} other input{} of its own", others, if others == 1 { "" } else { "s" }));
    }
    if said.is_empty() {
        return None;
    }
    let list = match said.len() {
        1 => said.remove(0),
        n => format!("{} and {}", said[..n - 1].join(", "), said[n - 1]),
    };
    Some(format!("Unlike the calculator's defaults, this section's scenario {list}; open it in the calculator to see every input."))
}

/// What the loan is secured on and what non-recourse means, for the calculator's introduction:
/// the machines the loan buys and, when they are not enough for the loan-to-value asked, part of
/// the existing fleet.
pub fn pledge_sentence(s: &Scenario) -> Option<String> {
    let a = &s.assumptions;
    let o = &s.outcomes.loan.outcome;
    let pledged = o.pledged_ph.to_f64();
    if !o.available || pledged <= 0.0 || a.loan_to_value_pct <= 0.0 {
        return None;
    }
    let collateral = a.principal_usd / (a.loan_to_value_pct / 100.0);
    let per_ph = collateral / pledged;
    let bought = a.principal_usd * (1.0 - a.proceeds_cash_pct / 100.0) * (1.0 - a.hpc_share_pct / 100.0) / per_ph;
    let from_fleet = pledged - bought;
    let ph = |v: f64| crate::narrative::format::thousands(v.round() as u64);
    let what = if from_fleet > 0.5 && from_fleet <= a.fleet_ph_s + 0.5 {
        format!(
            "the {} PH/s of machines it buys and {} PH/s of the {} PH/s the company already runs, {} PH/s in all",
            ph(bought),
            ph(from_fleet),
            ph(a.fleet_ph_s),
            ph(pledged)
        )
    } else {
        format!("{} PH/s of machines", ph(pledged))
    };
    let recourse = if a.recourse {
        "The loan has recourse: if the machines do not cover it, the lender can claim the rest from the company."
    } else {
        "The loan is non-recourse: it sits in a subsidiary, and if the company walks away the lender takes the pledged machines and the subsidiary's cash, nothing else."
    };
    Some(format!(
        "At a {} loan-to-value, {} of loan needs {} of machines as collateral at today's price, so the company pledges {what}. {recourse}",
        percent(a.loan_to_value_pct / 100.0),
        dollars_prose(a.principal_usd),
        dollars_prose(collateral),
    ))
}
