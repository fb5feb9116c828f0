// End-to-end: the HTML passes the Nu Html Checker (issue 9, "Audits"): the built index.html as
// served, and the DOM the app renders (document.documentElement.outerHTML once it is ready) of
// the full page and of two embed views. vnu.jar comes from the npm package vnu-jar and runs on
// the machine's Java (JAVA, default /usr/bin/java). Errors fail; warnings are printed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DIST, openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const JAVA = process.env.JAVA || '/usr/bin/java';
const shared = sharedSiteAndBrowser();

/** The rendered DOM of `query` as a document, once the app is ready. */
async function rendered(query, width = 1280) {
  const run = await openPage(shared.browser, `${shared.site.url}${query}`, { width });
  try {
    await run.waitForApp();
    await run.assertClean();
    return `<!DOCTYPE html>\n${await run.page.evaluate(() => document.documentElement.outerHTML)}`;
  } finally {
    await run.close();
  }
}

/** Runs vnu.jar once on every file: { file: [{type, message, line, extract}] }. */
function check(files) {
  const out = spawnSync(JAVA, ['-jar', VNU, '--format', 'json', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(out.status !== null && out.stdout, `vnu.jar did not run: ${out.error || out.stderr}`);
  const byFile = Object.fromEntries(files.map((f) => [f, []]));
  for (const m of JSON.parse(out.stdout).messages) {
    const file = decodeURIComponent((m.url || '').replace(/^file:/, ''));
    (byFile[file] ||= []).push({ type: m.subType === 'warning' ? 'warning' : m.type, message: m.message, line: m.lastLine, extract: (m.extract || '').slice(0, 120) });
  }
  return byFile;
}

test('the built page and the rendered DOM (page and embed views) pass the Nu Html Checker', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vnu-'));
  const files = {
    'dist/index.html': path.join(DIST, 'index.html'),
    'rendered page': path.join(dir, 'page.html'),
    'rendered embed=loan': path.join(dir, 'embed-loan.html'),
    'rendered embed=calculator': path.join(dir, 'embed-calculator.html'),
  };
  writeFileSync(files['rendered page'], await rendered(''));
  writeFileSync(files['rendered embed=loan'], await rendered('?embed=loan', 700));
  writeFileSync(files['rendered embed=calculator'], await rendered('?embed=calculator', 700));
  assert.ok(readFileSync(files['rendered page'], 'utf8').includes('<canvas'), 'the rendered page holds the charts');

  const results = check(Object.values(files));
  const errors = [];
  for (const [name, file] of Object.entries(files)) {
    const messages = results[file] || [];
    const warnings = messages.filter((m) => m.type !== 'error');
    t.diagnostic(`${name}: ${messages.length - warnings.length} error(s), ${warnings.length} warning(s)`);
    for (const w of warnings) console.log(`vnu warning (${name}, line ${w.line}): ${w.message}`);
    errors.push(...messages.filter((m) => m.type === 'error').map((m) => `${name}, line ${m.line}: ${m.message} [${m.extract}]`));
  }
  const unexpectedFiles = Object.keys(results).filter((f) => !Object.values(files).includes(f) && results[f].length);
  assert.deepEqual(unexpectedFiles, [], 'vnu reported only on the files given');
  assert.deepEqual(errors, [], 'the Nu Html Checker reports no error');
});
