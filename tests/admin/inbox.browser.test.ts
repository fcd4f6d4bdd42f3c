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
/** The owner's own browser: the packaged Chromium runs single-process, where a second context's requests from scripts lose their cookies. */
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

    await owner.goto(`${server.url}/admin?period=today`);
    await owner.locator('h1', { hasText: 'Tổng quan' }).waitFor();
    await snap(owner, '04-overview');
    await phone.close();
    await laptop.close();
  }, 90_000);
});
