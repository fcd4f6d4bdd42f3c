import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShopWithBrowser, type ServedShop } from '../../support/browser';

let shop: ServedShop;

beforeAll(async () => {
  shop = await serveShopWithBrowser();
  mkdirSync('test-results', { recursive: true });
}, 60_000);

afterAll(async () => {
  await shop?.close();
});

describe('the web chat page in headless Chromium', () => {
  it('greets the visitor, answers a tapped button and a typed message in Vietnamese', async () => {
    const page = await shop.browser.newPage({ viewport: { width: 390, height: 780 }, deviceScaleFactor: 1 });
    await page.goto(shop.url);
    await expect.poll(() => page.locator('.bubble.bot').first().textContent()).toContain('Vườn Nhà Tư xin chào');
    expect(await page.title()).toBe('Vườn Nhà Tư');

    await page.getByRole('button', { name: '🛒 Đặt hàng' }).click();
    await expect.poll(() => page.locator('.bubble.bot').last().textContent()).toContain('muốn đặt sản phẩm nào');
    expect(await page.locator('.bubble.me').last().textContent()).toBe('🛒 Đặt hàng');

    await page.locator('#text').fill('xoai cat hoa loc');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('.bubble.bot').last().textContent()).toContain('bao nhiêu kg Xoài cát Hòa Lộc');

    await page.locator('#text').fill('3 ký');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => page.locator('.bubble.bot').allTextContents()).toContainEqual(expect.stringContaining('3 kg × 85.000đ = 255.000đ'));
    await page.screenshot({ path: 'test-results/web-chat.png', fullPage: true });

    // What the page showed is what the database holds.
    const inbound = await shop.harness.store.db.selectFrom('messages').select('text').where('direction', '=', 'in').where('kind', '=', 'text').orderBy('id').execute();
    expect(inbound.map((row) => row.text)).toEqual(['/start', 'xoai cat hoa loc', '3 ký']);

    // A reload keeps the conversation on screen and in the same visitor's chat.
    await page.reload();
    await expect.poll(() => page.locator('.bubble.me').allTextContents()).toEqual(['👋', '🛒 Đặt hàng', 'xoai cat hoa loc', '3 ký']);
    await page.close();
  });
});
