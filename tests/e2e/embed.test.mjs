// End-to-end: embeds (issue 7), on the release build under the strict CSP.
//
//  - Every view of the explainer renders alone at ?embed=VIEW: its canvases drawn, its controls
//    only, the credit and the full-explainer link carrying the state, axe-clean, no problems.
//  - An unknown view lists the views, and injects nothing.
//  - A parent page on a second loopback origin, under its own CSP, embeds three views with the
//    snippet's attributes and the parent script, once plainly and once sandboxed with only
//    allow-scripts: every frame draws (pixels), posts its height (ours and AMP's), and ends as
//    tall as its content. Downloads blocked by the sandbox explain themselves. A screenshot of
//    the parent page is saved for review.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { launchChromium } from './lib/browser.mjs';
import { expectedSandboxMessage, openPage, SCREENSHOTS, sharedSiteAndBrowser, startStaticServer } from './lib/harness.mjs';

const shared = sharedSiteAndBrowser();

/** The views, as the page itself lists them for an unknown name. */
async function viewIds() {
  const run = await openPage(shared.browser, `${shared.site.url}?embed=no-such-view`, { width: 800 });
  try {
    await run.waitFor(() => document.querySelectorAll('.embed li a').length > 0, { what: 'the list of views' });
    return await run.page.evaluate(() => [...document.querySelectorAll('.embed li a')].map((a) => new URL(a.href).searchParams.get('embed')));
  } finally {
    await run.close();
  }
}

