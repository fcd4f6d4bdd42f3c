import { describe, expect, it } from 'vitest';
import { changeOrderStatus } from '../../src/conversation/order-status';
import { CustomerMessenger } from '../../src/conversation/customer-messenger';
import { customerJourney } from '../../src/admin/reports/customers';
import { productScores } from '../../src/admin/reports/satisfaction';
import { afterSaleShopPerTest } from './after-sale.support';

const DAY = 24 * 60;
const { clock, shop, restart } = afterSaleShopPerTest();

const minutesUntil = (iso: string) => (Date.parse(iso) - clock.current.getTime()) / 60_000;

describe('order status changes reach the customer', () => {
  it('confirmed, shipped and delivered are each told in the customer chat', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    const messenger = new CustomerMessenger({ store: shop().harness.store, delivery: shop().harness.delivery, clock: clock.now });
    const deps = { store: shop().harness.store, messenger, flows: () => shop().harness.engine.flows, clock: clock.now };
    for (const status of ['confirmed', 'shipped', 'delivered'] as const) {
      expect(await changeOrderStatus(deps, code, status)).toMatchObject({ ok: true, customerTold: true });
      expect(shop().lastText('c1')).toContain(`Đơn ${code}`);
    }
  });
});

describe('the check-in after the expected delivery', () => {
  it('asks once, at the right time, in a touchpoint of its own, and stores the product score apart', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    const [checkin, ...others] = await shop().scheduled();
    expect(others).toEqual([]); // mangoes have no reorder_days
    expect(checkin).toMatchObject({ kind: 'checkin', key: code, status: 'pending' });
    // Cần Thơ is delivered in 1–2 days; the check-in comes a day after that.
    expect(Math.round(minutesUntil(checkin!.due_at) / DAY)).toBe(3);

    clock.advance(minutesUntil(checkin!.due_at) - 1);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    const before = shop().count('c1');
    clock.advance(2);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
    expect(shop().textsSince('c1', before)).toContain(`Xoài cát Hòa Lộc của đơn ${code} tới nơi có ngon không ạ?`);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    expect(shop().count('c1')).toBe(before + 1);

    const touchpoint = await shop().db.selectFrom('conversations').selectAll().where('entry_flow', '=', 'checkin').executeTakeFirstOrThrow();
    expect(touchpoint).toMatchObject({ stage: 'use', phase: 'after', status: 'open', satisfaction_score: null, first_response_ms: null });

    await shop().tap('c1', '5 · Rất ngon');
    expect(shop().lastText('c1')).toContain('cảm ơn anh/chị');
    const scores = await shop().db.selectFrom('events').select(['conversation_id', 'flow', 'detail']).where('type', '=', 'product_satisfaction_answered').execute();
    expect(scores).toEqual([{ conversation_id: touchpoint.id, flow: 'checkin', detail: JSON.stringify({ score: 5, order_code: code, product: 'xoai_cat_hoa_loc' }) }]);
    const after = await shop().db.selectFrom('conversations').select('satisfaction_score').where('id', '=', touchpoint.id).executeTakeFirstOrThrow();
    expect(after.satisfaction_score).toBeNull();
    expect((await shop().scheduled('checkin'))[0]).toMatchObject({ status: 'sent' });
    clock.advance(31);
    await shop().harness.conversations.sweepIdle();
    const closed = await shop().db.selectFrom('conversations').selectAll().where('id', '=', touchpoint.id).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'closed', outcome: 'completed', stage: 'use', phase: 'after', entry_flow: 'checkin', satisfaction_score: null });
    // The dashboard tells the product's score from the conversation's.
    const journey = await customerJourney(shop().db, 'telegram:c1');
    const moment = journey?.moments.find((entry) => entry.kind === 'conversation' && entry.id === touchpoint.id);
    expect(moment).toMatchObject({ score: null, productScore: { score: 5, orderCode: code } });
    expect(await productScores(shop().db, { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' })).toEqual([{ product: 'xoai_cat_hoa_loc', scored: 1, average: 5, low: 0 }]);
  });

  it('is not sent twice after a restart on the same database file', async () => {
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(4 * DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
    const told = shop().count('c1');
    await restart();
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    clock.advance(DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    await shop().harness.delivery.retryDue();
    expect(shop().count('c1')).toBe(told);
  });

  it('a message claimed by a runner that died is sent once, by the next runner after the lease', async () => {
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(4 * DAY);
    const [row] = await shop().scheduled('checkin');
    // A runner takes it and dies before its turn commits.
    await shop().db.updateTable('scheduled_messages').set({ due_at: new Date(clock.current.getTime() + 5 * 60_000).toISOString(), attempts: 1 }).where('id', '=', row!.id).execute();
    await restart();
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    clock.advance(6);
    const told = shop().count('c1');
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    expect(shop().count('c1')).toBe(told + 1);
  });

  it('a low product score opens the returns flow for that order at once', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(4 * DAY);
    await shop().scheduler.runDue();
    const before = shop().count('c1');
    await shop().tap('c1', '2 · Chưa ngon');
    const said = shop().textsSince('c1', before);
    expect(said).toContain(`đổi trả hoặc bồi thường cho đơn ${code}`);
    expect(said).toContain('Hàng gặp vấn đề gì ạ?'); // the order code is known: not asked again
    await shop().tap('c1', 'Dập, hỏng, thối');
    await shop().say('c1', 'bỏ qua');
    await shop().tap('c1', 'Gửi hàng mới');
    const request = await shop().db.selectFrom('return_requests').selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ order_code: code, problem: 'damaged', resolution: 'replace' });
  });

  it('waits while the customer is talking, and is cancelled when the order is cancelled', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(4 * DAY);
    await shop().say('c1', 'phí ship ra Hà Nội bao nhiêu');
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0, postponed: 1 });
    clock.advance(45);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });

    await shop().order('c2', 'bưởi', '3 ký');
    const messenger = new CustomerMessenger({ store: shop().harness.store, delivery: shop().harness.delivery, clock: clock.now });
    const [order] = await shop().db.selectFrom('orders').select('code').where('customer_id', '=', 'telegram:c2').execute();
    expect(order!.code).not.toBe(code);
    await changeOrderStatus({ store: shop().harness.store, messenger, flows: () => shop().harness.engine.flows, clock: clock.now }, order!.code, 'cancelled');
    clock.advance(4 * DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0, cancelled: 1 });
  });
});

