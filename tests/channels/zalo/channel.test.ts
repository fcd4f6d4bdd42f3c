import { describe, expect, it } from 'vitest';
import { startZaloChannel } from '../../../src/channels/zalo/channel';
import { ZaloBotClient } from '../../../src/channels/zalo/client';
import { ZaloSender } from '../../../src/channels/zalo/sender';
import { memoryLogger } from '../../../src/log';
import { zaloUpdate } from '../../fakes/zalo-api-server';
import { eventually } from '../../support/eventually';
import { ZALO_SECRET as SECRET, zaloShopPerTest } from './zalo-shop';

const { api, harness } = zaloShopPerTest();

const post = (body: unknown, secret: string | null = SECRET) =>
  harness().app.request('/zalo/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'X-Bot-Api-Secret-Token': secret }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Posts one update and waits until every answer of the turn reached the fake Zalo API. */
async function send(update: object): Promise<string> {
  const before = api().callsOf('sendMessage').length;
  expect((await post(update)).status).toBe(200);
  await eventually(() => api().callsOf('sendMessage').length > before);
  const pending = () => harness().store.db.selectFrom('outbox').select('id').where('channel', '=', 'zalo').where('status', 'in', ['pending', 'sending']).execute();
  await eventually(async () => (await pending()).length === 0, 'the turn delivered');
  await harness().delivery.retryDue();
  return api()
    .callsOf('sendMessage')
    .slice(before)
    .map((call) => (call.body as { text: string }).text)
    .join('\n');
}

describe('customers on Zalo', () => {
  it('a full order by numbered answers and typed text', async () => {
    const chat = 'zalo-chat-1';
    expect(await send(zaloUpdate.text(chat, 'chào shop'))).toMatch(/1\. 🥭 Xem sản phẩm & giá\n2\. 🛒 Đặt hàng/);
    expect(await send(zaloUpdate.text(chat, '2'))).toContain('muốn đặt sản phẩm nào');
    expect(await send(zaloUpdate.text(chat, 'ca phe robusta'))).toContain('bao nhiêu kg Cà phê Robusta Buôn Ma Thuột');
    expect(await send(zaloUpdate.text(chat, 'nua ky'))).toContain('Cà phê Robusta Buôn Ma Thuột: 0,5 kg × 260.000đ = 130.000đ');
    expect(await send(zaloUpdate.text(chat, 'Không'))).toContain('tên người nhận');
    await send(zaloUpdate.text(chat, 'Lê Minh'));
    await send(zaloUpdate.text(chat, '+84 903 123 456'));
    await send(zaloUpdate.text(chat, '7 Trần Phú, phường Hải Châu, Đà Nẵng'));
    await send(zaloUpdate.text(chat, 'ko'));
    expect(await send(zaloUpdate.text(chat, '1'))).toContain('dặn dò');
    const summary = await send(zaloUpdate.text(chat, 'không'));
    expect(summary).toContain('Tổng cộng: 170.000đ');
    expect(summary).toMatch(/1\. Có\n2\. Không/);
    expect(await send(zaloUpdate.text(chat, 'có'))).toMatch(/Dạ em đã lên đơn XB\d{3}/);
    const order = await harness().store.db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({ channel: 'zalo', phone: '0903123456', province: 'Đà Nẵng', total: 170000, payment_method: 'cod' });
    const customer = await harness().store.db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ id: `zalo:${chat}`, channel: 'zalo', display_name: 'Nguyễn Văn A' });
  });

  it('a return claim with a photo keeps the photo URL for the dashboard', async () => {
    const chat = 'zalo-chat-2';
    await send(zaloUpdate.text(chat, 'hang bi hu roi shop oi'));
    await send(zaloUpdate.text(chat, 'XB999'));
    await send(zaloUpdate.text(chat, 'Dập, hỏng, thối'));
    expect(await send(zaloUpdate.image(chat, 'https://photo-stal.zadn.vn/mango-box.jpg', 'thùng bị móp'))).toContain('xử lý thế nào');
    await send(zaloUpdate.text(chat, 'gửi hàng mới'));
    const request = await harness().store.db.selectFrom('return_requests').selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ order_code: 'XB999', problem: 'damaged', resolution: 'replace', photos: '["https://photo-stal.zadn.vn/mango-box.jpg"]' });
  });

  it('the webhook refuses a wrong or missing secret with 401 and stores nothing', async () => {
    expect((await post(zaloUpdate.text('zalo-chat-3', 'hi'), 'wrong-secret-000')).status).toBe(401);
    expect((await post(zaloUpdate.text('zalo-chat-3', 'hi'), null)).status).toBe(401);
    expect(await harness().store.db.selectFrom('processed_updates').selectAll().execute()).toHaveLength(0);
  });

  it('a signed body that is not an update gets 200 and one log line (Zalo would retry anything else); unknown events get 200 and are ignored', async () => {
    expect((await post('{not json')).status).toBe(200);
    expect((await post({ hello: 'world' })).status).toBe(200);
    expect(harness().log.lines.filter((line) => line.message.includes('not usable'))).toHaveLength(2);
    expect((await post(zaloUpdate.custom('message.video.received', 'zalo-chat-4'))).status).toBe(200);
    expect(await harness().store.db.selectFrom('messages').selectAll().execute()).toHaveLength(0);
    expect(harness().log.lines.filter((line) => line.message === 'zalo update ignored')).toHaveLength(1);
  });

  it('the same message id delivered twice is answered once', async () => {
    const update = zaloUpdate.text('zalo-chat-5', 'giá bưởi');
    await send(update);
    expect((await post(update)).status).toBe(200);
    await harness().delivery.retryDue();
    expect(api().callsOf('sendMessage')).toHaveLength(1);
    expect(await harness().store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).toHaveLength(1);
  });

  it('a send that fails with 500 stays in the outbox and goes out on the retry', async () => {
    api().failNext('sendMessage', '500');
    expect((await post(zaloUpdate.text('zalo-chat-6', 'chào shop'))).status).toBe(200);
    await eventually(async () => (await harness().store.db.selectFrom('outbox').select('attempts').where('attempts', '>', 0).execute()).length > 0);
    expect(await harness().store.db.selectFrom('outbox').select('status').where('recipient', '=', 'customer').execute()).toEqual([{ status: 'pending' }]);
    harness().clock.advance(1);
    expect(await harness().delivery.retryDue()).toBe(1);
    expect(api().callsOf('sendMessage').at(-1)?.body).toMatchObject({ chat_id: 'zalo-chat-6' });
  });
});

