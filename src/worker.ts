import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import type { UserFromGetMe } from 'grammy/types';
import { Hono } from 'hono';
import { createApp } from './app';
import { createTelegramBot } from './channels/telegram/bot';
import { telegramRouter } from './channels/telegram/router';
import { TelegramSender } from './channels/telegram/sender';
import { telegramWebhookRoute } from './channels/telegram/webhook-route';
import { ZaloBotClient } from './channels/zalo/client';
import { QrMedia, qrSigningKey } from './channels/media/qr-media';
import { ZaloSender } from './channels/zalo/sender';
import { zaloWebhookRoute } from './channels/zalo/webhook-route';
import { parseEnv, type Env } from './config';
import { Conversations, type OwnerChannel } from './conversation/conversations';
import { CustomerMessenger } from './conversation/customer-messenger';
import { OutboxDelivery } from './conversation/outbox-delivery';
import { OwnerDesk } from './conversation/owner-desk';
import { Scheduler } from './conversation/scheduler';
import { createReceiver, type Defer, type Receive } from './conversation/receiver';
import { createEngine, type Engine } from './engine/engine';
import { formatProblem, loadFlows } from './flows/index';
import { bundledFlows } from './generated/flows';
import { consoleLogger, type Logger } from './log';
import { setCustomerBlocked } from './store/customers';
import { openD1Store } from './store/d1';

/** What wrangler.toml binds: the D1 database, plus the variables and secrets of `.env.example`. */
export interface WorkerBindings {
  DB: D1Database;
  [name: string]: unknown;
}

/**
 * The shop bot on Cloudflare Workers: the same Hono app as on Node, over D1, with the flows
 * bundled at build (`npm run flows:bundle`). Everything below is built once per isolate;
 * only the webhook routes are built per request, so their deliveries run under that
 * request's `waitUntil` (a Worker must not leave work running after it answers).
 */
export default {
  async fetch(request: Request, bindings: WorkerBindings, ctx: ExecutionContext): Promise<Response> {
    const shop = await shopFor(bindings);
    if (!shop.ok) return configError(shop.errors);
    const defer: Defer = (work) => ctx.waitUntil(work);
    const path = new URL(request.url).pathname.replace(/\/+$/, '');
    if (path === '/telegram/webhook' && shop.telegram) return (await shop.telegram.route(defer)).fetch(request);
    if (path === '/zalo/webhook' && shop.zalo) return shop.zalo.route(defer).fetch(request);
    return shop.app.fetch(request, bindings, ctx);
  },

  /** The cron trigger (wrangler.toml): close idle conversations, send due after-sale messages, retry the outbox, remind waiting customers. */
  async scheduled(_controller: ScheduledController, bindings: WorkerBindings, ctx: ExecutionContext): Promise<void> {
    const shop = await shopFor(bindings);
    if (!shop.ok) {
      console.error(configMessage(shop.errors));
      return;
    }
    ctx.waitUntil(shop.runScheduled());
  },
};

type Shop = Awaited<ReturnType<typeof openShop>>;

const shops = new WeakMap<object, Promise<Shop>>();

function shopFor(bindings: WorkerBindings): Promise<Shop> {
  let shop = shops.get(bindings);
  if (!shop) {
    shop = openShop(bindings);
    shops.set(bindings, shop);
    // A failed start (e.g. D1 unreachable) is tried again by the next request.
    shop.catch(() => shops.delete(bindings));
  }
  return shop;
}

/** Worker vars and secrets as the strings parseEnv expects; the bindings (DB) are not text. */
function textBindings(bindings: WorkerBindings): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** On Workers every platform update comes by webhook, so each bot token needs its webhook secret. */
function workerOnlyErrors(env: Env): string[] {
  const errors: string[] = [];
  if (env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET) errors.push('TELEGRAM_WEBHOOK_SECRET is required on Workers when TELEGRAM_BOT_TOKEN is set (wrangler secret put TELEGRAM_WEBHOOK_SECRET)');
  if (env.ZALO_BOT_TOKEN && !env.ZALO_WEBHOOK_SECRET) errors.push('ZALO_WEBHOOK_SECRET is required on Workers when ZALO_BOT_TOKEN is set (wrangler secret put ZALO_WEBHOOK_SECRET)');
  return errors;
}

let bundled: { ok: true; engine: Engine } | { ok: false; errors: string[] } | undefined;

/** The flows are fixed at build time, so the isolate parses them once, whatever env objects it sees. */
function bundledEngine() {
  if (!bundled) {
    const loaded = loadFlows(bundledFlows);
    // The build refuses bad flows (flows:bundle), so this only fails on a hand-edited bundle.
    bundled = loaded.ok ? { ok: true, engine: createEngine(loaded.flows) } : { ok: false, errors: loaded.errors.map(formatProblem) };
  }
  return bundled;
}

