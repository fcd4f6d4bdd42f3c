import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/config';

describe('configuration from the environment', () => {
  it('an empty environment gives the documented defaults', () => {
    expect(parseEnv({})).toMatchObject({
      ok: true,
      env: { PORT: 8787, DATABASE_PATH: 'data/shop.db', FLOWS_DIR: 'flows', IDLE_MINUTES: 30, LOG_LEVEL: 'info' },
    });
  });

  it('empty strings from a copied .env.example count as unset', () => {
    const result = parseEnv({ PUBLIC_URL: '', TELEGRAM_BOT_TOKEN: '', ADMIN_PASSWORD: '' });
    expect(result.ok && result.env.PUBLIC_URL).toBeUndefined();
  });

  it('every malformed variable is named with what it expects', () => {
    const result = parseEnv({
      PORT: 'eighty',
      PUBLIC_URL: 'shop.example.vn',
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      OWNER_TELEGRAM_CHAT_ID: '@chu_shop',
      ZALO_WEBHOOK_SECRET: 'short',
      ADMIN_PASSWORD: '123',
      IDLE_MINUTES: '0',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((error) => error.split(' ')[0])).toEqual(['PORT', 'PUBLIC_URL', 'TELEGRAM_BOT_TOKEN', 'OWNER_TELEGRAM_CHAT_ID', 'ZALO_WEBHOOK_SECRET', 'ADMIN_PASSWORD', 'IDLE_MINUTES']);
    expect(errors).toContain('PUBLIC_URL must be the public https:// address of this server, e.g. https://shop.example.vn');
    expect(errors).toContain('TELEGRAM_BOT_TOKEN must look like 123456789:AA… as BotFather gave it');
  });

  it('a webhook setup without its secret is refused', () => {
    const result = parseEnv({ PUBLIC_URL: 'https://shop.example.vn', TELEGRAM_BOT_TOKEN: `123456:${'A'.repeat(35)}` });
    expect(result).toEqual({
      ok: false,
      errors: ['TELEGRAM_WEBHOOK_SECRET is required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set (Telegram signs webhook calls with it)'],
    });
  });
});
