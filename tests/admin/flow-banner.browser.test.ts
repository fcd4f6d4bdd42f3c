import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStatus } from '../../src/flows/status';
import { memoryLogger } from '../../src/log';
import { watchFlows } from '../../src/runtime.node.ts';
import { launchBrowser } from '../support/browser';
import { eventually } from '../support/eventually';
import { startHarness, tempDatabasePath, TestClock, type Harness } from '../support/harness';
import { listen } from '../support/serve';

const SCREENSHOTS = 'test-results/flows';
const PASSWORD = 'vuon-nha-tu-2026';

let root: string;
let dir: string;
let stop: () => void;
let status: FlowStatus;
let database: ReturnType<typeof tempDatabasePath>;
let harness: Harness;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shop-flows-'));
  dir = join(root, 'flows');
  cpSync('flows', dir, { recursive: true });
  status = new FlowStatus();
  stop = watchFlows(dir, { onEngine: () => undefined, log: memoryLogger(), status, settleMs: 50 });
  database = tempDatabasePath();
  harness = await startHarness({ path: database.path, adminPassword: PASSWORD, clock: new TestClock(new Date()), flowStatus: status });
  server = await listen(harness.app);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  stop?.();
  await browser?.close();
  await server?.close();
  await harness?.close();
  database?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('flow mistakes on the dashboard', () => {
  it('a broken edit puts a banner in words on every page, and the fix takes it away', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/admin/login?next=%2Fadmin`);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.pathname === '/admin');
    expect(await page.locator('.banner.flows').count()).toBe(0);

    const file = join(dir, 'greeting.yaml');
    const good = readFileSync(file, 'utf8');
    const step = /^steps:\n {2}([a-z_]+):/m.exec(good)![1]!;
    writeFileSync(file, good.replace(/^start: .*$/m, '').replace(`steps:\n  ${step}:\n`, `steps:\n  ${step}:\n    goto: buoc_khong_co\n`));
    await eventually(() => status.refusal !== null, 'the broken edit to be refused', 30_000);

    await page.goto(`${server.url}/admin/orders`);
    const banner = page.locator('.banner.flows');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('chưa được áp dụng');
    expect(await banner.textContent()).toMatch(new RegExp(`greeting\\.yaml:\\d+ \\(bước ${step}, mục goto\\)`));
    await page.screenshot({ path: `${SCREENSHOTS}/01-banner.png`, fullPage: true });

    writeFileSync(file, good);
    await eventually(() => status.refusal === null, 'the fixed flows to be loaded', 30_000);
    await page.goto(`${server.url}/admin/orders`);
    await page.locator('h1').waitFor();
    expect(await page.locator('.banner.flows').count()).toBe(0);
  }, 90_000);
});
