import { beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/inbound';
import { TestClock, WebVisitor } from '../support/harness';
import { restartableShopPerTest } from '../support/per-test';
import { RecordingSender } from '../support/recording-sender';

let clock: TestClock;
let sender: RecordingSender;

beforeEach(() => {
  clock = new TestClock();
  sender = new RecordingSender();
});

const { boot } = restartableShopPerTest(() => ({ clock, senders: { zalo: sender } }));

let updates = 0;
const zalo = (text: string, updateId = `u-${++updates}`): InboundEvent => ({ channel: 'zalo', updateId, chatId: 'chat-1', userId: 'chat-1', message: { kind: 'text', text } });

describe('nothing is lost or answered twice across crashes and restarts', () => {
  it('a restart in the middle of an order goes on where the conversation was', async () => {
    let harness = await boot();
    const visitorId = crypto.randomUUID();
    const visitor = new WebVisitor(harness.app, visitorId);
    await visitor.say('mua bưởi da xanh');
    await visitor.say('3 ký');
    await visitor.tap('Không');
    await visitor.say('Phạm Thu');
    expect(visitor.text()).toContain('Số điện thoại');

    harness = await boot();
    const again = new WebVisitor(harness.app, visitorId);
    await again.say('0978 111 222');
    expect(again.text()).toContain('Địa chỉ giao hàng');
    const conversations = await harness.store.db.selectFrom('conversations').select(['id', 'status']).execute();
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.status).toBe('open');
  });

  it('a crash after the turn was stored but before it was sent: the reply goes out once after restart, and the platform retry is not answered again', async () => {
    let harness = await boot();
    const update = zalo('giá gạo st25');
    // The turn commits; the process dies before delivery runs.
    const outcome = await harness.conversations.handle(update);
    expect(outcome.status).toBe('processed');
    expect(sender.delivered).toEqual([]);

    harness = await boot();
    // The platform did not get a 200 and sends the same update again.
    await harness.receive(update);
    expect(await harness.delivery.retryDue()).toBe(1);
    expect(await harness.delivery.retryDue()).toBe(0);
    expect(sender.texts()).toHaveLength(1);
    expect(sender.texts()[0]).toContain('Gạo ST25 — 38.000đ/kg');
    expect(await harness.store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).toHaveLength(1);
  });

  it('a crash before the turn was stored leaves nothing behind; the platform retry is answered once', async () => {
    const harness = await boot();
    const update = zalo('phí ship về huế');
    const realBatch = harness.store.batch;
    harness.store.batch = async () => {
      throw new Error('process killed during the write');
    };
    await expect(harness.conversations.handle(update)).rejects.toThrow('process killed');
    harness.store.batch = realBatch;
    const db = harness.store.db;
    expect(await db.selectFrom('processed_updates').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('conversations').selectAll().execute()).toEqual([]);

    await harness.receive(update);
    await harness.delivery.retryDue();
    expect(sender.texts()).toHaveLength(1);
    expect(sender.texts()[0]).toContain('giao về Huế: phí ship 40.000đ');
  });

  it('a platform that is down keeps the replies in order in the outbox until it is back', async () => {
    const harness = await boot();
    sender.failing = true;
    await harness.receive(zalo('chào shop'));
    await harness.receive(zalo('2'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sender.delivered).toEqual([]);
    sender.failing = false;
    clock.advance(2);
    await harness.delivery.retryDue();
    const texts = sender.texts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('xin chào');
    expect(texts[1]).toContain('muốn đặt sản phẩm nào');
  });

  it('a send cut off mid-way is retried after its lease, so the customer gets the reply at least once', async () => {
    const harness = await boot();
    await harness.conversations.handle(zalo('có khuyến mãi gì không'));
    const row = await harness.store.db.selectFrom('outbox').selectAll().where('recipient', '=', 'customer').executeTakeFirstOrThrow();
    // Simulate a process that claimed the row and died before marking it sent.
    await harness.store.db.updateTable('outbox').set({ next_attempt_at: new Date(clock.current.getTime() + 60_000).toISOString() }).where('id', '=', row.id).execute();
    expect(await harness.delivery.retryDue()).toBe(0);
    clock.advance(2);
    expect(await harness.delivery.retryDue()).toBe(1);
    expect(sender.texts()[0]).toContain('ưu đãi đang có');
  });
});
