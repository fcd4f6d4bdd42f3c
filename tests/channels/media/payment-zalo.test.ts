import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QrMedia, qrSigningKey } from '../../../src/channels/media/qr-media';
import { ZaloBotClient } from '../../../src/channels/zalo/client';
import { ZaloSender } from '../../../src/channels/zalo/sender';
import type { ChannelSender } from '../../../src/conversation/inbound';
import { FakeZaloApi, zaloUpdate } from '../../fakes/zalo-api-server';
import { eventually } from '../../support/eventually';
import { harnessPerTest } from '../../support/per-test';

const SECRET = 'zalo-webhook-secret-123';
let api: FakeZaloApi;
const senders: Record<string, ChannelSender> = {};

beforeEach(async () => {
  api = new FakeZaloApi({ maxPollWaitMs: 50 });
  await api.start();
});

afterEach(async () => {
  await api.close();
});

const harness = harnessPerTest(() => ({ senders, webhooks: { zalo: { secret: SECRET } } }));

function useSender(publicUrl: string | undefined): QrMedia {
  const media = new QrMedia({ store: harness().store, flows: () => harness().engine.flows, key: qrSigningKey(['zalo-test']), publicUrl });
  senders.zalo = new ZaloSender(new ZaloBotClient(api.token, { apiUrl: api.url, timeoutMs: 2000 }), publicUrl, media);
  return media;
}

async function say(chat: string, text: string): Promise<void> {
  const before = api.calls.length;
  const response = await harness().app.request('/zalo/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Bot-Api-Secret-Token': SECRET },
    body: JSON.stringify(zaloUpdate.text(chat, text)),
  });
  expect(response.status).toBe(200);
  await eventually(() => api.calls.length > before);
  await harness().delivery.retryDue();
}

async function orderByTransfer(chat: string): Promise<string> {
  for (const text of ['đặt hàng', 'bưởi da xanh', '3 ký', 'không', 'Lê Minh', '0903123456', '7 Trần Phú, phường Hải Châu, Đà Nẵng', 'không', '2', 'không', 'có']) await say(chat, text);
  const texts = api.callsOf('sendMessage').map((call) => (call.body as { text: string }).text).join('\n');
  const code = /lên đơn (XB\d+)/.exec(texts)?.[1];
  if (!code) throw new Error(`no order: ${texts}`);
  return code;
}

describe('paying by bank transfer on Zalo', () => {
  it('sends the VietQR code by its public URL, which serves the order total', async () => {
    const media = useSender('https://shop.example.vn');
    const code = await orderByTransfer('zalo-qr-1');
    await eventually(() => api.callsOf('sendPhoto').length > 0);
    const photo = api.callsOf('sendPhoto')[0]!.body as { chat_id: string; photo: string; caption: string };
    expect(photo.chat_id).toBe('zalo-qr-1');
    expect(photo.photo).toMatch(new RegExp(`^https://shop\\.example\\.vn/media/qr/${code}-[0-9a-f]{32}\\.png$`));
    expect(photo.caption).toContain(`cho đơn ${code}`);
    const order = await harness().store.db.selectFrom('orders').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(await media.path(code, order.total)).toBe(new URL(photo.photo).pathname);
    const png = await media.pngForFile(new URL(photo.photo).pathname.split('/').at(-1)!);
    expect(png?.subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
  });

  it('without PUBLIC_URL, sends the caption with the bank details as text', async () => {
    useSender(undefined);
    const code = await orderByTransfer('zalo-qr-2');
    expect(api.callsOf('sendPhoto')).toHaveLength(0);
    const texts = api.callsOf('sendMessage').map((call) => (call.body as { text: string }).text);
    const qrText = texts.find((text) => text.includes('Quét mã'));
    expect(qrText).toContain(`cho đơn ${code}`);
    expect(qrText).toContain('🏦 Vietcombank · STK 1012345678 · NGUYEN THI TU');
    expect(qrText).toMatch(new RegExp(`Số tiền: [\\d.]+đ · Nội dung: ${code}`));
  });
});
