import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveShopWithBrowser, type ServedShop } from '../../support/browser';

let shop: ServedShop;

beforeAll(async () => {
  shop = await serveShopWithBrowser();
}, 60_000);

afterAll(async () => {
  await shop?.close();
});

async function type(page: Page, text: string) {
  const before = await page.locator('.bubble.me').count();
  await page.locator('#text').fill(text);
  await page.locator('#text').press('Enter');
  await expect.poll(() => page.locator('.bubble.me').count()).toBe(before + 1);
  await expect.poll(() => page.locator('.typing').count()).toBe(0);
}

describe('the VietQR code on the web chat page', () => {
  it('shows the code as an image loaded from /media/qr after a bank-transfer order', async () => {
    const page = await shop.browser.newPage({ viewport: { width: 390, height: 780 } });
    await page.goto(shop.url);
    await expect.poll(() => page.locator('.bubble.bot').count()).toBeGreaterThan(0);
    for (const text of ['đặt hàng', 'xoài cát hòa lộc', '2 ký', 'không', 'Trần Thị Bích', '0987654321', '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ', 'không', 'Chuyển khoản', 'không', 'đồng ý']) {
      await type(page, text);
    }
    const qr = page.locator('.bubble.bot img.qr');
    await expect.poll(() => qr.count()).toBe(1);
    expect(await qr.getAttribute('src')).toMatch(/^\/media\/qr\/XB\d{3}-[0-9a-f]{32}\.png$/);
    await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(200);
    expect(await qr.locator('..').textContent()).toContain('Quét mã bằng app ngân hàng để chuyển 190.000đ');
    await page.close();
  });
});
