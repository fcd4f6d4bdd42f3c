import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';
import { startHarness, tempDatabasePath, type Harness } from './harness';
import { listen } from './serve';

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

/** The app on a real SQLite file, listening on 127.0.0.1, with a browser to open it. */
export interface ServedShop {
  harness: Harness;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveShopWithBrowser(): Promise<ServedShop> {
  const database = tempDatabasePath();
  const harness = await startHarness({ path: database.path });
  const server = await listen(harness.app);
  const browser = await launchBrowser();
  return {
    harness,
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await harness.close();
      database.cleanup();
    },
  };
}
