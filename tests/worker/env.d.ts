declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    FAKES_CALLS_URL: string;
    TELEGRAM_WEBHOOK_SECRET: string;
    ZALO_WEBHOOK_SECRET: string;
    ADMIN_PASSWORD: string;
    OWNER_TELEGRAM_CHAT_ID: string;
    SEPAY_API_KEY: string;
  }
}