test('every view renders alone with only its controls, a credit and a link to the full explainer', async () => {
  const ids = await viewIds();
  assert.ok(ids.length >= 10, `views listed: ${ids}`);
  for (const id of ids) {
    const run = await openPage(shared.browser, `${shared.site.url}?embed=${id}&embed_id=t-${id}&premium=45`, { width: 700 });
    try {
      await run.waitForApp();
      const report = await run.page.evaluate(() => ({
        drawn: [...document.querySelectorAll('canvas')].map((c) => c.hasAttribute('data-draws')),
        sections: document.querySelectorAll('section.story-section').length,
        masthead: !!document.querySelector('.masthead'),
        credit: document.querySelector('.embed-credit')?.textContent || '',
        full: document.querySelector('.embed-credit a')?.getAttribute('href') || '',
        controls: document.querySelectorAll('.embed-controls .control').length,
        height: Number(document.documentElement.dataset.height),
        contentHeight: Math.ceil(document.documentElement.getBoundingClientRect().height),
      }));
      assert.ok(report.drawn.length > 0 && report.drawn.every(Boolean), `${id}: every canvas drawn ${report.drawn}`);
      assert.equal(report.sections, 0, `${id}: no story sections`);
      assert.equal(report.masthead, false, `${id}: no masthead`);
      assert.match(report.credit + (await run.page.evaluate(() => document.querySelector('figcaption.credit')?.textContent || '')), /Source|Model|Computed from/, `${id}: a credit line`);
      assert.match(report.full, /^\/explainers\/miner-debt\/[^#]*#[a-z-]+$/, `${id}: the full explainer, at the view's section: ${report.full}`);
      assert.equal(report.height, report.contentHeight, `${id}: the page knows its height`);
      if (['path', 'loan', 'ownership', 'cash', 'hashprice', 'monte-carlo'].includes(id)) {
        assert.ok(report.controls >= 2 && report.controls <= 4, `${id}: 2 to 4 controls, found ${report.controls}`);
        assert.match(report.full, /[?&]premium=45(&|#)/, `${id}: the full explainer link keeps the state: ${report.full}`);
        assert.match(report.full, /[?&]v=2&/, id);
      } else {
        assert.equal(report.controls, 0, `${id}: no embed controls`);
      }
      assert.deepEqual(await run.axe(), [], `${id}: axe`);
      await run.assertClean();
    } finally {
      await run.close();
    }
  }
});

test('an unknown view lists the views and injects nothing', async () => {
  const payload = encodeURIComponent('<img src=x onerror="window.__injected=1">');
  const run = await openPage(shared.browser, `${shared.site.url}?embed=${payload}&embed_id=${payload}`, { width: 800 });
  try {
    await run.waitFor(() => document.querySelectorAll('.embed li a').length > 0, { what: 'the list of views' });
    const seen = await run.page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, injected: window.__injected, text: document.querySelector('.embed').textContent }));
    assert.equal(seen.imgs, 0);
    assert.equal(seen.injected, undefined);
    assert.ok(seen.text.includes('There is no view named “<img src=x onerror="window.__injected=1">”'), seen.text);
    await run.assertClean();
  } finally {
    await run.close();
  }
});

const VIEWS = [
  ['issuance', ''],
  ['loan', '&v=1&path=replay&start=2022-01&ltv=60'],
  ['monte-carlo', '&v=1&paths=300&premium=30'],
];

/** The parent page: each view plainly, then sandboxed with only allow-scripts, and the script. */
function parentPage(app) {
  const frame = ([view, state], sandbox) => {
    const id = `${view}-${sandbox ? 'sandboxed' : 'plain'}`;
    const src = `${app}?embed=${view}&embed_id=${id}${state}`.replaceAll('&', '&amp;');
    const attr = sandbox ? 'sandbox="allow-scripts"' : 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"';
    return `<h2>${id}</h2>\n<iframe id="${id}" src="${src}" title="${view}" height="300" style="width:100%;border:0" ${attr}></iframe>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article with embeds</title>
<link rel="icon" href="data:,"><script src="record.js"></script></head>
<body><h1>An article on another site</h1><p>Three views of the explainer, plain and sandboxed.</p>
${VIEWS.map((v) => frame(v, false)).join('\n')}
${VIEWS.map((v) => frame(v, true)).join('\n')}
<script src="${app}embed.js" async></script>
</body></html>`;
}

const RECORD = `window.__messages = [];
window.addEventListener('message', function (event) {
  var frames = document.getElementsByTagName('iframe'), from = null;
  for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === event.source) from = frames[i].id;
  window.__messages.push({ from: from, data: event.data });
});`;

test('a parent page on another origin sizes three embeds, plain and sandboxed', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parent-'));
  const app = shared.site.url;
  await writeFile(path.join(dir, 'index.html'), parentPage(app));
  await writeFile(path.join(dir, 'record.js'), RECORD);
  const parent = await startStaticServer({
    root: dir,
    base: '/',
    headers: { 'Content-Security-Policy': `default-src 'self'; script-src 'self' ${shared.site.origin}; frame-src ${shared.site.origin}; style-src 'self' 'unsafe-inline'; img-src 'self' data:` },
  });
  assert.notEqual(parent.origin, shared.site.origin);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const consoleSeen = [];
  const errors = [];
  const warnedOrFailed = [];
  page.on('console', (m) => {
    consoleSeen.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error' || m.type() === 'warning') warnedOrFailed.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const offOrigin = [];
  page.on('request', (r) => {
    const o = new URL(r.url()).origin;
    if (o !== parent.origin && o !== shared.site.origin) offOrigin.push(r.url());
  });
  try {
    await page.goto(parent.url, { waitUntil: 'load' });
    const ids = VIEWS.flatMap(([v]) => [`${v}-plain`, `${v}-sandboxed`]);
    const frameOf = async (id) => (await page.$(`#${id}`)).contentFrame();
    for (const id of ids) {
      const frame = await frameOf(id);
      await waitIn(frame, () => document.body && document.body.dataset.ready === 'true', `${id} ready`);
      const pixels = await frame.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((c) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let differ = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differ++;
          return differ;
        }),
      );
      assert.ok(pixels.length > 0 && pixels.every((n) => n > 500), `${id}: canvases drawn, differing pixels ${pixels}`);
      assert.equal(await frame.evaluate(() => !!document.querySelector('.panic-panel, #panic')), false, `${id}: no error panel`);
    }
    // Heights settle: the last message of each frame is its iframe's height. Chromium pauses
    // the rendering (and so the ResizeObserver) of cross-origin frames out of view, so each is
    // scrolled into view first, as a reader would.
    for (const id of ids) {
      await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
      await page
        .waitForFunction(
          (id) => {
            const mine = window.__messages.filter((m) => m.from === id && m.data && m.data.type === 'debt-or-dilution:height');
            const last = mine[mine.length - 1];
            return last && Math.round(document.getElementById(id).getBoundingClientRect().height) === last.data.height;
          },
          id,
          { timeout: 20000 },
        )
        .catch(async (e) => {
          const mine = await page.evaluate((id) => JSON.stringify(window.__messages.filter((m) => m.from === id)), id);
          throw new Error(`${id}: height did not settle (${e.message}); its messages: ${mine}; console: ${consoleSeen.join('\n')}`);
        });
    }
    const messages = await page.evaluate(() => window.__messages);
    for (const id of ids) {
      const ours = messages.filter((m) => m.from === id && m.data?.type === 'debt-or-dilution:height');
      const amp = messages.filter((m) => m.from === id && m.data?.sentinel === 'amp' && m.data?.type === 'embed-size');
      assert.ok(ours.length >= 1 && ours.every((m) => m.data.id === id && Number.isInteger(m.data.height)), `${id}: height messages ${JSON.stringify(ours)}`);
      assert.deepEqual(Object.keys(ours[0].data).sort(), ['height', 'id', 'type']);
      assert.equal(amp.length, ours.length, `${id}: an AMP message with each`);
      const frame = await frameOf(id);
      const inside = await frame.evaluate(() => ({ content: Math.ceil(document.documentElement.getBoundingClientRect().height), scroll: document.documentElement.scrollHeight }));
      const outside = await page.evaluate((id) => Math.round(document.getElementById(id).getBoundingClientRect().height), id);
      assert.equal(outside, ours[ours.length - 1].data.height, `${id}: the iframe took the last height`);
      assert.ok(Math.abs(outside - inside.content) <= 1, `${id}: iframe ${outside} px for content ${inside.content} px`);
      assert.ok(inside.scroll <= outside + 1, `${id}: nothing scrolls inside the frame`);
    }
    // The sandboxed frame cannot download; the page says what to do instead.
    const sandboxed = await frameOf('loan-sandboxed');
    await sandboxed.click('#embed-loan .figure-tools button:has-text("SVG")');
    await waitIn(sandboxed, () => /blocks downloads: open the full explainer/.test(document.querySelector('#embed-loan .tool-status')?.textContent || ''), 'the sandboxed download explains itself');
    // Every frame in view at once (Chromium paints only the frames in view), then the picture.
    const total = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    await page.setViewportSize({ width: 900, height: total });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'embeds-parent.png'), fullPage: true });
    assert.deepEqual(errors, [], 'no exceptions');
    assert.deepEqual(offOrigin, [], 'no request off the two origins');
    const sandbox = warnedOrFailed.filter(expectedSandboxMessage);
    console.log(`sandbox messages seen (tests/fixtures/chromium_sandbox_messages.txt): ${sandbox.length}${sandbox.map((t) => `\n  ${t}`).join('')}`);
    const unexpected = warnedOrFailed.filter((t) => !expectedSandboxMessage(t));
    assert.deepEqual(unexpected, [], 'no console error or warning but the sandbox\'s own messages');
  } finally {
    await browser.close();
    await parent.close();
  }
});

