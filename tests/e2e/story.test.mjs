// The story (issue 6): every section renders with its chart drawn; no figure is typed into the
// prose (digits outside computed elements must be on tests/fixtures/prose_digits.txt); moving
// an inline number changes the prose numbers that depend on it and no others; glossary terms
// open by keyboard; "open in the calculator" copies a section's scenario into the URL; and
// full-page screenshots at 1280 and 360 px, light and dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

const SECTIONS = ['opening', 'then-and-now', 'squeeze', 'loan-breaks', 'convertible-dilutes', 'same-path', 'ai-bet', 'ice-cube', 'futures', 'sources'];

/** The allowlist as [RegExp] (patterns and escaped literals). */
function allowlist() {
  const out = [];
  for (const line of readFileSync(path.join(ROOT, 'tests/fixtures/prose_digits.txt'), 'utf8').split('\n')) {
    if (line.startsWith('pattern: ')) out.push(new RegExp(line.slice(9), 'gu'));
    else if (line.startsWith('literal: ')) out.push(new RegExp(line.slice(9).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'));
  }
  return out;
}

/** Every computed element's text on the page, by section and name. */
function outputs(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-out]')].map((el) => ({
    section: el.closest('section')?.id,
    name: el.getAttribute('data-out'),
    text: el.textContent,
  })));
}

