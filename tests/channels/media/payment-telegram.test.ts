import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputFile } from 'grammy';
import { createTelegramBot } from '../../../src/channels/telegram/bot';
import { TelegramSender } from '../../../src/channels/telegram/sender';
import { QrMedia, qrSigningKey } from '../../../src/channels/media/qr-media';
import { qrMatrix } from '../../../src/channels/media/qr-png';
import { vietQrPayload } from '../../../src/engine/index';
import { groupChat, type TelegramPerson } from '../../fakes/telegram-api-server';
import { sampleFlows } from '../../support/sample-flows';
import { buttonData, OWNER_CHAT, PUBLIC_URL, startTelegramShop, type TelegramShop } from '../telegram/telegram-shop';
import { decodePng, pngChunks } from './png-reader';

let shop: TelegramShop;
let owner: TelegramPerson;

beforeEach(async () => {
  shop = await startTelegramShop();
  owner = shop.updates.person(42, 'Tư', 'Nguyễn');
});

afterEach(async () => {
  await shop.close();
});

const ownerSays = (text: string) => shop.send(shop.updates.text(owner, text, { chat: groupChat(OWNER_CHAT) }));

async function expectQrOf(png: Uint8Array, amount: number, note: string) {
  expect(pngChunks(png).every((chunk) => chunk.crcOk)).toBe(true);
  const matrix = qrMatrix(vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', amount, note }));
  const image = await decodePng(png);
  const scale = image.width / (matrix.size + 8);
  for (let y = 0; y < matrix.size; y++) for (let x = 0; x < matrix.size; x++) expect(image.black((x + 4) * scale, (y + 4) * scale)).toBe(matrix.dark(x, y));
}

describe('paying by bank transfer on Telegram', () => {
  it('sends the VietQR code as a photo, and the customer hears when the owner confirms with /don … paid', async () => {
    const lan = shop.updates.person(601000077);
    // Bưởi da xanh 3 kg to Đà Nẵng, paid by transfer (choice 2).
    for (const text of ['đặt hàng', 'bưởi da xanh', '3 ký', 'không', 'Lê Minh', '0903123456', '7 Trần Phú, phường Hải Châu, Đà Nẵng', 'không', '2', 'không']) {
      await shop.send(shop.updates.text(lan, text));
    }
    const done = await shop.send(shop.updates.text(lan, 'có'));
    const code = /lên đơn (XB\d+)/.exec(done)?.[1];
    expect(code).toBeDefined();
    const order = () => shop.store.db.selectFrom('orders').selectAll().where('code', '=', code!).executeTakeFirstOrThrow();
    const total = (await order()).total;

    const photos = shop.api.calls.filter((call) => call.method === 'sendPhoto' && String(call.body['chat_id']) === String(lan.id));
    expect(photos).toHaveLength(1);
    const photo = String(photos[0]!.body['photo']);
    expect(photo).toMatch(new RegExp(`^${PUBLIC_URL}/media/qr/${code}-[0-9a-f]{32}\\.png$`));
    expect(photos[0]!.body['caption']).toContain(`cho đơn ${code}`);
    // The photo comes right after the bank details, before the "I have paid" buttons.
    const sent = shop.api.sentTo(lan.id);
    const at = sent.findIndex((body) => body['photo'] !== undefined);
    expect(String(sent[at - 1]!['text'])).toContain('STK 1012345678');
    expect(String(sent[at + 1]!['text'])).toContain('Tôi đã chuyển khoản');

    // The URL Telegram fetches serves the code for the order's total.
    const image = await shop.app.request(new URL(photo).pathname);
    expect(image.status).toBe(200);
    await expectQrOf(new Uint8Array(await image.arrayBuffer()), total, code!);

    // "Tôi đã chuyển khoản" → awaiting confirmation, and the owner is told.
    const claimed = await shop.send(shop.updates.tap(lan, buttonData(shop.api, lan.id, 'Tôi đã chuyển khoản')));
    expect(claimed).toContain(`kiểm tra tiền về cho đơn ${code}`);
    expect(claimed).toContain(`💳 Khách báo đã chuyển khoản cho đơn ${code}`);
    expect((await order()).payment_status).toBe('awaiting_confirmation');

    const answer = await ownerSays(`/don ${code} paid`);
    expect(answer).toContain(`Đã báo khách: 📦 Đơn ${code}: đã nhận tiền, shop đang chuẩn bị hàng.`);
    expect(shop.api.textsTo(lan.id)).toContain(`📦 Đơn ${code}: đã nhận tiền, shop đang chuẩn bị hàng.`);
    expect((await order()).payment_status).toBe('paid');
  });
});

describe('TelegramSender and payment_qr', () => {
  async function capture(publicUrl: string | undefined, withBank = true) {
    const flows = await sampleFlows();
    if (!withBank) delete (flows.shop.payment as { bank_transfer?: unknown }).bank_transfer;
    const media = new QrMedia({ store: shop.store, flows: () => flows, key: qrSigningKey(['k']), publicUrl });
    const bot = createTelegramBot({ token: '123:fake-token-fake-token-fake-token-xx', apiRoot: 'http://127.0.0.1:9' });
    const calls: { method: string; payload: Record<string, unknown> }[] = [];
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: { message_id: calls.length, date: 0, chat: { id: 7, type: 'private' } } } as never;
    });
    const sender = new TelegramSender(bot.api, { publicUrl, sharePhoneLabel: () => '📱', qr: media });
    await sender.send('7', { kind: 'payment_qr', orderCode: 'XB123', amount: 255000, caption: 'Quét mã để chuyển 255.000đ cho đơn XB123' });
    return calls;
  }

  it('uploads the PNG bytes when the server has no public URL', async () => {
    const calls = await capture(undefined);
    expect(calls.map((call) => call.method)).toEqual(['sendPhoto']);
    const photo = calls[0]!.payload['photo'];
    expect(photo).toBeInstanceOf(InputFile);
    expect((photo as InputFile).filename).toBe('vietqr-XB123.png');
    const raw = await (photo as InputFile).toRaw();
    expect(raw).toBeInstanceOf(Uint8Array);
    await expectQrOf(raw as Uint8Array, 255000, 'XB123');
    expect(calls[0]!.payload['caption']).toBe('Quét mã để chuyển 255.000đ cho đơn XB123');
  });

  it('sends the public URL when there is one', async () => {
    const calls = await capture('https://shop.example.vn');
    expect(String(calls[0]!.payload['photo'])).toMatch(/^https:\/\/shop\.example\.vn\/media\/qr\/XB123-[0-9a-f]{32}\.png$/);
  });

  it('falls back to the caption and bank details as text when shop.yaml has no bank account', async () => {
    const calls = await capture(undefined, false);
    expect(calls.map((call) => call.method)).toEqual(['sendMessage']);
    expect(calls[0]!.payload['text']).toBe('Quét mã để chuyển 255.000đ cho đơn XB123');
  });
});
