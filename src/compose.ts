import type { Context, Hono } from 'hono';
import { createApp } from './app';
import type { ChannelModule, ChannelRoute, ChannelShop } from './channels/channel';
import { QrMedia, qrSigningKey } from './channels/media/qr-media';
import { CHANNELS } from './channels/registry';
import type { Env } from './config';
import { Conversations } from './conversation/conversations';
import type { OwnerChannel } from './conversation/owner-channel';
import { CustomerMessenger } from './conversation/customer-messenger';
import type { ChannelSender } from './conversation/inbound';
import { OutboxDelivery } from './conversation/outbox-delivery';
import { OwnerActions } from './conversation/owner-actions';
import { WaitingCustomers } from './conversation/waiting-customers';
import { OwnerDesk } from './conversation/owner-desk';
import { BankTransfers } from './conversation/payments/bank-transfers';
import { createCourtesy } from './conversation/courtesy-reply';
import { createReceiver, type Receive } from './conversation/receiver';
import { Retention } from './conversation/retention';
import { Scheduler } from './conversation/scheduler';
import type { Engine } from './engine/index';
import type { FlowStatus } from './flows/status';
import type { Logger } from './log';
import type { Store } from './store/index';

/** What differs between the places the shop runs: Node's server, a Workers isolate, a test, the terminal. */
export interface ShopRuntime {
  store: Store;
  /** The engine for the flows in force now (Node reloads them while running). */
  engine: () => Engine;
  log: Logger;
  clock?: () => Date;
  /**
   * A long-running process (Node): checks each platform token at start (a wrong one turns only
   * its channel off) and long-polls when there is no PUBLIC_URL. Otherwise (Workers, tests)
   * updates come only by webhook and tokens are checked on first use.
   */
  persistent: boolean;
  /** The visitor's address for the dashboard's login lockout (Node's socket, Cloudflare's header). */
  clientAddress?: (c: Context) => string | undefined;
  /** The channels to register; the shop's own by default. */
  channels?: readonly ChannelModule[];
  /** Stand-ins for platforms by channel name, used instead of the channel's own sender (tests). */
  senders?: Partial<Record<string, ChannelSender>>;
  /** Order codes (tests make them predictable). */
  orderCode?: () => string;
  /** Whether the last edit of the flow files was refused (Node reloads them; Workers never refuse). */
  flowStatus?: FlowStatus;
  /** Retrains the bot with what the owner taught on the dashboard (Node); Workers learn at the next bundle. */
  relearn?: () => Promise<void>;
}

/** Work the shop does on a timer (Node) or a cron trigger (Workers). */
export interface TimedJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface Shop {
  app: Hono;
  jobs: TimedJob[];
  conversations: Conversations;
  delivery: OutboxDelivery;
  receive: Receive;
  messenger: CustomerMessenger;
  scheduler: Scheduler;
  /** Null without an owner chat. */
  ownerDesk: OwnerDesk | null;
  qrMedia: QrMedia;
  /** Names of the channels that opened. */
  channels: string[];
  /** Stops the channels' polling. */
  stop(): Promise<void>;
}

