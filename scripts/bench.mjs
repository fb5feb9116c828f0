// The measuring half of `make bench` (issue 8; scripts/bench.sh builds first). Serves the
// release build like the end-to-end tests (sub-path, strict CSP), drives headless Chromium and
// prints one table: every figure beside its budget. Prints numbers; never fails on timing.
//
// Environment: BENCH_DIST (the release build), BENCH_WASM (examples/mc_bench.rs built with
// wasm-bindgen), NATIVE_MC_MS (the native Monte Carlo time, from `cargo bench --bench model`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/lib/browser.mjs';
import { startStaticServer } from '../tests/e2e/lib/server.mjs';

const DIST = process.env.BENCH_DIST;
const BENCH_WASM = process.env.BENCH_WASM;
const NATIVE_MC_MS = Number(process.env.NATIVE_MC_MS) || null;
const COLD_LOADS = 10;
const INPUTS = 200;

// Runs in every page before its scripts (init scripts are not subject to the page's CSP):
// timestamps of canvas drawing calls, the app's wasm exports, long tasks.
const INSTRUMENT = () => {
  window.__draws = 0;
  window.__firstDraw = null;
  window.__lastDraw = null;
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText', 'fill', 'stroke', 'drawImage', 'putImageData']) {
    const original = proto[name];
    proto[name] = function (...args) {
      const result = original.apply(this, args);
      const now = performance.now();
      if (window.__firstDraw === null) window.__firstDraw = now;
      window.__lastDraw = now;
      window.__draws++;
      return result;
    };
  }
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
};

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

async function newPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (url) await page.goto(url, { waitUntil: 'load' });
  return { context, page, errors };
}

/** Polls the page until `expression` is truthy (page.waitForFunction trips the strict CSP). */
async function waitFor(page, expression, timeout = 60000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// ---------------------------------------------------------------------------------------------

/** Bytes of every file a load fetches (the size check's method), plus files index.html links. */
async function firstLoadBytes(browser, site) {
  const { context, page } = await newPage(browser);
  const bodies = new Map();
  const pending = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.origin !== site.origin || r.status() >= 300) return;
    pending.push(r.body().then((b) => bodies.set(url.pathname.slice(site.base.length) || 'index.html', b), () => {}));
  });
  await page.goto(site.url, { waitUntil: 'load' });
  await waitFor(page, () => document.body.hasAttribute('data-ready'));
  await Promise.all(pending);
  await context.close();
  const rows = [...bodies].map(([name, body]) => ({
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  }));
  rows.sort((a, b) => b.brotli - a.brotli);
  return rows;
}

/** Navigation start to the first canvas drawing call, over fresh contexts (no cache). */
async function firstChart(browser, site) {
  const times = [];
  const ready = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const { context, page } = await newPage(browser, site.url);
    await waitFor(page, () => window.__firstDraw !== null);
    times.push(await page.evaluate(() => window.__firstDraw));
    await waitFor(page, () => document.body.hasAttribute('data-ready'));
    ready.push(await page.evaluate(() => window.__lastDraw));
    await context.close();
  }
  return { first: times, ready };
}

/**
 * 200 slider inputs across the calculator's enabled range inputs, dispatched in the page.
 * `cadenceMs` 0: one at a time, each after the previous has settled (two frames), measuring
 * input to the end of the last canvas call it caused. `cadenceMs` > 0: a drag, one input per
 * frame whether or not the page is busy (Monte Carlo slices run in between); an input's wait
 * is from when it was due to the end of its own redraw.
 */
