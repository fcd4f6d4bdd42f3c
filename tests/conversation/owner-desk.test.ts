import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerMessenger } from '../../src/conversation/customer-messenger';
import type { ChannelSender, InboundEvent, SentMessages } from '../../src/conversation/inbound';
import { changeOrderStatus, parseOrderStatus } from '../../src/conversation/order-status';
import { OwnerDesk, type OwnerMessage } from '../../src/conversation/owner-desk';
import { nextOpening, reportWindows } from '../../src/conversation/shop-calendar';
import type { Outbound } from '../../src/engine/index';
import { startHarness, tempDatabasePath, TestClock, type Harness } from '../support/harness';

/** A platform that remembers what it was asked to send, and numbers each message like Telegram. */
class RecordingSender implements ChannelSender {
  readonly sent: { chatId: string; message: Outbound; id: string }[] = [];
  private next = 100;

  async send(chatId: string, message: Outbound): Promise<SentMessages> {
    const id = String(++this.next);
    this.sent.push({ chatId, message, id });
    return { messageIds: [id] };
  }

  texts(chatId: string): string[] {
    return this.sent.filter((entry) => entry.chatId === chatId).map((entry) => (entry.message.kind === 'text' ? entry.message.text : entry.message.kind === 'payment_qr' ? entry.message.caption : `[ảnh ${entry.message.url}]`));
  }

  lastTo(chatId: string) {
    return this.sent.filter((entry) => entry.chatId === chatId).at(-1)!;
  }
}

const OWNER = { channel: 'telegram', chatId: '-100777' };
let database: ReturnType<typeof tempDatabasePath>;
let harness: Harness;
let zalo: RecordingSender;
let ownerChat: RecordingSender;
let desk: OwnerDesk;
let messenger: CustomerMessenger;
let update = 0;

beforeEach(async () => {
  database = tempDatabasePath();
  zalo = new RecordingSender();
  ownerChat = new RecordingSender();
  harness = await startHarness({ path: database.path, senders: { zalo, telegram: ownerChat }, owner: OWNER });
  messenger = new CustomerMessenger({ store: harness.store, delivery: harness.delivery, clock: harness.clock.now });
  desk = new OwnerDesk({
    store: harness.store,
    flows: () => harness.engine.flows,
    clock: harness.clock.now,
    log: harness.log,
    owner: OWNER,
    delivery: harness.delivery,
    messenger,
    receive: harness.receive,
    humanReplyMinutes: 10,
  });
});

afterEach(async () => {
  await harness.close();
  database.cleanup();
});

/** A Zalo customer writes; resolves once the turn's messages were delivered. */
async function zaloSays(chatId: string, text: string): Promise<void> {
  const event: InboundEvent = { channel: 'zalo', updateId: `zalo-${++update}`, chatId, userId: chatId, displayName: 'Chị Mai', message: { kind: 'text', text } };
  await harness.receive(event, (work) => void work);
  await harness.delivery.retryDue();
}

const ownerWrites = (text: string | null, replyTo: string | null = null): OwnerMessage => ({ updateId: `owner-${++update}`, text, replyTo, inGroup: true });

