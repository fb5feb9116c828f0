// End-to-end (issue 9, keyboard): every dialog of the page traps focus and gives it back.
// The page has one <dialog>, the embed dialog, opened by each figure's "Embed" button. For every
// opener, by keyboard: focus moves into the dialog; Tab and Shift+Tab cycle through all of the
// dialog's controls and never reach an element outside it (a native modal dialog lets focus
// pass through the browser's own UI, seen here as <body>, before it comes back to the dialog's
// first or last control); Escape, or the Close button, closes it and focus returns to the opener.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

/** Where focus is: in the dialog (and which control), on <body>, or elsewhere. */
const WHERE = () => {
  const a = document.activeElement;
  const dialog = document.querySelector('dialog.embed-dialog');
  const controls = [...dialog.querySelectorAll('button, select, textarea, input, a[href], [tabindex]:not([tabindex="-1"])')];
  if (!a || a === document.body) return { place: 'body' };
  if (dialog.contains(a)) return { place: 'dialog', index: controls.indexOf(a), count: controls.length };
  return { place: 'outside', html: a.outerHTML.slice(0, 120) };
};

/** Presses `key` until focus has visited every control of the dialog twice; returns the walk. */
async function walk(page, key) {
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    const w = await page.evaluate(WHERE);
    seen.push(w);
    const stops = seen.filter((s) => s.place === 'dialog').map((s) => s.index);
    if (w.count && new Set(stops).size === w.count && stops.length >= 2 * w.count) break;
  }
  return seen;
}

test('every dialog traps Tab and Shift+Tab and returns focus to the button that opened it', async (t) => {
  const run = await openPage(shared.browser, shared.site.url, { width: 1280, height: 900 });
  try {
    await run.waitForApp();
    assert.equal(await run.page.locator('dialog').count(), 1, 'the page has one dialog (the embed dialog); a new one needs its opener here');
    const openers = run.page.locator('.tool-embed');
    const count = await openers.count();
    assert.ok(count >= 10, `an Embed button on each figure (${count})`);
    const dialog = run.page.locator('dialog.embed-dialog');
    for (let i = 0; i < count; i++) {
      const opener = openers.nth(i);
      const label = (await opener.getAttribute('aria-label')) || (await opener.textContent());
      await opener.focus();
      await run.page.keyboard.press('Enter');
      await run.waitFor(() => document.querySelector('dialog.embed-dialog').open, { what: `the dialog to open from ${label}` });
      assert.equal((await run.page.evaluate(WHERE)).place, 'dialog', `${label}: focus moves into the dialog`);
      if (i === 0) {
        // The full cycle, both ways, on the first opener (the dialog is the same for all).
        for (const key of ['Tab', 'Shift+Tab']) {
          const seen = await walk(run.page, key);
          const outside = seen.filter((s) => s.place === 'outside');
          assert.deepEqual(outside, [], `${key} never leaves the dialog`);
          const stops = seen.filter((s) => s.place === 'dialog');
          const count = stops[0].count;
          assert.equal(new Set(stops.map((s) => s.index)).size, count, `${key} reaches all ${count} controls of the dialog`);
          // Consecutive stops in the dialog follow its order, wrapping at the end.
          const step = key === 'Tab' ? 1 : count - 1;
          for (let k = 1; k < seen.length; k++) {
            if (seen[k].place === 'dialog' && seen[k - 1].place === 'dialog') {
              assert.equal(seen[k].index, (seen[k - 1].index + step) % count, `${key} goes to the next control in order`);
            }
          }
          t.diagnostic(`${key}: ${seen.map((s) => (s.place === 'dialog' ? s.index : s.place)).join(' ')}`);
        }
      }
      // Close by Escape on all but the last; the last by its Close button.
      if (i < count - 1) {
        await run.page.keyboard.press('Escape');
      } else {
        await dialog.locator('form[method="dialog"] button').focus();
        await run.page.keyboard.press('Enter');
      }
      await run.waitFor(() => !document.querySelector('dialog.embed-dialog').open, { what: `the dialog to close (${label})` });
      assert.ok(await opener.evaluate((b) => document.activeElement === b), `${label}: focus returns to its Embed button`);
    }
    t.diagnostic(`${count} openers checked`);
    await run.assertClean();
  } finally {
    await run.close();
  }
});
