// End-to-end: the calculator (issue 5) on the release build, under the strict CSP.
//
//  - For every URL of tests/fixtures/calculator_urls.tsv, every `data-metric` on the page has
//    exactly the `data-value` the host `scenario` binary prints for the same query (JSON null is
//    an empty attribute), with no notice; across the set every metric issue 5 lists is non-empty.
//  - A hostile URL shows a notice naming each replaced parameter and the value used, injects
//    nothing, and the page still works.
//  - Controls change the right things: a typed premium moves the convertible's figures and
//    redraws its chart, not the loan's; a slider moves with the keyboard; replay disables the
//    hashprice; deal presets load (or say there is nothing to load).
//  - The issue's "Done when" story, with the controls alone and with the 2022 preset.
//  - Screenshots of the calculator at 1280 and 360 px, with no horizontal scroll on the phone.
//
// Expected numbers always come from the host binary (the same parser and model, compiled
// natively), never from literals copied out of the page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { openPage, ROOT, SCREENSHOTS, sharedSiteAndBrowser } from './lib/harness.mjs';

// ---------------------------------------------------------------------------------------------
// The host side: the URL set and the `scenario` binary.

/** The URL set shared with tests/model_metrics.rs: [name, query]. */
const URLS = readFileSync(path.join(ROOT, 'tests/fixtures/calculator_urls.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#') && line.includes('\t'))
  .map((line) => {
    const [name, ...rest] = line.split('\t');
    return [name, rest.join('\t')];
  });

/** The metric names issue 5 lists ("At least: ..."); each must be non-empty somewhere in the set. */
const ISSUE_5_NAMES = [
  'breakeven-hashprice', 'breakeven-hashprice-cash',
  'loan-min-dscr', 'loan-default-month', 'loan-seized-ph', 'loan-deficiency', 'loan-interest-paid', 'loan-equity-value',
  'convert-conversion-price', 'convert-conversion-rate', 'convert-shares-issued', 'convert-dilution-reported',
  'convert-dilution', 'convert-dilution-total', 'convert-refinancing-wall', 'convert-coupons-paid', 'convert-equity-value',
  'secured-interest-paid', 'secured-default-month', 'hpc-noi-total',
  'loan-ownership-retained', 'convert-ownership-retained', 'secured-ownership-retained',
  'loan-dilution-total', 'secured-dilution-total', 'secured-equity-value',
  'mc-default-probability', 'mc-dilution-median', 'mc-dilution-p90',
];

const TARGET_DIR = path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');
const SCENARIO_BIN = path.join(TARGET_DIR, 'debug', process.platform === 'win32' ? 'scenario.exe' : 'scenario');

/** Newest modification time of the files the host binary is built from (the app excepted). */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const info = statSync(p);
    if (info.isDirectory()) {
      if (p === path.join(ROOT, 'src', 'app') || path.basename(p) === 'raw') return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const p of ['src', 'data', 'build.rs', 'Cargo.toml', 'Cargo.lock']) {
    const full = path.join(ROOT, p);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

let binaryChecked = false;
/**
 * The path of an up-to-date `scenario` binary. `make test` runs the host `cargo test` first,
 * which builds it; when it is missing or older than the model's sources (a run of this file
 * alone after an edit), build it the way `cargo run --bin scenario` would.
 */
function scenarioBinary() {
  if (!binaryChecked) {
    binaryChecked = true;
    const stale = !existsSync(SCENARIO_BIN) || statSync(SCENARIO_BIN).mtimeMs < newestSource();
    if (stale) {
      console.error(`calculator test: ${SCENARIO_BIN} is missing or older than the sources; building it with cargo`);
      const build = spawnSync('cargo', ['build', '-q', '--bin', 'scenario'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      assert.equal(build.status, 0, 'cargo build --bin scenario');
    }
  }
  return SCENARIO_BIN;
}

const hostCache = new Map();
/** What the host binary prints for `query`: { query, metrics: {name: string|null}, notices: [] }. */
function host(query) {
  if (!hostCache.has(query)) {
    const out = spawnSync(scenarioBinary(), [query], { encoding: 'utf8' });
    assert.equal(out.status, 0, `scenario ${JSON.stringify(query)} failed: ${out.stderr}`);
    hostCache.set(query, JSON.parse(out.stdout));
  }
  return hostCache.get(query);
}

/** The binary's metrics as data-value strings (null -> ''). */
function hostValues(query) {
  return Object.fromEntries(Object.entries(host(query).metrics).map(([k, v]) => [k, v === null ? '' : v]));
}

// ---------------------------------------------------------------------------------------------
// The page side.

const shared = sharedSiteAndBrowser();

const urlOf = (query) => `${shared.site.url}?${query}`;

/** Opens the calculator at `query` and waits until every chart has drawn. */
async function open(query = '', options = {}) {
  const run = await openPage(shared.browser, urlOf(query), { width: 1280, height: 900, ...options });
  run.dialogs = [];
  run.page.on('dialog', (dialog) => {
    run.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await run.waitForApp();
  return run;
}

/** Every [data-metric] on the page: { name: data-value }; throws if one name shows two values. */
async function pageMetrics(page) {
  const pairs = await page.evaluate(() =>
    [...document.querySelectorAll('[data-metric]')].map((e) => [e.getAttribute('data-metric'), e.getAttribute('data-value')]),
  );
  const out = {};
  for (const [name, value] of pairs) {
    assert.notEqual(value, null, `${name} has a data-value attribute`);
    if (name in out) assert.equal(value, out[name], `${name} is shown twice with different values`);
    out[name] = value;
  }
  return out;
}

/** Paint counts of the charts, by accessible name. */
function draws(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('canvas')].map((c) => [c.getAttribute('aria-label'), Number(c.getAttribute('data-draws') || 0)])),
  );
}

/** The page's query string, as the app keeps it (without the '?'). */
const pageQuery = (page) => page.evaluate(() => location.search.replace(/^\?/, ''));

/** Two animation frames and a pause: effects, redraws and replaceState have run. */
const settle = (page, ms = 150) =>
  page.evaluate((ms) => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, ms)))), ms);