async function placeOrder(chatId: string): Promise<string> {
  for (const text of ['đặt hàng', 'mật ong', '2 chai', 'không', 'Trần Mai', '0912345678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'có']) await zaloSays(chatId, text);
  const order = await harness.store.db.selectFrom('orders').select('code').executeTakeFirstOrThrow();
  return order.code;
}

describe('the owner desk', () => {
  it('relays a Zalo customer to the owner, and the owner’s reply goes back on Zalo', async () => {
    await zaloSays('zalo-mai', 'cho gặp người thật');
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toContain('🙋 Khách Chị Mai (Zalo) muốn nói chuyện với người thật');
    await zaloSays('zalo-mai', 'mật ong có hóa đơn không shop?');
    const relayed = ownerChat.lastTo(OWNER.chatId);
    expect(relayed.message).toMatchObject({ kind: 'text', text: '💬 Chị Mai (Zalo):\nmật ong có hóa đơn không shop?', buttons: [{ label: '✅ Xong, trả khách cho bot' }] });

    await desk.onMessage(ownerWrites('Dạ có hóa đơn đỏ ạ', relayed.id));
    expect(zalo.texts('zalo-mai').at(-1)).toBe('Dạ có hóa đơn đỏ ạ');

    await desk.onMessage(ownerWrites('/xong', relayed.id));
    expect(zalo.texts('zalo-mai').at(-1)).toContain('chấm giúp shop mức hài lòng');
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toBe('✅ Đã trả Chị Mai cho bot; bot đang hỏi khách chấm điểm hài lòng.');
  });

  it('acts on a retried owner update once', async () => {
    await zaloSays('zalo-mai', 'gặp người thật');
    const handover = ownerChat.lastTo(OWNER.chatId);
    const reply = ownerWrites('Dạ em đây', handover.id);
    await desk.onMessage(reply);
    await desk.onMessage(reply);
    expect(zalo.texts('zalo-mai').filter((text) => text === 'Dạ em đây')).toHaveLength(1);
    expect(harness.log.lines.some((line) => line.message === 'duplicate owner update ignored')).toBe(true);
  });

  it('tells the owner when a reply cannot reach a customer who blocked the bot', async () => {
    await zaloSays('zalo-mai', 'gặp người thật');
    const handover = ownerChat.lastTo(OWNER.chatId);
    await harness.store.db.updateTable('customers').set({ blocked: 1 }).execute();
    await desk.onMessage(ownerWrites('Dạ em đây', handover.id));
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toBe('⚠️ Chưa gửi được cho Chị Mai: khách đã chặn bot hoặc không còn liên lạc được.');
  });

  it('answers /don with how to use it, and unknown commands with the list of commands', async () => {
    await desk.onMessage(ownerWrites('/don'));
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toContain('Trạng thái: chua_tt, cho_xac_nhan_ck, tra_mot_phan, da_tt, hoan_tien, moi, xac_nhan, dang_giao, da_giao, huy, tra_hang');
    await desk.onMessage(ownerWrites('/giupvoi'));
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toContain('Lệnh của chủ shop:');
  });
});

describe('what the owner reads about a return request', () => {
  it('is in Vietnamese: the problem and the wish as the returns flow words them, not the values it stores', async () => {
    for (const text of ['xoài bị dập', 'XB123', 'bỏ qua', 'hoàn tiền']) await zaloSays('zalo-lan', text);
    const notice = ownerChat.texts(OWNER.chatId).find((text) => text.includes('XB123'))!;
    expect(notice).toContain('Vấn đề: Dập, hỏng, thối · Khách muốn: Hoàn tiền');
    await desk.onMessage(ownerWrites('/baocao'));
    expect(ownerChat.texts(OWNER.chatId).at(-1)).toContain('• XB123: Dập, hỏng, thối → Hoàn tiền');
  });
});

describe('flow mistakes in the owner’s chat', () => {
  it('tells the owner an edit was refused, with each mistake at its file and line and the path in words', async () => {
    const problem = { severity: 'error' as const, file: 'flows/greeting.yaml', line: 14, column: 9, path: 'steps.info.buttons[1].goto', message: 'không có bước "menu"' };
    await desk.tellFlowsRefused({ at: harness.clock.now().toISOString(), errors: [problem], warnings: [] });
    const told = ownerChat.texts(OWNER.chatId).at(-1)!;
    expect(told).toContain('chưa được áp dụng (1 lỗi, 0 cảnh báo)');
    expect(told).toContain('• flows/greeting.yaml:14 (bước info, nút thứ 2, mục goto): lỗi: không có bước "menu"');
  });
});

describe('changing an order’s status', () => {
  it('is one function: the order changes and the customer is told in their own chat', async () => {
    const code = await placeOrder('zalo-mai');
    const deps = { store: harness.store, messenger, flows: () => harness.engine.flows, clock: harness.clock.now };
    expect(await changeOrderStatus(deps, code, 'shipped')).toEqual({ ok: true, code, status: 'shipped', customerTold: true });
    expect(zalo.texts('zalo-mai').at(-1)).toBe(`📦 Đơn ${code}: đã giao cho đơn vị vận chuyển.`);
    // A status shop.yaml has no words for changes the order without a message.
    const before = zalo.sent.length;
    expect(await changeOrderStatus(deps, code, 'unpaid')).toEqual({ ok: true, code, status: 'unpaid', customerTold: false });
    expect(zalo.sent).toHaveLength(before);
    expect(await changeOrderStatus(deps, 'XB404', 'paid')).toEqual({ ok: false, problem: 'unknown_order', code: 'XB404' });
  });

  it('reads the owner’s words for a status, with or without tone marks', () => {
    expect(parseOrderStatus('đã giao')).toBe('delivered');
    expect(parseOrderStatus('DANG_GIAO')).toBe('shipped');
    expect(parseOrderStatus('da tt')).toBe('paid');
    expect(parseOrderStatus('hủy')).toBe('cancelled');
    expect(parseOrderStatus('awaiting_confirmation')).toBe('awaiting_confirmation');
    expect(parseOrderStatus('bay lên trời')).toBeNull();
  });
});

describe('the shop’s calendar', () => {
  const hours = [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], open: '07:00', close: '21:00' },
    { days: ['sun'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], open: '08:00', close: '17:00' },
  ];
  const zone = 'Asia/Ho_Chi_Minh';
  const local = (iso: string) => new Date(`${iso}+07:00`);

  it('knows when the shop opens next', () => {
    expect(nextOpening(hours, zone, local('2026-05-12T10:00:00'))).toEqual({ openNow: true });
    expect(nextOpening(hours, zone, local('2026-05-12T06:15:00'))).toEqual({ openNow: false, daysAhead: 0, weekday: 1, time: '07:00' });
    expect(nextOpening(hours, zone, local('2026-05-16T22:00:00'))).toEqual({ openNow: false, daysAhead: 1, weekday: 6, time: '08:00' });
    expect(nextOpening(hours, zone, local('2026-05-17T17:30:00'))).toEqual({ openNow: false, daysAhead: 1, weekday: 0, time: '07:00' });
    expect(nextOpening([], zone, local('2026-05-17T17:30:00'))).toBeNull();
  });

  it('counts today and this week in local days, weeks from Monday', () => {
    expect(reportWindows(local('2026-05-14T00:30:00'), zone)).toEqual({
      today: { from: '2026-05-13T17:00:00.000Z', to: '2026-05-14T17:00:00.000Z' },
      week: { from: '2026-05-10T17:00:00.000Z', to: '2026-05-14T17:00:00.000Z' },
    });
  });

  it('tells a waiting customer on Sunday evening that the shop replies Monday morning', async () => {
    await harness.close();
    database.cleanup();
    database = tempDatabasePath();
    harness = await startHarness({ path: database.path, senders: { zalo, telegram: ownerChat }, owner: OWNER, clock: new TestClock(local('2026-05-17T17:30:00')) });
    desk = new OwnerDesk({ store: harness.store, flows: () => harness.engine.flows, clock: harness.clock.now, log: harness.log, owner: OWNER, delivery: harness.delivery, messenger: new CustomerMessenger({ store: harness.store, delivery: harness.delivery, clock: harness.clock.now }), receive: harness.receive, humanReplyMinutes: 10 });
    await zaloSays('zalo-mai', 'gặp người thật');
    harness.clock.advance(15);
    expect(await desk.remindWaitingCustomers()).toBe(1);
    expect(zalo.texts('zalo-mai').at(-1)).toContain('lúc 07:00 ngày mai');
  });
});