test('every section renders, in order, with its chart drawn', async () => {
  const run = await openPage(shared.browser, shared.site.url);
  try {
    await run.waitForApp();
    const report = await run.page.evaluate(() => [...document.querySelectorAll('section.story-section')].map((s) => ({
      id: s.id,
      heading: s.querySelector('h2')?.textContent,
      canvases: s.querySelectorAll('canvas').length,
      prose: s.querySelector('.prose')?.textContent.length ?? 0,
      rows: s.querySelectorAll('tbody tr').length,
    })));
    assert.deepEqual(report.map((s) => s.id), SECTIONS);
    const canvases = await run.canvases();
    assert.deepEqual(canvases.filter((c) => !c.drawn).map((c) => c.label), [], 'every canvas is drawn');
    for (const s of report) {
      assert.ok(s.heading, `${s.id} has a heading`);
      assert.ok(s.prose > 100, `${s.id} has prose`);
      if (s.id === 'sources') assert.ok(s.rows > 50, 'the deal table lists the deals');
      else assert.ok(s.canvases > 0 || s.id === 'then-and-now' && s.canvases > 0, `${s.id} has a chart`);
    }
    const empty = (await outputs(run.page)).filter((o) => !o.text || o.text === '—');
    assert.deepEqual(empty, [], 'every computed element has a value');
    assert.deepEqual(await run.axe(), [], 'axe finds no WCAG 2.1 A/AA or best-practice violation on the story');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('no figure in the prose is typed in: digits outside computed elements are allowlisted', async () => {
  const run = await openPage(shared.browser, shared.site.url);
  try {
    await run.waitForApp();
    const texts = await run.page.evaluate(() => {
      const out = [];
      for (const prose of document.querySelectorAll('section.story-section .prose, section.story-section h2')) {
        const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement.closest('[data-out], [data-in], .term-tip')) continue;
          out.push({ section: prose.closest('section').id, text: node.textContent });
        }
      }
      return out;
    });
    const patterns = allowlist();
    const stray = [];
    for (const { section, text } of texts) {
      let rest = text;
      for (const p of patterns) rest = rest.replace(p, '');
      if (/\d/.test(rest)) stray.push(`${section}: ${text.trim()}`);
    }
    assert.deepEqual(stray, []);
    // The walk sees the prose: the check would catch a typed figure.
    assert.ok(texts.some((t) => /2021/.test(t.text)));
  } finally {
    await run.close();
  }
});

test('moving an inline number changes the numbers that depend on it, and no others', async () => {
  const run = await openPage(shared.browser, shared.site.url);
  try {
    await run.waitForApp();
    const before = await outputs(run.page);
    const input = run.page.locator('#squeeze [data-in="efficiency"]');
    assert.equal(await input.getAttribute('role'), 'spinbutton');
    assert.equal(await input.textContent(), '30.5');
    await input.focus();
    for (let i = 0; i < 25; i++) await run.page.keyboard.press('ArrowDown');
    assert.equal(await input.textContent(), '18');
    assert.equal(await input.getAttribute('aria-valuenow'), '18');
    const after = await outputs(run.page);
    const changed = before.filter((o, i) => after[i].text !== o.text).map((o) => `${o.section}:${o.name}`);
    assert.deepEqual(changed.sort(), ['squeeze:be-cash', 'squeeze:be-power', 'squeeze:squeeze-margin', 'squeeze:squeeze-margin-side', 'squeeze:squeeze-verdict']);
    assert.match(after.find((o) => o.name === 'squeeze-verdict').text, /above water/);

    // The history redraws when the breakeven moves, and not when an input leaves it alone.
    const historyDraws = () => run.page.locator('#squeeze canvas').getAttribute('data-draws').then(Number);
    const drawsAfterEfficiency = await historyDraws();
    const hashprice = run.page.locator('#squeeze [data-in="hashprice"]');
    await hashprice.focus();
    await run.page.keyboard.press('ArrowUp');
    assert.equal(await hashprice.textContent(), '$38.50');
    await run.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await historyDraws(), drawsAfterEfficiency, 'a new hashprice does not move the breakeven line');

    // A drag moves it too.
    const box = await input.boundingBox();
    await run.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await run.page.mouse.down();
    await run.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await run.page.mouse.up();
    assert.equal(await input.textContent(), '20.5', 'five steps of 0.5 J/TH for 40 px');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('glossary terms show their definition on focus and hide on Escape', async () => {
  const run = await openPage(shared.browser, shared.site.url);
  try {
    await run.waitForApp();
    const term = run.page.locator('#squeeze [data-term="hashprice"]').first();
    const tipId = await term.getAttribute('aria-describedby');
    assert.ok(tipId, 'the term is described by its definition');
    const tip = run.page.locator(`#${tipId}`);
    assert.equal(await tip.isVisible(), false);
    await term.focus();
    assert.equal(await tip.isVisible(), true);
    assert.match(await tip.textContent(), /petahash/);
    await run.page.keyboard.press('Escape');
    assert.equal(await tip.isVisible(), false);
    assert.ok(await run.page.locator('#sources .glossary dt').count() >= 11, 'the glossary lists every term');
  } finally {
    await run.close();
  }
});

test('"open in the calculator" copies the section scenario into the calculator and the URL', async () => {
  const run = await openPage(shared.browser, shared.site.url);
  try {
    await run.waitForApp();
    await run.page.locator('#loan-breaks .open-in-calculator button').click();
    await run.waitFor(() => location.search.includes('path=replay'), { what: 'the URL to hold the replay' });
    const url = new URL(run.page.url());
    assert.equal(url.searchParams.get('start'), '2022-01');
    assert.equal(url.searchParams.get('fleet'), '1100');
    const banner = await run.page.locator('#same-path').textContent();
    assert.match(banner, /From the story: How an ASIC loan breaks/);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('linked views: a deal pointed at in the table is highlighted in the scatter, and Load fills the calculator', async () => {
  const run = await openPage(shared.browser, shared.site.url);
  try {
    await run.waitForApp();
    const scatter = run.page.locator('canvas[aria-label^="Then and now"]');
    const draws = Number(await scatter.getAttribute('data-draws'));
    const row = run.page.locator('#sources tbody tr', { hasText: 'TeraWulf (WULF Compute LLC)' }).first();
    await row.hover();
    assert.match(await row.getAttribute('class'), /highlighted/);
    await run.waitFor((n) => Number(document.querySelector('canvas[aria-label^="Then and now"]').getAttribute('data-draws')) > n,
      { arg: draws, what: 'the scatter to redraw with the deal highlighted' });
    const tip = await run.page.locator('#then-and-now .tooltip').textContent();
    assert.match(tip, /TeraWulf/, 'the scatter shows the same deal');

    // A row with terms loads them; one without says so.
    await row.getByRole('button', { name: /Load/ }).click();
    await run.waitFor(() => location.search.includes('deal=WULF-2025-10-SSN') || location.search.includes('secured_coupon'), { what: 'the deal in the URL' });
    const noTerms = run.page.locator('#sources tbody tr', { hasText: 'Stronghold' }).last();
    await noTerms.getByRole('button', { name: /Load/ }).click();
    assert.match(await run.page.locator('#sources .table-message').textContent(), /no terms to load|terms loaded/);

    // Choosing in the scatter (focus, arrow to a deal, Enter) does the same.
    await scatter.focus();
    await run.page.keyboard.press('End');
    const chosen = (await run.page.locator('#then-and-now .tooltip').textContent()).trim();
    await run.page.keyboard.press('Enter');
    const said = await run.page.locator('#then-and-now .table-message').textContent();
    assert.match(said, /: (terms loaded into the calculator|no terms to load)/, `after choosing "${chosen}"`);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('printing keeps the story and its charts and drops the controls; 1440 px has no horizontal scroll', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1440, height: 900 });
  try {
    await run.waitForApp();
    assert.equal((await run.horizontalOverflow()).overflows, false);
    await run.page.emulateMedia({ media: 'print' });
    const printed = await run.page.evaluate(() => ({
      sections: [...document.querySelectorAll('section.story-section')].filter((s) => s.offsetHeight > 0).length,
      charts: [...document.querySelectorAll('canvas')].filter((c) => c.offsetHeight > 0).length,
      buttons: [...document.querySelectorAll('.open-in-calculator')].filter((b) => b.offsetHeight > 0).length,
      contents: document.querySelector('.contents').offsetHeight,
    }));
    assert.equal(printed.sections, 10, 'every section prints');
    assert.ok(printed.charts >= 10, `the charts print (${printed.charts})`);
    assert.equal(printed.buttons, 0, 'no buttons on paper');
    assert.equal(printed.contents, 0, 'no table of links on paper');
    const pdf = await run.page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 100000, `a PDF of the story (${pdf.length} bytes)`);
  } finally {
    await run.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  for (const viewport of [{ width: 1280, height: 900, deviceScaleFactor: 1 }, { width: 360, height: 780, deviceScaleFactor: 2 }]) {
    test(`story screenshot at ${viewport.width} px, ${colorScheme}`, async () => {
      const run = await openPage(shared.browser, shared.site.url, { ...viewport, colorScheme });
      try {
        await run.waitForApp();
        const overflow = await run.horizontalOverflow();
        assert.equal(overflow.overflows, false, JSON.stringify(overflow));
        console.error(`screenshot: ${await run.screenshot(`story-${viewport.width}-${colorScheme}.png`)}`);
        await run.assertClean();
      } finally {
        await run.close();
      }
    });
  }
}
