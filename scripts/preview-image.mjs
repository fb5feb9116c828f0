#!/usr/bin/env node
// Makes public/preview.png, the link-preview image of the Open Graph and Twitter tags, from
// the real page: headless Chromium screenshots the issuance chart's embed view
// (?embed=issuance&theme=light) at 1200 x 630. Run with `make preview-image` after a release
// build (it uses target/e2e-dist, which `make test` builds), then commit the image.
import { launchChromium } from '../tests/e2e/lib/browser.mjs';
import { startSite } from '../tests/e2e/lib/harness.mjs';
import { openPage, ROOT } from '../tests/e2e/lib/page.mjs';
import path from 'node:path';

const out = path.join(ROOT, 'public/preview.png');
const site = await startSite();
const browser = await launchChromium();
try {
  const run = await openPage(browser, `${site.url}?embed=issuance&theme=light`, { width: 1200, height: 630 });
  await run.waitForApp();
  // The chart and its legend, without the tools row and the notes under it.
  await run.page.evaluate(() => {
    for (const el of document.querySelectorAll('.figure-tools, .figure-note, .embed-credit')) el.remove();
  });
  await run.page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 630 } });
  console.log(`preview-image: wrote ${path.relative(ROOT, out)} (1200 x 630)`);
} finally {
  await browser.close();
  await site.close();
}
