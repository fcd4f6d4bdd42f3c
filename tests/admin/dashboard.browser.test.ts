import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index';
import { launchBrowser } from '../support/browser';
import { listen } from '../support/serve';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop, type SeededShop } from './seed';
import { mountAdmin, openTestStore, PASSWORD, TestClock, toldCustomers } from './support';

const SCREENSHOTS = 'test-results/dashboard';

let store: Store;
let close: () => Promise<void>;
let shop: SeededShop;
let server: { url: string; close: () => Promise<void> };
let base: string;
let browser: Browser;

beforeAll(async () => {
  ({ store, close } = await openTestStore());
  const clock = new TestClock(new Date());
  shop = generateShop(fixtureFlows(), { now: clock.now() });
  await insertShop(store, shop);
  const flows = fixtureFlows();
  server = await listen(mountAdmin(store, { clock, flows, clientAddress: (c) => getConnInfo(c).remote.address }).app);
  base = server.url;
  browser = await launchBrowser();
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await close();
});

const snap = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });

describe('the dashboard in a real browser', () => {
  it('the owner logs in on a phone, reads every page, filters, opens a transcript, ships an order and downloads a CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);

    await page.goto(`${base}/admin/flows`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await snap(page, '01-login');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    expect(await page.textContent('.banner.error')).toContain('Sai mật khẩu');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/admin/flows');

    await page.click('nav.main >> text="Tổng quan"');
    expect(await page.textContent('h1')).toContain('Tổng quan');
    await page.click('.periods >> text=30 ngày');
    expect(page.url()).toContain('period=30d');
    await snap(page, '02-overview');

    for (const [name, title, file] of [
      ['Hài lòng', 'Mức hài lòng', '03-satisfaction'],
      ['Luồng hội thoại', 'Luồng hội thoại', '04-flows'],
      ['Đổi trả', 'Yêu cầu đổi trả', '05-returns'],
      ['Khách hàng', 'Khách hàng', '06-customers'],
    ] as const) {
      await page.click(`nav.main >> text="${name}"`);
      expect(await page.textContent('h1')).toContain(title);
      await snap(page, file);
    }
    await page.click('tbody a >> nth=0');
    expect(await page.textContent('h2')).toContain('Hành trình');
    await snap(page, '07-customer');

    await page.click('nav.main >> text="Hội thoại"');
    await page.selectOption('select[name=channel]', 'zalo');
    await page.selectOption('select[name=outcome]', 'abandoned');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/outcome=abandoned/);
    const expected = shop.conversations.filter((c) => c.channel === 'zalo' && c.outcome === 'abandoned');
    expect(page.url()).toContain('channel=zalo');
    expect(await page.locator('tbody tr').count()).toBe(Math.min(50, expected.length));
    expect(await page.locator('tbody tr .badge.abandoned').count()).toBe(Math.min(50, expected.length));
    await snap(page, '08-conversations');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải CSV (Excel)')]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(expected.length + 1);

    await page.click('tbody tr >> nth=0 >> td >> nth=0 >> a');
    expect(await page.textContent('h1')).toContain('Hội thoại');
    expect(await page.locator('.msg').count()).toBeGreaterThan(2);
    await snap(page, '09-transcript');

    await page.click('nav.main >> text="Đơn hàng"');
    const order = (await store.db.selectFrom('orders').select(['code', 'customer_id']).where('shipping_status', '!=', 'shipped').orderBy('created_at', 'desc').executeTakeFirstOrThrow());
    const card = page.locator(`#order-${order.code}`);
    await card.locator('select[name=shipping_status]').selectOption('shipped');
    await card.locator('input[name=tracking_code]').fill('GHN777');
    await card.locator('button[type=submit]').click();
    await page.waitForURL(/saved=/);
    expect(await page.textContent('.banner.ok')).toContain(`Đã lưu đơn ${order.code} và đã nhắn cho khách.`);
    // A page of 50 orders is very long: the first screen shows the notice and the first orders.
    await snap(page, '10-orders', false);
    expect((await store.db.selectFrom('orders').select(['shipping_status', 'tracking_code']).where('code', '=', order.code).executeTakeFirstOrThrow())).toEqual({ shipping_status: 'shipped', tracking_code: 'GHN777' });
    expect((await toldCustomers(store)).map((told) => told.text)).toEqual([`Dạ đơn ${order.code}: đã giao cho đơn vị vận chuyển`, `Dạ đơn ${order.code}: mã vận đơn GHN777`]);

    const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: await context.storageState() });
    const wide = await laptop.newPage();
    await wide.goto(`${base}/admin?period=30d`);
    await snap(wide, '11-overview-laptop');
    await wide.goto(`${base}/admin/flows?period=30d`);
    await snap(wide, '12-flows-laptop');
    // Contexts close with the browser: this Chromium runs in one process, where closing a context early can take the browser down.
  }, 90_000);
});