test('every view works inside <iframe sandbox="allow-scripts">: drawn, no exception, no error panel', async () => {
  const ids = await viewIds();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parent-all-'));
  const app = shared.site.url;
  const frames = ids
    .map((id) => `<iframe id="f-${id}" src="${app}?embed=${id}&amp;embed_id=${id}" title="${id}" height="600" style="width:100%;border:0" sandbox="allow-scripts"></iframe>`)
    .join('\n');
  await writeFile(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>All views, sandboxed</title><link rel="icon" href="data:,"></head><body>${frames}</body></html>`);
  const parent = await startStaticServer({
    root: dir,
    base: '/',
    headers: { 'Content-Security-Policy': `default-src 'self'; frame-src ${shared.site.origin}; style-src 'unsafe-inline'; img-src data:` },
  });
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 800, height: 900 } })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const sandbox = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    (expectedSandboxMessage(m.text()) ? sandbox : errors).push(`${m.type()}: ${m.text()}`);
  });
  try {
    await page.goto(parent.url, { waitUntil: 'load' });
    for (const id of ids) {
      const frame = await (await page.$(`#f-${id}`)).contentFrame();
      await waitIn(frame, () => document.body && document.body.dataset.ready === 'true', `${id} ready in a sandbox`);
      const state = await frame.evaluate(() => ({
        origin: window.origin,
        canvases: [...document.querySelectorAll('canvas')].map((c) => c.hasAttribute('data-draws')),
        panic: !!document.querySelector('.panic-panel'),
      }));
      assert.equal(state.origin, 'null', `${id}: an opaque origin`);
      assert.ok(state.canvases.length > 0 && state.canvases.every(Boolean), `${id}: every canvas drawn`);
      assert.equal(state.panic, false, id);
    }
    console.log(`sandbox messages seen (tests/fixtures/chromium_sandbox_messages.txt): ${sandbox.length}${sandbox.map((t) => `\n  ${t}`).join('')}`);
    assert.deepEqual(errors, [], 'no exception, console error or warning in any sandboxed view');
  } finally {
    await browser.close();
    await parent.close();
  }
});

async function waitIn(frame, predicate, what, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await frame.evaluate(predicate).catch(() => false)) return;
    if (Date.now() > end) assert.fail(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

