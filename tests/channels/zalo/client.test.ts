import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZaloApi, zaloUpdate } from '../../fakes/zalo-api-server.js';
import {
  ZaloApiError,
  ZaloBotClient,
  isEmptyPollError,
  isFatalAuthError,
  isRetryableError,
} from '../../../src/channels/zalo/index.js';
import { rejectionOf } from './helpers.js';

let api: FakeZaloApi;
let client: ZaloBotClient;

beforeEach(async () => {
  api = new FakeZaloApi({ maxPollWaitMs: 50 });
  await api.start();
  client = new ZaloBotClient(api.token, { apiUrl: api.url, timeoutMs: 2000 });
});

afterEach(async () => {
  await api.close();
});

async function apiError(promise: Promise<unknown>): Promise<ZaloApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
}

describe('ZaloBotClient: request shape and parsed results', () => {
  it('getMe POSTs an empty JSON object and keeps unknown fields', async () => {
    api.me = { ...api.me, brand_new_field: 'kept' };
    const me = await client.getMe();
    expect(me.id).toBe('1459232241454765289');
    expect(typeof me.id).toBe('string');
    expect(me.account_name).toBe('bot.NongSanSach');
    expect(me.can_join_groups).toBe(false);
    expect(me['brand_new_field']).toBe('kept');
    expect(api.calls).toHaveLength(1);
    const call = api.calls[0];
    expect(call?.method).toBe('getMe');
    expect(call?.httpMethod).toBe('POST');
    expect(call?.contentType).toBe('application/json');
    expect(call?.token).toBe(api.token);
    expect(call?.body).toEqual({});
  });

  it('sendMessage sends chat_id and text and returns the sent message id', async () => {
    const sent = await client.sendMessage({ chat_id: 'c0ffee01', text: 'Dạ xoài cát Hòa Lộc còn ạ 🥭' });
    expect(api.callsOf('sendMessage')[0]?.body).toEqual({ chat_id: 'c0ffee01', text: 'Dạ xoài cát Hòa Lộc còn ạ 🥭' });
    expect(sent.message_id).toMatch(/^sent[0-9a-f]{16}$/);
    expect(typeof sent.date).toBe('number');
  });

  it('sendPhoto sends the URL, and the caption only when given', async () => {
    await client.sendPhoto({ chat_id: 'c1', photo: 'https://shop.example/qr/abc123.png', caption: 'Mã QR chuyển khoản' });
    await client.sendPhoto({ chat_id: 'c1', photo: 'https://shop.example/p/xoai.jpg' });
    const [withCaption, without] = api.callsOf('sendPhoto');
    expect(withCaption?.body).toEqual({ chat_id: 'c1', photo: 'https://shop.example/qr/abc123.png', caption: 'Mã QR chuyển khoản' });
    expect(without?.body).toEqual({ chat_id: 'c1', photo: 'https://shop.example/p/xoai.jpg' });
    expect(Object.keys(without?.body as object)).not.toContain('caption');
  });

  it('sendChatAction accepts an answer without result', async () => {
    await expect(client.sendChatAction({ chat_id: 'c1', action: 'typing' })).resolves.toBeUndefined();
    expect(api.callsOf('sendChatAction')[0]?.body).toEqual({ chat_id: 'c1', action: 'typing' });
  });

  it('sendSticker sends the sticker id', async () => {
    const sent = await client.sendSticker({ chat_id: 'c1', sticker: '0e078a2fb66a5f34067b' });
    expect(api.callsOf('sendSticker')[0]?.body).toEqual({ chat_id: 'c1', sticker: '0e078a2fb66a5f34067b' });
    expect(sent.message_id).toMatch(/^sent/);
  });

  it('setWebhook, getWebhookInfo and deleteWebhook', async () => {
    const set = await client.setWebhook({ url: 'https://shop.example/zalo/hook', secret_token: 's3cret-token-123' });
    expect(set.url).toBe('https://shop.example/zalo/hook');
    expect(typeof set.updated_at).toBe('number');
    expect(api.callsOf('setWebhook')[0]?.body).toEqual({ url: 'https://shop.example/zalo/hook', secret_token: 's3cret-token-123' });
    expect(api.webhook?.secret_token).toBe('s3cret-token-123');

    expect((await client.getWebhookInfo()).url).toBe('https://shop.example/zalo/hook');
    expect((await client.deleteWebhook()).url).toBe('');
    expect(api.webhook).toBeNull();
    expect((await client.getWebhookInfo()).url).toBe('');
    expect(api.callsOf('deleteWebhook')[0]?.body).toEqual({});
    expect(api.callsOf('getWebhookInfo')[0]?.body).toEqual({});
  });

  it('trims a trailing slash from apiUrl and never shows the token when serialised', async () => {
    const c = new ZaloBotClient(api.token, { apiUrl: `${api.url}//` });
    await c.getMe();
    expect(api.calls).toHaveLength(1);
    expect(JSON.stringify(c)).not.toContain(api.token);
    expect(c.apiUrl).toBe(api.url);
  });

  it('rejects an empty token at construction', () => {
    expect(() => new ZaloBotClient('')).toThrow(TypeError);
    expect(() => new ZaloBotClient('  ')).toThrow(/token is empty/);
  });
});

