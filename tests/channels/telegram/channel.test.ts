import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramChannel } from '../../../src/channels/telegram/channel';
import { memoryLogger } from '../../../src/log';
import { FakeTelegramApi } from '../../fakes/telegram-api-server';
import { eventually } from '../../support/eventually';
import { buttonData, OWNER_CHAT, startTelegramShop, type TelegramShop } from './telegram-shop';

let shop: TelegramShop;

beforeEach(async () => {
  shop = await startTelegramShop();
});

afterEach(async () => {
  await shop.close();
});

const customer = (id = 501234567) => shop.updates.person(id);

describe('customers on Telegram', () => {
  it('a full order by button taps and typed text, with the phone shared by its button', async () => {
    const lan = customer();
    const tap = (label: string) => shop.send(shop.updates.tap(lan, buttonData(shop.api, lan.id, label)));

    expect(await shop.send(shop.updates.text(lan, '/start'))).toContain('Vườn Nhà Tư xin chào');
    expect(await tap('Đặt hàng')).toContain('muốn đặt sản phẩm nào');
    expect(await tap('Cà phê Robusta')).toContain('bao nhiêu kg Cà phê Robusta Buôn Ma Thuột');
    expect(await shop.send(shop.updates.text(lan, 'nua ky'))).toContain('Cà phê Robusta Buôn Ma Thuột: 0,5 kg × 260.000đ = 130.000đ');
    expect(await tap('Không')).toContain('tên người nhận');

    expect(await shop.send(shop.updates.text(lan, 'Lê Minh'))).toContain('Số điện thoại');
    const phoneQuestion = shop.api.sentTo(lan.id).at(-1)!;
    expect(phoneQuestion['reply_markup']).toMatchObject({ keyboard: [[{ text: '📱 Gửi số điện thoại của tôi', request_contact: true }]], one_time_keyboard: true });

    expect(await shop.send(shop.updates.contact(lan, '+84903123456'))).toContain('Địa chỉ giao hàng');
    // The share-my-phone keyboard goes away with the next reply.
    expect(shop.api.sentTo(lan.id).at(-1)!['reply_markup']).toEqual({ remove_keyboard: true });

    expect(await shop.send(shop.updates.text(lan, '7 Trần Phú, phường Hải Châu, Đà Nẵng'))).toContain('mã giảm giá');
    expect(await shop.send(shop.updates.text(lan, 'ko'))).toContain('thanh toán cách nào');
    expect(await tap('COD')).toContain('dặn dò');
    const summary = await shop.send(shop.updates.text(lan, 'không'));
    expect(summary).toContain('Tổng cộng: 170.000đ');
    const code = /Dạ em đã lên đơn (XB\d+)/.exec(await tap('Có'))?.[1];

    const order = await shop.store.db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({ code, channel: 'telegram', phone: '0903123456', province: 'Đà Nẵng', total: 170000, payment_method: 'cod' });
    expect(shop.api.textsTo(OWNER_CHAT).join('\n')).toContain(`🛒 Đơn mới ${code} — 170.000đ (Telegram)`);
    // Every tap was answered, so no button kept spinning.
    expect(shop.api.callsOf('answerCallbackQuery')).toHaveLength(5);
    // Every message went as plain text.
    expect(shop.api.callsOf('sendMessage').every((call) => call.body['parse_mode'] === undefined)).toBe(true);
  });

  it('a shared location fills the province from the nearest town', async () => {
    const lan = customer(501234568);
    expect(await shop.send(shop.updates.text(lan, 'phí ship bao nhiêu'))).toContain('tỉnh/thành nào');
    // Đà Lạt: Lâm Đồng since the 2025 merger.
    expect(await shop.send(shop.updates.location(lan, 11.9404, 108.4583))).toContain('Dạ giao về Lâm Đồng: phí ship 35.000đ');
    const location = await shop.store.db.selectFrom('messages').select(['kind', 'payload']).where('kind', '=', 'location').executeTakeFirstOrThrow();
    expect(JSON.parse(location.payload!)).toEqual({ latitude: 11.9404, longitude: 108.4583 });
  });

  it('a photo for a return claim is kept by its largest file id and sent to the owner after the notice', async () => {
    const lan = customer(501234569);
    await shop.send(shop.updates.text(lan, 'hang bi hu roi shop oi'));
    await shop.send(shop.updates.text(lan, 'XB999'));
    await shop.send(shop.updates.text(lan, 'Dập, hỏng, thối'));
    const photo = shop.updates.photo(lan, 'thùng bị móp');
    expect(await shop.send(photo)).toContain('xử lý thế nào');
    await shop.send(shop.updates.text(lan, 'gửi hàng mới'));

    const largest = ((photo['message'] as { photo: { file_id: string }[] }).photo.at(-1) as { file_id: string }).file_id;
    const request = await shop.store.db.selectFrom('return_requests').selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ order_code: 'XB999', resolution: 'replace', photos: JSON.stringify([largest]) });
    const toOwner = shop.api.sentTo(OWNER_CHAT);
    expect(String(toOwner.at(-2)?.['text'])).toContain('🔁 Yêu cầu đổi trả đơn XB999');
    expect(toOwner.at(-1)).toMatchObject({ photo: largest, caption: 'XB999 · 1/1' });
  });

  it('edited messages, stickers, group chatter and unknown update types are ignored with a log line', async () => {
    const lan = customer(501234570);
    for (const update of [shop.updates.edited(lan, 'sửa lại'), shop.updates.sticker(lan), shop.updates.reaction(lan), shop.updates.text(lan, 'chào cả nhà', { chat: { id: -100777, title: 'Hội mê xoài', type: 'supergroup' } })]) {
      expect(await shop.post(update)).toBe(200);
    }
    expect(shop.api.callsOf('sendMessage')).toHaveLength(0);
    expect(await shop.store.db.selectFrom('messages').selectAll().execute()).toHaveLength(0);
    const reasons = shop.log.lines.filter((line) => line.message === 'telegram update ignored').map((line) => line.fields?.['reason']);
    expect(reasons).toEqual(['edited message (the original was answered)', 'unsupported message (sticker)', 'update type message_reaction', 'message in a supergroup chat']);
  });

  it('the same update id delivered twice is answered once', async () => {
    const lan = customer(501234571);
    const update = shop.updates.text(lan, 'giá bưởi');
    await shop.send(update);
    expect(await shop.post(update)).toBe(200);
    await shop.delivery.retryDue();
    expect(shop.api.sentTo(lan.id)).toHaveLength(1);
    expect(await shop.store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).toHaveLength(1);
  });
});

