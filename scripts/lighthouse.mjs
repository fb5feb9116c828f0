// Lighthouse (issue 9, "Audits") against the release build in target/e2e-dist, served like the
// end-to-end tests (sub-path, strict CSP), in headless Chromium with the tests' flags. Prints the
// four category scores beside their targets and every audit that lost points; exits non-zero
// when a score misses its target. Each page is audited LIGHTHOUSE_RUNS times (default 5) and
// judged by the median of each score, as Lighthouse's own guidance on variability advises: the
// performance score moves by a few points between runs of the same build on the same machine. Run by `make lighthouse` (scripts/lighthouse.sh installs
// lighthouse@12 into target/lighthouse on demand: version 13 needs Node 22).
//
// Chromium is started here, not by Lighthouse's CLI (chrome-launcher): with its own flags and
// profile the CLI hung on this machine, where Chromium's background connections are refused.
// Lighthouse's Node API then drives that Chromium over its remote-debugging port.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/lib/browser.mjs';
import { startSite } from '../tests/e2e/lib/harness.mjs';
import { ROOT } from '../tests/e2e/lib/page.mjs';

const LIGHTHOUSE = path.join(ROOT, 'target/lighthouse/node_modules/lighthouse/core/index.js');
const OUT = path.join(ROOT, 'test-output/lighthouse');
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 90 };
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

const { default: lighthouse, desktopConfig } = await import(LIGHTHOUSE);

/** Headless Chromium with an empty profile and a remote-debugging port; resolves to its port. */
async function startChromium() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-chromium-'));
  const child = spawn(CHROMIUM, ['--headless', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let waited = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); waited += 100) {
    if (waited > 30000 || child.exitCode !== null) throw new Error(`Chromium did not open a debugging port:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  const stop = async () => {
    child.kill();
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(profile, { recursive: true, force: true });
  };
  return { port, stop };
}

mkdirSync(OUT, { recursive: true });
const site = await startSite();
const chromium = await startChromium();
const failures = [];
try {
  for (const query of ['', '?embed=loan']) {
    const url = site.url + query;
    const name = query ? query.slice(1).replace(/[^a-z0-9]+/gi, '-') : 'page';
    const flags = { port: chromium.port, logLevel: process.env.LIGHTHOUSE_LOG || 'error', output: ['json', 'html'], onlyCategories: Object.keys(TARGETS) };
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await lighthouse(url, flags, desktopConfig);
      if (!run) {
        failures.push(`lighthouse returned nothing for ${url}`);
        continue;
      }
      if (run.lhr.runtimeError) failures.push(`${name}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`);
      runs.push(run);
    }
    if (!runs.length) continue;
    const scores = (id) => runs.map((run) => Math.round(run.lhr.categories[id].score * 100));
    // The report and the audit details are the run whose performance score is the median.
    const middle = median(scores('performance'));
    const shown = runs.find((run) => Math.round(run.lhr.categories.performance.score * 100) === middle);
    const [json, html] = shown.report;
    writeFileSync(path.join(OUT, `${name}.report.json`), json);
    writeFileSync(path.join(OUT, `${name}.report.html`), html);
    const result = shown.lhr;
    for (const warning of result.runWarnings || []) console.log(`  run warning: ${warning}`);
    console.log(`\nLighthouse ${result.lighthouseVersion}, desktop preset, ${url}, median of ${runs.length} run(s)  (report: ${path.relative(ROOT, path.join(OUT, `${name}.report.html`))})`);
    for (const [id, target] of Object.entries(TARGETS)) {
      const category = result.categories[id];
      const score = median(scores(id));
      console.log(`  ${category.title.padEnd(16)} ${String(score).padStart(3)}  (target ${id === 'seo' || id === 'performance' ? '>= ' : ''}${target}; runs: ${scores(id).join(', ')})`);
      if (score < target) failures.push(`${name}: ${category.title} ${score} < ${target}`);
      for (const ref of category.auditRefs) {
        const audit = result.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`      - ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, score ${audit.score}`);
        }
      }
    }
    const metrics = result.audits.metrics?.details?.items?.[0];
    if (metrics) {
      console.log(`  metrics: FCP ${metrics.firstContentfulPaint} ms, LCP ${metrics.largestContentfulPaint} ms, TBT ${metrics.totalBlockingTime} ms, CLS ${metrics.cumulativeLayoutShift?.toFixed(3)}`);
    }
  }
} finally {
  await chromium.stop();
  await site.close();
}
if (failures.length) {
  console.log(`\nbelow target:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nevery score meets its target');