describe('ZaloBotClient: getUpdates', () => {
  it('sends timeout as a string (default 30 s) and returns the update from the envelope', async () => {
    const update = zaloUpdate.text('5b1e0001', 'shop ơi xoài còn không');
    api.queueUpdate(update);
    const got = await client.getUpdates();
    expect(api.callsOf('getUpdates')[0]?.body).toEqual({ timeout: '30' });
    expect(got?.event_name).toBe('message.text.received');
    expect(got?.message.text).toBe('shop ơi xoài còn không');
    expect(got?.message.message_id).toBe(update.message['message_id']);
    expect(got?.message.chat.id).toBe('5b1e0001');
  });

  it('accepts the update bare, without the envelope', async () => {
    api.queueUpdate(zaloUpdate.image('c2', 'https://zalo.example/img/1.jpg', 'ảnh chuyển khoản'), { bare: true });
    const got = await client.getUpdates({ timeout: 5 });
    expect(api.callsOf('getUpdates')[0]?.body).toEqual({ timeout: '5' });
    expect(got?.event_name).toBe('message.image.received');
    expect(got?.message.photo_url).toBe('https://zalo.example/img/1.jpg');
    expect(got?.message.caption).toBe('ảnh chuyển khoản');
  });

  it('returns ONE update per call, in queue order', async () => {
    api.queueUpdate(zaloUpdate.text('c1', 'một'));
    api.queueUpdate(zaloUpdate.text('c1', 'hai'));
    expect((await client.getUpdates({ timeout: 1 }))?.message.text).toBe('một');
    expect((await client.getUpdates({ timeout: 1 }))?.message.text).toBe('hai');
    expect(api.queued).toBe(0);
  });

  it('returns null on 408 (empty poll)', async () => {
    const started = Date.now();
    await expect(client.getUpdates({ timeout: 1 })).resolves.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(40); // the fake waited its 50 ms cap
    expect(api.callsOf('getUpdates')).toHaveLength(1);
  });

  it('returns null for an empty result and tolerates a one-element array', async () => {
    api.failNext('getUpdates', { body: { ok: true, result: null } });
    api.failNext('getUpdates', { body: { ok: true, result: [] } });
    api.failNext('getUpdates', { body: { ok: true, result: [zaloUpdate.sticker('c3')] } });
    expect(await client.getUpdates({ timeout: 1 })).toBeNull();
    expect(await client.getUpdates({ timeout: 1 })).toBeNull();
    expect((await client.getUpdates({ timeout: 1 }))?.event_name).toBe('message.sticker.received');
  });

  it('throws when the result is not an update', async () => {
    api.failNext('getUpdates', { body: { ok: true, result: { hello: 'world' } } });
    const error = await apiError(client.getUpdates({ timeout: 1 }));
    expect(error.errorCode).toBe(0);
    expect(error.description).toMatch(/not an update/);
  });

  it('uses an HTTP timeout longer than the long-poll window', async () => {
    const slow = new FakeZaloApi({ maxPollWaitMs: 300 });
    await slow.start();
    try {
      const c = new ZaloBotClient(slow.token, { apiUrl: slow.url, timeoutMs: 100 });
      // The fake holds the poll 300 ms, three times the client's own 100 ms timeout.
      await expect(c.getUpdates({ timeout: 0.3 })).resolves.toBeNull();
      slow.failNext('getUpdates', 'hang');
      const error = await apiError(c.getUpdates({ timeout: 0.1 }));
      expect(error.errorCode).toBe(0);
      expect(error.description).toBe('request timed out after 200 ms');
    } finally {
      await slow.close();
    }
  });
});

