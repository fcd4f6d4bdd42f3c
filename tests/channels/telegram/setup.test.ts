import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi } from '../../fakes/telegram-api-server';

const run = promisify(execFile);
let api: FakeTelegramApi;

beforeEach(async () => {
  api = new FakeTelegramApi();
  await api.start();
});

afterEach(async () => {
  await api.close();
});

/** Runs `npm run telegram:setup` as an operator would, against the fake Bot API. */
async function telegramSetup(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', FLOWS_DIR: 'flows', TELEGRAM_API_ROOT: api.url, TELEGRAM_BOT_TOKEN: api.token };
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/telegram-setup.ts', ...args], { env: { ...base, ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run telegram:setup', () => {
  it('sets the webhook with its secret, the command lists and the description from shop.yaml, and prints the answers', async () => {
    const result = await telegramSetup({ PUBLIC_URL: 'https://shop.example.vn', TELEGRAM_WEBHOOK_SECRET: 'telegram-webhook-secret-0123456789', OWNER_TELEGRAM_CHAT_ID: '-1001234567890' });
    expect(result.code).toBe(0);
    expect(api.webhook).toEqual({
      url: 'https://shop.example.vn/telegram/webhook',
      secret_token: 'telegram-webhook-secret-0123456789',
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
      max_connections: 10,
    });
    expect(api.commands.get('default')).toEqual([
      { command: 'start', description: 'Bắt đầu trò chuyện với shop' },
      { command: 'menu', description: 'Xem sản phẩm, đặt hàng, phí ship, khuyến mãi' },
      { command: 'donhang', description: 'Tra cứu đơn hàng của tôi' },
      { command: 'nguoithat', description: 'Nói chuyện với người thật' },
    ]);
    expect((api.commands.get('chat:-1001234567890') as { command: string }[]).map((entry) => entry.command)).toEqual(['donhang', 'baocao', 'don', 'xong']);
    expect(api.description).toBe('Vườn Nhà Tư — Nông sản miền Tây và Tây Nguyên, hái tại vườn gửi tận nhà\n🕗 T2, T3, T4, T5, T6, T7 07:00–21:00; CN 08:00–17:00\n📞 0912 345 678');
    expect(api.shortDescription).toBe('Nông sản miền Tây và Tây Nguyên, hái tại vườn gửi tận nhà');
    expect(result.stdout).toContain('setWebhook https://shop.example.vn/telegram/webhook\n  → true');
    expect(result.stdout).toContain('"url":"https://shop.example.vn/telegram/webhook"');
    expect(result.stdout).not.toContain(api.token);
  });

  it('--remove deletes the webhook, for long polling', async () => {
    api.webhook = { url: 'https://shop.example.vn/telegram/webhook' };
    const result = await telegramSetup({}, '--remove');
    expect(result.code).toBe(0);
    expect(api.webhook).toBeNull();
    expect(result.stdout).toContain('deleteWebhook\n  → true');
  });

  it('says what is missing instead of calling Telegram', async () => {
    const result = await telegramSetup({ TELEGRAM_WEBHOOK_SECRET: 'telegram-webhook-secret-0123456789' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PUBLIC_URL is not set');
    expect(api.calls).toHaveLength(0);
  });
});
