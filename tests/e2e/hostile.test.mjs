// End-to-end: every URL of tests/fixtures/hostile_urls.txt (issue 9, "Hostile input") on the
// release build under the strict CSP. Each loads a working page (the full page or the embed
// view with every chart drawn; an unknown view lists the views), shows a notice naming each
// parameter the list names (tests/hostile_urls.rs checks those are exactly the parser's), and
// injects nothing: no element or attribute carrying a payload's marker ("hostile" in its name),
// no on* attribute, no script that ran (window.__hostile), no alert, and no console error,
// warning, page error or CSP violation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openPage, ROOT, sharedSiteAndBrowser } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

/** Names that are not the calculator's parameters ("all" in the list does not count them). */
const PRESENTATION = new Set(['embed', 'embed_id', 'theme']);
const KNOWN_VIEWS = ['issuance', 'debt-stock', 'scatter', 'hashprice', 'path', 'loan', 'ownership', 'cash', 'monte-carlo', 'calculator'];

/** `{repeat:N:TEXT}` expanded, as tests/hostile_urls.rs does. */
const expand = (query) => query.replace(/\{repeat:(\d+):([^}]*)\}/g, (_, n, text) => text.repeat(Number(n)));

/** The decoded pairs of a query, as the page's parser reads them (`+` is a space). */
function pairs(query) {
  return query.split('&').filter(Boolean).map((part) => {
    const at = part.indexOf('=');
    const [k, v] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    const decode = (s) => {
      try {
        return decodeURIComponent(s.replaceAll('+', ' '));
      } catch {
        return s;
      }
    };
    return [decode(k), decode(v)];
  });
}

const LINES = readFileSync(path.join(ROOT, 'tests/fixtures/hostile_urls.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [name, query, notices] = line.split('\t');
    return { name, query: expand(query), notices };
  });

/** Runs in the page: every trace of a payload in the DOM. */
const INJECTED = () => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag.includes('hostile')) found.push(`element <${tag}>`);
    for (const attr of el.attributes) {
      if (attr.name.includes('hostile') || attr.name.startsWith('on')) found.push(`attribute ${attr.name} on <${tag}>`);
    }
    if (tag === 'script' && /hostile/.test(el.textContent + (el.getAttribute('src') || ''))) found.push('a script from a payload');
  }
  if (window.__hostile !== undefined) found.push(`a payload script ran (window.__hostile = ${window.__hostile})`);
  return found;
};

test('the hostile URL list is long enough to mean something', () => {
  assert.ok(LINES.length >= 20, `${LINES.length} URLs`);
  assert.ok(LINES.some((l) => l.query.length >= 10000), 'a 10 KB query');
});

for (const line of LINES) {
  test(`hostile URL: ${line.name}`, async (t) => {
    const given = pairs(line.query);
    const embed = given.filter(([k]) => k === 'embed').pop()?.[1];
    const kind = embed === undefined ? 'page' : KNOWN_VIEWS.includes(embed.trim()) ? 'view' : 'unknown view';
    const run = await openPage(shared.browser, `${shared.site.url}?${line.query}`, { width: kind === 'page' ? 1280 : 700 });
    const dialogs = [];
    run.page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    try {
      if (kind === 'unknown view') {
        await run.waitFor(() => document.querySelectorAll('.embed li a').length >= 10, { what: 'the list of views', stopOnProblem: true });
      } else {
        await run.waitForApp();
        const canvases = await run.canvases();
        assert.ok(canvases.length > 0, 'charts on the page');
        assert.deepEqual(canvases.filter((c) => !c.drawn).map((c) => c.label), [], 'every chart drawn');
        assert.equal(await run.page.locator('.panic-panel').count(), 0, 'no error panel');
      }

      const expected = line.notices === '-' ? [] : line.notices === 'all'
        ? [...new Set(given.map(([k]) => k).filter((k) => !PRESENTATION.has(k) && !k.startsWith('x_')))]
        : line.notices.split(',');
      const shown = (await run.page.locator('.notices:not(.embed) li').allInnerTexts()).map((s) => s.trim());
      t.diagnostic(`${line.query.length} characters; ${shown.length} notice(s)${shown.length ? `, e.g. ${JSON.stringify(shown[0]).slice(0, 120)}` : ''}`);
      const named = [...new Set(shown.map((s) => s.split(':')[0]))].sort();
      assert.deepEqual(named, [...expected].sort(), 'a notice names each replaced parameter, and only those');

      assert.deepEqual(await run.page.evaluate(INJECTED), [], 'nothing from a payload entered the DOM');
      assert.deepEqual(dialogs, [], 'no alert or dialog');
      await run.assertClean();
    } finally {
      await run.close();
    }
  });
}