describe('the webhook', () => {
  it('refuses a wrong or missing secret with 401 and changes nothing', async () => {
    const update = shop.updates.text(customer(), 'chào shop');
    expect(await shop.post(update, 'wrong-secret-0123456789abcdef')).toBe(401);
    expect(await shop.post(update, null)).toBe(401);
    expect(await shop.store.db.selectFrom('processed_updates').selectAll().execute()).toHaveLength(0);
    expect(shop.api.callsOf('getMe')).toHaveLength(0);
  });

  it('takes a signed body that is not a JSON update with 200 and one log line (Telegram would retry anything else), and answers 413 to an oversized one, before grammY sees them', async () => {
    const logged = shop.log.lines.length;
    expect(await shop.post('{"update_id": 1, "message": ')).toBe(200);
    expect(await shop.post({ hello: 'world' })).toBe(200);
    expect(await shop.post([1, 2, 3])).toBe(200);
    expect(shop.log.lines.slice(logged).filter((line) => line.message.includes('not usable'))).toHaveLength(3);
    expect(await shop.post({ update_id: 5, message: { text: 'x'.repeat(300_000) } })).toBe(413);
    expect(await shop.store.db.selectFrom('processed_updates').selectAll().execute()).toHaveLength(0);
    expect(shop.api.callsOf('getMe')).toHaveLength(0);
  });
});

