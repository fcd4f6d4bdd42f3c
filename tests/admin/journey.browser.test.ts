import { mkdirSync, rmSync } from 'node:fs';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index';
import { launchBrowser } from '../support/browser';
import { listen } from '../support/serve';
import { generateJourneyShop, insertJourneyShop, journeyFlows } from './journey-seed';
import { mountAdmin, openTestStore, PASSWORD, TestClock } from './support';

const SCREENSHOTS = 'test-results/journey';

let store: Store;
let close: () => Promise<void>;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ({ store, close } = await openTestStore());
  const clock = new TestClock();
  const flows = journeyFlows();
  await insertJourneyShop(store, generateJourneyShop(flows, clock.now()));
  server = await listen(mountAdmin(store, { clock, flows, clientAddress: (c) => getConnInfo(c).remote.address }).app);
  browser = await launchBrowser();
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await close();
});

const snap = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

describe('the journey pages in a real browser', () => {
  it('the owner reads the journey, NPS and the customers gone quiet, opens a weak touchpoint and reminds a customer', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/admin/journey`);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    expect(await page.textContent('h1')).toContain('Hành trình khách');
    await page.click('summary');
    await snap(page, '01-journey');

    await page.click('article.item.low >> text=/Xem .* hội thoại/');
    expect(await page.textContent('h1')).toContain('Cân nhắc · Trước khi mua · Telegram');
    await snap(page, '02-touchpoint');

    await page.click('nav.main >> text="NPS"');
    expect(await page.textContent('h1')).toContain('NPS');
    await snap(page, '03-nps');

    await page.click('nav.main >> text="Mua lại"');
    expect(await page.textContent('h1')).toContain('lâu chưa quay lại');
    await snap(page, '04-churn');
    await page.click('form[action="/admin/churn/remind"] >> nth=0 >> button');
    expect(await page.textContent('.banner.ok')).toContain('nhắc mua lại');
    await snap(page, '05-churn-reminded');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/admin/journey`);
    await snap(page, '06-journey-phone');
    await context.close();
  }, 60_000);
});
