import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startHarness, tempDatabasePath, TestClock, type Harness } from '../support/harness';
import { listen } from '../support/serve';

const SCREENSHOTS = 'test-results/inbox';
const PASSWORD = 'vuon-nha-tu-2026';

let database: ReturnType<typeof tempDatabasePath>;
let harness: Harness;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
/**
 * The owner's own browser: the packaged Chromium runs single-process, where a second context's
 * requests from scripts lose their cookies (and closing a context can end the browser, so
 * contexts stay open until the end).
 */
let ownerBrowser: Browser;

beforeAll(async () => {
  database = tempDatabasePath();
  // Today's date: the browser keeps the session cookie by its own clock.
  harness = await startHarness({ path: database.path, adminPassword: PASSWORD, clock: new TestClock(new Date()) });
  server = await listen(harness.app);
  browser = await launchBrowser();
  ownerBrowser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await ownerBrowser?.close();
  await server?.close();
  await harness?.close();
  database?.cleanup();
});

const snap = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

async function ownerLogsIn(page: Page, next: string): Promise<void> {
  await page.goto(`${server.url}/admin/login?next=${encodeURIComponent(next)}`);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => url.pathname === next);
}

describe('the inbox in a real browser', () => {
  it('a web customer asks for a person, the owner answers from the inbox, the customer reads it, and after the hand-back the bot asks the closing question', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const customer = await phone.newPage();
    customer.setDefaultTimeout(15_000);
    await customer.goto(`${server.url}/`);
    await customer.locator('.bubble.bot').first().waitFor();
    await customer.fill('#text', 'cho em gặp người thật');
    await customer.press('#text', 'Enter');
    await customer.locator('.bubble.me', { hasText: 'cho em gặp người thật' }).waitFor();
    await customer.waitForFunction(() => document.querySelectorAll('.bubble.bot').length >= 2);

    const laptop = await ownerBrowser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN' });
    const owner = await laptop.newPage();
    owner.setDefaultTimeout(15_000);
    await ownerLogsIn(owner, '/admin/inbox');
    await expect(owner.locator('h2', { hasText: 'Khách đang chờ người thật (1)' }).count()).resolves.toBe(1);
    await expect(owner.locator('td', { hasText: 'Web chat' }).count()).resolves.toBeGreaterThan(0);
    await snap(owner, '01-inbox-waiting');

    await owner.click('a.button:has-text("Trả lời")');
    await owner.locator('#transcript .msg.in', { hasText: 'cho em gặp người thật' }).waitFor();
    await owner.fill('textarea[name=text]', 'Dạ em là chủ vườn, chị cần gì ạ?');
    await owner.click('form.reply button[type=submit]');
    await owner.locator('.banner', { hasText: 'Đã gửi cho khách' }).waitFor();

    // The web chat polls for what a person writes.
    await customer.locator('.bubble.bot', { hasText: 'Dạ em là chủ vườn, chị cần gì ạ?' }).waitFor();
    await customer.fill('#text', 'xoài còn không shop');
    await customer.press('#text', 'Enter');
    // The open conversation in the inbox shows it without a reload.
    await owner.locator('#transcript .msg.in', { hasText: 'xoài còn không shop' }).waitFor();
    await snap(owner, '02-inbox-conversation');

    await owner.click('button:has-text("Xong, trả khách cho bot")');
    await owner.locator('.banner', { hasText: 'Đã trả khách cho bot' }).waitFor();
    await customer.locator('.bubble.bot', { hasText: 'chấm giúp shop mức hài lòng' }).waitFor();
    await snap(customer, '03-web-chat-after-hand-back');

    // The test clock stands still; a few minutes on, today's conversations are behind "now".
    harness.clock.advance(5);
    await owner.goto(`${server.url}/admin?period=today`);
    await owner.locator('h1', { hasText: 'Tổng quan' }).waitFor();
    await snap(owner, '04-overview');
  }, 90_000);

  it('a photo taken in the web chat is downsized in the browser, and shows in the return request and the transcript', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const customer = await phone.newPage();
    // Drawing and downsizing a 12-megapixel photo is slow on a busy machine.
    customer.setDefaultTimeout(45_000);
    await customer.goto(`${server.url}/`);
    await customer.locator('.bubble.bot').first().waitFor();
    for (const text of ['xoài bị dập', 'XB123']) {
      await customer.fill('#text', text);
      await customer.press('#text', 'Enter');
      await customer.locator('.bubble.me', { hasText: text }).waitFor();
    }
    await customer.locator('.bubble.bot', { hasText: 'ảnh' }).last().waitFor();
    // A phone camera's picture: 4000 × 3000 pixels of noise, far over 1 MB as a JPEG.
    const camera = await customer.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 4000;
      canvas.height = 3000;
      const context = canvas.getContext('2d')!;
      const pixels = context.createImageData(canvas.width, canvas.height);
      for (let index = 0; index < pixels.data.length; index++) pixels.data[index] = index % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      context.putImageData(pixels, 0, 0);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.95));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
    const original = Buffer.from(camera, 'base64');
    expect(original.length).toBeGreaterThan(1024 * 1024);
    await customer.setInputFiles('#photo', { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: original });
    await customer.locator('.bubble.bot', { hasText: 'xử lý thế nào' }).waitFor();
    await customer.locator('.chip', { hasText: 'Hoàn tiền' }).click();
    await customer.locator('.bubble.bot', { hasText: 'đã ghi nhận yêu cầu' }).waitFor();
    await snap(customer, '05-web-chat-photo');

    const request = await harness.store.db.selectFrom('return_requests').select(['photos', 'conversation_id']).executeTakeFirstOrThrow();
    const [url] = JSON.parse(request.photos) as string[];
    const stored = Buffer.from(await (await fetch(`${server.url}${url}`)).arrayBuffer());
    expect(stored.length).toBeLessThanOrEqual(1024 * 1024);
    expect(jpegSize(stored)).toEqual({ width: 1600, height: 1200 });

    const laptop = await ownerBrowser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN' });
    const owner = await laptop.newPage();
    owner.setDefaultTimeout(30_000);
    await ownerLogsIn(owner, '/admin/returns');
    const shown = owner.locator(`img[src="${url}"]`);
    await shown.waitFor();
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await snap(owner, '06-returns');
    await owner.goto(`${server.url}/admin/conversations/${request.conversation_id}`);
    await owner.locator(`.transcript img[src="${url}"]`).waitFor();
    await snap(owner, '07-transcript-photo');
  }, 180_000);
});

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let offset = 2;
  while (offset < bytes.length) {
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  throw new Error('no start-of-frame segment');
}
