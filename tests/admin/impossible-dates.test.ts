import { describe, expect, it } from 'vitest';
import { harnessPerTest } from '../support/per-test';
import { logIn } from './support';

const PASSWORD = 'vuon-nha-tu-2026';
const harness = harnessPerTest(() => ({ adminPassword: PASSWORD }));

describe('dashboard filters with a date that cannot be', () => {
  it('answer 400 with what to type instead, on every list and export, and never 500', async () => {
    const { cookie } = await logIn(harness().app, PASSWORD);
    const lists = ['/admin/conversations', '/admin/orders', '/admin/returns', '/admin/export/conversations.csv', '/admin/export/orders.csv', '/admin/export/returns.csv'];
    for (const path of lists) {
      for (const query of ['to=9999-12-31', 'from=0000-01-01', 'from=2026-02-30', 'from=2026-05-01&to=275760-09-13']) {
        const response = await harness().app.request(`${path}?${query}`, { headers: { cookie } });
        expect(response.status, `${path}?${query}`).toBe(400);
        expect(await response.text()).toContain('ví dụ 2026-05-12');
      }
      expect((await harness().app.request(`${path}?from=2026-05-01&to=2026-05-31`, { headers: { cookie } })).status, path).toBe(200);
    }
    expect(harness().log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
