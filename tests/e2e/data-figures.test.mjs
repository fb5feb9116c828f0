// End-to-end: what a reader does with the data part of the explainer. Hovering, touching or
// focusing a chart mark shows what it is (pixels mapped back to data); the deal table sorts,
// filters and links every source; the dataset downloads are static files next to the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

/** The tooltip text of the chart whose canvas has this accessible name ('' when hidden). */
async function tooltipOf(page, label) {
  return page.evaluate((label) => {
    const canvas = [...document.querySelectorAll('canvas')].find((c) => c.getAttribute('aria-label') === label);
    const tip = canvas?.parentElement.querySelector('.tooltip');
    return tip && !tip.hidden ? tip.textContent : '';
  }, label);
}

const ISSUANCE = 'Debt raised by public Bitcoin miners, by quarter';
const HISTORY = 'Hashprice, daily, January 2021 to November 2025';
const SCATTER = 'Then and now: every deal by date and coupon';

test('hovering a bar shows its quarter, total and deals', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    const canvas = run.page.getByRole('img', { name: ISSUANCE });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // The last bar (Q4 2025, the tallest) sits at the right end of the plot, near the bottom.
    let text = '';
    for (let x = box.width - 6; x > box.width * 0.85 && !text.includes('Q4 2025'); x -= 4) {
      await run.page.mouse.move(box.x + x, box.y + box.height - 40);
      text = await tooltipOf(run.page, ISSUANCE);
    }
    // Applied Digital's notes are outside the sums: not a pure-play miner.
    assert.match(text, /^Q4 2025: \$8\.97B in 8 deals from 6 issuers \(CLSK, CIFR, WULF, IREN, BITF, BTDR\)$/, text);
    await run.page.mouse.move(box.x + 2, box.y + 2);
    assert.equal(await tooltipOf(run.page, ISSUANCE), '', 'moving off the marks hides the tooltip');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('keyboard focus steps through marks and days', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    await run.page.getByRole('img', { name: ISSUANCE }).focus();
    await run.page.keyboard.press('Home');
    assert.match(await tooltipOf(run.page, ISSUANCE), /^Q1 2021: no deal in the dataset closed in this quarter/);
    for (let i = 0; i < 15; i++) await run.page.keyboard.press('ArrowRight');
    assert.match(await tooltipOf(run.page, ISSUANCE), /^Q4 2024: \$5\.02B in 8 deals/);

    await run.page.getByRole('img', { name: HISTORY }).focus();
    await run.page.keyboard.press('End');
    assert.equal(await tooltipOf(run.page, HISTORY), '21 Nov 2025: $35.34 per PH/s per day');
    await run.page.keyboard.press('ArrowLeft');
    assert.match(await tooltipOf(run.page, HISTORY), /^14 Nov 2025: /, 'left arrow steps back a week');

    await run.page.getByRole('img', { name: SCATTER }).focus();
    await run.page.keyboard.press('Home');
    assert.match(await tooltipOf(run.page, SCATTER), /\(MARA\), 2021-11-15: \$747\.5M convertible notes, coupon 1%, unsecured/);
    await run.page.keyboard.press('Escape');
    assert.equal(await tooltipOf(run.page, SCATTER), '');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('touching a day on the history shows its value', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 360, height: 780, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  try {
    await run.waitForApp();
    const canvas = run.page.getByRole('img', { name: HISTORY });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await run.page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
    assert.match(await tooltipOf(run.page, HISTORY), /^\d{1,2} \w{3} 202[3-4]: \$\d+\.\d\d per PH\/s per day$/);
    const touchAction = await canvas.evaluate((c) => getComputedStyle(c).touchAction);
    assert.equal(touchAction, 'pan-y', 'touching a chart never blocks vertical scrolling');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('the deal table sorts, filters and links every source', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    const page = run.page;
    const count = () => page.locator('.table-count').textContent();
    const firstRow = () => page.locator('table.deals tbody tr').first().innerText();
    assert.equal(await count(), '63 of 63 deals');
    assert.equal(await page.locator('table.deals tbody tr').count(), 63);

    await page.getByRole('button', { name: 'Amount' }).click();
    await page.getByRole('button', { name: 'Amount' }).click();
    assert.match(await firstRow(), /WULF[\s\S]*\$3\.2B/, 'descending by amount puts TeraWulf\'s $3.2B notes first');
    assert.equal(await page.locator('th[aria-sort="descending"]').innerText().then((t) => t.trim().replace(/\s*▼$/, '')), 'Amount');

    await page.getByLabel('Issuer').selectOption('MARA');
    const maraRows = await page.locator('table.deals tbody tr').count();
    assert.equal(await count(), `${maraRows} of 63 deals`);
    assert.ok(maraRows >= 5, `${maraRows} MARA deals`);
    await page.getByLabel('Period').selectOption('then');
    assert.match(await count(), /^[1-3] of 63 deals$/);
    await page.getByLabel('Issuer').selectOption('');
    await page.getByLabel('Period').selectOption('');
    await page.getByLabel('Scope').selectOption('other');
    assert.equal(await count(), '3 of 63 deals', 'Galaxy (two rows) and Applied Digital are outside the sums');
    assert.match(await firstRow(), /not a miner: outside the sums/);
    await page.getByLabel('Scope').selectOption('');
    await page.getByLabel('Instrument').selectOption('convertible');
    assert.equal(await count(), '25 of 63 deals');

    const links = await page.locator('table.deals tbody a').evaluateAll((as) => as.map((a) => a.href));
    assert.equal(links.length, 25);
    assert.ok(links.every((h) => /^https?:\/\//.test(h)), 'every row links its source');

    for (const [name, type] of [['CSV', /text\/csv/], ['JSON', /application\/json/]]) {
      const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
      const response = await page.request.get(new URL(href, page.url()).href);
      assert.equal(response.status(), 200, `${name} download is served`);
      assert.match(response.headers()['content-type'], type);
      const body = await response.text();
      assert.ok(body.includes('WULF-2025-10-SSN'), `${name} holds the dataset`);
    }
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('the headline figures agree with the then-vs-now table computed from the deals', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    const page = run.page;
    const headline = (label) => page.locator('.headlines div', { hasText: label }).locator('dd').first().textContent();
    const cell = (row, col) => page.locator('.era-table tbody tr', { hasText: row }).locator('td').nth(col).textContent();
    // Five measures and five kinds of debt's coupons.
    assert.equal(await page.locator('.era-table tbody tr').count(), 10);
    assert.equal(await headline('Raised by pure-play miners in 2024–25'), await cell('Amount raised', 1));
    const note = await page.locator('.headlines div', { hasText: 'Raised by pure-play miners' }).locator('.headline-note').textContent();
    assert.ok(note.includes(await cell('Amount raised', 0)), `${note} cites the 2021–22 total`);
    assert.match(await headline('Largest quarter'), /^\$\d+\.\d\dB$/);
    assert.match(await page.locator('.headlines div', { hasText: 'Largest quarter' }).locator('.headline-note').textContent(), /not yet complete/);
    assert.equal(await cell('Coupons: machine and bitcoin-backed loans', 0), '9.7–14.5% (6 deals)');
    assert.equal(await headline("Miners' debt outstanding"), '$12.7B');
    // The shift the story is about: machines and bitcoin secured far more of the first wave.
    const pct = async (row, col) => Number.parseFloat((await cell(row, col)).replace('%', ''));
    assert.ok((await pct('Secured by machines or bitcoin', 0)) > (await pct('Secured by machines or bitcoin', 1)));
    assert.ok((await pct('Raised for AI/HPC', 1)) > (await pct('Raised for AI/HPC', 0)));
    await run.assertClean();
  } finally {
    await run.close();
  }
});
