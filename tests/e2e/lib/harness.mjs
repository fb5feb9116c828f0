// The end-to-end harness: serve the release build like a host would, drive Chromium, watch the
// page. Test files import from here:
//
//   import { startSite, launchChromium, openPage } from './lib/harness.mjs';
//   const site = await startSite();              // dist served at http://127.0.0.1:PORT/explainers/miner-debt/
//   const browser = await launchChromium();
//   const run = await openPage(browser, site.url, { width: 360 });
//   await run.waitForApp();
//   ... run.canvases(), run.horizontalOverflow(), run.screenshot('name'), run.axe(), run.assertClean()
//
// A second origin (a parent page for embeds) is another startStaticServer({ root, base: '/' }).
//
// The build is made once by scripts/test.sh (phase "release build") into $E2E_DIST.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './page.mjs';
import { startStaticServer } from './server.mjs';

export { CSP, BASE, startStaticServer } from './server.mjs';
export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from './browser.mjs';
export { openPage, ROOT, OUTPUT, SCREENSHOTS } from './page.mjs';

/** The release build the tests load (scripts/test.sh builds it). */
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