async function inputLatency(page, cadenceMs) {
  return page.evaluate(
    async ({ count, cadenceMs }) => {
      const sliders = [...document.querySelectorAll('#calculator input[type=range]')].filter((s) => !s.disabled && s.offsetParent);
      const positions = [0.2, 0.35, 0.5, 0.65, 0.8, 0.6, 0.4];
      const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const results = [];
      const longFrom = performance.now();
      const start = performance.now() + 20;
      let previousEnd = 0;
      for (let i = 0; i < count; i++) {
        const slider = sliders[i % sliders.length];
        const [min, max, step] = [Number(slider.min), Number(slider.max), Number(slider.step) || 1];
        const p = positions[Math.floor(i / sliders.length) % positions.length];
        let value = Math.round((min + (max - min) * p) / step) * step;
        if (String(value) === slider.value) value = Math.min(max, value + step);
        let due;
        if (cadenceMs > 0) {
          due = start + i * cadenceMs;
          while (performance.now() < due) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now() - 1)));
        } else {
          await frame();
          await frame();
          // A task of its own after the frame's rendering: dispatched from the animation frame
          // callback, the measurement would also hold the browser's style, layout and paint of
          // that frame, which are not the page's handling of the input.
          await nextTask();
        }
        const t0 = performance.now();
        if (!cadenceMs) due = t0;
        const drawsBefore = window.__draws;
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await nextTask(); // the app's effects (microtasks) and redraws have run
        const end = window.__draws > drawsBefore ? Math.max(window.__lastDraw, t0) : performance.now();
        // A browser coalesces a drag's events to frames: an input falling due while the previous
        // one was still being handled waits from the end of that one, not from its slot.
        results.push({ latency: end - t0, wait: end - Math.max(due, previousEnd), drew: window.__draws > drawsBefore });
        previousEnd = end;
      }
      const longTasks = window.__longTasks.filter((t) => t.start >= longFrom);
      return { results, sliders: sliders.length, longest: Math.max(0, ...longTasks.map((t) => t.duration)), longTasks: longTasks.length };
    },
    { count: INPUTS, cadenceMs },
  );
}

async function calculatorRuns(browser, site) {
  const off = await newPage(browser, site.url);
  await waitFor(off.page, () => document.body.hasAttribute('data-ready'));
  const isolated = await off.page.evaluate(() => crossOriginIsolated);
  const mcOff = await inputLatency(off.page, 0);
  await off.context.close();

  const on = await newPage(browser, `${site.url}?path=montecarlo`);
  await waitFor(on.page, () => document.body.hasAttribute('data-ready'));
  const mcOn = await inputLatency(on.page, 16);
  // The distribution of the last input, in slices after it.
  const settle = await on.page.evaluate(async () => {
    const t0 = performance.now();
    while (document.querySelector('[data-running]')) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { afterLastInput: performance.now() - t0 };
  });
  await on.context.close();

  // Memory after a 10,000-path run in the app.
  const big = await newPage(browser, `${site.url}?path=montecarlo&paths=10000&horizon=72`);
  await waitFor(big.page, () => document.body.hasAttribute('data-ready') && !document.querySelector('[data-running]'));
  const memory = await memoryOf(big.page, () => window.__wasm && window.__wasm.memory.buffer.byteLength);
  await big.context.close();
  return { isolated, mcOff, mcOn, settle, memory, errors: [...off.errors, ...on.errors, ...big.errors] };
}

async function memoryOf(page, wasmBytes) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { wasm: await page.evaluate(wasmBytes), jsHeap: heap.usedSize };
}

