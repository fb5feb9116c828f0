// End-to-end: share and download (issue 7), on the release build under the strict CSP.
//
//  - "Copy link" gives the current state's address (defaults omitted, v included), on the
//    clipboard when allowed and always in a selected field; the link reproduces the figures.
//  - The embed dialog shows a sandboxed, lazy iframe snippet with the licences, traps focus,
//    and gives focus back to its button when closed.
//  - Downloads: a chart's SVG (made under the CSP with zero violations, holding the chart's
//    title), its PNG (at the device pixel ratio), and the scenario's CSV and JSON, whose rows
//    match each other and the scenario in the URL, with descriptive file names.
//  - The link-preview image of the Open Graph tags is in the build and is not blank.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

async function open(query = '', options = {}) {
  const run = await openPage(shared.browser, `${shared.site.url}${query}`, { width: 1280, height: 900, ...options });
  await run.waitForApp();
  return run;
}

/** The calculator's data-metric values. */
const metrics = (run) =>
  run.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#calculator [data-metric]')].map((e) => [e.dataset.metric, e.dataset.value])));

test('copy link gives the current state, on the clipboard and in a selected field, and the link reproduces the figures', async () => {
  const run = await open();
  try {
    await run.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.origin });
    // Change one value through the premium's number field.
    const field = run.page.locator('#control-premium');
    await field.fill('45');
    await field.press('Enter');
    await run.page.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const status = run.page.locator('.share-link .tool-status');
    await assertEventually(async () => (await status.textContent()).includes('Copied'), 'the status says the link was copied');
    const link = await run.page.inputValue('#share-link-field');
    assert.match(link, /\?v=2&premium=45$/, link);
    assert.equal(await run.page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(await run.page.locator('#share-link-field').isVisible(), 'the link is shown as well');
    const shown = await metrics(run);
    const again = await openPage(shared.browser, link, { width: 1280 });
    try {
      await again.waitForApp();
      assert.deepEqual(await metrics(again), shown, 'the copied link shows the same figures');
      await again.assertClean();
    } finally {
      await again.close();
    }
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('without clipboard permission the link is selected in a field and the status says how to copy it', async () => {
  const run = await open();
  try {
    await run.page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await run.page.getByRole('button', { name: 'Copy link to this scenario' }).click();
    await assertEventually(async () => /not available here/.test(await run.page.locator('.share-link .tool-status').textContent()), 'the fallback message');
    const selected = await run.page.evaluate(() => {
      const f = document.getElementById('share-link-field');
      return { visible: f.offsetWidth > 0, selected: f.value.slice(f.selectionStart, f.selectionEnd), value: f.value };
    });
    assert.ok(selected.visible, 'the link field is shown');
    assert.equal(selected.selected, selected.value, 'the whole link is selected');
    assert.match(selected.value, /\?v=2$/);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('the embed dialog gives a sandboxed snippet with the licences, traps focus and returns it', async () => {
  const run = await open('?premium=45');
  try {
    const button = run.page.locator('#calc-ownership .tool-embed');
    await button.click();
    const dialog = run.page.locator('dialog.embed-dialog');
    await assertEventually(() => dialog.evaluate((d) => d.open), 'the dialog opens');
    const code = await run.page.inputValue('#embed-code');
    const src = code.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
    const url = new URL(src);
    assert.equal(url.searchParams.get('embed'), 'ownership');
    assert.equal(url.searchParams.get('premium'), '45');
    assert.equal(url.searchParams.get('v'), '2');
    for (const pinned of ['hashprice', 'coupon', 'maturity', 'secured_coupon', 'settlement', 'wall', 'seed']) {
      assert.ok(url.searchParams.has(pinned), `the embed pins ${pinned}: ${src}`);
    }
    for (const part of ['loading="lazy"', 'title="Convertible: ownership kept', 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"', 'height="', '/embed.js" async></script>']) {
      assert.ok(code.includes(part), `${part} in ${code}`);
    }
    assert.match(await dialog.textContent(), /Coin Metrics community data under CC BY-NC 4\.0/);
    await run.page.selectOption('#embed-theme', 'dark');
    assert.match(await run.page.inputValue('#embed-code'), /&amp;theme=dark&amp;/);
    // Focus stays in the dialog however far the reader tabs.
    for (let i = 0; i < 12; i++) {
      await run.page.keyboard.press('Tab');
      assert.ok(await run.page.evaluate(() => !!document.activeElement?.closest('dialog.embed-dialog') || document.activeElement === document.body), `tab ${i} left the dialog`);
    }
    await run.page.keyboard.press('Escape');
    await assertEventually(async () => !(await dialog.evaluate((d) => d.open)), 'Escape closes the dialog');
    assert.ok(await button.evaluate((b) => document.activeElement === b), 'focus returns to the Embed button');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('downloads: SVG under the CSP, PNG at the pixel ratio, and the scenario as CSV and JSON', async () => {
  const query = '?hashprice=45&path=trend&start=2025-12';
  const run = await open(query, { deviceScaleFactor: 2 });
  try {
    const tools = run.page.locator('#calc-loan .figure-tools');
    const take = async (name) => {
      const [download] = await Promise.all([run.page.waitForEvent('download'), tools.getByRole('button', { name: new RegExp(`^${name}`) }).click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: await readFile(file) };
    };
    const svg = await take('SVG');
    assert.equal(svg.name, 'miner-debt-loan-balance-2025-12.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(text.includes('Loan: what is owed against what the machines are worth'), 'the SVG holds the chart title');
    assert.ok(text.includes('Model: debt-or-dilution'), 'and the credit');

    const png = await take('PNG');
    assert.equal(png.name, 'miner-debt-loan-balance-2025-12.png');
    assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.bytes.readUInt32BE(16), 960 * 2, 'PNG width: 960 CSS px at device pixel ratio 2');

    const csv = await take('CSV');
    assert.equal(csv.name, 'miner-debt-loan-balance-2025-12.csv');
    const rows = csv.bytes.toString('utf8').trim().split('\n').map((l) => l.split(','));
    const header = rows.shift();
    assert.deepEqual(header.slice(0, 3), ['month', 't', 'hashprice_usd_per_ph_day']);
    assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');
    assert.equal(rows[0][0], '2025-11', 't = 0 is the month before the start');
    assert.equal(Number(rows[0][2]), 45, 'the hashprice at closing is the URL\'s');
    assert.deepEqual(rows.map((r) => Number(r[1])), rows.map((_, i) => i));

    const json = JSON.parse((await take('JSON')).bytes.toString('utf8'));
    assert.deepEqual(json.columns, header);
    assert.equal(json.rows.length, rows.length);
    // The same numbers: JSON holds them as numbers (which JavaScript prints in its own form,
    // 1e-28 where Rust writes every digit), the CSV as text.
    const asNumbers = (cells) => cells.map((c) => (c === null || c === '' ? null : Number.isNaN(Number(c)) ? c : Number(c)));
    json.rows.forEach((row, i) => assert.deepEqual(asNumbers(row), asNumbers(rows[i]), `row ${i}`));
    assert.match(json.query, /(^|&)hashprice=45(&|$)/);
    assert.match(await tools.locator('.tool-status').textContent(), /Downloading miner-debt-loan-balance-2025-12\.json/);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('the link-preview image is in the build, named by the Open Graph tags, and not blank', async () => {
  const run = await open();
  try {
    const image = await run.page.evaluate(() => document.querySelector('meta[property="og:image"]').content);
    assert.equal(image, 'preview.png');
    assert.equal(await run.page.evaluate(() => document.querySelector('meta[name="twitter:card"]').content), 'summary_large_image');
    const stats = await run.page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
      }
      return { width: c.width, height: c.height, colours: colours.size, ink: ink / (d.length / 4) };
    }, image);
    assert.deepEqual([stats.width, stats.height], [1200, 630]);
    assert.ok(stats.colours > 50, `a drawn chart has many colours, found ${stats.colours}`);
    assert.ok(stats.ink > 0.03, `at least 3% of the image is ink, found ${(stats.ink * 100).toFixed(1)}%`);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

async function assertEventually(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) assert.fail(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
