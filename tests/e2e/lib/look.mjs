// Ad-hoc screenshots for reviewing a UI change (not a test): node tests/e2e/lib/look.mjs QUERY NAME [width] [selector]
import { launchChromium } from './browser.mjs';
import { startSite } from './harness.mjs';
import { mkdirSync } from 'node:fs';
import { openPage } from './page.mjs';
mkdirSync('/tmp/look', { recursive: true });
const [query = '', name = 'look', width = '1280', selector = ''] = process.argv.slice(2);
const site = await startSite();
const browser = await launchChromium();
const run = await openPage(browser, site.url + query, { width: Number(width) });
await run.waitForApp();
const target = selector ? run.page.locator(selector).first() : run.page;
await target.screenshot({ path: `/tmp/look/${name}.png`, ...(selector ? {} : { fullPage: false }) });
console.log(JSON.stringify({ errors: run.seen.consoleErrors, pageErrors: run.seen.pageErrors, warnings: run.seen.consoleWarnings }));
await browser.close();
await site.close();
