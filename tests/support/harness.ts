import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp, type AppDeps } from '../../src/app';
import { Conversations, type OwnerChannel } from '../../src/conversation/conversations';
import type { ChannelSender } from '../../src/conversation/inbound';
import { CustomerMessenger } from '../../src/conversation/customer-messenger';
import { OutboxDelivery } from '../../src/conversation/outbox-delivery';
import { createReceiver, type Receive } from '../../src/conversation/receiver';
import { createEngine, type Engine } from '../../src/engine/engine';
import { memoryLogger } from '../../src/log';
import { openDatabase } from '../../src/runtime.node.ts';
import type { Store } from '../../src/store/store';
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
  conversations: Conversations;
  delivery: OutboxDelivery;
  clock: TestClock;
  log: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
}

/** The real app on a real SQLite file, as `npm start` wires it, with a test clock. */
export async function startHarness(options: {
  path: string;
  clock?: TestClock;
  senders?: Record<string, ChannelSender>;
  owner?: OwnerChannel | null;
  idleMinutes?: number;
  webhooks?: AppDeps['webhooks'];
  adminPassword?: string;
}): Promise<Harness> {
  const { store } = await openDatabase(options.path);
  const engine = createEngine(await sampleFlows());
  const clock = options.clock ?? new TestClock();
  const log = memoryLogger();
  let codes = 0;
  const conversations = new Conversations({
    store,
    engine: () => engine,
    clock: clock.now,
    idleMinutes: options.idleMinutes ?? 30,
    owner: options.owner ?? null,
    log,
    orderCode: () => `XB${String(++codes).padStart(3, '0')}`,
  });
  const delivery = new OutboxDelivery({ store, senders: options.senders ?? {}, clock: clock.now, log, pulledChannels: ['web', 'terminal'] });
  const receive = createReceiver(conversations, delivery, log);
  const messenger = new CustomerMessenger({ store, delivery, clock: clock.now });
  const app = createApp({
    store,
    conversations,
    delivery,
    flows: () => engine.flows,
    clock: clock.now,
    log,
    receive,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    admin: { password: options.adminPassword, messenger },
  });
  return { app, receive, store, engine, conversations, delivery, clock, log, close: () => store.close() };
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
    readonly visitorId = `visitor-${Math.random().toString(36).slice(2, 10)}`,
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
