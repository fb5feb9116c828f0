// End-to-end accessibility (issue 9) on the release build under the strict CSP:
//  - axe-core reports no WCAG 2.1 A/AA or best-practice violation on the full page in light and
//    dark mode (the reader's setting, and `theme=`), at 1280 and 360 px (the embed views are
//    checked in embed.test.mjs);
//  - a keyboard-only walkthrough: Tab alone reaches every control, in document order, each with a
//    visible focus indicator; a slider and an inline number move with the arrow keys;
//  - every chart canvas has an accessible name, a text summary with figures computed from the
//    data, and the chart's data as text reachable by keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

const CASES = [
  { width: 1280, height: 900, colorScheme: 'light', query: '' },
  { width: 1280, height: 900, colorScheme: 'dark', query: '' },
  { width: 360, height: 780, colorScheme: 'light', query: '' },
  { width: 360, height: 780, colorScheme: 'dark', query: '' },
  // The page's own switch, against the reader's setting.
  { width: 1280, height: 900, colorScheme: 'light', query: '?theme=dark' },
  { width: 360, height: 780, colorScheme: 'dark', query: '?theme=light' },
];

for (const c of CASES) {
  test(`axe: no violation at ${c.width} px, ${c.colorScheme} scheme${c.query ? `, ${c.query}` : ''}`, async (t) => {
    const run = await openPage(shared.browser, shared.site.url + c.query, c);
    try {
      await run.waitForApp();
      const dark = await run.page.evaluate(() => getComputedStyle(document.body).colorScheme || getComputedStyle(document.documentElement).colorScheme);
      t.diagnostic(`color-scheme in force: ${dark}`);
      const violations = await run.axe();
      assert.deepEqual(violations, [], 'axe finds no violation');
      await run.assertClean();
    } finally {
      await run.close();
    }
  });
}

/** Runs in the page: the element with focus, described, with its focus indicator. */
const FOCUSED = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  if (!el.dataset.walk) el.dataset.walk = String(document.querySelectorAll('[data-walk]').length);
  return {
    walk: Number(el.dataset.walk),
    name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label').slice(0, 40)}]` : ''}${el.textContent ? ` “${el.textContent.trim().slice(0, 30)}”` : ''}`,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    focusVisible: el.matches(':focus-visible') || el.matches('input[type="month"]:focus-within'),
    visible: box.width > 0 && box.height > 0,
  };
};

/** Runs in the page: every element Tab should reach (visible, enabled, not tabindex=-1). */
const TABBABLE = () => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';
  return [...document.querySelectorAll(selector)]
    .filter((el) => {
      if (el.disabled || el.getAttribute('tabindex') === '-1' || el.closest('[inert], [hidden]')) return false;
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
      if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    })
    .map((el) => {
      if (!el.dataset.walk) el.dataset.walk = String(document.querySelectorAll('[data-walk]').length);
      return Number(el.dataset.walk);
    });
};

test('keyboard only: Tab reaches every control in document order, focus always visible; arrows adjust', async (t) => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    const expected = await run.page.evaluate(TABBABLE);
    const visited = [];
    const invisible = [];
    for (let i = 0; i < expected.length + 20; i++) {
      await run.page.keyboard.press('Tab');
      const f = await run.page.evaluate(FOCUSED);
      if (!f) continue;
      if (visited.length && f.walk === visited[0].walk) break; // wrapped around
      visited.push(f);
      if (!f.visible || !f.focusVisible || !(f.outline || f.shadow)) invisible.push(f.name);
    }
    t.diagnostic(`${visited.length} Tab stops, ${expected.length} controls expected`);
    assert.ok(visited.length > 50, `a walk through the whole page (${visited.length} stops)`);
    const reached = new Set(visited.map((f) => f.walk));
    const missed = expected.filter((w) => !reached.has(w));
    const names = await run.page.evaluate((ids) => ids.map((w) => document.querySelector(`[data-walk="${w}"]`)?.outerHTML.slice(0, 100)), missed.slice(0, 10));
    assert.deepEqual(names, [], 'every control is reachable by Tab');
    const order = await run.page.evaluate((walks) => {
      const at = (w) => document.querySelector(`[data-walk="${w}"]`);
      const wrong = [];
      for (let i = 1; i < walks.length; i++) {
        const [a, b] = [at(walks[i - 1]), at(walks[i])];
        if (a === b) continue; // a month input's month and year fields are two stops
        if (a && b && !(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)) wrong.push(`${a.outerHTML.slice(0, 60)} -> ${b.outerHTML.slice(0, 60)}`);
      }
      return wrong;
    }, visited.map((f) => f.walk));
    assert.deepEqual(order, [], 'Tab follows the document order');
    assert.deepEqual(invisible, [], 'every focused element shows a focus indicator (outline or box-shadow)');

    // A calculator slider and an inline number of the prose move with the arrow keys alone.
    const slider = run.page.locator('input[type="range"]:not([disabled])').first();
    await slider.focus();
    const before = await slider.inputValue();
    await run.page.keyboard.press('ArrowRight');
    assert.notEqual(await slider.inputValue(), before, 'ArrowRight moves a slider');
    const inline = run.page.locator('[data-in]').first();
    await inline.focus();
    const text = await inline.textContent();
    await run.page.keyboard.press('ArrowUp');
    await run.waitFor((t) => document.querySelector('[data-in]').textContent !== t, { arg: text, what: 'the inline number to change with ArrowUp' });
    await run.assertClean();
  } finally {
    await run.close();
  }
});

test('every chart has a name, a computed text summary and its data as text reachable by keyboard', async () => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    const charts = await run.page.evaluate(() => [...document.querySelectorAll('canvas')].map((c) => {
      const summary = document.getElementById(c.getAttribute('aria-describedby') || '');
      const data = c.closest('.chart')?.querySelector('details.chart-data');
      return {
        name: c.getAttribute('aria-label') || '',
        role: c.getAttribute('role'),
        focusable: c.tabIndex === 0,
        summary: summary?.textContent.trim() || '',
        data: !!data,
      };
    }));
    assert.ok(charts.length >= 10, `${charts.length} charts`);
    for (const c of charts) {
      assert.ok(c.name.length > 10 && c.role === 'img', `a name and role=img: ${JSON.stringify(c)}`);
      assert.ok(c.focusable, `${c.name}: focusable, its marks stepped with the arrow keys`);
      assert.match(c.summary, /\d/, `${c.name}: a summary with figures from the data`);
      assert.ok(c.data, `${c.name}: its data as text`);
    }
    // The data opens by keyboard and lists the same items the arrow keys step through.
    const first = run.page.locator('details.chart-data summary').first();
    await first.focus();
    await run.page.keyboard.press('Enter');
    const rows = run.page.locator('details.chart-data[open] li');
    await run.waitFor(() => document.querySelectorAll('details.chart-data[open] li').length > 0, { what: 'the data rows' });
    assert.match(await rows.first().textContent(), /\d/, 'rows carry the figures');
    await run.assertClean();
  } finally {
    await run.close();
  }
});
