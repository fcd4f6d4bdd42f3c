import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * The Worker in the real workerd runtime (miniflare) with a local D1, against the fake
 * Telegram and Zalo APIs that tests/worker/global-setup.ts starts in Node.
 * `npm run test:workers`; `npm test` runs it after the Node tests.
 */
export const WORKER_SECRETS = {
  TELEGRAM_WEBHOOK_SECRET: 'worker-test-telegram-secret',
  ZALO_WEBHOOK_SECRET: 'worker-test-zalo-secret',
  ADMIN_PASSWORD: 'mat-khau-chu-shop',
  OWNER_TELEGRAM_CHAT_ID: '-1009876543210',
  SEPAY_API_KEY: 'worker-test-sepay-api-key-0123',
};

export default defineConfig(async () => {
  const migrations = await readD1Migrations('migrations');
  return {
    plugins: [
      cloudflareTest(({ inject }) => {
        const fakes = inject('fakes');
        return {
          main: './src/worker.ts',
          wrangler: { configPath: './wrangler.toml' },
          miniflare: {
            bindings: {
              ...WORKER_SECRETS,
              TELEGRAM_BOT_TOKEN: fakes.telegramToken,
              TELEGRAM_API_ROOT: fakes.telegramUrl,
              ZALO_BOT_TOKEN: fakes.zaloToken,
              ZALO_API_URL: fakes.zaloUrl,
              FAKES_CALLS_URL: fakes.callsUrl,
              TEST_MIGRATIONS: migrations,
            },
          },
        };
      }),
    ],
    test: {
      include: ['tests/worker/**/*.test.ts'],
      globalSetup: ['tests/worker/global-setup.ts'],
      setupFiles: ['tests/worker/apply-migrations.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
});
