import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddressOf } from './admin/auth/client-address';
import { composeShop, runJob } from './compose';
import { parseEnv } from './config';
import type { Engine } from './engine/index';
import { FlowStatus } from './flows/status';
import { consoleLogger } from './log';
import { loadDotEnv, loadEngine, openDatabase, watchFlows } from './runtime.node.ts';

/** `npm start`: the shop on Node with the embedded SQLite file, flows read (and watched) from FLOWS_DIR. */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`The bot cannot start; fix these environment variables (see .env.example):\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
const env = parsed.env;
const log = consoleLogger(env.LOG_LEVEL);

let engine: Engine;
try {
  const loaded = await loadEngine(env.FLOWS_DIR);
  engine = loaded.engine;
  for (const warning of loaded.warnings) log.warn('flow warning', { warning });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { store, applied } = await openDatabase(env.DATABASE_PATH);
if (applied.length > 0) log.info('database migrated', { applied });

// The last refused edit of the flow files, for /healthz, the dashboard's banner and the owner's chat.
const flowStatus = new FlowStatus();
const shop = await composeShop(env, { store, engine: () => engine, log, persistent: true, flowStatus, clientAddress: clientAddressOf({ trustProxy: env.TRUST_PROXY, connection: (c) => getConnInfo(c).remote.address }) });
// This process is the only sender: what it was sending when it stopped goes first.
await shop.delivery.resumeInterrupted();
const stopWatching = watchFlows(env.FLOWS_DIR, {
  onEngine: (next) => (engine = next),
  log,
  status: flowStatus,
  onRefused: (edit) => void shop.ownerDesk?.tellFlowsRefused(edit),
});
const timers = shop.jobs.map((job) => setInterval(() => void runJob(job, log), job.everyMs));

const server = serve({ fetch: shop.app.fetch, port: env.PORT }, (info) => {
  log.info('shop bot running', { url: `http://localhost:${info.port}`, flows: engine.flows.version, database: env.DATABASE_PATH, channels: shop.channels });
  console.log(`\n  🌿 ${engine.flows.shop.shop.name}: web chat http://localhost:${info.port}/  ·  health http://localhost:${info.port}/healthz\n`);
});

const shutdown = (signal: string) => {
  log.info('shutting down', { signal });
  timers.forEach(clearInterval);
  stopWatching();
  void shop.stop();
  server.close(() => void store.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
