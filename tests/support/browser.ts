import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Headless Chromium from the npm package @sparticuz/chromium (the binary ships inside the
 * package; nothing is downloaded at run time), driven by playwright-core.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    headless: true,
  });
}
