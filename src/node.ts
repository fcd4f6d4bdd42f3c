import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app';
import { parseEnv } from './config';
import { Conversations } from './conversation/conversations';
import { OutboxDelivery } from './conversation/outbox-delivery';
import { createReceiver } from './conversation/receiver';
import { startZaloChannel } from './channels/zalo/channel';
import { QrMedia, qrSigningKey } from './channels/media/qr-media';
import { startTelegramChannel } from './channels/telegram/channel';
import { CustomerMessenger } from './conversation/customer-messenger';
import { OwnerDesk } from './conversation/owner-desk';
import { Scheduler } from './conversation/scheduler';
import { setCustomerBlocked } from './store/customers';
import type { Engine } from './engine/engine';
import { consoleLogger } from './log';
import { loadDotEnv, loadEngine, openDatabase, watchFlows } from './runtime.node.ts';

/** `npm start`: the shop bot on Node with the embedded SQLite database. */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`The bot cannot start; fix these environment variables (see .env.example):\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
const env = parsed.env;
const log = consoleLogger(env.LOG_LEVEL);
const clock = () => new Date();

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

// The owner works the shop from a Telegram chat; without the bot token nothing could reach it.
const owner = env.TELEGRAM_BOT_TOKEN && env.OWNER_TELEGRAM_CHAT_ID ? { channel: 'telegram', chatId: env.OWNER_TELEGRAM_CHAT_ID } : null;
if (env.OWNER_TELEGRAM_CHAT_ID && !owner) log.warn('OWNER_TELEGRAM_CHAT_ID is set but TELEGRAM_BOT_TOKEN is not: owner notices go to this log instead');
const conversations = new Conversations({
  store,
  engine: () => engine,
  clock,
  idleMinutes: env.IDLE_MINUTES,
  owner,
  log,
  publicUrl: env.PUBLIC_URL,
});
const senders: ConstructorParameters<typeof OutboxDelivery>[0]['senders'] = {};
const delivery = new OutboxDelivery({ store, senders, clock, log, pulledChannels: ['web', 'terminal'] });
const receive = createReceiver(conversations, delivery, log);
// After the sale (issue 10): check-ins, the reminder of an unfinished order, repurchase reminders.
const scheduler = new Scheduler({ store, conversations, engine: () => engine, clock, log, idleMinutes: env.IDLE_MINUTES, delivery });
// VietQR images for bank transfers: one signing key for the /media route and the senders.
const qrMedia = new QrMedia({
  store,
  flows: () => engine.flows,
  key: qrSigningKey([env.ADMIN_PASSWORD, env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.ZALO_BOT_TOKEN, env.ZALO_WEBHOOK_SECRET]),
  publicUrl: env.PUBLIC_URL,
});

const zalo = env.ZALO_BOT_TOKEN
  ? await startZaloChannel({ token: env.ZALO_BOT_TOKEN, apiUrl: env.ZALO_API_URL, publicUrl: env.PUBLIC_URL, qr: qrMedia, receive, log, poll: !env.PUBLIC_URL })
  : null;
if (zalo) senders.zalo = zalo.sender;

const messenger = new CustomerMessenger({ store, delivery, clock });
const ownerDesk = owner
  ? new OwnerDesk({ store, flows: () => engine.flows, clock, log, owner, delivery, messenger, receive, humanReplyMinutes: env.HUMAN_REPLY_MINUTES })
  : null;
const telegram = env.TELEGRAM_BOT_TOKEN
  ? await startTelegramChannel({
      token: env.TELEGRAM_BOT_TOKEN,
      apiRoot: env.TELEGRAM_API_ROOT,
      publicUrl: env.PUBLIC_URL,
      routing: {
        receive,
        owner: ownerDesk && owner ? { chatId: owner.chatId, desk: ownerDesk } : undefined,
        markBlocked: async (chatId, blocked) => void (await setCustomerBlocked(store.db, 'telegram', chatId, blocked)),
      },
      sharePhoneLabel: () => engine.flows.shop.texts.share_phone_button,
      qr: qrMedia,
      log,
      poll: !env.PUBLIC_URL,
    })
  : null;
if (telegram) senders.telegram = telegram.sender;

const app = createApp({
  store,
  conversations,
  delivery,
  flows: () => engine.flows,
  clock,
  log,
  receive,
  webhooks: {
    ...(zalo && env.PUBLIC_URL && env.ZALO_WEBHOOK_SECRET ? { zalo: { secret: env.ZALO_WEBHOOK_SECRET } } : {}),
    ...(telegram && env.PUBLIC_URL && env.TELEGRAM_WEBHOOK_SECRET ? { telegram: { bot: telegram.bot, secret: env.TELEGRAM_WEBHOOK_SECRET } } : {}),
  },
  admin: { password: env.ADMIN_PASSWORD, messenger, clientAddress: (c) => getConnInfo(c).remote.address },
  qrMedia,
});
const stopWatching = watchFlows(env.FLOWS_DIR, (next) => (engine = next), log);

const timers = [
  setInterval(() => void conversations.sweepIdle().catch((error) => log.error('idle sweep failed', { error: String(error) })), 60_000),
  setInterval(() => void scheduler.runDue().catch((error) => log.error('scheduled messages failed', { error: String(error) })), 60_000),
  setInterval(() => void delivery.retryDue().catch((error) => log.error('outbox retry failed', { error: String(error) })), 5_000),
  ...(ownerDesk ? [setInterval(() => void ownerDesk.remindWaitingCustomers().catch((error) => log.error('waiting-customer sweep failed', { error: String(error) })), 60_000)] : []),
];

const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  log.info('shop bot running', { url: `http://localhost:${info.port}`, flows: engine.flows.version, database: env.DATABASE_PATH });
  console.log(`\n  🌿 ${engine.flows.shop.shop.name}: web chat http://localhost:${info.port}/  ·  health http://localhost:${info.port}/healthz\n`);
});

const shutdown = (signal: string) => {
  log.info('shutting down', { signal });
  timers.forEach(clearInterval);
  stopWatching();
  void zalo?.stop();
  void telegram?.stop();
  server.close(() => void store.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
