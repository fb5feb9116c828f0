// The end-to-end harness: serve the release build like a host would, drive Chromium, watch the
// page. Test files import from here:
//
//   import { sharedSiteAndBrowser, openPage } from './lib/harness.mjs';
//   const shared = sharedSiteAndBrowser();      // one site (dist at /explainers/miner-debt/) and one Chromium per file
//   const run = await openPage(shared.browser, shared.site.url, { width: 360 });
//   await run.waitForApp();
//   ... run.canvases(), run.horizontalOverflow(), run.screenshot('name'), run.axe(), run.assertClean()
//
// A second origin (a parent page for embeds) is another startStaticServer({ root, base: '/' }).
//
// The build is made once by scripts/test.sh (phase "release build") into $E2E_DIST.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './page.mjs';
import { startStaticServer } from './server.mjs';

import { after, before } from 'node:test';
import { launchChromium } from './browser.mjs';
export { CSP, BASE, startStaticServer } from './server.mjs';
export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from './browser.mjs';
export { openPage, ROOT, OUTPUT, SCREENSHOTS } from './page.mjs';

/** The release build the tests load (scripts/test.sh builds it). */
/**
 * The usual test-file set-up: one site and one Chromium for the whole file, opened before the
 * first test and closed after the last. Returns an object whose `site` and `browser` are set
 * once the `before` hook has run.
 */
export function sharedSiteAndBrowser() {
  const shared = { site: undefined, browser: undefined };
  before(async () => {
    shared.site = await startSite();
    shared.browser = await launchChromium();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.site?.close();
  });
  return shared;
}

export const DIST = path.resolve(process.env.E2E_DIST || path.join(ROOT, 'target/e2e-dist'));

/** Serves DIST from the sub-path with the hosting headers; fails clearly when there is no build. */
export function startSite(options = {}) {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(
      `no release build at ${DIST}: run 'make test', or build it with ` +
        `'trunk build --release --public-url ./ --dist ${path.relative(ROOT, DIST)}'`,
    );
  }
  return startStaticServer({ root: DIST, ...options });
}

/**
 * Chromium's own messages about a download or popup a sandboxed frame blocked: the exact
 * prefixes of tests/fixtures/chromium_sandbox_messages.txt. `expectedSandboxMessage(text)` says
 * whether a console message is one of them; any other console error or warning fails a test.
 */
export const SANDBOX_MESSAGE_PREFIXES = readFileSync(path.join(ROOT, 'tests/fixtures/chromium_sandbox_messages.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));
export const expectedSandboxMessage = (text) => SANDBOX_MESSAGE_PREFIXES.some((prefix) => text.startsWith(prefix));
