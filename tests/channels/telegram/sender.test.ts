import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../../src/channels/telegram/bot';
import { TelegramSender } from '../../../src/channels/telegram/sender';
import { DeliveryError, RecipientUnreachable } from '../../../src/conversation/inbound';
import { FakeTelegramApi } from '../../fakes/telegram-api-server';

const CHAT = '501234567';
let api: FakeTelegramApi;
let sender: TelegramSender;

beforeEach(async () => {
  api = new FakeTelegramApi();
  await api.start();
  sender = new TelegramSender(createTelegramBot({ token: api.token, apiRoot: api.url }).api, { publicUrl: 'https://shop.example.vn', sharePhoneLabel: () => '📱 Gửi số điện thoại của tôi' });
});

afterEach(async () => {
  await api.close();
});

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

describe('sending on Telegram', () => {
  it('splits a long reply at 4096 characters on line boundaries, with the buttons under the last part', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. Xoài cát Hòa Lộc loại ${i + 1}: 85.000đ/kg, giao tận nhà trong ngày`);
    const sent = await sender.send(CHAT, { kind: 'text', text: lines.join('\n'), buttons: [{ label: '🛒 Đặt hàng', value: 'flow:order' }] });
    const parts = api.callsOf('sendMessage').map((call) => call.body);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((part) => String(part['text']).length <= 4096)).toBe(true);
    expect(parts.map((part) => part['text']).join('\n')).toBe(lines.join('\n'));
    expect(parts.slice(0, -1).every((part) => part['reply_markup'] === undefined)).toBe(true);
    expect(parts.at(-1)?.['reply_markup']).toEqual({ inline_keyboard: [[{ text: '🛒 Đặt hàng', callback_data: 'flow:order' }]] });
    expect(sent.messageIds).toHaveLength(parts.length);
  });

  it('sends plain text, so a product name with * or _ never breaks the message', async () => {
    const text = 'Mật ong *rừng_U Minh* 500ml_chai: 150.000đ';
    await sender.send(CHAT, { kind: 'text', text });
    const body = api.callsOf('sendMessage')[0]!.body;
    expect(body).toMatchObject({ chat_id: CHAT, text });
    expect(body['parse_mode']).toBeUndefined();
  });

  it('offers the share-my-phone button for a phone question, and takes it away with the next reply', async () => {
    await sender.send(CHAT, { kind: 'text', text: 'Số điện thoại người nhận là gì ạ?', askPhone: true, buttons: [{ label: 'bỏ qua', value: 'skip' }] });
    expect(api.callsOf('sendMessage')[0]!.body['reply_markup']).toEqual({
      keyboard: [[{ text: '📱 Gửi số điện thoại của tôi', request_contact: true }], [{ text: 'bỏ qua' }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    await sender.send(CHAT, { kind: 'text', text: 'Địa chỉ giao hàng ạ?' });
    expect(api.callsOf('sendMessage')[1]!.body['reply_markup']).toEqual({ remove_keyboard: true });
    await sender.send(CHAT, { kind: 'text', text: 'Cảm ơn ạ' });
    expect(api.callsOf('sendMessage')[2]!.body['reply_markup']).toBeUndefined();
  });

  it('sends images by URL, by the bot’s own path on the public URL, and by Telegram file id', async () => {
    await sender.send(CHAT, { kind: 'image', url: 'https://cdn.example.vn/xoai.jpg', caption: 'Xoài cát' });
    await sender.send(CHAT, { kind: 'image', url: '/qr/XB001.png' });
    await sender.send(CHAT, { kind: 'image', url: 'AgACAgUAAxkBAAIBZ2X-x' });
    expect(api.callsOf('sendPhoto').map((call) => call.body['photo'])).toEqual(['https://cdn.example.vn/xoai.jpg', 'https://shop.example.vn/qr/XB001.png', 'AgACAgUAAxkBAAIBZ2X-x']);
    const withoutPublicUrl = new TelegramSender(createTelegramBot({ token: api.token, apiRoot: api.url }).api, { sharePhoneLabel: () => '📱' });
    await withoutPublicUrl.send(CHAT, { kind: 'image', url: '/qr/XB001.png', caption: 'Quét mã để chuyển khoản' });
    expect(api.callsOf('sendMessage').at(-1)?.body['text']).toBe('Quét mã để chuyển khoản');
  });

  it('a caption longer than Telegram allows goes as a text after the photo', async () => {
    const caption = 'Mô tả sản phẩm. '.repeat(100);
    const sent = await sender.send(CHAT, { kind: 'image', url: 'https://cdn.example.vn/xoai.jpg', caption });
    expect(api.callsOf('sendPhoto')[0]!.body['caption']).toBeUndefined();
    expect(api.callsOf('sendMessage')[0]!.body['text']).toBe(caption);
    expect(sent.messageIds).toHaveLength(2);
  });
});

describe('failed sends', () => {
  it('a 429 is retried later, after the retry_after Telegram asked for', async () => {
    api.failNext('sendMessage', { retryAfter: 12 });
    const error = await failureOf(sender.send(CHAT, { kind: 'text', text: 'chào' }));
    expect(error).toMatchObject({ retry: 'later', retryAfterSeconds: 12 });
    expect(error.message).toContain('Too Many Requests: retry after 12');
  });

  it('a 403 (the customer blocked the bot) is never retried and says the chat is unreachable', async () => {
    api.blockChat(CHAT);
    const error = await failureOf(sender.send(CHAT, { kind: 'text', text: 'chào' }));
    expect(error).toBeInstanceOf(RecipientUnreachable);
    expect(error).toMatchObject({ retry: 'never' });
    expect(error.message).toContain('Forbidden: bot was blocked by the user');
  });

  it('5xx and network failures are retried with backoff; other refusals are not', async () => {
    api.failNext('sendMessage', { status: 500, description: 'Internal Server Error' });
    expect(await failureOf(sender.send(CHAT, { kind: 'text', text: 'chào' }))).toMatchObject({ retry: 'later', retryAfterSeconds: undefined });
    api.failNext('sendMessage', 'drop');
    expect(await failureOf(sender.send(CHAT, { kind: 'text', text: 'chào' }))).toMatchObject({ retry: 'later' });
    api.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    expect(await failureOf(sender.send(CHAT, { kind: 'text', text: 'chào' }))).toMatchObject({ retry: 'never' });
  });

  it('a group upgraded to a supergroup tells the operator the new chat id to set', async () => {
    api.failNext('sendMessage', { status: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1009876543210 } });
    const error = await failureOf(sender.send('-4567', { kind: 'text', text: 'chào' }));
    expect(error.retry).toBe('never');
    expect(error.message).toContain('set OWNER_TELEGRAM_CHAT_ID=-1009876543210 and restart');
  });

  it('a revoked token keeps the message for later and says what to do', async () => {
    const revoked = new TelegramSender(createTelegramBot({ token: '1:revoked-token-revoked-token-revoked', apiRoot: api.url }).api, { sharePhoneLabel: () => '📱' });
    const error = await failureOf(revoked.send(CHAT, { kind: 'text', text: 'chào' }));
    expect(error).toMatchObject({ retry: 'later' });
    expect(error.message).toContain('TELEGRAM_BOT_TOKEN is wrong or revoked');
  });
});