async function openShop(bindings: WorkerBindings) {
  const parsed = parseEnv(textBindings(bindings));
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
  const env = parsed.env;
  const extra = workerOnlyErrors(env);
  if (extra.length > 0) return { ok: false as const, errors: extra };
  if (!bindings.DB) return { ok: false as const, errors: ['DB is not bound: add the [[d1_databases]] binding "DB" to wrangler.toml'] };

  const log = consoleLogger(env.LOG_LEVEL);
  const loaded = bundledEngine();
  if (!loaded.ok) return { ok: false as const, errors: loaded.errors };
  const { engine } = loaded;
  const clock = () => new Date();
  const store = openD1Store(bindings.DB);

  const owner: OwnerChannel | null = env.TELEGRAM_BOT_TOKEN && env.OWNER_TELEGRAM_CHAT_ID ? { channel: 'telegram', chatId: env.OWNER_TELEGRAM_CHAT_ID } : null;
  const conversations = new Conversations({ store, engine: () => engine, clock, idleMinutes: env.IDLE_MINUTES, owner, log, publicUrl: env.PUBLIC_URL });
  const senders: ConstructorParameters<typeof OutboxDelivery>[0]['senders'] = {};
  const delivery = new OutboxDelivery({ store, senders, clock, log, pulledChannels: ['web', 'terminal'] });
  const receive = createReceiver(conversations, delivery, log);
  const withDefer = (defer: Defer): Receive => (event, given) => receive(event, given ?? defer);
  const messenger = new CustomerMessenger({ store, delivery, clock });
  // After the sale (issue 10): check-ins, unfinished-order and repurchase reminders, run by the cron trigger.
  const scheduler = new Scheduler({ store, conversations, engine: () => engine, clock, log, idleMinutes: env.IDLE_MINUTES, delivery });
  // VietQR images for bank transfers: one signing key for the /media route and the senders, as on Node.
  const qrMedia = new QrMedia({
    store,
    flows: () => engine.flows,
    key: qrSigningKey([env.ADMIN_PASSWORD, env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.ZALO_BOT_TOKEN, env.ZALO_WEBHOOK_SECRET]),
    publicUrl: env.PUBLIC_URL,
  });
  const deskFor = (defer: Defer) =>
    owner ? new OwnerDesk({ store, flows: () => engine.flows, clock, log, owner, delivery, messenger, receive: withDefer(defer), humanReplyMinutes: env.HUMAN_REPLY_MINUTES }) : null;

  const telegram = env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_WEBHOOK_SECRET ? telegramOnWorkers(env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env, log) : null;
  if (telegram) {
    senders.telegram = new TelegramSender(createTelegramBot({ token: env.TELEGRAM_BOT_TOKEN!, apiRoot: env.TELEGRAM_API_ROOT }).api, {
      publicUrl: env.PUBLIC_URL,
      sharePhoneLabel: () => engine.flows.shop.texts.share_phone_button,
      qr: qrMedia,
    });
  }
  if (env.ZALO_BOT_TOKEN) senders.zalo = new ZaloSender(new ZaloBotClient(env.ZALO_BOT_TOKEN, env.ZALO_API_URL ? { apiUrl: env.ZALO_API_URL } : {}), env.PUBLIC_URL, qrMedia);
  const zaloSecret = env.ZALO_WEBHOOK_SECRET;

  const app = createApp({
    store,
    conversations,
    delivery,
    flows: () => engine.flows,
    clock,
    log,
    receive,
    // Cloudflare's edge puts the visitor's address here; the dashboard's lockout counts by it.
    admin: { password: env.ADMIN_PASSWORD, messenger, clientAddress: (c) => c.req.header('CF-Connecting-IP') },
    qrMedia,
  });

  return {
    ok: true as const,
    app,
    telegram: telegram
      ? {
          route: async (defer: Defer) => {
            const desk = deskFor(defer);
            const bot = await telegram.bot();
            bot.use(
              telegramRouter({
                receive: withDefer(defer),
                owner: desk && owner ? { chatId: owner.chatId, desk } : undefined,
                markBlocked: async (chatId, blocked) => void (await setCustomerBlocked(store.db, 'telegram', chatId, blocked)),
                log,
              }),
            );
            return new Hono().route('/telegram/webhook', telegramWebhookRoute({ bot, secret: telegram.secret, log }));
          },
        }
      : null,
    zalo:
      env.ZALO_BOT_TOKEN && zaloSecret
        ? { route: (defer: Defer) => new Hono().route('/zalo/webhook', zaloWebhookRoute({ secret: zaloSecret, log, onEvent: (event) => receive(event, defer) })) }
        : null,
    /** One cron tick; each job runs even when another fails. */
    async runScheduled(): Promise<void> {
      const desk = deskFor((work) => void work);
      const jobs: [string, () => Promise<unknown>][] = [
        ['idle sweep failed', () => conversations.sweepIdle()],
        ['scheduled messages failed', () => scheduler.runDue()],
        ['outbox retry failed', () => delivery.retryDue()],
        ...(desk ? [['waiting-customer sweep failed', () => desk.remindWaitingCustomers()] as [string, () => Promise<unknown>]] : []),
      ];
      for (const [failure, job] of jobs) await job().catch((error: unknown) => log.error(failure, { error: String(error) }));
    },
  };
}

/**
 * A fresh grammY bot per webhook request (cheap once the bot's identity is known), so the
 * router's turns defer their delivery to that request. getMe runs once per isolate.
 */
function telegramOnWorkers(token: string, secret: string, env: Env, log: Logger) {
  let botInfo: Promise<UserFromGetMe> | undefined;
  const identity = () => {
    botInfo ??= createTelegramBot({ token, apiRoot: env.TELEGRAM_API_ROOT })
      .api.getMe()
      .catch((error: unknown) => {
        botInfo = undefined;
        log.error('telegram getMe failed; check TELEGRAM_BOT_TOKEN', { error: String(error) });
        throw error;
      });
    return botInfo;
  };
  return {
    secret,
    bot: async () => createTelegramBot({ token, apiRoot: env.TELEGRAM_API_ROOT, botInfo: await identity() }),
  };
}

function configMessage(errors: readonly string[]): string {
  return `The bot cannot start; fix these Worker variables or secrets (wrangler.toml [vars], wrangler secret put):\n${errors.map((line) => `  - ${line}`).join('\n')}`;
}

function configError(errors: readonly string[]): Response {
  console.error(configMessage(errors));
  return new Response(JSON.stringify({ error: 'the bot is not configured', problems: errors }), { status: 500, headers: { 'content-type': 'application/json' } });
}