/** run_monte_carlo 10,000 x 72 in the wasm bench build, in a blank page under the same CSP. */
async function browserMonteCarlo(browser) {
  writeFileSync(path.join(BENCH_WASM, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="bench.js"></script>\n');
  writeFileSync(
    path.join(BENCH_WASM, 'bench.js'),
    "import init, { monte_carlo } from './mc_bench.js';\n" +
      "window.bench = init({ module_or_path: './mc_bench_bg.wasm' }).then((wasm) => { window.wasm = wasm; window.monteCarlo = monte_carlo; });\n",
  );
  const server = await startStaticServer({ root: BENCH_WASM });
  try {
    const { context, page } = await newPage(browser, server.url);
    await waitFor(page, () => window.bench !== undefined);
    const times = await page.evaluate(async () => {
      await window.bench;
      for (let i = 0; i < 10; i++) window.monteCarlo(10000, 72); // warm up, like cargo bench
      const out = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        window.monteCarlo(10000, 72);
        out.push(performance.now() - t0);
      }
      return out;
    });
    const memory = await memoryOf(page, () => window.wasm.memory.buffer.byteLength);
    await context.close();
    return { times, memory };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------

const site = await startStaticServer({ root: DIST });
// The inputs' latency on a cross-origin isolated copy (every file is same-origin, so the page
// runs the same): Chromium's performance.now() then ticks in 5 µs instead of 100 µs, fine
// enough for redraws of about 2 ms. Loads are timed on the plain one, served as a host would.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const isolatedSite = await startStaticServer({ root: DIST, headers: ISOLATED });
const browser = await launchChromium();
try {
  const bytes = await firstLoadBytes(browser, site);
  const load = await firstChart(browser, site);
  const calc = await calculatorRuns(browser, isolatedSite);
  const mc = await browserMonteCarlo(browser);

  const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
  const mb = (x) => `${(x / 1048576).toFixed(1)} MiB`;
  const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
  const verdict = (ok) => (ok === null ? '' : ok ? 'met' : 'MISSED');
  const rows = [];
  const row = (what, value, budget = '', ok = null) => rows.push([what, value, budget, verdict(ok)]);

  const total = bytes.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  for (const r of bytes) row(`first load: ${r.name}`, `${r.raw} raw, ${r.gzip} gzip, ${r.brotli} br`);
  row('first load: total', `${total.raw} raw, ${total.gzip} gzip, ${total.brotli} br`, '<= 200 KB br (issue 8); 287 KB (test)', total.brotli <= 200000);

  const firstMedian = median(load.first);
  row(`first chart drawn (median of ${COLD_LOADS} cold loads)`, `${ms(firstMedian)} (min ${ms(Math.min(...load.first))}, max ${ms(Math.max(...load.first))})`, '<= 300 ms', firstMedian <= 300);
  row('every chart drawn (median, informative)', ms(median(load.ready)));

  const off = calc.mcOff.results.map((r) => r.latency);
  const drewOff = calc.mcOff.results.filter((r) => r.drew).length;
  row('page timers (performance.now)', calc.isolated ? 'cross-origin isolated: 5 µs steps' : 'not isolated: 100 µs steps');
  row(`input to redraw, MC off: median (${INPUTS} inputs, ${calc.mcOff.sliders} sliders, ${drewOff} redrew)`, ms(median(off)), '<= 4 ms', median(off) <= 4);
  row('input to redraw, MC off: p95', ms(quantile(off, 0.95)), '<= 10 ms', quantile(off, 0.95) <= 10);
  row('input to redraw, MC off: max', ms(Math.max(...off)));
  const on = calc.mcOn.results.map((r) => r.latency);
  const waits = calc.mcOn.results.map((r) => r.wait);
  row('input to redraw, MC on (2,000 paths, one input per 16 ms): median', ms(median(on)));
  row('input to redraw, MC on: p95', ms(quantile(on, 0.95)));
  row('input to redraw, MC on: max', ms(Math.max(...on)));
  row('MC on: longest wait of an input (due, or previous done, to redrawn)', ms(Math.max(...waits)), '<= 50 ms', Math.max(...waits) <= 50);
  row(`MC on: longest task (${calc.mcOn.longTasks} long tasks)`, ms(calc.mcOn.longest), '<= 50 ms', calc.mcOn.longest <= 50);
  row('MC on: distribution drawn after the last input', ms(calc.settle.afterLastInput));

  const wasmMc = median(mc.times);
  row('Monte Carlo 10,000 x 72, 3 structures: wasm (median of 10)', ms(wasmMc), '<= 30 ms', wasmMc <= 30);
  row('Monte Carlo 10,000 x 72, 3 structures: native (cargo bench)', NATIVE_MC_MS ? ms(NATIVE_MC_MS) : 'n/a');
  if (NATIVE_MC_MS) row('Monte Carlo wasm / native', `${(wasmMc / NATIVE_MC_MS).toFixed(2)}x`, '<= 1.5x', wasmMc / NATIVE_MC_MS <= 1.5);
  row('memory, app after a 10,000-path run: wasm linear memory', mb(calc.memory.wasm));
  row('memory, app after a 10,000-path run: JS heap (after GC)', mb(calc.memory.jsHeap));
  row('memory, bench page after the runs: wasm linear memory', mb(mc.memory.wasm));
  row('memory, bench page after the runs: JS heap (after GC)', mb(mc.memory.jsHeap));

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'budget', ''][i].length));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(['figure', 'value', 'budget', '']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  if (calc.errors.length) console.log(`\npage errors during the bench:\n  ${calc.errors.join('\n  ')}`);
  console.log(`\n(${kb(total.brotli)} brotli in total; Chromium headless, loopback, ${new Date().toISOString()})`);
} finally {
  await browser.close();
  await site.close();
  await isolatedSite.close();
}
