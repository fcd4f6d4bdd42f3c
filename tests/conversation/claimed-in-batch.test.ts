import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/inbound';
import type { Store } from '../../src/store/index';
import { zaloShopPerTest } from '../support/per-test';

const shop = zaloShopPerTest();
const { boot } = shop;

let updates = 0;
const zalo = (text: string): InboundEvent => ({ channel: 'zalo', updateId: `claim-${++updates}`, chatId: 'chat-9', userId: 'chat-9', message: { kind: 'text', text } });

const rowsOf = (store: Store) => store.db.selectFrom('outbox').select(['id', 'status', 'next_attempt_at']).where('chat_id', '=', 'chat-9').orderBy('created_at').orderBy('id').execute();

describe("a turn's reply goes to its sender without a claim of its own", () => {
  it('the first row of the chat is claimed in the turn’s own batch, the rest wait behind it, and all go out in order', async () => {
    const harness = await boot();
    // As the receiver hands a turn over: the delivery that sends its rows right after the commit.
    // "mua bưởi" answers with several messages: the cart and the question after it.
    const outcome = await harness.conversations.handle(zalo('mua bưởi da xanh 2 ký'), { sender: harness.delivery });
    const [first, ...rest] = await rowsOf(harness.store);
    expect(rest.length).toBeGreaterThan(0);
    // Claimed with the lease a sender's own claim takes (65 s), before anything was sent.
    expect(first).toMatchObject({ status: 'sending', next_attempt_at: new Date(shop.clock().now().getTime() + 65_000).toISOString() });
    expect(rest.every((row) => row.status === 'pending')).toBe(true);
    expect(outcome.outboxChats).toEqual([{ channel: 'zalo', chatId: 'chat-9', claimed: first!.id }]);

    await harness.delivery.deliverTo(outcome.outboxChats);
    const written = await harness.store.db.selectFrom('outbox').select('payload').where('chat_id', '=', 'chat-9').orderBy('created_at').orderBy('id').execute();
    expect(shop.sender().texts('chat-9')).toEqual(written.map((row) => (JSON.parse(row.payload) as { text: string }).text));
    expect((await rowsOf(harness.store)).map((row) => row.status)).toEqual([first, ...rest].map(() => 'sent'));
  });

  it('a row claimed in the batch of a turn whose process then died goes out once after the restart', async () => {
    let harness = await boot();
    await harness.receive(zalo('giá gạo st25'), () => undefined);
    expect((await rowsOf(harness.store))[0]!.status).toBe('sending');

    harness = await boot();
    // As `npm start` does at start-up: what was being sent goes first, without waiting out the lease.
    await harness.delivery.resumeInterrupted();
    await harness.delivery.retryDue();
    const rows = await rowsOf(harness.store);
    expect(rows.map((row) => row.status)).toEqual(rows.map(() => 'sent'));
    expect(shop.sender().delivered).toHaveLength(rows.length);
  });

  it('is not claimed while an older row of its chat still waits for a retry: it goes after that one', async () => {
    const harness = await boot();
    shop.sender().failing = true;
    const held = await harness.conversations.handle(zalo('chào shop'), { sender: harness.delivery });
    await harness.delivery.deliverTo(held.outboxChats);
    const waiting = await rowsOf(harness.store);
    expect(waiting[0]!.status).toBe('pending');

    shop.sender().failing = false;
    const next = await harness.conversations.handle(zalo('giá gạo st25'), { sender: harness.delivery });
    const after = await rowsOf(harness.store);
    expect(after.slice(waiting.length).every((row) => row.status === 'pending')).toBe(true);
    expect(next.outboxChats[0]!.claimed).toBe(after[waiting.length]!.id);
    await harness.delivery.deliverTo(next.outboxChats);
    // Nothing jumped the queue: the held row's retry is not due yet, so nothing was sent.
    expect(shop.sender().delivered).toEqual([]);

    shop.clock().advance(61);
    await harness.delivery.retryDue();
    const written = await harness.store.db.selectFrom('outbox').select('payload').where('chat_id', '=', 'chat-9').orderBy('created_at').orderBy('id').execute();
    expect(shop.sender().texts('chat-9')).toEqual(written.map((row) => (JSON.parse(row.payload) as { text: string }).text));
  });
});
