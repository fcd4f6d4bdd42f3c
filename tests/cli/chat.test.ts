import { describe, expect, it } from 'vitest';
import { tempDatabasePath } from '../support/harness';
import { runCli } from './run-cli';

describe('npm run chat', () => {
  it('--json prints each bot reply as one JSON line with its flow and step, and numbered buttons can be typed', async () => {
    const database = tempDatabasePath();
    try {
      const { code, stdout, stderr } = await runCli('src/cli/chat.ts', ['--json'], 'chào shop\n2\nxoài cát\n', { DATABASE_PATH: database.path });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { text: string; buttons: string[]; flow: string | null; step: string | null });
      expect(lines[0]).toMatchObject({ flow: 'greeting', step: 'hello' });
      expect(lines[0]!.text).toContain('Vườn Nhà Tư xin chào');
      expect(lines[0]!.buttons).toContain('🛒 Đặt hàng');
      expect(lines[1]).toMatchObject({ flow: 'order', step: 'product' });
      expect(lines.at(-1)).toMatchObject({ flow: 'order', step: 'quantity' });
      expect(lines.at(-1)!.text).toContain('bao nhiêu kg Xoài cát Hòa Lộc');
    } finally {
      database.cleanup();
    }
  });
});

describe('npm run flows:check', () => {
  it('prints a one-line summary for the sample flows and exits 0', async () => {
    const { code, stdout } = await runCli('src/cli/flows-check.ts', [], '');
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^OK flows\/: 13 luồng, 10 sản phẩm, 6 vùng giao hàng, 4 khuyến mãi, 0 cảnh báo \(phiên bản [0-9a-f]{8}\)$/);
  });

  it('prints every error with file and line and exits 1 for a broken folder', async () => {
    const { code, stderr } = await runCli('src/cli/flows-check.ts', ['--flows', 'tests/flows/fixtures/broken-shop'], '');
    expect(code).toBe(1);
    expect(stderr).toContain('tests/flows/fixtures/broken-shop/shop.yaml:1:1 (gốc): lỗi: tệp phải là một nhóm khóa');
    expect(stderr).toContain('tests/flows/fixtures/broken-shop/greeting.yaml:6:5 steps.hello.sya: lỗi: khóa "sya" không dùng được ở đây (có phải ý bạn là "say"?)');
    expect(stderr).toContain('3 lỗi trong tests/flows/fixtures/broken-shop/');
  });
});

describe('npm run migrate', () => {
  it('applies every migration once and says so, then reports the file up to date', async () => {
    const database = tempDatabasePath();
    try {
      const first = await runCli('src/cli/migrate.ts', [], '', { DATABASE_PATH: database.path });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^applied 0001_initial\.sql, 0002_dashboard_indexes\.sql, 0003_owner_relay\.sql/);
      const second = await runCli('src/cli/migrate.ts', [], '', { DATABASE_PATH: database.path });
      expect(second.stdout.trim()).toBe(`${database.path} is up to date`);
    } finally {
      database.cleanup();
    }
  });
});