/** The whole shop, wired once: every runtime, test, tool and benchmark calls this. */
export async function composeShop(env: Env, runtime: ShopRuntime): Promise<Shop> {
  const { store, engine, log } = runtime;
  const clock = runtime.clock ?? (() => new Date());
  const flows = () => engine().flows;
  const registered = runtime.channels ?? CHANNELS;
  const modules = registered.filter((module) => module.enabled(env));
  const owner = ownerOf(registered, env, log);
  const senders: Partial<Record<string, ChannelSender>> = runtime.senders ?? {};

  const conversations = new Conversations({
    store,
    engine,
    clock,
    idleMinutes: env.IDLE_MINUTES,
    owner,
    log,
    publicUrl: env.PUBLIC_URL,
    ...(runtime.orderCode ? { orderCode: runtime.orderCode } : {}),
  });
  const delivery = new OutboxDelivery({ store, senders, clock, log, pulledChannels: modules.filter((module) => module.pulled).map((module) => module.name) });
  const receive = createReceiver(conversations, delivery, log);
  const messenger = new CustomerMessenger({ store, delivery, clock });
  const scheduler = new Scheduler({ store, conversations, engine, clock, log, idleMinutes: env.IDLE_MINUTES, delivery });
  // One signing key for the /media route and the senders, derived from the secrets so every process agrees.
  const qrMedia = new QrMedia({
    store,
    flows,
    key: qrSigningKey([env.ADMIN_PASSWORD, env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.ZALO_BOT_TOKEN, env.ZALO_WEBHOOK_SECRET]),
    publicUrl: env.PUBLIC_URL,
  });
  // One implementation of the owner's actions for the Telegram owner chat and the dashboard's inbox.
  const ownerActions = (turns: Receive) => new OwnerActions({ store, flows, clock, log, owner, messenger, receive: turns });
  const ownerDesk = (turns: Receive) =>
    owner ? new OwnerDesk({ store, flows, clock, log, owner, delivery, messenger, receive: turns, humanReplyMinutes: env.HUMAN_REPLY_MINUTES, actions: ownerActions(turns) }) : null;

  const courtesy = createCourtesy({ store, flows, clock, delivery, log });
  const shop: ChannelShop = { env, store, flows, clock, log, qr: qrMedia, conversations, receive, courtesy, owner, ownerDesk, poll: runtime.persistent && !env.PUBLIC_URL, verify: runtime.persistent, clientAddress: runtime.clientAddress };
  const routes: ChannelRoute[] = [];
  const opened: { name: string; stop?: () => Promise<void> }[] = [];
  for (const module of modules) {
    const channel = await module.open(shop);
    if (!channel) continue;
    if (channel.sender) senders[module.name] ??= channel.sender;
    routes.push(...(channel.routes ?? []));
    opened.push({ name: module.name, ...(channel.stop ? { stop: channel.stop } : {}) });
  }

  const app = createApp({
    store,
    flows,
    clock,
    log,
    routes,
    admin: { password: env.ADMIN_PASSWORD, messenger, desk: ownerActions(receive), ...(runtime.clientAddress ? { clientAddress: runtime.clientAddress } : {}), ...(runtime.relearn ? { relearn: runtime.relearn } : {}) },
    qrMedia,
    payments: { transfers: new BankTransfers({ store, flows, clock, log, delivery, owner }), apiKey: env.SEPAY_API_KEY },
    ...(runtime.flowStatus ? { flowStatus: runtime.flowStatus } : {}),
  });
  const desk = ownerDesk(receive);
  const waitingCustomers = new WaitingCustomers({ store, flows, clock, messenger, humanReplyMinutes: env.HUMAN_REPLY_MINUTES });
  const retention = new Retention({ store, clock, log, retentionDays: env.RETENTION_DAYS });
  const jobs: TimedJob[] = [
    { name: 'idle sweep', everyMs: 60_000, run: () => conversations.sweepIdle() },
    { name: 'scheduled messages', everyMs: 60_000, run: () => scheduler.runDue() },
    { name: 'outbox retry', everyMs: 5_000, run: () => delivery.retryDue() },
    { name: 'retention', everyMs: 60 * 60_000, run: () => retention.runDue() },
    // Every customer waiting for a person hears when the shop will answer, with or without an owner chat.
    { name: 'waiting-customer sweep', everyMs: 60_000, run: () => waitingCustomers.remind() },
  ];
  return {
    app,
    jobs,
    conversations,
    delivery,
    receive,
    messenger,
    scheduler,
    ownerDesk: desk,
    qrMedia,
    channels: opened.map((channel) => channel.name),
    async stop() {
      await Promise.all(opened.map((channel) => channel.stop?.()));
    },
  };
}

/** Runs one timed job; a failure is logged and never stops the others. */
export async function runJob(job: TimedJob, log: Logger): Promise<void> {
  await job.run().catch((error: unknown) => log.error(`${job.name} failed`, { error: String(error) }));
}

/** The first channel that names an owner's chat (only an enabled one does) receives the owner's notices and desk. */
function ownerOf(modules: readonly ChannelModule[], env: Env, log: Logger): OwnerChannel | null {
  for (const module of modules) {
    const chatId = module.ownerChat?.(env, log);
    if (chatId) return { channel: module.name, chatId };
  }
  return null;
}
