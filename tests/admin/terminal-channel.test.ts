import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/runtime.node.ts';
import { runCli } from '../cli/run-cli';
import { tempDatabasePath } from '../support/harness';
import { logIn, mountAdmin, TestClock } from './support';

describe('the shop tried in the terminal', () => {
  it('shows in the dashboard and in npm run report as "Thử trong máy", though the week before had no such channel', async () => {
    const database = tempDatabasePath();
    try {
      const chat = await runCli('src/cli/chat.ts', ['--json'], 'shop ơi\nbán những gì\n', { DATABASE_PATH: database.path });
      expect(chat.code).toBe(0);

      const report = await runCli('src/cli/report.ts', [], '', { DATABASE_PATH: database.path });
      expect(report.stderr).not.toContain('TypeError');
      expect(report.code).toBe(0);
      expect(report.stdout).toMatch(/Thử trong máy/);
      expect(report.stdout).toMatch(/Hội thoại\s+1\s+1/);

      const { store } = await openDatabase(database.path);
      try {
        const admin = mountAdmin(store, { clock: new TestClock(new Date()) });
        const { cookie } = await logIn(admin.app);
        for (const period of ['today', '7d', '30d']) {
          const response = await admin.app.request(`/admin?period=${period}`, { headers: { cookie } });
          expect(response.status, period).toBe(200);
          expect(await response.text()).toContain('<th class="num">Thử trong máy</th>');
        }
        const conversations = await (await admin.app.request('/admin/conversations', { headers: { cookie } })).text();
        expect(conversations).toContain('Thử trong máy');
      } finally {
        await store.close();
      }
    } finally {
      database.cleanup();
    }
  }, 60_000); // two CLI processes, each compiling the shop with tsx
});
