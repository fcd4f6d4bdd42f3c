import { beforeEach, describe, expect, it } from 'vitest';
import { CustomerMessenger } from '../../src/conversation/customer-messenger';
import type { InboundEvent } from '../../src/conversation/inbound';
import { OwnerActions } from '../../src/conversation/owner-actions';
import type { OutboxDelivery } from '../../src/conversation/outbox-delivery';
import { TestClock, type Harness } from '../support/harness';
import { restartableShopPerTest } from '../support/per-test';
import { RecordingSender } from '../support/recording-sender';

let clock: TestClock;
let sender: RecordingSender;

beforeEach(() => {
  clock = new TestClock();
  sender = new RecordingSender();
});

const { boot } = restartableShopPerTest(() => ({ clock, senders: { zalo: sender } }));

/** The owner's actions as the shop wires them; `delivery` can be one that dies before sending. */
function actionsOf(harness: Harness, delivery: OutboxDelivery = harness.delivery): OwnerActions {
  const messenger = new CustomerMessenger({ store: harness.store, delivery, clock: clock.now });
  return new OwnerActions({ store: harness.store, flows: () => harness.engine.flows, clock: clock.now, log: harness.log, owner: null, messenger, receive: harness.receive });
}

let updates = 0;
const zalo = (text: string): InboundEvent => ({ channel: 'zalo', updateId: `u-${++updates}`, chatId: 'chat-1', userId: 'chat-1', message: { kind: 'text', text } });

async function placeOrder(harness: Harness): Promise<string> {
  for (const text of ['đặt hàng', 'mật ong', '2 chai', 'không', 'Trần Mai', '0912345678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'có']) await harness.receive(zalo(text));
  await harness.delivery.retryDue();
  return (await harness.store.db.selectFrom('orders').select('code').executeTakeFirstOrThrow()).code;
}

const killedBeforeSending = { deliver: async () => Promise.reject(new Error('process killed before sending')) } as unknown as OutboxDelivery;

describe('an owner action is one batch with the customer’s message', () => {
  it('a crash during the status change leaves the order as it was and the customer untold', async () => {
    const harness = await boot();
    const code = await placeOrder(harness);
    const before = sender.delivered.length;
    const realBatch = harness.store.batch;
    harness.store.batch = async () => {
      throw new Error('process killed during the write');
    };
    await expect(actionsOf(harness).changeOrderStatus(code, 'shipped')).rejects.toThrow('process killed');
    harness.store.batch = realBatch;
    const order = await harness.store.db.selectFrom('orders').select('shipping_status').where('code', '=', code).executeTakeFirstOrThrow();
    expect(order.shipping_status).toBe('new');
    expect(await harness.store.db.selectFrom('outbox').select('id').where('payload', 'like', '%đã giao cho đơn vị vận chuyển%').execute()).toEqual([]);
    await harness.delivery.retryDue();
    expect(sender.delivered.length).toBe(before);
  });

  it('a crash after the status change was stored but before it was sent: the customer is told once after restart', async () => {
    let harness = await boot();
    const code = await placeOrder(harness);
    await expect(actionsOf(harness, killedBeforeSending).changeOrderStatus(code, 'shipped')).rejects.toThrow('process killed before sending');
    expect((await harness.store.db.selectFrom('orders').select('shipping_status').where('code', '=', code).executeTakeFirstOrThrow()).shipping_status).toBe('shipped');

    harness = await boot();
    await harness.delivery.retryDue();
    await harness.delivery.retryDue();
    const told = sender.texts().filter((text) => text.includes(code) && text.includes('đã giao cho đơn vị vận chuyển'));
    expect(told).toHaveLength(1);
  });

  it('a retried owner update changes the status and tells the customer once', async () => {
    const harness = await boot();
    const code = await placeOrder(harness);
    const actions = actionsOf(harness);
    const claim = { channel: 'telegram', updateId: 'owner-update-7' };
    expect(await actions.changeOrderStatus(code, 'delivered', claim)).toMatchObject({ ok: true, customerTold: true });
    expect(await actions.changeOrderStatus(code, 'delivered', claim)).toMatchObject({ ok: false, problem: 'duplicate' });
    expect(sender.texts().filter((text) => text.includes('đã giao tới nơi'))).toHaveLength(1);
  });

  it('a crash during an owner’s reply leaves no transcript line and nothing to send; the retry sends it once', async () => {
    const harness = await boot();
    await harness.receive(zalo('cho gặp người thật'));
    const conversation = await harness.store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    const realBatch = harness.store.batch;
    harness.store.batch = async () => {
      throw new Error('process killed during the write');
    };
    const claim = { channel: 'inbox', updateId: 'form-key-0001' };
    await expect(actionsOf(harness).send(conversation.id, { kind: 'text', text: 'Dạ em nghe ạ' }, { from: 'inbox', claim })).rejects.toThrow('process killed');
    harness.store.batch = realBatch;
    expect(await harness.store.db.selectFrom('messages').select('id').where('kind', '=', 'owner').execute()).toEqual([]);

    expect(await actionsOf(harness).send(conversation.id, { kind: 'text', text: 'Dạ em nghe ạ' }, { from: 'inbox', claim })).toMatchObject({ ok: true });
    expect(await actionsOf(harness).send(conversation.id, { kind: 'text', text: 'Dạ em nghe ạ' }, { from: 'inbox', claim })).toMatchObject({ ok: false, problem: 'duplicate' });
    await harness.delivery.retryDue();
    expect(sender.texts().filter((text) => text === 'Dạ em nghe ạ')).toHaveLength(1);
    expect(await harness.store.db.selectFrom('messages').select('text').where('kind', '=', 'owner').execute()).toEqual([{ text: 'Dạ em nghe ạ' }]);
  });

  it('a take-over loses to a customer who wrote in the meantime, and changes nothing', async () => {
    const harness = await boot();
    await harness.receive(zalo('shop ơi'));
    const conversation = await harness.store.db.selectFrom('conversations').select(['id', 'version']).executeTakeFirstOrThrow();
    const actions = actionsOf(harness);
    const realBatch = harness.store.batch;
    // The customer's next turn lands between the owner's read and write.
    harness.store.batch = async (queries) => {
      harness.store.batch = realBatch;
      await harness.receive(zalo('giá mật ong'));
      return realBatch(queries);
    };
    expect(await actions.takeOver(conversation.id, { from: 'inbox' })).toMatchObject({ ok: false, problem: 'busy' });
    const after = await harness.store.db.selectFrom('conversations').select(['mode', 'version']).where('id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(after.mode).toBe('bot');
    expect(after.version).toBe(conversation.version + 1);
    expect(await harness.store.db.selectFrom('events').select('id').where('type', '=', 'owner_took_over').execute()).toEqual([]);
  });
});
