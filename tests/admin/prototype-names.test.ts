import { describe, expect, it } from 'vitest';
import { harnessPerTest } from '../support/per-test';
import { logIn } from './support';

const PASSWORD = 'vuon-nha-tu-2026';
const PROTOTYPE_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'prototype'])];
const harness = harnessPerTest(() => ({ adminPassword: PASSWORD }));

describe('dashboard links naming a property of every JavaScript object', () => {
  it('are only unknown filters and ids: never a 5xx, never a function printed on the page', async () => {
    const { cookie } = await logIn(harness().app, PASSWORD);
    const pages = ['/admin', '/admin/satisfaction', '/admin/flows', '/admin/conversations', '/admin/orders', '/admin/returns', '/admin/customers', '/admin/export/conversations.csv'];
    const keys = ['period', 'channel', 'flow', 'outcome', 'score', 'payment', 'shipping', 'status', 'q', 'page'];
    const failures: string[] = [];
    for (const name of PROTOTYPE_NAMES) {
      const paths = [...pages.flatMap((page) => keys.map((key) => `${page}?${key}=${encodeURIComponent(name)}`)), `/admin/conversations/${encodeURIComponent(name)}`, `/admin/customers/${encodeURIComponent(name)}`];
      for (const path of paths) {
        const response = await harness().app.request(path, { headers: { cookie } });
        const text = await response.text();
        if (response.status >= 500 || text.includes('[native code]')) failures.push(`${path} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