describe('opting out', () => {
  it('"dừng" stops every scheduled message; "đúng" does not', async () => {
    await shop().order('c1', 'cà phê robusta', '1 ký');
    expect((await shop().scheduled()).map((row) => row.kind).sort()).toEqual(['checkin', 'reorder']);
    clock.advance(60);
    await shop().say('c1', 'đúng');
    expect((await shop().db.selectFrom('customers').select('opted_out').executeTakeFirstOrThrow()).opted_out).toBe(0);
    await shop().say('c1', 'Dừng');
    expect(shop().lastText('c1')).toContain('không tự nhắn tin nhắc nữa');
    expect((await shop().db.selectFrom('customers').select('opted_out').executeTakeFirstOrThrow()).opted_out).toBe(1);
    expect((await shop().scheduled()).map((row) => row.status)).toEqual(['cancelled', 'cancelled']);
    const told = shop().count('c1');
    clock.advance(40 * DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    expect(shop().count('c1')).toBe(told);
  });

  it('/stop works too, and an opted-out customer gets nothing even from rows scheduled later', async () => {
    await shop().say('c1', '/stop');
    expect((await shop().db.selectFrom('customers').select('opted_out').executeTakeFirstOrThrow()).opted_out).toBe(1);
    clock.advance(60);
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(4 * DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0, cancelled: 1 });
  });

  it('each kind can be turned off in shop.yaml', async () => {
    shop().harness.engine.flows.shop.after_sale.checkin.enabled = false;
    shop().harness.engine.flows.shop.after_sale.reorder.enabled = false;
    await shop().order('c1', 'cà phê robusta', '1 ký');
    expect(await shop().scheduled()).toEqual([]);
  });
});

