import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZaloChannel } from '../../../src/channels/zalo/channel';
import { ZaloBotClient } from '../../../src/channels/zalo/client';
import { ZaloSender } from '../../../src/channels/zalo/sender';
import { createCourtesy } from '../../../src/conversation/courtesy-reply';
import { DeliveryError } from '../../../src/conversation/inbound';
import { memoryLogger } from '../../../src/log';
import { zaloUpdate } from '../../fakes/zalo-api-server';
import { eventually } from '../../support/eventually';
import { ZALO_SECRET as SECRET, zaloShopPerTest } from './zalo-shop';

let stops: (() => Promise<void>)[];
const { api, harness } = zaloShopPerTest();

beforeEach(() => {
  stops = [];
});

afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()));
});

const post = (body: unknown, secret = SECRET) =>
  harness().app.request('/zalo/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Bot-Api-Secret-Token': secret },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const sentTexts = () => api().callsOf('sendMessage').map((call) => call.body as { chat_id: string; text: string });
const texts = () => harness().engine.flows.shop.texts;

async function startPollingChannel(log = memoryLogger()) {
  const courtesy = createCourtesy({ store: harness().store, flows: () => harness().engine.flows, clock: harness().clock.now, delivery: harness().delivery, log });
  const channel = await startZaloChannel({ token: api().token, apiUrl: api().url, receive: harness().receive, courtesy, log, poll: true });
  if (channel) stops.push(() => channel.stop());
  return { channel, log };
}

describe('Zalo as Zalo really behaves', () => {
  it('a voice message, a sticker and a message Zalo hides from bots each get one polite text asking to type', async () => {
    const voice = zaloUpdate.voice('zalo-voice');
    for (const update of [voice, voice, zaloUpdate.sticker('zalo-sticker'), zaloUpdate.unsupported('zalo-hidden')]) expect((await post(update)).status).toBe(200);

    await eventually(() => sentTexts().length === 3, 'three answers');
    await harness().delivery.retryDue();
    expect(sentTexts()).toEqual([
      { chat_id: 'zalo-voice', text: texts().please_type },
      { chat_id: 'zalo-sticker', text: texts().please_type },
      { chat_id: 'zalo-hidden', text: texts().please_type },
    ]);
    expect(texts().please_type).toContain('nhắn bằng chữ');
  });

  it('a sticker in the middle of an order leaves the order where it was', async () => {
    const chat = 'zalo-order';
    await post(zaloUpdate.text(chat, 'shop oi cho minh dat 2kg xoai'));
    await eventually(() => sentTexts().length >= 1, 'the first answer');
    const before = await harness().store.db.selectFrom('conversations').select(['state', 'version']).executeTakeFirstOrThrow();

    await post(zaloUpdate.sticker(chat));
    await eventually(() => sentTexts().some((sent) => sent.text === texts().please_type), 'the polite text');

    expect(await harness().store.db.selectFrom('conversations').select(['state', 'version']).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('a mention in a group chat is asked to write privately, and no conversation starts there', async () => {
    expect((await post(zaloUpdate.text('zalo-group-1', '@shop cho 2kg xoai giao 45 Nguyen Van Cu', { chatType: 'GROUP', fromId: 'member-7' }))).status).toBe(200);

    await eventually(() => sentTexts().length === 1, 'the answer in the group');
    expect(sentTexts()[0]).toEqual({ chat_id: 'zalo-group-1', text: texts().group_chat });
    expect(await harness().store.db.selectFrom('conversations').selectAll().execute()).toHaveLength(0);
    expect(await harness().store.db.selectFrom('customers').selectAll().execute()).toHaveLength(0);
  });

  it('a request with the right secret and a body Zalo uses to check the webhook gets 200; a wrong secret gets 401', async () => {
    expect((await post({ event_name: 'webhook.test', data: { ping: true } })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    expect((await post('')).status).toBe(200);
    expect((await post({ event_name: 'webhook.test' }, 'wrong-secret-000')).status).toBe(401);
    expect(await harness().store.db.selectFrom('processed_updates').selectAll().execute()).toHaveLength(0);
  });

  it('a 403 from Zalo when sending keeps the message for a later try', async () => {
    api().failNext('sendMessage', { status: 403, body: { ok: false, error_code: 403, description: 'Internal server error' } });
    const sender = new ZaloSender(new ZaloBotClient(api().token, { apiUrl: api().url }), undefined);

    const error = await sender.send('zalo-chat-9', { kind: 'text', text: 'Dạ shop đây ạ' }).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).retry).toBe('later');
  });

  it('a 403 on getMe at start does not turn the channel off; only a refused token (401) does', async () => {
    api().failNext('getMe', { status: 403, body: { ok: false, error_code: 403, description: 'Internal server error' } });
    const { channel, log } = await startPollingChannel();
    expect(channel).not.toBeNull();
    expect(log.lines.some((line) => line.level === 'warn' && line.message.includes('starting anyway'))).toBe(true);

    api().queueUpdate(zaloUpdate.text('zalo-poll-403', 'shop oi'));
    await eventually(async () => (await harness().store.db.selectFrom('messages').select('id').where('direction', '=', 'in').execute()).length === 1, 'the update polled');

    const refused = await startZaloChannel({ token: 'wrong-token', apiUrl: api().url, receive: harness().receive, log: memoryLogger(), poll: true });
    expect(refused).toBeNull();
  });

  it('polling removes a webhook left from an earlier setup, says so, and then receives updates', async () => {
    api().webhook = { url: 'https://old-server.example.vn/zalo/webhook', secret_token: 'old-secret-123', updated_at: Date.now() };

    const { log } = await startPollingChannel();

    expect(api().callsOf('deleteWebhook')).toHaveLength(1);
    expect(api().webhook).toBeNull();
    expect(log.lines.some((line) => line.level === 'warn' && line.message.includes('webhook was set'))).toBe(true);
    api().queueUpdate(zaloUpdate.sticker('zalo-poll-sticker'));
    await eventually(() => sentTexts().some((sent) => sent.chat_id === 'zalo-poll-sticker' && sent.text === texts().please_type), 'the polled sticker answered');
  });

  it('polling with no webhook set removes nothing', async () => {
    await startPollingChannel();
    expect(api().callsOf('getWebhookInfo')).toHaveLength(1);
    expect(api().callsOf('deleteWebhook')).toHaveLength(0);
  });
});
