import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/inbound';
import { ERASED_MESSAGE, type Store } from '../../src/store/index';
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
    // Handed to the sender as stored, so it sends without reading the row back.
    const stored = await harness.store.db.selectFrom('outbox').selectAll().where('id', '=', first!.id).executeTakeFirstOrThrow();
    expect(outcome.outboxChats).toEqual([{ channel: 'zalo', chatId: 'chat-9', claimed: stored }]);

    await harness.delivery.deliverTo(outcome.outboxChats);
    const written = await harness.store.db.selectFrom('outbox').select('payload').where('chat_id', '=', 'chat-9').orderBy('created_at').orderBy('id').execute();
    expect(shop.sender().texts('chat-9')).toEqual(written.map((row) => (JSON.parse(row.payload) as { text: string }).text));
    expect((await rowsOf(harness.store)).map((row) => row.status)).toEqual([first, ...rest].map(() => 'sent'));
  });

  it('a row claimed in the batch of a turn whose process then died goes out once after the restart', async () => {
    let harness = await boot();
    // The turn commits with its row claimed for this sender, and the process dies before the delivery runs.
    await harness.conversations.handle(zalo('giá gạo st25'), { sender: harness.delivery });
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
    // The batch counted the claim's rows: it took none, so the sender is handed nothing to send.
    expect(next.outboxChats).toEqual([{ channel: 'zalo', chatId: 'chat-9' }]);
    await harness.delivery.deliverTo(next.outboxChats);
    // Nothing jumped the queue: the held row's retry is not due yet, so nothing was sent.
    expect(shop.sender().delivered).toEqual([]);

    shop.clock().advance(61);
    await harness.delivery.retryDue();
    const written = await harness.store.db.selectFrom('outbox').select('payload').where('chat_id', '=', 'chat-9').orderBy('created_at').orderBy('id').execute();
    expect(shop.sender().texts('chat-9')).toEqual(written.map((row) => (JSON.parse(row.payload) as { text: string }).text));
  });

  it('a claimed row whose customer erased their data before the send goes out once, then its text leaves the table and the WAL', async () => {
    const harness = await boot();
    const outcome = await harness.conversations.handle(zalo('giá gạo st25'), { sender: harness.delivery });
    const [first] = await rowsOf(harness.store);
    // What an erasure does to a row still to be sent (migrations/0005): it goes out, then is emptied.
    await harness.store.db.updateTable('outbox').set({ erase_after_send: 1 }).where('id', '=', first!.id).execute();
    let checkpoints = 0;
    const checkpoint = harness.store.checkpoint!.bind(harness.store);
    harness.store.checkpoint = async () => {
      checkpoints++;
      await checkpoint();
    };
    await harness.delivery.deliverTo(outcome.outboxChats);
    const row = await harness.store.db.selectFrom('outbox').select(['status', 'payload']).where('id', '=', first!.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.payload).toBe(ERASED_MESSAGE);
    expect(shop.sender().texts('chat-9')[0]).toContain('ST25');
    expect(checkpoints).toBeGreaterThan(0);
  });
});
