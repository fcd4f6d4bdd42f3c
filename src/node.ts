import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddressOf } from './admin/auth/client-address';
import { composeShop, runJob } from './compose';
import { parseEnv } from './config';
import type { Engine } from './engine/index';
import { formatProblem } from './flows/index';
import { FlowStatus } from './flows/status';
import { consoleLogger } from './log';
import { flowsAtStart, keepGoodFlows } from './flows-at-start.node.ts';
import { loadDotEnv, openDatabase, shopTaught, trainedEngine, watchFlows } from './runtime.node.ts';

/** `npm start`: the shop on Node with the embedded SQLite file, flows read (and watched) from FLOWS_DIR. */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`The bot cannot start; fix these environment variables (see .env.example):\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
const env = parsed.env;
const log = consoleLogger(env.LOG_LEVEL);

const { store, applied } = await openDatabase(env.DATABASE_PATH, 'migrations', { backgroundCheckpoints: true });
if (applied.length > 0) log.info('database migrated', { applied });

// The last refused edit of the flow files, for /healthz, the dashboard's banner and the owner's chat.
const flowStatus = new FlowStatus();
// A flows folder broken at start-up runs on the last good flows kept in the database; only without any the bot cannot start.
const start = await flowsAtStart(env.FLOWS_DIR, store, new Date());
if (!start.ok) {
  console.error(start.message);
  process.exit(1);
}
const taught = () => shopTaught(env.FLOWS_DIR, store);
let engine: Engine = await trainedEngine(start.flows, await taught());
flowStatus.accepted(start.warnings);
for (const warning of start.warnings) log.warn('flow warning', { warning: formatProblem(warning) });
if (start.fallback) {
  flowStatus.refused({ at: new Date().toISOString(), errors: start.fallback.errors, warnings: [] });
  log.error('the flows folder cannot be used: running on the last good flows kept in the database; fix the files (npm run flows:check) and they load by themselves', {
    savedAt: start.fallback.savedAt,
    version: start.flows.version,
    problem: start.fallback.message,
  });
}
// A lesson taught on the dashboard is learnt at once: the model is trained again (about a second).
const relearn = async () => {
  engine = await trainedEngine(engine.flows, await taught());
};
const shop = await composeShop(env, { store, engine: () => engine, log, persistent: true, flowStatus, relearn, clientAddress: clientAddressOf({ trustProxy: env.TRUST_PROXY, connection: (c) => getConnInfo(c).remote.address }) });
// This process is the only sender: what it was sending when it stopped goes first.
await shop.delivery.resumeInterrupted();
const stopWatching = watchFlows(env.FLOWS_DIR, {
  onEngine: (next) => {
    engine = next;
    void keepGoodFlows(env.FLOWS_DIR, store, new Date()).catch((error: unknown) => log.warn('the reloaded flows were not kept as the last good ones', { error: String(error) }));
  },
  log,
  taught,
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
