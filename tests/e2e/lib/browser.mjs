// Launches Debian's Chromium through playwright-core (which cannot download a browser here).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Flags for this machine kind: no GPU, and no background connections (the network here is closed
 * and Chromium's own connections are refused, noisily). playwright-core adds --headless and a new
 * empty profile (--user-data-dir) for each launch; --no-sandbox because the tests run as root.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One browser for a test file; open a fresh context per page with openPage(). */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}