describe('an order left unfinished', () => {
  async function abandonCart(user: string) {
    await shop().say(user, 'đặt hàng');
    await shop().say(user, 'xoài cát hòa lộc');
    await shop().say(user, '3 ký');
  }

  it('gets one polite reminder after the configured delay, never more', async () => {
    await abandonCart('c1');
    const lastMessageAt = clock.current.getTime();
    clock.advance(31);
    expect(await shop().harness.conversations.sweepIdle()).toBe(1);
    const [reminder] = await shop().scheduled('abandoned_cart');
    expect(Date.parse(reminder!.due_at) - lastMessageAt).toBe(120 * 60_000);
    clock.advance(120 - 31 - 1);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    const before = shop().count('c1');
    clock.advance(2);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
    const said = shop().textsSince('c1', before);
    expect(said).toContain('vẫn còn trong giỏ');
    expect(said).toContain('Xoài cát Hòa Lộc');
    // The reminder's own conversation goes idle with the cart still in it: no second reminder.
    clock.advance(60);
    await shop().harness.conversations.sweepIdle();
    clock.advance(DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    expect(await shop().scheduled('abandoned_cart')).toHaveLength(1);
  });

  it('a tap on the reminder, even hours later, goes on with the same cart', async () => {
    await abandonCart('c1');
    clock.advance(31);
    await shop().harness.conversations.sweepIdle();
    clock.advance(120);
    await shop().scheduler.runDue();
    clock.advance(5 * 60);
    const before = shop().count('c1');
    await shop().tap('c1', 'Đặt tiếp đơn này');
    const said = shop().textsSince('c1', before);
    expect(said).toContain('Dạ em đã cho vào giỏ như đơn trước');
    expect(said).toContain('Xoài cát Hòa Lộc');
    expect(said).toContain('mua thêm sản phẩm khác');
  });

  it('is not sent when the customer came back, nor later than 24 hours after their last message', async () => {
    await abandonCart('c1');
    clock.advance(31);
    await shop().harness.conversations.sweepIdle();
    await shop().say('c1', 'shop ơi');
    clock.advance(120);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0, cancelled: 1 });

    await abandonCart('c2');
    clock.advance(31);
    await shop().harness.conversations.sweepIdle();
    clock.advance(25 * 60);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0, cancelled: 1 });
  });
});

describe('the repurchase reminder', () => {
  it('comes after the product\'s usual consumption time and reorders the last order in one tap, with the stored contact', async () => {
    const first = await shop().order('c1', 'cà phê robusta', '1 ký');
    const reorder = (await shop().scheduled('reorder'))[0]!;
    expect(Math.round(minutesUntil(reorder.due_at) / DAY)).toBe(30);
    clock.advance(4 * DAY);
    await shop().scheduler.runDue(); // the check-in
    await shop().tap('c1', '5 · Rất ngon');
    clock.advance(minutesUntil(reorder.due_at) - 1);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    clock.advance(2);
    const before = shop().count('c1');
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 1 });
    expect(shop().textsSince('c1', before)).toContain('Cà phê Robusta Buôn Ma Thuột đợt trước chắc sắp dùng hết');

    await shop().tap('c1', 'Đặt lại như đơn trước');
    expect(shop().textsSince('c1', before)).toContain('1 kg');
    await shop().tap('c1', 'Không');
    expect(shop().lastText('c1')).toBe('Dạ giao về địa chỉ cũ cho Trần Thị Bích · 0987654321 · 45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ phải không ạ?');
    await shop().tap('c1', 'Có');
    expect(shop().lastText('c1')).toContain('mã giảm giá');
    await shop().say('c1', 'không');
    await shop().tap('c1', 'COD');
    await shop().say('c1', 'không');
    await shop().say('c1', 'đồng ý');
    const orders = await shop().db.selectFrom('orders').selectAll().orderBy('created_at').execute();
    expect(orders).toHaveLength(2);
    expect(orders[1]).toMatchObject({ contact_name: 'Trần Thị Bích', phone: '0987654321', address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ', province: 'Cần Thơ' });
    expect(JSON.parse(orders[1]!.items)).toEqual(JSON.parse(orders[0]!.items));
    // The new order replaces the old reminder with its own.
    const reminders = await shop().scheduled('reorder');
    expect(reminders.map((row) => [row.key, row.status])).toEqual([
      [first, 'sent'],
      [orders[1]!.code, 'pending'],
    ]);
  });
});

describe('a returning customer', () => {
  it('is greeted by name, offered the last order again, and confirms the stored address instead of typing it', async () => {
    await shop().order('c1', 'gạo st25', '5 ký');
    clock.advance(2 * DAY);
    await shop().say('c1', 'xin chào');
    expect(shop().lastText('c1')).toContain('chào Trần Thị Bích quay lại');
    await shop().tap('c1', 'Đặt lại như đơn trước');
    expect(shop().textsSince('c1', 0)).toContain('Gạo ST25');
    await shop().tap('c1', 'Không');
    expect(shop().lastText('c1')).toContain('Dạ giao về địa chỉ cũ');
    await shop().tap('c1', 'Không');
    expect(shop().lastText('c1')).toContain('tên người nhận');
  });

  it('ordering anew also confirms the stored address', async () => {
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(DAY);
    await shop().say('c1', 'đặt hàng');
    await shop().say('c1', 'bưởi');
    await shop().say('c1', '3 ký');
    await shop().tap('c1', 'Không');
    expect(shop().lastText('c1')).toContain('45 Nguyễn Văn Cừ');
  });
});
