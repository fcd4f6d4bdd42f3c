import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Conversations } from '../../src/conversation/conversations';
import type { InboundEvent } from '../../src/conversation/inbound';
import { createEngine } from '../../src/engine/index';
import { loadFlows } from '../../src/flows/index';
import { bundledFlows } from '../../src/generated/flows';
import { memoryLogger } from '../../src/log';
import { openD1Store, type Store } from '../../src/store/index';
import { zaloUpdate } from '../fakes/zalo-api-server';
import { converse, postZalo, SHOP, zaloSentTo } from './support';

const loaded = loadFlows(bundledFlows);
if (!loaded.ok) throw new Error('the bundled flows do not load');
const engine = createEngine(loaded.flows);

/** Holds the first `count` batches until all have arrived: every writer has read before any writes. */
function writesAfterAllRead(store: Store, count: number): Store {
  let arrived = 0;
  let release!: () => void;
  const allRead = new Promise<void>((resolve) => (release = resolve));
  return {
    ...store,
    async batch(queries) {
      if (arrived < count) {
        arrived++;
        if (arrived === count) release();
        await allRead;
      }
      return store.batch(queries);
    },
  };
}

const webText = (chat: string, id: string, text: string): InboundEvent => ({ channel: 'web', updateId: id, chatId: chat, userId: chat, message: { kind: 'text', text } });

describe('per-chat ordering across Worker invocations (no shared queue, only the version check)', () => {
  it('two updates for one chat racing from two isolates are both applied, one after the other', async () => {
    const chat = 'race-visitor-0001';
    const log = memoryLogger();
    const first = new Conversations({ store: openD1Store(env.DB), engine: () => engine, clock: () => new Date(), idleMinutes: 30, owner: null, log });
    await first.handle(webText(chat, 'race-msg-0', 'chào shop'));
    const before = await env.DB.prepare("SELECT version, message_count FROM conversations WHERE customer_id = ? AND status = 'open'").bind(`web:${chat}`).first<{ version: number; message_count: number }>();

    // Two isolates: each its own store and Conversations (so its own in-process queue), one D1.
    const shared = writesAfterAllRead(openD1Store(env.DB), 2);
    const isolate = () => new Conversations({ store: shared, engine: () => engine, clock: () => new Date(), idleMinutes: 30, owner: null, log });
    const outcomes = await Promise.all([isolate().handle(webText(chat, 'race-msg-1', 'giá xoài')), isolate().handle(webText(chat, 'race-msg-2', 'ship ra sao'))]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['processed', 'processed']);
    expect(log.lines.filter((line) => line.message === 'turn lost a race; retrying from the read')).toHaveLength(1);
    const after = await env.DB.prepare("SELECT version, message_count FROM conversations WHERE customer_id = ? AND status = 'open'").bind(`web:${chat}`).first<{ version: number; message_count: number }>();
    expect(after!.version).toBe(before!.version + 2);
    const { results } = await env.DB.prepare("SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_id = ? AND m.direction = 'in' ORDER BY m.id").bind(`web:${chat}`).all<{ text: string }>();
    expect(results.map((row) => row.text).sort()).toEqual(['chào shop', 'giá xoài', 'ship ra sao']);
  });

  it('the same update arriving at two isolates at once is applied once: D1 refuses the second write', async () => {
    const chat = 'race-visitor-0002';
    const log = memoryLogger();
    const shared = writesAfterAllRead(openD1Store(env.DB), 2);
    const isolate = () => new Conversations({ store: shared, engine: () => engine, clock: () => new Date(), idleMinutes: 30, owner: null, log });
    await new Conversations({ store: openD1Store(env.DB), engine: () => engine, clock: () => new Date(), idleMinutes: 30, owner: null, log }).handle(webText(chat, 'race-msg-a', 'chào shop'));
    const update = webText(chat, 'race-msg-b', 'giá xoài');
    const outcomes = await Promise.all([isolate().handle(update), isolate().handle(update)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['duplicate', 'processed']);
    const { results } = await env.DB.prepare("SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_id = ? AND m.direction = 'in'").bind(`web:${chat}`).all();
    expect(results).toHaveLength(2);
  });

  it('two webhook calls for one chat at the same moment are both answered, each once', async () => {
    const chat = 'worker-zalo-race';
    await converse(() => postZalo(zaloUpdate.text(chat, 'chào shop')), () => zaloSentTo(chat));
    const sentBefore = (await zaloSentTo(chat)).length;
    const [a, b] = await Promise.all([postZalo(zaloUpdate.text(chat, 'giá xoài')), postZalo(zaloUpdate.text(chat, 'phí ship bao nhiêu'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const { results } = await env.DB.prepare("SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_id = ? AND m.direction = 'in'").bind(`zalo:${chat}`).all();
    expect(results).toHaveLength(3);
    const deadline = Date.now() + 5_000;
    while ((await zaloSentTo(chat)).length < sentBefore + 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await zaloSentTo(chat)).length).toBeGreaterThanOrEqual(sentBefore + 2);
  });
});

describe("the owner's dashboard on Workers", () => {
  const login = (password: string) =>
    SELF.fetch(`${SHOP}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'CF-Connecting-IP': '203.0.113.7' },
      body: new URLSearchParams({ password, next: '/admin' }),
    });

  it('sends an anonymous visitor to the login page', async () => {
    const response = await SELF.fetch(`${SHOP}/admin`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('/admin/login');
  });

  it('refuses a wrong password and lets the owner in with the right one, to the overview', async () => {
    expect((await login('sai-mat-khau')).status).toBe(401);
    const response = await login(env.ADMIN_PASSWORD);
    expect(response.status).toBe(303);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^admin_session=/);
    const overview = await SELF.fetch(`${SHOP}/admin`, { headers: { cookie } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Tổng quan');
  });
});
