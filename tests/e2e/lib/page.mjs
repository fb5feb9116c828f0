// One page load of the explainer with everything the end-to-end tests watch for: console errors
// and warnings, page errors, CSP violations, requests off the page's origin, failed requests; plus the checks
// that read the page back (charts really drawn, no horizontal scroll) and full-page screenshots.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OUTPUT = path.join(ROOT, 'test-output');
export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Runs in the page before any of its scripts: records CSP violations as the browser reports them.
const RECORD_CSP_VIOLATIONS = () => {
  window.__cspViolations = [];
  const record = (e) =>
    window.__cspViolations.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    });
  document.addEventListener('securitypolicyviolation', record, true);
};

// Runs in the page: a report on one canvas. "Drawn" means some pixel differs from the first
// (background) pixel of the bitmap, read back with getImageData.
const CANVAS_REPORT = `(canvas, index) => {
  const report = {
    index,
    id: canvas.id || null,
    label: canvas.getAttribute('aria-label') || null,
    width: canvas.width,
    height: canvas.height,
    cssWidth: canvas.clientWidth,
    cssHeight: canvas.clientHeight,
    drawn: false,
    differing: 0,
  };
  if (!canvas.width || !canvas.height) return { ...report, reason: 'zero-sized bitmap' };
  if (!canvas.clientWidth || !canvas.clientHeight) return { ...report, reason: 'not displayed' };
  const ctx = canvas.getContext('2d');
  if (!ctx) return { ...report, reason: 'no 2d context' };
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const [r, g, b, a] = [data[0], data[1], data[2], data[3]];
  let differing = 0;
  for (let i = 4; i < data.length; i += 4) {
    if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b || data[i + 3] !== a) differing++;
  }
  return { ...report, drawn: differing > 0, differing, reason: differing > 0 ? null : 'every pixel is the background colour' };
}`;

/**
 * Opens `url` in a fresh browser context and watches it.
 * Options: width, height, deviceScaleFactor, colorScheme ('light' | 'dark'), hasTouch, isMobile,
 * recordBodies (keep each response's bytes, for the size check), goto (default true).
 */
