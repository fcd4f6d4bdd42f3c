import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import type { FlowStatus } from '../../src/flows/status';
import type { ChannelModule } from '../../src/channels/channel';
import type { QrMedia } from '../../src/channels/media/qr-media';
import { CHANNELS } from '../../src/channels/registry';
import { composeShop, type Shop } from '../../src/compose';
import { parseEnv } from '../../src/config';
import type { Conversations } from '../../src/conversation/conversations';
import type { OwnerChannel } from '../../src/conversation/owner-channel';
import type { ChannelSender } from '../../src/conversation/inbound';
import type { OutboxDelivery } from '../../src/conversation/outbox-delivery';
import type { Receive } from '../../src/conversation/receiver';
import { createEngine, type Engine } from '../../src/engine/index';
import type { ShopFlows } from '../../src/flows/schema';
import { memoryLogger } from '../../src/log';
import { openDatabase } from '../../src/runtime.node.ts';
import type { Store } from '../../src/store/index';
import { sampleFlows } from './sample-flows';

/** A controllable clock: tests move time instead of waiting for it. */
export class TestClock {
  constructor(public current = new Date('2026-05-12T03:00:00Z')) {}
  now = () => new Date(this.current);
  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export function tempDatabasePath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shopbot-'));
  return { path: join(dir, 'shop.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  app: Hono;
  receive: Receive;
  store: Store;
  engine: Engine;
  /** The owner edits the flows while the shop runs (Node reloads them the same way). */
  useFlows(flows: ShopFlows): void;
  conversations: Conversations;
  delivery: OutboxDelivery;
  qrMedia: QrMedia;
  shop: Shop;
  clock: TestClock;
  log: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
}

/** A token of the right shape for a channel whose platform a test stands in for; nothing is sent with it. */
const STAND_IN_TELEGRAM_TOKEN = '1234567890:AAharness-stand-in-token-0123456789';
/** Where a stand-in channel's own sender would go if a test gave none: a closed local port, never the real platform. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * How a test's shop differs from the default one. `senders` stand in for the platforms;
 * `owner` turns on the owner's chat on Telegram; `webhooks` turns on a channel's webhook with
 * its secret; `env` adds any other variable.
 */
export interface HarnessOptions {
  clock?: TestClock;
  senders?: Record<string, ChannelSender>;
  owner?: OwnerChannel | null;
  idleMinutes?: number;
  webhooks?: { zalo?: { secret: string }; telegram?: { secret: string } };
  adminPassword?: string;
  env?: Record<string, string>;
  channels?: readonly ChannelModule[];
  /** The client's address as the entry reads it (Node: the connection, or X-Forwarded-For behind a proxy). */
  clientAddress?: (c: Context) => string | undefined;
  /** Where a test's flow watcher records a refused edit (/healthz, the dashboard's banner). */
  flowStatus?: FlowStatus;
}

/** The shop as `npm start` wires it (composeShop), on the SQLite file at `path` with a test clock. */
export async function startHarness(options: HarnessOptions & { path: string }): Promise<Harness> {
  const { store } = await openDatabase(options.path);
  let engine = createEngine(await sampleFlows());
  const clock = options.clock ?? new TestClock();
  const log = memoryLogger();
  const parsed = parseEnv({
    IDLE_MINUTES: String(options.idleMinutes ?? 30),
    ...(options.adminPassword ? { ADMIN_PASSWORD: options.adminPassword } : {}),
    ...(options.owner || options.webhooks?.telegram ? { TELEGRAM_BOT_TOKEN: STAND_IN_TELEGRAM_TOKEN, TELEGRAM_API_ROOT: NOWHERE } : {}),
    ...(options.owner ? { OWNER_TELEGRAM_CHAT_ID: options.owner.chatId } : {}),
    ...(options.webhooks?.telegram ? { TELEGRAM_WEBHOOK_SECRET: options.webhooks.telegram.secret } : {}),
    ...(options.webhooks?.zalo ? { ZALO_BOT_TOKEN: 'harness-stand-in-zalo-token', ZALO_API_URL: NOWHERE, ZALO_WEBHOOK_SECRET: options.webhooks.zalo.secret } : {}),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(`harness environment: ${parsed.errors.join('; ')}`);
  let codes = 0;
  const shop = await composeShop(parsed.env, {
    store,
    engine: () => engine,
    log,
    clock: clock.now,
    persistent: false,
    channels: options.channels ?? CHANNELS,
    senders: options.senders ?? {},
    orderCode: () => `XB${String(++codes).padStart(3, '0')}`,
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.flowStatus ? { flowStatus: options.flowStatus } : {}),
  });
  return {
    app: shop.app,
    receive: shop.receive,
    store,
    get engine() {
      return engine;
    },
    useFlows(flows) {
      engine = createEngine(flows);
    },
    conversations: shop.conversations,
    delivery: shop.delivery,
    qrMedia: shop.qrMedia,
    shop,
    clock,
    log,
    async close() {
      await shop.stop();
      await store.close();
    },
  };
}

export interface WebReply {
  id: string;
  message: { kind: string; text?: string; buttons?: { label: string; value: string }[] };
}

/** A visitor of the web chat, talking through real HTTP requests to the Hono app. */
export class WebVisitor {
  private sent = 0;
  /** Message ids are unique per page load, as the real page makes them. */
  private readonly session = Math.random().toString(36).slice(2, 8);
  last: WebReply[] = [];

  constructor(
    private readonly app: Hono,
    /** A random UUID, as the chat page makes it (the API refuses anything guessable). */
    readonly visitorId: string = crypto.randomUUID(),
  ) {}

  async post(body: Record<string, unknown>): Promise<{ status: number; json: { replies?: WebReply[]; error?: string } }> {
    const response = await this.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId: this.visitorId, messageId: `${this.session}-m${++this.sent}`, ...body }),
    });
    const json = (await response.json()) as { replies?: WebReply[]; error?: string };
    if (json.replies) this.last = json.replies;
    return { status: response.status, json };
  }

  say(text: string) {
    return this.post({ text });
  }

  async tap(label: string) {
    const button = this.last.flatMap((reply) => reply.message.buttons ?? []).find((candidate) => candidate.label.includes(label));
    if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(this.last)}`);
    return this.post({ button: button.value });
  }

  text(): string {
    return this.last.map((reply) => reply.message.text ?? '').join('\n');
  }
}

/** A web customer orders 2 kg of mangoes to Cần Thơ, paying by bank transfer, up to "đồng ý". */
export async function orderMangoesByBankTransfer(visitor: WebVisitor, note: string): Promise<void> {
  await visitor.say('shop ơi');
  await visitor.tap('Đặt hàng');
  await visitor.say('xoài cát hòa lộc');
  await visitor.say('2 ký');
  await visitor.tap('Không');
  await visitor.say('Trần Thị Bích');
  await visitor.say('0987.654.321');
  await visitor.say('45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ');
  await visitor.say('không');
  await visitor.tap('Chuyển khoản');
  await visitor.say(note);
  await visitor.say('đồng ý');
}
