import { describe, expect, it } from 'vitest';
import { QrMedia, qrSigningKey } from '../../../src/channels/media/qr-media';
import { qrMatrix } from '../../../src/channels/media/qr-png';
import { CustomerMessenger } from '../../../src/conversation/customer-messenger';
import { changeOrderStatus } from '../../../src/conversation/order-status';
import { vietQrPayload } from '../../../src/engine/index';
import { orderMangoesByBankTransfer, WebVisitor } from '../../support/harness';
import { harnessPerTest } from '../../support/per-test';
import { decodePng, pngChunks } from './png-reader';

const harness = harnessPerTest();

interface QrReply {
  kind: 'payment_qr';
  orderCode: string;
  amount: number;
  caption: string;
  url: string;
}

/** Checks the served PNG draws exactly the VietQR code of this transfer. */
async function expectQrImage(png: Uint8Array, transfer: { amount: number; note: string }) {
  const payload = vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', amount: transfer.amount, note: transfer.note });
  const matrix = qrMatrix(payload);
  const image = await decodePng(png);
  expect(pngChunks(png).every((chunk) => chunk.crcOk)).toBe(true);
  const scale = image.width / (matrix.size + 8);
  expect(Number.isInteger(scale)).toBe(true);
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      const pixel = image.black((x + 4) * scale + 1, (y + 4) * scale + 1);
      if (pixel !== matrix.dark(x, y)) throw new Error(`module ${x},${y} differs`);
    }
  }
}

describe('paying by bank transfer on the web chat', () => {
  it('shows the VietQR code for the order total, then the owner confirms and the customer is told', async () => {
    const visitor = new WebVisitor(harness().app);
    await orderMangoesByBankTransfer(visitor, 'không');
    const code = /Dạ em đã lên đơn (XB\d{3})/.exec(visitor.text())?.[1];
    expect(code).toMatch(/^XB\d{3}$/);
    expect(visitor.text()).toContain('Vietcombank · STK 1012345678');

    // Right after the bank details: the code for 190.000đ (2 kg × 85.000đ + 20.000đ shipping), the order code as note.
    const kinds = visitor.last.map((reply) => reply.message.kind);
    const qrAt = kinds.indexOf('payment_qr');
    expect(qrAt).toBeGreaterThan(0);
    expect(visitor.last[qrAt - 1]!.message.text).toContain('STK 1012345678');
    const qr = visitor.last[qrAt]!.message as unknown as QrReply;
    expect(qr).toMatchObject({ kind: 'payment_qr', orderCode: code, amount: 190000 });
    expect(qr.caption).toBe(`🏦 Quét mã bằng app ngân hàng để chuyển 190.000đ cho đơn ${code} (số tiền và nội dung đã điền sẵn) ạ.`);
    expect(qr.url).toMatch(new RegExp(`^/media/qr/${code}-[0-9a-f]{32}\\.png$`));
    // The buttons come after the code, on the last text.
    expect(visitor.last.at(-1)!.message.buttons?.map((button) => button.label)).toEqual(['✅ Tôi đã chuyển khoản', '📋 Menu']);

    const image = await harness().app.request(qr.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    await expectQrImage(new Uint8Array(await image.arrayBuffer()), { amount: 190000, note: code! });

    // The transcript keeps the code as its own row.
    const row = await harness().store.db.selectFrom('messages').selectAll().where('kind', '=', 'payment_qr').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ direction: 'out', text: qr.caption });
    expect(JSON.parse(row.payload!)).toEqual({ orderCode: code, amount: 190000 });

    // "Tôi đã chuyển khoản": the order waits for the owner, who is told.
    await visitor.tap('Tôi đã chuyển khoản');
    expect(visitor.text()).toContain(`kiểm tra tiền về cho đơn ${code}`);
    const order = () => harness().store.db.selectFrom('orders').selectAll().where('code', '=', code!).executeTakeFirstOrThrow();
    expect((await order()).payment_status).toBe('awaiting_confirmation');
    const notices = await harness().store.db.selectFrom('outbox').select('payload').where('recipient', '=', 'owner').execute();
    expect(notices.map((row) => row.payload).join('\n')).toContain(`💳 Khách báo đã chuyển khoản cho đơn ${code}`);

    // The owner confirms (the dashboard and /don both go through changeOrderStatus); the web visitor reads it on the next poll.
    const messenger = new CustomerMessenger({ store: harness().store, delivery: harness().delivery, clock: harness().clock.now });
    const change = await changeOrderStatus({ store: harness().store, messenger, flows: () => harness().engine.flows, clock: harness().clock.now }, code!.toLowerCase(), 'paid');
    expect(change).toMatchObject({ ok: true, code, status: 'paid', customerTold: true });
    expect((await order()).payment_status).toBe('paid');
    const polled = (await (await harness().app.request(`/api/chat?visitorId=${visitor.visitorId}`)).json()) as { replies: { message: { text?: string } }[] };
    expect(polled.replies.map((reply) => reply.message.text)).toContain(`📦 Đơn ${code}: đã nhận tiền, shop đang chuẩn bị hàng.`);
  });

  it('sends no code when the customer only asks how to pay (no order yet), and invites an order instead of "I have paid"', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('cho xin stk');
    expect(visitor.text()).toContain('STK 1012345678');
    expect(visitor.text()).not.toContain('Tôi đã chuyển khoản');
    expect(visitor.last.some((reply) => reply.message.kind === 'payment_qr')).toBe(false);
    const buttons = visitor.last.at(-1)!.message.buttons?.map((button) => button.label);
    expect(buttons).toContain('🛒 Đặt hàng');
    expect(buttons).not.toContain('✅ Tôi đã chuyển khoản');
  });
});