export async function openPage(browser, url, options = {}) {
  const {
    width = 1280,
    height = 900,
    deviceScaleFactor = 1,
    colorScheme = 'light',
    recordBodies = false,
    goto = true,
    hasTouch = false,
    isMobile = false,
  } = options;
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    colorScheme,
    hasTouch,
    isMobile,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.addInitScript(RECORD_CSP_VIOLATIONS);

  const seen = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    offOrigin: [],
    failedRequests: [],
    badResponses: [],
    responses: [],
  };
  const pending = [];

  // Anything off the page's origin is recorded and never leaves the machine.
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (new URL(requestUrl).origin !== origin) {
      seen.offOrigin.push(requestUrl);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('console', (msg) => {
    const where = msg.location();
    const text = `${msg.text()}${where && where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
    if (msg.type() === 'error') seen.consoleErrors.push(text);
    else if (msg.type() === 'warning') seen.consoleWarnings.push(text);
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error && error.stack ? error.stack : error)));
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin !== origin) return; // already recorded as off-origin
    seen.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    const entry = { url: response.url(), status: response.status(), headers: response.headers() };
    seen.responses.push(entry);
    if (response.status() >= 400) seen.badResponses.push(`${response.status()} ${response.url()}`);
    if (recordBodies && response.status() < 300) {
      pending.push(response.body().then((body) => (entry.body = body), () => (entry.body = null)));
    }
  });

  let navigation = null;
  if (goto) navigation = await page.goto(url, { waitUntil: 'load' });

  const run = {
    page,
    context,
    origin,
    url,
    width,
    seen,
    /** The main document's response (headers, status). */
    navigation,

    /** Waits until the app has mounted and drawn: body[data-ready], or (until the app sets it)
     *  the fallback removed and every canvas drawn. Throws with a description of the page's state. */
    /**
     * Polls `predicate` (a function or expression evaluated in the page, with `arg`) until it
     * returns a truthy value, and returns that value. Polls from Node with page.evaluate rather
     * than page.waitForFunction, whose in-page polling evaluates code in a way the strict CSP
     * reports as an `eval` violation.
     */
    async waitFor(predicate, { arg, timeout = 30000, interval = 100, what = 'condition', stopOnProblem = false } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const value = await page.evaluate(predicate, arg);
        if (value) return value;
        if (stopOnProblem && (seen.pageErrors.length || seen.consoleErrors.length)) {
          throw new Error(`stopped waiting for ${what}: the page reported an error`);
        }
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },

    /** Waits until the app has mounted and drawn: body[data-ready]. Throws with a description
     *  of the page's state. */
    async waitForApp({ timeout = 30000 } = {}) {
      try {
        await run.waitFor(
          // The app sets it once every chart has drawn and no Monte Carlo run of the first load
          // is under way (src/app/canvas.rs): the charts' pixels alone would not say the
          // distributions, which arrive in slices, are there.
          `document.body !== null && document.body.hasAttribute('data-ready')`,
          { timeout, what: 'the app to mount and draw', stopOnProblem: true },
        );
      } catch (error) {
        const state = await page
          .evaluate(() => ({
            ready: document.body?.hasAttribute('data-ready') ?? false,
            fallback: document.getElementById('fallback-status')?.textContent ?? null,
            canvases: document.querySelectorAll('canvas').length,
            app: document.getElementById('app')?.innerHTML?.length ?? null,
          }))
          .catch((e) => ({ unreadable: String(e) }));
        throw new Error(
          `the app did not become ready (${error.message}): ${JSON.stringify(state)}\n` +
            (await run.problems()).join('\n'),
        );
      }
      // Let resize observers and the frames they schedule settle before reading pixels.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
      );
    },

    /** A report on every <canvas>: size, accessible label, and whether it is drawn. */
    canvases() {
      return page.evaluate(`[...document.querySelectorAll('canvas')].map(${CANVAS_REPORT})`);
    },

    /** Horizontal overflow of the document, with the elements that stick out to the right. */
    horizontalOverflow() {
      return page.evaluate(() => {
        const root = document.documentElement;
        const viewport = root.clientWidth;
        const offenders = [];
        for (const el of document.body.querySelectorAll('*')) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.right > viewport + 0.5) {
            const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
              (el.classList.length ? `.${[...el.classList].join('.')}` : '');
            offenders.push(`${name} (right edge ${Math.round(box.right)} px)`);
          }
        }
        return { scrollWidth: root.scrollWidth, viewport, overflows: root.scrollWidth > viewport, offenders: offenders.slice(0, 10) };
      });
    },

    /** Saves a full-page screenshot under test-output/screenshots/ and returns its path. */
    async screenshot(name) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, name.endsWith('.png') ? name : `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },

    /** Every problem seen so far, one line each (empty when the page is clean). A console
     *  warning is a problem like an error: `allowConsoleErrors` (strings or RegExps) excuses
     *  either kind. */
    async problems({ allowConsoleErrors = [] } = {}) {
      const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
      const allowed = (text) => allowConsoleErrors.some((pattern) => (pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern)));
      await Promise.all(pending);
      return [
        ...seen.consoleErrors.filter((t) => !allowed(t)).map((t) => `console error: ${t}`),
        ...seen.consoleWarnings.filter((t) => !allowed(t)).map((t) => `console warning: ${t}`),
        ...seen.pageErrors.map((t) => `page error: ${t}`),
        ...csp.map((v) => `CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}:${v.line} ${v.sample || ''}`.trim()),
        ...seen.offOrigin.map((u) => `request off the page's origin: ${u}`),
        ...seen.failedRequests.map((t) => `request failed: ${t}`),
        ...seen.badResponses.map((t) => `error response: ${t}`),
      ];
    },

    /** Throws listing every problem, if there is any. */
    async assertClean(options) {
      const problems = await run.problems(options);
      if (problems.length) throw new Error(`${problems.length} problem(s) on ${url} at ${width} px:\n  ${problems.join('\n  ')}`);
    },

    /**
     * Runs axe-core (npm) on the page and returns its violations (id, impact, help, targets).
     * axe is evaluated through the DevTools protocol: a <script> tag (page.addScriptTag) would
     * itself be blocked by the strict CSP.
     */
    async axe(options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }) {
      const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
      if (!hasAxe) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
      const result = await page.evaluate((opts) => window.axe.run(document, opts), options);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 10),
      }));
    },

    /** Waits for recorded response bodies (recordBodies) and returns the responses. */
    async responses() {
      await Promise.all(pending);
      return seen.responses;
    },

    close: () => context.close(),
  };
  return run;
}
