// End-to-end: the release build, served from a sub-path under the strict CSP, loads in Chromium
// at desktop and phone widths with no console error, CSP violation, off-origin request or page
// error, every chart drawn, no horizontal scroll on a phone, and a screenshot of each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSP, openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  // A phone, at device pixel ratio 2 so the charts' high-DPI path is the one drawn.
  { name: 'phone', width: 360, height: 780, deviceScaleFactor: 2 },
];

for (const viewport of VIEWPORTS) {
  test(`full page at ${viewport.width} px (${viewport.name})`, async (t) => {
    const run = await openPage(shared.browser, shared.site.url, viewport);
    try {
      assert.equal(run.navigation.status(), 200);
      assert.equal(run.navigation.headers()['content-security-policy'], CSP, 'the page is served under the strict CSP');

      await run.waitForApp();

      const canvases = await run.canvases();
      t.diagnostic(`${canvases.length} canvas(es): ${canvases.map((c) => `${c.label || c.id || `#${c.index}`} ${c.width}x${c.height} (${c.differing} px drawn)`).join('; ')}`);
      assert.ok(canvases.length > 0, 'the page has at least one chart canvas');
      const blank = canvases.filter((c) => !c.drawn);
      assert.deepEqual(blank, [], 'every canvas has pixels other than its background');

      const fallbackLeft = await run.page.evaluate(() => document.getElementById('fallback') !== null);
      assert.equal(fallbackLeft, false, 'the app removed the static fallback when it started');

      const overflow = await run.horizontalOverflow();
      if (viewport.width <= 480) {
        assert.equal(overflow.overflows, false, `no horizontal scroll at ${viewport.width} px: ${JSON.stringify(overflow)}`);
      }

      const shot = await run.screenshot(`page-${viewport.width}.png`);
      console.error(`screenshot (${viewport.width} px): ${shot}`);

      await run.assertClean();
    } finally {
      await run.close();
    }
  });
}

test('when the wasm cannot load, the fallback says so and links the data files', async (t) => {
  const run = await openPage(shared.browser, shared.site.url, { goto: false });
  try {
    await run.page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await run.page.goto(shared.site.url);
    await run.waitFor(
      () => /could not start/.test(document.getElementById('fallback-status')?.textContent || ''),
      { timeout: 15000, what: 'the fallback to say the app could not start' },
    );
    const state = await run.page.evaluate(() => ({
      status: document.getElementById('fallback-status').textContent,
      dataHidden: document.getElementById('fallback-data').hidden,
      links: [...document.querySelectorAll('#fallback-data a')].map((a) => a.getAttribute('href')),
    }));
    t.diagnostic(`fallback: ${state.status}`);
    assert.equal(state.dataHidden, false, 'the data links are shown');
    assert.ok(state.links.length > 0 && state.links.every((href) => href.startsWith('data/')), `data links: ${state.links}`);
    for (const href of state.links) {
      const response = await run.page.request.get(new URL(href, shared.site.url).href);
      assert.equal(response.status(), 200, `${href} is served`);
    }
  } finally {
    await run.close();
  }
});

// Issue 8: the opening is built with the page and the later sections one task at a time (the
// calculator's charts in a task after the calculator's), so the first chart does not wait for
// the whole page and no build task is long; `data-ready` waits for all of them.
test('the first screen is drawn before the later sections are built, and data-ready waits for them all', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900, goto: false });
  try {
    // Counts the sections at the moment the first chart says it has drawn (data-draws).
    await run.page.addInitScript(() => {
      new MutationObserver((records, observer) => {
        if (records.some((r) => r.attributeName === 'data-draws')) {
          window.__sectionsAtFirstDraw = document.querySelectorAll('section.story-section').length;
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-draws'] });
      // Whether the calculator's charts were there when the calculator first was (a mutation
      // observer runs once the task that built them is done).
      new MutationObserver((records, observer) => {
        if (document.getElementById('calculator')) {
          window.__chartsWithCalculator = document.querySelectorAll('#calculator .calc-charts canvas').length;
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    await run.page.goto(shared.site.url);
    await run.waitForApp();
    const sections = await run.page.evaluate(() => [...document.querySelectorAll('section.story-section')].map((s) => s.id));
    assert.equal(sections.length, 10, `all ten sections are built by data-ready: ${sections.join(', ')}`);
    assert.deepEqual(sections.slice(0, 2), ['opening', 'then-and-now'], 'in reading order');
    const atFirstDraw = await run.page.evaluate(() => window.__sectionsAtFirstDraw);
    assert.ok(atFirstDraw >= 1 && atFirstDraw < 10, `the first chart drew with ${atFirstDraw} of 10 sections built`);
    // The calculator (the page's largest section) and its charts are built in two tasks.
    assert.equal(await run.page.evaluate(() => window.__chartsWithCalculator), 0, 'the calculator came first, without its charts');
    const charts = await run.page.evaluate(() => document.querySelectorAll('#calculator .outcomes > .calc-charts canvas').length);
    assert.ok(charts >= 4, `then its charts, after its outcomes: ${charts} canvases`);
    const undrawn = await run.page.evaluate(() => document.querySelectorAll('canvas:not([data-draws])').length);
    assert.equal(undrawn, 0, 'every canvas has drawn by data-ready');
    await run.assertClean();
  } finally {
    await run.close();
  }
});

// A link to a section (the embeds' "Open the full explainer", the contents list) lands on it,
// although the app builds the section after the browser's own fragment scrolling ran.
for (const id of ['same-path', 'sources']) {
  test(`a link to #${id} opens the page scrolled to that section`, async () => {
    const run = await openPage(shared.browser, `${shared.site.url}#${id}`, { width: 1280, height: 900 });
    try {
      await run.waitForApp();
      const top = await run.waitFor(
        (id) => {
          const r = document.getElementById(id)?.getBoundingClientRect();
          return r && window.scrollY > 0 && Math.abs(r.top) < 2 ? r.top : null;
        },
        { arg: id, timeout: 10000, what: `#${id} at the top of the window` },
      );
      assert.ok(Math.abs(top) < 2, `#${id} is at the top (${top} px)`);
      await run.assertClean();
    } finally {
      await run.close();
    }
  });
}