describe('the Zalo channel runner', () => {
  it('polls updates, answers them, stops and resumes without losing queued updates', async () => {
    const log = memoryLogger();
    const channel = await startZaloChannel({ token: api().token, apiUrl: api().url, receive: harness().receive, log, poll: true });
    expect(channel).not.toBeNull();
    api().queueUpdate(zaloUpdate.text('zalo-poll-1', 'có khuyến mãi gì không'));
    await eventually(async () => (await harness().store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).length === 1);
    await channel!.stop();
    // Let the fake server see the aborted poll's socket close, or it would hand the next update to it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    api().queueUpdate(zaloUpdate.text('zalo-poll-1', 'phí ship'), { bare: true });
    const resumed = await startZaloChannel({ token: api().token, apiUrl: api().url, receive: harness().receive, log, poll: true });
    await eventually(async () => (await harness().store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).length === 2);
    await resumed!.stop();
    expect(log.lines.some((line) => line.message === 'zalo bot connected')).toBe(true);
  });

  it('a wrong token stops only the Zalo channel, with a message that says what to do', async () => {
    const log = memoryLogger();
    const channel = await startZaloChannel({ token: 'wrong-token', apiUrl: api().url, receive: harness().receive, log, poll: true });
    expect(channel).toBeNull();
    expect(log.lines.at(-1)?.message).toContain('ZALO_BOT_TOKEN is wrong or revoked');
  });

  it('a long reply is split on line boundaries within 2,000 characters', async () => {
    const sender = new ZaloSender(new ZaloBotClient(api().token, { apiUrl: api().url }), undefined);
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}. Xoài cát Hòa Lộc loại ${i + 1}: 85.000đ/kg, giao tận nhà`);
    await sender.send('zalo-chat-7', { kind: 'text', text: lines.join('\n') });
    const parts = api().callsOf('sendMessage').map((call) => (call.body as { text: string }).text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= 2000)).toBe(true);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });
});
