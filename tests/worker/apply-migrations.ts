import { applyD1Migrations, env } from 'cloudflare:test';

// The same SQL files `wrangler d1 migrations apply` and the Node runner apply; applied once, recorded in d1_migrations.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