describe('delivery errors', () => {
  it('a 429 waits the retry_after Telegram asked for, then the reply goes out', async () => {
    const lan = customer(501234580);
    shop.api.failNext('sendMessage', { retryAfter: 7 });
    expect(await shop.post(shop.updates.text(lan, 'chào shop'))).toBe(200);
    await eventually(async () => (await shop.store.db.selectFrom('outbox').select('attempts').where('attempts', '>', 0).execute()).length > 0, 'the first attempt');
    const row = await shop.store.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(shop.clock.current.getTime() + 7_000).toISOString() });
    expect(row.last_error).toContain('Too Many Requests: retry after 7');
    shop.clock.advance(0.1);
    expect(await shop.delivery.retryDue()).toBe(0);
    shop.clock.advance(0.02);
    expect(await shop.delivery.retryDue()).toBe(1);
    expect(shop.api.textsTo(lan.id).at(-1)).toContain('xin chào');
  });

  it('a 5xx or a dropped connection is retried with backoff; nothing is dropped', async () => {
    const lan = customer(501234581);
    shop.api.failNext('sendMessage', { status: 502, description: 'Bad Gateway' });
    shop.api.failNext('sendMessage', 'drop');
    await shop.post(shop.updates.text(lan, 'chào shop'));
    await eventually(async () => (await shop.store.db.selectFrom('outbox').select('attempts').where('attempts', '=', 1).execute()).length > 0, 'the first attempt');
    shop.clock.advance(1);
    expect(await shop.delivery.retryDue()).toBe(0);
    shop.clock.advance(1);
    expect(await shop.delivery.retryDue()).toBe(1);
    expect(await shop.store.db.selectFrom('outbox').select(['status', 'attempts']).execute()).toEqual([{ status: 'sent', attempts: 2 }]);
  });

  it('a 403 (blocked) stops: the customer is marked blocked and nothing more is sent to them', async () => {
    const lan = customer(501234582);
    await shop.send(shop.updates.text(lan, 'chào shop'));
    shop.api.blockChat(lan.id);
    await shop.post(shop.updates.text(lan, 'giá xoài'));
    await eventually(async () => (await shop.store.db.selectFrom('customers').select('blocked').executeTakeFirstOrThrow()).blocked === 1, 'the customer to be marked blocked');
    const rows = await shop.store.db.selectFrom('outbox').select(['status', 'last_error']).where('status', '!=', 'sent').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === 'failed' && row.last_error?.includes('Forbidden: bot was blocked by the user'))).toBe(true);
    const attempts = shop.api.callsOf('sendMessage').length;
    shop.clock.advance(120);
    expect(await shop.delivery.retryDue()).toBe(0);
    expect(shop.api.callsOf('sendMessage')).toHaveLength(attempts);
  });

  it('a customer who blocks the bot is marked blocked, and unblocked when they start it again', async () => {
    const lan = customer(501234583);
    await shop.send(shop.updates.text(lan, 'chào shop'));
    const blocked = async () => (await shop.store.db.selectFrom('customers').select('blocked').where('id', '=', `telegram:${lan.id}`).executeTakeFirstOrThrow()).blocked;
    expect(await shop.post(shop.updates.membership(lan, 'kicked'))).toBe(200);
    expect(await blocked()).toBe(1);
    expect(await shop.post(shop.updates.membership(lan, 'member'))).toBe(200);
    expect(await blocked()).toBe(0);
    expect(shop.log.lines.map((line) => line.message)).toEqual(expect.arrayContaining(['telegram customer blocked the bot', 'telegram customer started the bot again']));
  });
});

describe('the Telegram channel runner', () => {
  it('long polling answers queued updates, and a restart resumes after the confirmed offset', async () => {
    const log = memoryLogger();
    const routing = { receive: shop.receive, markBlocked: async () => undefined };
    const options = { token: shop.api.token, apiRoot: shop.api.url, routing, sharePhoneLabel: () => '📱', log, poll: true, pollTimeoutSeconds: 1 };
    const channel = await startTelegramChannel(options);
    expect(channel).not.toBeNull();
    await eventually(() => shop.api.callsOf('deleteWebhook').length === 1, 'polling to take over from any webhook');
    const lan = customer(501234590);
    shop.api.queueUpdate(shop.updates.text(lan, 'có khuyến mãi gì không'));
    const inbound = async () => (await shop.store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).length;
    await eventually(async () => (await inbound()) === 1, 'the first update');
    await channel!.stop();
    shop.api.queueUpdate(shop.updates.text(lan, 'phí ship'));
    const resumed = await startTelegramChannel(options);
    await eventually(async () => (await inbound()) === 2, 'the update queued while stopped');
    await resumed!.stop();
    expect(shop.api.unconfirmed).toBeLessThanOrEqual(1);
    expect(log.lines.filter((line) => line.message === 'telegram bot connected')).toHaveLength(2);
  });

  it('a wrong token stops only the Telegram channel, with a message that says what to do', async () => {
    const log = memoryLogger();
    const other = new FakeTelegramApi();
    await other.start();
    const channel = await startTelegramChannel({
      token: '123456:wrong-token-wrong-token-wrong-token',
      apiRoot: other.url,
      routing: { receive: shop.receive, markBlocked: async () => undefined },
      sharePhoneLabel: () => '📱',
      log,
      poll: true,
    });
    await other.close();
    expect(channel).toBeNull();
    expect(log.lines.at(-1)?.message).toContain('TELEGRAM_BOT_TOKEN is wrong or revoked: copy the token again from @BotFather');
  });
});
