// End-to-end: Monte Carlo in slices (issue 8). With Monte Carlo on, an input re-runs the
// distribution in slices that yield to the page: events dispatched mid-run are handled while the
// run is still going, the calculator shows the run's progress, and the run ends with exactly the
// values a fresh load of the same URL shows (so a stale run was dropped, and nothing was left
// half-done). How long an event waits and the longest task are printed, not asserted: they depend
// on the machine; `make bench` measures them against issue 8's 50 ms budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

/** Every data-metric of the calculator as { name: data-value }. */
const metrics = (page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#calculator [data-metric]')].map((e) => [e.dataset.metric, e.dataset.value])));

// Runs in the page before its scripts: long tasks as the browser reports them.
const RECORD_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

test('with Monte Carlo on, inputs stay responsive, progress shows, and the result equals a fresh load', async (t) => {
  const query = 'path=montecarlo&paths=20000&horizon=72';
  const run = await openPage(shared.browser, `${shared.site.url}?${query}`, { goto: false });
  try {
    await run.page.addInitScript(RECORD_LONG_TASKS);
    await run.page.goto(run.url, { waitUntil: 'load' });
    await run.waitForApp({ timeout: 60000 });
    const before = await metrics(run.page);
    assert.equal(before['mc-paths'], '20000', 'data-ready waited for the first distribution');

    // Drag the premium through three values, one per frame, then watch the run of the last one.
    const seen = await run.page.evaluate(async () => {
      const slider = document.querySelector('#control-premium').closest('.control').querySelector('input[type=range]');
      const status = document.querySelector('.monte-carlo-figures p[role=status]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const since = performance.now();
      for (const value of ['30', '35', '45']) {
        slider.value = value;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
      }
      // Mid-run: progress is shown, and a click (a cheap event) is handled before the run ends,
      // however much of it is left: the run yields to the page between its slices.
      const progress = [];
      const delays = [];
      let handledMidRun = 0;
      while (status.getAttribute('aria-busy') === 'true') {
        progress.push(status.textContent);
        const due = performance.now();
        const handled = await new Promise((resolve) => {
          const onClick = () => resolve(performance.now());
          document.body.addEventListener('click', onClick, { once: true });
          setTimeout(() => document.body.click(), 0);
        });
        delays.push(handled - due);
        if (status.getAttribute('aria-busy') === 'true') handledMidRun += 1;
        await new Promise((r) => setTimeout(r, 10));
      }
      const longest = Math.max(0, ...window.__longTasks.filter((t) => t.start >= since).map((t) => t.duration));
      return { progress, delays, handledMidRun, longest, value: slider.value };
    });

    assert.ok(seen.progress.length >= 3, `progress seen ${seen.progress.length} times during a 20,000-path run`);
    assert.match(seen.progress[0], /^Monte Carlo: \d+ of 20000 paths…$/);
    const done = seen.progress.map((t) => Number(t.match(/: (\d+) of/)[1]));
    assert.ok(done.every((d, i) => i === 0 || d >= done[i - 1]), `progress only goes forward: ${done.join(', ')}`);
    assert.ok(done.at(-1) > done[0], 'progress moved');
    assert.ok(seen.handledMidRun >= 3, `clicks handled while the run was still going: ${seen.handledMidRun} of ${seen.delays.length}`);
    t.diagnostic(`mid-run events waited at most ${Math.max(...seen.delays).toFixed(1)} ms; longest task ${seen.longest.toFixed(1)} ms (budget 50 ms, measured by make bench)`);

    // The run ended: its values are those of a fresh load of the same URL, the page's URL.
    const after = await metrics(run.page);
    const moved = ['mc-conversion-probability', 'mc-dilution-median', 'mc-dilution-p90'].filter((name) => after[name] !== before[name]);
    assert.ok(moved.length > 0, 'the premium moved the distribution (conversion probability or dilution)');
    const url = run.page.url();
    assert.match(url, /premium=45/);
    const fresh = await openPage(shared.browser, url);
    try {
      await fresh.waitForApp({ timeout: 60000 });
      assert.deepEqual(after, await metrics(fresh.page), 'the same values as a fresh load of the URL');
      await fresh.assertClean();
    } finally {
      await fresh.close();
    }
    await run.assertClean();
  } finally {
    await run.close();
  }
});