describe('ZaloBotClient: errors', () => {
  it('ok:false becomes a ZaloApiError with the code and description', async () => {
    api.failNext('sendMessage', { status: 200, body: { ok: false, error_code: 404, description: 'Chat not found' } });
    const error = await apiError(client.sendMessage({ chat_id: 'nobody', text: 'alo' }));
    expect(error.method).toBe('sendMessage');
    expect(error.errorCode).toBe(404);
    expect(error.description).toBe('Chat not found');
    expect(error.message).toBe('Zalo Bot API sendMessage failed (404): Chat not found');
    expect(error.name).toBe('ZaloApiError');
  });

  it('a 400 envelope from the server (text too long)', async () => {
    const error = await apiError(client.sendMessage({ chat_id: 'c1', text: 'a'.repeat(2001) }));
    expect(error.errorCode).toBe(400);
    expect(error.description).toBe('Bad Request: text must be 1 to 2000 characters');
    expect(isRetryableError(error)).toBe(false);
    expect(isFatalAuthError(error)).toBe(false);
  });

  it('a wrong token gives 401, fatal, and the token is not in the message', async () => {
    const wrongToken = '424242:wrong-token-0123456789abcdef';
    const c = new ZaloBotClient(wrongToken, { apiUrl: api.url });
    const error = await apiError(c.getMe());
    expect(api.calls[0]?.token).toBe(wrongToken);
    expect(error.errorCode).toBe(401);
    expect(error.description).toBe('Unauthorized');
    expect(isFatalAuthError(error)).toBe(true);
    expect(isRetryableError(error)).toBe(false);
    expect(error.message).not.toContain(wrongToken);
    expect(error.message).not.toContain('wrong-token-0123456789abcdef');
  });

  it('redacts the token when the server echoes it in the description', async () => {
    api.failNext('getMe', { status: 401, body: { ok: false, error_code: 401, description: `token ${api.token} is revoked` } });
    const error = await apiError(client.getMe());
    expect(error.errorCode).toBe(401);
    expect(isFatalAuthError(error)).toBe(true);
    expect(error.message).not.toContain(api.token);
    expect(error.description).toBe('token <token> is revoked');
  });

  it('a non-2xx status is a failure, with or without an envelope', async () => {
    api.failNext('sendMessage', '500');
    api.failNext('sendMessage', '502-html');
    api.failNext('sendMessage', '429');
    api.failNext('sendMessage', { status: 503, body: { ok: true, result: {} } });

    const e500 = await apiError(client.sendMessage({ chat_id: 'c1', text: 'a' }));
    expect([e500.errorCode, e500.description]).toEqual([500, 'Internal Server Error']);
    expect(isRetryableError(e500)).toBe(true);

    const e502 = await apiError(client.sendMessage({ chat_id: 'c1', text: 'a' }));
    expect([e502.errorCode, e502.description]).toEqual([502, 'HTTP 502']);
    expect(isRetryableError(e502)).toBe(true);

    const e429 = await apiError(client.sendMessage({ chat_id: 'c1', text: 'a' }));
    expect(e429.errorCode).toBe(429);
    expect(e429.description).toBe('Too Many Requests: retry later');
    expect(isRetryableError(e429)).toBe(true);

    const e503 = await apiError(client.sendMessage({ chat_id: 'c1', text: 'a' }));
    expect(e503.errorCode).toBe(503);
  });

  it('invalid JSON and a non-envelope body', async () => {
    api.failNext('getMe', 'invalid-json');
    api.failNext('getMe', { status: 200, body: { hello: 'world' } });
    const bad = await apiError(client.getMe());
    expect(bad.errorCode).toBe(0);
    expect(bad.description).toBe('invalid JSON in response (HTTP 200)');
    const odd = await apiError(client.getMe());
    expect(odd.errorCode).toBe(0);
    expect(odd.description).toMatch(/not a Bot API envelope/);
  });

  it('a getMe result of the wrong shape', async () => {
    api.failNext('getMe', { body: { ok: true, result: { account_name: 'no id' } } });
    const error = await apiError(client.getMe());
    expect(error.description).toMatch(/^unexpected result/);
  });

  it('times out a request that never answers', async () => {
    const c = new ZaloBotClient(api.token, { apiUrl: api.url, timeoutMs: 100 });
    api.failNext('getMe', 'hang');
    const started = Date.now();
    const error = await apiError(c.getMe());
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.errorCode).toBe(0);
    expect(error.description).toBe('request timed out after 100 ms');
    expect(error.cause).toBeDefined();
    expect(isRetryableError(error)).toBe(true);
  });

  it('a dropped connection is a retryable network error', async () => {
    api.failNext('sendMessage', 'drop');
    const error = await apiError(client.sendMessage({ chat_id: 'c1', text: 'a' }));
    expect(error.errorCode).toBe(0);
    expect(error.description).toMatch(/^network error/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(isRetryableError(error)).toBe(true);
    // The next call goes through.
    await expect(client.sendMessage({ chat_id: 'c1', text: 'a' })).resolves.toHaveProperty('message_id');
  });

  it('an abort by the caller', async () => {
    api.failNext('getMe', 'hang');
    const controller = new AbortController();
    const pending = client.getMe({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await apiError(pending);
    expect(error.errorCode).toBe(0);
    expect(error.description).toBe('request aborted');
    const already = await apiError(client.getMe({ signal: AbortSignal.abort() }));
    expect(already.description).toBe('request aborted');
  });

  it('keeps the token out of network errors that quote the URL', async () => {
    const token = '777:super-secret-token-value';
    const c = new ZaloBotClient(token, {
      apiUrl: 'https://bot-api.invalid',
      fetch: async (input) => {
        throw new TypeError(`request to ${String(input)} failed`, { cause: new Error(`connect to ${String(input)}`) });
      },
    });
    const error = await apiError(c.sendMessage({ chat_id: 'c1', text: 'a' }));
    expect(error.description).toBe(
      'network error: request to https://bot-api.invalid/bot<token>/sendMessage failed: connect to https://bot-api.invalid/bot<token>/sendMessage',
    );
    expect(error.message).not.toContain(token);
    expect(String((error.cause as Error).message)).not.toContain(token);
    expect(String((error.cause as Error).stack)).not.toContain(token);
  });

  it('the error helpers classify codes', () => {
    const e = (code: number): ZaloApiError => new ZaloApiError('x', code, 'd');
    expect([0, 403, 429, 500, 502, 599].map((c) => isRetryableError(e(c)))).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 404, 408].map((c) => isRetryableError(e(c)))).toEqual([false, false, false, false]);
    expect([401, 403, 400, 500].map((c) => isFatalAuthError(e(c)))).toEqual([true, false, false, false]);
    expect([408, 400].map((c) => isEmptyPollError(e(c)))).toEqual([true, false]);
    expect(isRetryableError(new Error('plain'))).toBe(false);
  });
});