/** Asserts the page's metrics equal the binary's for `query`, name by name. */
function assertSameAsHost(shown, query, what) {
  const expected = hostValues(query);
  const names = Object.keys(shown);
  assert.ok(names.length >= ISSUE_5_NAMES.length, `${what}: ${names.length} metrics on the page`);
  const unknown = names.filter((n) => !(n in expected));
  assert.deepEqual(unknown, [], `${what}: metrics on the page that the binary does not print`);
  const missing = ISSUE_5_NAMES.filter((n) => !(n in shown));
  assert.deepEqual(missing, [], `${what}: issue 5 metrics missing from the page`);
  const differ = names.filter((n) => shown[n] !== expected[n]).map((n) => `${n}: page ${JSON.stringify(shown[n])}, host ${JSON.stringify(expected[n])}`);
  assert.deepEqual(differ, [], `${what}: page and host binary disagree (query ${JSON.stringify(query)})`);
}

/** The calculator's figures as { name: text shown }. */
const metricTexts = (page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#calculator [data-metric]')].map((e) => [e.dataset.metric, e.textContent])));

/** Commits a typed value in a numeric control's text field, as a reader does (type, then Tab). */
async function typeInto(page, name, value) {
  const input = page.locator(`#control-${name}`);
  await input.fill(String(value));
  await input.press('Tab');
}

/** Polls until `metric`'s data-value differs from `before`; returns the new value. */
async function metricChange(run, metric, before, what) {
  return run.waitFor(
    ([m, b]) => {
      const v = document.querySelector(`[data-metric="${m}"]`)?.getAttribute('data-value');
      return v !== undefined && v !== null && v !== b ? v : null;
    },
    { arg: [metric, before], timeout: 10000, what },
  );
}

const text = (page, selector) => page.locator(selector).first().innerText();

// ---------------------------------------------------------------------------------------------
// 1. The URL set: the page shows what the host binary prints.

const seenNonEmpty = new Map(); // metric name -> URL names where it is non-empty
const pagesCompared = [];

test('the URL set has at least eight cases', () => {
  assert.ok(URLS.length >= 8, `${URLS.length} URLs in tests/fixtures/calculator_urls.tsv`);
});

for (const [name, query] of URLS) {
  test(`URL set: ${name} (?${query}): every data-value equals the host binary's`, async (t) => {
    const run = await open(query);
    try {
      const hostOut = host(query);
      assert.deepEqual(hostOut.notices, [], 'the host parser has no notice for this URL');
      const notices = await run.page.locator('.notices').count();
      assert.equal(notices, 0, 'no notice on the page');

      const shown = await pageMetrics(run.page);
      assertSameAsHost(shown, query, name);
      for (const [metric, value] of Object.entries(shown)) {
        if (value !== '') seenNonEmpty.set(metric, [...(seenNonEmpty.get(metric) || []), name]);
      }
      pagesCompared.push(name);

      // The cards and charts are there and drawn; Monte Carlo adds its two charts.
      for (const card of ['.card-loan', '.card-convertible', '.card-secured']) {
        assert.ok((await text(run.page, `${card} .card-sentence`)).trim().length > 20, `${card} has its sentence`);
      }
      const canvases = await run.canvases();
      assert.deepEqual(canvases.filter((c) => !c.drawn).map((c) => c.label), [], 'every chart is drawn');
      // The calculator's own charts (the story's Monte Carlo section has charts of the same name).
      const labels = await run.page.evaluate(() => [...document.querySelectorAll('#calculator canvas')].map((c) => c.getAttribute('aria-label')));
      const monteCarlo = /(^|&)path=montecarlo(&|$)/.test(query);
      for (const title of ['Probability the loan has defaulted, by month', 'Spread of total dilution under the convertible']) {
        assert.equal(labels.includes(title), monteCarlo, `${title} is shown only with Monte Carlo on`);
      }
      if (monteCarlo) {
        assert.match(await text(run.page, '.card-loan .card-sentence'), /^Central path: /, 'cards show the central path');
      }
      // Words agree with the figures: any conversion price a sentence or chart summary quotes
      // is the card's `convert-conversion-price` (the same cents, the same rounding).
      const prose = await run.page.evaluate(() =>
        [...document.querySelectorAll('#calculator .card-sentence, #calculator .comparison, #calculator .chart-summary')].map((e) => e.textContent),
      );
      for (const [, quoted] of prose.join('\n').matchAll(/\$([\d,]+\.\d\d) conversion price/g)) {
        assert.equal(quoted.replace(/,/g, ''), shown['convert-conversion-price'], `the prose quotes the conversion price as $${quoted}`);
      }
      t.diagnostic(`${Object.keys(shown).length} metrics equal; loan: ${await text(run.page, '.card-loan .card-sentence')}`);
      await run.assertClean();
    } finally {
      await run.close();
    }
  });
}

test('across the URL set every metric issue 5 lists is non-empty at least once', () => {
  assert.equal(pagesCompared.length, URLS.length, 'every URL of the set was compared');
  const never = ISSUE_5_NAMES.filter((n) => !seenNonEmpty.has(n));
  assert.deepEqual(never, [], 'metrics empty on every page of the set');
});

// ---------------------------------------------------------------------------------------------
// 2. A hostile URL.

test('a hostile URL: notices name each parameter and the value used; nothing is injected; the page works', async (t) => {
  const payload = {
    premium: 'NaN',
    hashprice: '1e308',
    share_price: '<script>alert(1)</script>',
    settlement: '<img src=x onerror=alert(1)>',
  };
  const query = `premium=NaN&hashprice=1e308&share_price=<script>alert(1)</script>&settlement=${encodeURIComponent(payload.settlement)}`;
  const run = await open(query);
  try {
    // What the page really received (the browser percent-encodes < and > in the query).
    const received = await pageQuery(run.page);
    const expected = host(received).notices;
    assert.equal(expected.length, 4, `the host parser replaces all four: ${JSON.stringify(expected)}`);

    const shown = await run.page.locator('.notices li').allInnerTexts();
    t.diagnostic(`notices: ${JSON.stringify(shown)}`);
    assert.equal(await run.page.locator('.notices[role="alert"]').count(), 1, 'one notice region, role=alert');
    assert.deepEqual(shown.map((s) => s.trim()), expected, 'the page shows the parser\'s notices');
    for (const name of Object.keys(payload)) {
      const line = shown.find((s) => s.startsWith(`${name}:`));
      assert.ok(line, `a notice names ${name}`);
      assert.match(line, /using \S+/, `the notice on ${name} gives the value used`);
    }
    assert.ok(shown.some((s) => s.includes(payload.share_price)), 'the script payload is shown as text');

    // The value used is the value in force: the page's figures equal the host's for this URL.
    assertSameAsHost(await pageMetrics(run.page), received, 'hostile URL');

    const injected = await run.page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => /alert/.test(s.textContent) || /alert/.test(s.src)).length,
      imgX: [...document.images].filter((i) => i.getAttribute('src') === 'x').length,
      onerror: document.querySelectorAll('[onerror]').length,
      scriptInNotices: document.querySelectorAll('.notices script, .notices img').length,
    }));
    assert.deepEqual(injected, { scripts: 0, imgX: 0, onerror: 0, scriptInNotices: 0 }, 'nothing from the payload entered the DOM');
    assert.deepEqual(run.dialogs, [], 'no alert ran');

    for (const card of ['.card-loan', '.card-convertible', '.card-secured']) {
      assert.equal(await run.page.locator(card).count(), 1, `${card} is there`);
    }
    const canvases = await run.canvases();
    assert.ok(canvases.length >= 4 && canvases.every((c) => c.drawn), 'every chart is drawn');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

