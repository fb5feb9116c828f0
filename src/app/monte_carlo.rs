//! A scenario whose Monte Carlo distribution is computed without blocking the page (issue 8):
//! no Web Worker (the sandboxed embed has none), so the paths run in slices of a few
//! milliseconds on the main thread, each scheduled with `setTimeout(0)` so input, layout and
//! paint get their turn in between.
//!
//! Per input: the central (deterministic) scenario runs once, synchronously, and every chart
//! and figure of it updates at once; the distribution then runs once in slices. A newer input
//! bumps a generation counter and the stale run stops at its next slice. Until the new
//! distribution is ready the previous one stays on screen (marked busy), so the Monte Carlo
//! charts neither vanish nor redraw while the reader drags a slider. The calculator shows the
//! progress in its Monte Carlo figures (src/app/calculator/outputs.rs).

use crate::model::assumptions::Assumptions;
use crate::model::montecarlo::{MonteCarloRun, MonteCarloSummary};
use crate::model::simulate::{simulate_central, Scenario};
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// Milliseconds of paths per slice: long enough to keep the yields' overhead small, short
/// enough that an input arriving mid-slice is handled well inside 50 ms.
const SLICE_MS: f64 = 8.0;
/// Paths between clock reads.
const PATHS_PER_STEP: u32 = 8;

/// Paths done and paths in all, while a run is under way.
pub type Progress = Option<(u32, u32)>;

/// Scenarios whose Monte Carlo run is under way, page-wide.
static RUNNING: AtomicU32 = AtomicU32::new(0);

/// Whether any Monte Carlo run is under way: `<body data-ready>` waits for the first load's
/// distributions (src/app/canvas.rs).
pub fn busy() -> bool {
    RUNNING.load(Ordering::Relaxed) > 0
}

/// Sets a run's progress, keeping [`RUNNING`] in step. An unchanged value is not set: a
/// signal notifies its readers on every set, and with Monte Carlo off every input would
/// otherwise re-run what reads the progress for nothing (issue 8, redraw latency).
fn set_progress(progress: RwSignal<Progress>, value: Progress) {
    let Some(current) = progress.try_get_untracked() else { return };
    if current == value {
        return;
    }
    let was = current.is_some();
    if progress.try_set(value).is_none() && was != value.is_some() {
        if was {
            RUNNING.fetch_sub(1, Ordering::Relaxed);
        } else {
            RUNNING.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// A scenario and the progress of its Monte Carlo run.
#[derive(Clone, Copy)]
pub struct ChunkedScenario {
    /// The central run, with the latest finished distribution when Monte Carlo is on.
    pub scenario: RwSignal<Arc<Scenario>>,
    pub progress: RwSignal<Progress>,
}

/// What a running slice reports to; `generation` says whether it is still the current run.
#[derive(Clone)]
struct Driver {
    generation: Rc<Cell<u64>>,
    run: ChunkedScenario,
}

/// Runs `assumptions` once per change: the central scenario at once (the first time before the
/// first render), the distribution in slices.
pub fn chunked_scenario(assumptions: RwSignal<Assumptions>) -> ChunkedScenario {
    let first = simulate_central(&assumptions.get_untracked());
    let busy = first.wants_monte_carlo().then_some((0, first.assumptions.monte_carlo_paths));
    let run = ChunkedScenario { scenario: RwSignal::new(Arc::new(first)), progress: RwSignal::new(None) };
    set_progress(run.progress, busy);
    let driver = Driver { generation: Rc::new(Cell::new(0)), run };
    Effect::new(move |previous: Option<()>| {
        let a = assumptions.get();
        let mine = driver.generation.get().wrapping_add(1);
        driver.generation.set(mine);
        // The first run normally reuses the scenario made above, unless the assumptions changed
        // between then and now (an embed setting its path as it mounts).
        if previous.is_some() || run.scenario.with_untracked(|s| s.assumptions != a) {
            let mut s = simulate_central(&a);
            // Keep the last distribution on screen until the new one is ready (moved, not copied).
            s.monte_carlo = s.wants_monte_carlo().then(|| take_summary(run.scenario)).flatten();
            run.scenario.set(Arc::new(s));
        }
        let mc = run.scenario.with_untracked(|s| s.wants_monte_carlo().then(|| MonteCarloRun::new(&s.assumptions)));
        set_progress(run.progress, mc.as_ref().map(|r| (0, r.paths())));
        if let Some(mc) = mc {
            schedule(mc, mine, driver.clone());
        }
    });
    run
}

/// Takes the distribution out of the scenario on screen, which nothing but the signal holds
/// between reactive updates (every reader borrows it or drops its clone of the `Arc`).
fn take_summary(scenario: RwSignal<Arc<Scenario>>) -> Option<MonteCarloSummary> {
    scenario.try_update_untracked(|s| Arc::get_mut(s).and_then(|s| s.monte_carlo.take())).flatten()
}

fn schedule(run: MonteCarloRun, mine: u64, driver: Driver) {
    set_timeout(move || slice(run, mine, driver), Duration::ZERO);
}

/// One slice: paths until the clock says stop, then report and yield (or finish).
fn slice(mut mc: MonteCarloRun, mine: u64, driver: Driver) {
    if driver.generation.get() != mine {
        return; // a newer input started its own run
    }
    // The distribution's quantiles and the redraw it causes get a slice of their own, after
    // the slice that ran the last paths (together they made the longest task of a run).
    let finishing = mc.is_finished();
    let deadline = js_sys::Date::now() + SLICE_MS;
    while !mc.step(PATHS_PER_STEP) && js_sys::Date::now() < deadline {}
    let run = driver.run;
    if !finishing {
        set_progress(run.progress, Some((mc.done(), mc.paths())));
        return schedule(mc, mine, driver);
    }
    let summary = mc.finish();
    // The signal is the scenario's only holder between updates (readers borrow it or drop
    // their clone of the `Arc` at once), so the distribution moves in without copying it
    // (the Monte Carlo e2e test checks the page ends with the distribution on screen).
    run.scenario.try_update(|s| Arc::get_mut(s).map(|s| s.monte_carlo = Some(summary)));
    set_progress(run.progress, None);
}
