// Lighthouse (issue 9, "Audits") against the release build in target/e2e-dist, served like the
// end-to-end tests (sub-path, strict CSP), in headless Chromium with the tests' flags. Prints the
// four category scores beside their targets and every audit that lost points; exits non-zero
// when a score misses its target. Run by `make lighthouse` (scripts/lighthouse.sh installs
// lighthouse@12 into target/lighthouse on demand: version 13 needs Node 22).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/lib/browser.mjs';
import { startSite } from '../tests/e2e/lib/harness.mjs';
import { ROOT } from '../tests/e2e/lib/page.mjs';

const BIN = path.join(ROOT, 'target/lighthouse/node_modules/.bin/lighthouse');
const OUT = path.join(ROOT, 'test-output/lighthouse');
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 90 };

mkdirSync(OUT, { recursive: true });
const site = await startSite();
const failures = [];
try {
  for (const query of ['', '?embed=loan']) {
    const url = site.url + query;
    const name = query ? query.slice(1).replace(/[^a-z0-9]+/gi, '-') : 'page';
    const report = path.join(OUT, `${name}.json`);
    const run = spawnSync(BIN, [
      url,
      '--preset=desktop',
      `--only-categories=${Object.keys(TARGETS).join(',')}`,
      '--output=json',
      '--output=html',
      `--output-path=${path.join(OUT, name)}`,
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      '--quiet',
    ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) {
      failures.push(`lighthouse exited with ${run.status} on ${url}`);
      continue;
    }
    const result = JSON.parse(readFileSync(`${path.join(OUT, name)}.report.json`, 'utf8'));
    console.log(`\nLighthouse ${result.lighthouseVersion}, desktop preset, ${url}  (report: ${path.relative(ROOT, report.replace(/\.json$/, '.report.html'))})`);
    for (const [id, target] of Object.entries(TARGETS)) {
      const category = result.categories[id];
      const score = Math.round(category.score * 100);
      console.log(`  ${category.title.padEnd(16)} ${String(score).padStart(3)}  (target ${id === 'seo' || id === 'performance' ? '>= ' : ''}${target})`);
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
  await site.close();
}
if (failures.length) {
  console.log(`\nbelow target:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nevery score meets its target');