// ---------------------------------------------------------------------------------------------
// 3. Controls change the right things.

const LOAN_CHART = 'Loan: what is owed against what the machines are worth';
const OWNERSHIP_CHART = 'Convertible: ownership kept against the share price at maturity';
const PATH_CHART = 'Hashprice path and breakevens';

test('typing a premium moves the convertible, not the loan, and redraws only the charts that changed', async (t) => {
  const run = await open('');
  const page = run.page;
  try {
    const before = await pageMetrics(page);
    const drawsBefore = await draws(page);
    const current = Number(await page.locator('#control-premium').inputValue());
    const next = current === 50 ? 45 : 50;
    const historyBefore = await page.evaluate(() => history.length);

    await typeInto(page, 'premium', next);
    await metricChange(run, 'convert-conversion-price', before['convert-conversion-price'], 'the conversion price to change');
    await settle(page);
    const after = await pageMetrics(page);
    const drawsAfter = await draws(page);
    t.diagnostic(`premium ${current} -> ${next}: conversion price ${before['convert-conversion-price']} -> ${after['convert-conversion-price']}; draws ${JSON.stringify(drawsBefore)} -> ${JSON.stringify(drawsAfter)}`);

    assert.notEqual(after['convert-dilution-reported'], before['convert-dilution-reported'], 'reported dilution changes');
    const loanChanged = Object.keys(before).filter((n) => n.startsWith('loan-') && after[n] !== before[n]);
    assert.deepEqual(loanChanged, [], 'no loan-* metric changes');
    assert.ok(drawsAfter[OWNERSHIP_CHART] > drawsBefore[OWNERSHIP_CHART], 'the ownership chart redraws');
    assert.equal(drawsAfter[LOAN_CHART], drawsBefore[LOAN_CHART], 'the loan chart does not redraw');
    assert.equal(drawsAfter[PATH_CHART], drawsBefore[PATH_CHART], 'the hashprice chart does not redraw');

    const query = await pageQuery(page);
    assert.match(query, new RegExp(`(^|&)premium=${next}(&|$)`), `the URL holds the premium: ${query}`);
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'the URL is replaced, not pushed');
    assertSameAsHost(after, query, 'after typing a premium');

    // ArrowUp in the number field steps it.
    await page.locator('#control-premium').press('ArrowUp');
    const stepped = await metricChange(run, 'convert-conversion-price', after['convert-conversion-price'], 'ArrowUp to step the premium');
    assert.ok(Number(await page.locator('#control-premium').inputValue()) > next, 'ArrowUp raises the premium');
    assert.ok(Number(stepped) > Number(after['convert-conversion-price']), 'and the conversion price');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('a slider moves with the keyboard', async () => {
  const run = await open('');
  const page = run.page;
  try {
    const before = await pageMetrics(page);
    const typed = Number(await page.locator('#control-premium').inputValue());
    const slider = page.getByRole('slider', { name: 'Conversion premium, slider' });
    await slider.focus();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowRight');
    const price = await metricChange(run, 'convert-conversion-price', before['convert-conversion-price'], 'the slider to move the premium');
    await settle(page);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page does not scroll on input');
    assert.ok(Number(price) > Number(before['convert-conversion-price']), 'ArrowRight raises the conversion price');
    const now = Number(await page.locator('#control-premium').inputValue());
    assert.ok(now > typed, `the number field follows the slider (${typed} -> ${now})`);
    const query = await pageQuery(page);
    assert.match(query, /(^|&)premium=/, `the URL holds the premium: ${query}`);
    assertSameAsHost(await pageMetrics(page), query, 'after the slider');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('in replay mode the hashprice control is disabled, with the reason', async () => {
  const run = await open('');
  const page = run.page;
  try {
    assert.equal(await page.locator('#control-hashprice').isDisabled(), false, 'enabled on the trend path');
    await page.locator('#control-path').selectOption('replay');
    await run.waitFor(() => document.getElementById('control-hashprice')?.disabled, { timeout: 5000, what: 'the hashprice field to be disabled' });
    assert.equal(await page.getByRole('slider', { name: 'Hashprice at closing, slider' }).isDisabled(), true, 'the slider too');
    assert.equal((await page.locator('#control-hashprice-hint').innerText()).trim(), 'History sets the hashprice in a replay.');
    await settle(page);
    const query = await pageQuery(page);
    assert.match(query, /(^|&)path=replay(&|$)/);
    assertSameAsHost(await pageMetrics(page), query, 'replay');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('deal presets: Cipher\'s convertible loads with its source, its company and assumed terms; a row without terms says so', async (t) => {
  const deals = JSON.parse(readFileSync(path.join(ROOT, 'data/offerings.json'), 'utf8')).deals;
  const cipher = deals.find((d) => d.id === 'CIFR-2025-09');
  const run = await open('');
  const page = run.page;
  try {
    await page.locator('#preset-select').selectOption('deal:CIFR-2025-09');
    await page.locator('.preset-banner').waitFor({ timeout: 5000 });
    const banner = await page.locator('.preset-banner').innerText();
    t.diagnostic(`banner: ${banner.replace(/\n+/g, ' | ')}`);
    assert.ok(banner.includes(cipher.issuer), `the banner names the issuer (${cipher.issuer})`);
    assert.equal(await page.locator('.preset-banner a').getAttribute('href'), cipher.source_url, 'the banner links the deal\'s source');
    assert.match(await page.locator('.preset-banner .assumed').innerText(), /^Assumed, not from the dataset: .*AI\/HPC/i, 'assumed terms are listed, the AI/HPC share among them');
    assert.match(banner, /The company is CIFR on 12 Sep 2025/, 'the banner says whose company the preset runs');
    await settle(page);
    // Loading the preset gives what the URL `deal=CIFR-2025-09` gives, and the URL says so.
    assertSameAsHost(await pageMetrics(page), 'deal=CIFR-2025-09', 'Cipher preset');
    const query = await pageQuery(page);
    assert.match(query, /(^|&)deal=CIFR-2025-09(&|$)/, query);
    assertSameAsHost(await pageMetrics(page), query, 'Cipher preset, by its URL');

    const before = await pageMetrics(page);
    await page.locator('#preset-select').selectOption('deal:IREN-2021-NYDIG');
    await run.waitFor(() => /no terms to load/.test(document.querySelector('.preset-message')?.textContent || ''), {
      timeout: 5000,
      what: 'the "no terms to load" message',
    });
    assert.match(await page.locator('.preset-message').innerText(), /IREN-2021-NYDIG: no terms to load/);
    await settle(page);
    assert.deepEqual(await pageMetrics(page), before, 'nothing was loaded');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

// ---------------------------------------------------------------------------------------------
// 4. "Done when": a 2021-style loan struck in early 2022 defaults during 2022 while a
//    zero-coupon convertible survives and dilutes.

/** Reads the cards and checks the story; returns the sentences. */
async function assertTheStory(run, what) {
  const page = run.page;
  const shown = await pageMetrics(page);
  const loan = await text(page, '.card-loan .card-sentence');
  const convertible = await text(page, '.card-convertible .card-sentence');
  const comparison = await text(page, '.comparison');

  const m = loan.match(/(?:^|\. )In month (\d+), (\w+) (\d{4}), .* the lender takes ([\d,]+) PH\/s of machines \(([\d,]+) machines\)/);
  assert.ok(m, `${what}: the loan card says the lender takes machines: ${loan}`);
  assert.equal(m[3], '2022', `${what}: in 2022: ${loan}`);
  assert.ok(Number(m[4].replace(/,/g, '')) > 0, `${what}: some machines are taken`);
  assert.equal(m[1], shown['loan-default-month'], `${what}: the sentence's month is loan-default-month`);
  assert.match(comparison, /under the loan, after the lender took its pledged machines/, `${what}: ${comparison}`);

  assert.equal(shown['convert-coupons-paid'], '0.00', `${what}: a zero-coupon convertible`);
  assert.equal(shown['convert-default-month'], '', `${what}: the notes survive (no default)`);
  assert.doesNotMatch(convertible, /default/, `${what}: ${convertible}`);
  assert.match(convertible, /new shares/, `${what}: the notes dilute: ${convertible}`);
  const kept = convertible.match(/owners keep (\d+(?:\.\d+)?)%/);
  assert.ok(kept && Number(kept[1]) < 100, `${what}: owners keep less than 100%: ${convertible}`);
  assert.ok(Number(shown['convert-dilution-total']) > 0, `${what}: convert-dilution-total > 0`);
  return { loan, convertible, comparison };
}

test('Done when: with the controls alone, the 2022 loan defaults in 2022 while the convertible survives and dilutes', async (t) => {
  const run = await open('');
  const page = run.page;
  try {
    await page.locator('#control-path').selectOption('replay');
    await page.locator('#control-start').fill('2022-01');
    await typeInto(page, 'fleet', 1100); // a 1,100 PH/s fleet
    await typeInto(page, 'efficiency', 30); // S19-class machines
    await typeInto(page, 'principal', 70000000); // $70M raised
    await typeInto(page, 'coupon', 0); // a zero-coupon convertible
    // Machines bought in 2020-21 with two years of life left: worth less to keep than the
    // loan once hashprice fell, so the borrower walks away (with four years left, they still
    // earn more than the loan and the parent keeps paying).
    await typeInto(page, 'machine_life', 24);
    await settle(page, 300);
    const query = await pageQuery(page);
    t.diagnostic(`URL after the controls: ?${query}`);
    for (const part of ['path=replay', 'start=2022-01', 'fleet=1100', 'efficiency=30', 'principal=70000000', 'machine_life=24']) {
      assert.ok(query.split('&').includes(part), `the URL holds ${part}: ${query}`);
    }
    assertSameAsHost(await pageMetrics(page), query, 'the story via controls');
    const s = await assertTheStory(run, 'controls');
    t.diagnostic(`loan: ${s.loan}`);
    t.diagnostic(`convertible: ${s.convertible}`);
    t.diagnostic(`comparison: ${s.comparison}`);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('Done when: the "2022 replay" preset tells the same story', async (t) => {
  const run = await open('');
  const page = run.page;
  try {
    await page.locator('#preset-select').selectOption('scenario:2022-replay');
    await page.locator('.preset-banner').waitFor({ timeout: 5000 });
    await settle(page, 300);
    const query = await pageQuery(page);
    assertSameAsHost(await pageMetrics(page), query, '2022 preset');
    // The figures' words, rewritten in place after the preset changed the start month and
    // every assumption, read as the same query loaded afresh builds them.
    const fresh = await open(query);
    try {
      const [updated, built] = await Promise.all([page, fresh.page].map((p) => metricTexts(p)));
      assert.ok(Object.keys(built).length >= ISSUE_5_NAMES.length, `${Object.keys(built).length} figures read`);
      assert.deepEqual(updated, built, 'figure texts after the preset equal a fresh load of its link');
    } finally {
      await fresh.close();
    }
    const s = await assertTheStory(run, 'preset');
    t.diagnostic(`loan: ${s.loan}`);
    t.diagnostic(`convertible: ${s.convertible}`);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

// ---------------------------------------------------------------------------------------------
// 5. Screenshots.

for (const viewport of [
  { width: 1280, height: 900, deviceScaleFactor: 1 },
  { width: 360, height: 780, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
]) {
  test(`calculator screenshot at ${viewport.width} px`, async (t) => {
    const run = await open('', viewport);
    try {
      const calculator = run.page.locator('#calculator');
      await mkdir(SCREENSHOTS, { recursive: true });
      // The whole calculator (on a desktop its controls column is sticky, so an element shot
      // shows it where it sticks), and what a reader sees on arriving at it.
      const file = path.join(SCREENSHOTS, `calculator-${viewport.width}.png`);
      await calculator.screenshot({ path: file });
      await calculator.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await settle(run.page, 300);
      const view = path.join(SCREENSHOTS, `calculator-${viewport.width}-viewport.png`);
      await run.page.screenshot({ path: view });
      for (const f of [file, view]) {
        console.error(`screenshot (calculator, ${viewport.width} px): ${f}`);
        t.diagnostic(f);
      }
      if (viewport.width <= 480) {
        const overflow = await run.horizontalOverflow();
        assert.equal(overflow.overflows, false, `no horizontal scroll at ${viewport.width} px: ${JSON.stringify(overflow)}`);
      }
      const canvases = await run.canvases();
      assert.ok(canvases.every((c) => c.drawn), 'every chart is drawn');
      await run.assertClean();
    } finally {
      await run.close();
    }
  });
}