describe('GET /media/qr/:token.png', () => {
  async function placedOrder(): Promise<QrReply> {
    const visitor = new WebVisitor(harness().app);
    await orderMangoesByBankTransfer(visitor, 'không');
    return visitor.last.find((reply) => reply.message.kind === 'payment_qr')!.message as unknown as QrReply;
  }

  it('answers 404 for unknown, forged or malformed paths', async () => {
    const qr = await placedOrder();
    const tag = /-([0-9a-f]{32})\.png$/.exec(qr.url)![1]!;
    const flipped = tag.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const path of [
      '/media/qr/XX404-' + tag + '.png',
      `/media/qr/${qr.orderCode}-` + flipped + '.png',
      `/media/qr/${qr.orderCode}-` + tag.toUpperCase() + '.png',
      `/media/qr/${qr.orderCode}-` + tag + '.jpg',
      `/media/qr/${qr.orderCode}.png`,
      `/media/qr/${qr.orderCode}-` + tag.slice(0, 31) + '.png',
      '/media/qr/' + encodeURIComponent(`../${qr.orderCode}-` + tag + '.png'),
      '/media/qr/nothing',
    ]) {
      expect((await harness().app.request(path)).status, path).toBe(404);
    }
    expect((await harness().app.request(qr.url)).status).toBe(200);
  });

  it('draws the stored total: a path for another amount is refused, and an edited total gets a new path', async () => {
    const qr = await placedOrder();
    const media = new QrMedia({ store: harness().store, flows: () => harness().engine.flows, key: qrSigningKey(['secret one']) });
    // Signed by another key: unknown to this app.
    expect((await harness().app.request(await media.path(qr.orderCode, 190000))).status).toBe(404);

    await harness().store.db.updateTable('orders').set({ total: 200000 }).where('code', '=', qr.orderCode).execute();
    expect((await harness().app.request(qr.url)).status).toBe(404);
  });

  it('signs with a key derived from the server secrets: the same secrets give the same path, others a different one', async () => {
    const make = (secrets: string[]) => new QrMedia({ store: harness().store, flows: () => harness().engine.flows, key: qrSigningKey(secrets), publicUrl: 'https://shop.example.vn' });
    const a = await make(['s1', 's2']).path('XB001', 190000);
    expect(await make(['s1', 's2']).path('XB001', 190000)).toBe(a);
    expect(await make(['s1', 's3']).path('XB001', 190000)).not.toBe(a);
    expect(await make(['s1', 's2']).path('XB001', 190001)).not.toBe(a);
    expect(await make([]).path('XB001', 190000)).not.toBe(await make([]).path('XB001', 190000));
    expect(await make(['s1', 's2']).url('XB001', 190000)).toBe(`https://shop.example.vn${a}`);
  });

  it('serves the image the senders link to: the app and the senders share one QrMedia', async () => {
    const media = harness().qrMedia;
    const app = harness().app;
    const qr = await placedOrder();
    const response = await app.request(await media.path(qr.orderCode, 190000));
    expect(response.status).toBe(200);
    await expectQrImage(new Uint8Array(await response.arrayBuffer()), { amount: 190000, note: qr.orderCode });
  });
});
