import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/engine/index';
import { FakeSepay } from '../fakes/sepay-sender';
import { orderMangoesByBankTransfer, WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';
import { listen } from '../support/serve';

const API_KEY = 'sepay-test-key-0123456789abcdef';
const SHOP_ACCOUNT = '1012345678'; // flows/shop.yaml payment.bank_transfer.account_number
const ADMIN_PASSWORD = 'owner-password-123';

let server: { url: string; close: () => Promise<void> };
let sepay: FakeSepay;
let ownerChat: string[];

beforeEach(() => {
  ownerChat = [];
});

const harness = harnessPerTest(() => ({
  owner: { channel: 'telegram', chatId: '4242' },
  senders: {
    telegram: {
      send: async (_chat: string, message: Outbound) => {
        if (message.kind === 'text') ownerChat.push(message.text);
      },
    },
  },
  adminPassword: ADMIN_PASSWORD,
  env: { SEPAY_API_KEY: API_KEY },
}));

beforeEach(async () => {
  server = await listen(harness().app);
  sepay = new FakeSepay(server.url, API_KEY, SHOP_ACCOUNT);
});

afterEach(async () => {
  await server.close();
});

async function placeOrder(): Promise<{ visitor: WebVisitor; code: string; total: number }> {
  const visitor = new WebVisitor(harness().app);
  await orderMangoesByBankTransfer(visitor, 'không');
  const order = await harness().store.db.selectFrom('orders').select(['code', 'total']).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return { visitor, code: order.code, total: order.total };
}

/** What the bot wrote to the customer's own chat about money received. */
async function toldCustomer(visitor: WebVisitor): Promise<string[]> {
  const rows = await harness().store.db.selectFrom('outbox').select('payload').where('channel', '=', 'web').where('chat_id', '=', visitor.visitorId).orderBy('created_at').execute();
  return rows.map((row) => (JSON.parse(row.payload) as { text?: string }).text ?? '').filter((text) => text.includes('shop đã nhận'));
}

async function paymentStatus(code: string): Promise<string> {
  const order = await harness().store.db.selectFrom('orders').select('payment_status').where('code', '=', code).executeTakeFirstOrThrow();
  return order.payment_status;
}

async function transfers() {
  return harness().store.db.selectFrom('bank_transfers').selectAll().orderBy('received_at').execute();
}

async function deliveredToOwner(): Promise<string[]> {
  await harness().delivery.retryDue();
  return ownerChat.filter((text) => text.includes('Tiền về'));
}

async function logIn(): Promise<{ cookie: string; csrf: string }> {
  const response = await harness().app.request('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ password: ADMIN_PASSWORD, next: '/admin' }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await harness().app.request('/admin/payments', { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no form token on the payments page');
  return { cookie, csrf };
}

describe('bank transfers reported by SePay', () => {
  it('a transfer naming the order marks it paid and tells the customer once, though SePay sends it five times', async () => {
    const { visitor, code, total } = await placeOrder();
    const transfer = sepay.transaction(`${code} chuyen tien mua xoai`, total);

    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await sepay.send(transfer);
      expect(answer).toEqual({ status: 200, body: { success: true } });
    }

    expect(await paymentStatus(code)).toBe('paid');
    expect(await toldCustomer(visitor)).toHaveLength(1);
    expect((await toldCustomer(visitor))[0]).toContain(code);
    expect(await transfers()).toHaveLength(1);
    const owner = await deliveredToOwner();
    expect(owner).toHaveLength(1);
    expect(owner[0]).toContain(`đơn ${code}`);
    expect(owner[0]).toContain('đã đủ');
  });

  it('a wrong or missing API key is refused with 401 and nothing is stored', async () => {
    const { code, total } = await placeOrder();
    const transfer = sepay.transaction(code, total);

    expect((await sepay.send(transfer, 'not-the-shop-key-0123456789')).status).toBe(401);
    const bare = await fetch(`${server.url}/payments/sepay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(transfer) });
    expect(bare.status).toBe(401);
    const bearer = await fetch(`${server.url}/payments/sepay`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, body: JSON.stringify(transfer) });
    expect(bearer.status).toBe(401);

    expect(await transfers()).toHaveLength(0);
    expect(await paymentStatus(code)).not.toBe('paid');
  });

  it('a transfer short of the total marks the order partly paid, tells both what is missing, and a second transfer completes it', async () => {
    const { visitor, code, total } = await placeOrder();

    await sepay.send(sepay.transaction(code, 100_000));

    expect(await paymentStatus(code)).toBe('partly_paid');
    const missing = (total - 100_000).toLocaleString('vi-VN');
    expect((await toldCustomer(visitor))[0]).toContain('còn thiếu');
    expect((await toldCustomer(visitor))[0]).toContain(missing);
    expect((await deliveredToOwner())[0]).toContain(`còn thiếu ${missing}`);

    await sepay.send(sepay.transaction(`${code} chuyen not`, total - 100_000));

    expect(await paymentStatus(code)).toBe('paid');
    expect(await toldCustomer(visitor)).toHaveLength(2);
    expect((await transfers()).map((row) => row.outcome)).toEqual(['partly_paid', 'paid']);
  });

  it('two halves arriving at the same moment add up: the order ends paid, one half told as partial and the other as complete', async () => {
    const { visitor, code, total } = await placeOrder();
    const half = Math.floor(total / 2);
    // The second half is stored between the first one's read of the order and its write, as
    // when two SePay deliveries are handled at once (two Node requests, two Workers isolates).
    const batch = harness().store.batch;
    let second: Promise<{ status: number }> | undefined;
    harness().store.batch = async (queries) => {
      if (!second) {
        second = sepay.send(sepay.transaction(`${code} lan 2`, total - half));
        await second;
      }
      return batch(queries);
    };

    const first = await sepay.send(sepay.transaction(`${code} lan 1`, half));

    expect([first.status, (await second)?.status]).toEqual([200, 200]);
    expect(await paymentStatus(code)).toBe('paid');
    expect((await transfers()).map((row) => row.outcome).sort()).toEqual(['paid', 'partly_paid']);
    const told = await toldCustomer(visitor);
    expect(told).toHaveLength(2);
    expect(told.filter((text) => text.includes('còn thiếu'))).toHaveLength(1);
  });

  it('a transfer above the total marks the order paid and tells the owner how much to give back', async () => {
    const { visitor, code, total } = await placeOrder();

    await sepay.send(sepay.transaction(code, total + 50_000));

    expect(await paymentStatus(code)).toBe('paid');
    expect((await toldCustomer(visitor))[0]).toContain('dư 50.000');
    const owner = await deliveredToOwner();
    expect(owner[0]).toContain('dư 50.000');
    expect((await transfers())[0]?.outcome).toBe('overpaid');
  });

  it('a transfer that names no order of the shop is kept unmatched and the owner is told to match it by hand', async () => {
    const { code } = await placeOrder();

    const answer = await sepay.send(sepay.transaction('NGUYEN VAN AN chuyen tien', 200_000));

    expect(answer).toEqual({ status: 200, body: { success: true } });
    const [row] = await transfers();
    expect(row).toMatchObject({ outcome: 'unmatched', unmatched_reason: 'no_order', order_code: null, amount: 200_000 });
    expect(await paymentStatus(code)).not.toBe('paid');
    const owner = await deliveredToOwner();
    expect(owner).toHaveLength(1);
    expect(owner[0]).toContain('chưa khớp đơn nào');
  });

  it('the order code in lower case, split by spaces and dots, inside the bank\'s own prefixes still finds the order', async () => {
    const first = await placeOrder();
    const second = await placeOrder();
    const spaced = (code: string) => `${code.slice(0, 2).toLowerCase()} ${code.slice(2, 3)}.${code.slice(3)}`;

    await sepay.send(sepay.transaction(`MBVCB.3278907687.${spaced(first.code)}.CT tu 0123456789 TRAN THI BICH`, first.total));
    await sepay.send(sepay.transaction(`IBFT Thanh toán đơn ${second.code.toLowerCase()}`, second.total));

    expect(await paymentStatus(first.code)).toBe('paid');
    expect(await paymentStatus(second.code)).toBe('paid');
    expect((await transfers()).map((row) => row.order_code)).toEqual([first.code, second.code]);
  });

  it('money into another account, or going out, never pays an order and is not announced', async () => {
    const { code, total } = await placeOrder();

    await sepay.send(sepay.transaction(code, total, { accountNumber: '9999999999' }));
    await sepay.send(sepay.transaction(code, total, { transferType: 'out' }));

    expect(await paymentStatus(code)).not.toBe('paid');
    expect((await transfers()).map((row) => row.unmatched_reason)).toEqual(['other_account', 'outgoing']);
    expect(await deliveredToOwner()).toHaveLength(0);
  });

  it('a transfer sent before its order exists stays unmatched, then the owner matches it from "Tiền về" and the customer is told', async () => {
    const early = sepay.transaction('TRAN THI BICH CK MUA XOAI', 1_000_000);
    await sepay.send(early);
    expect((await transfers())[0]).toMatchObject({ outcome: 'unmatched', order_code: null });

    const { visitor, code, total } = await placeOrder();
    const { cookie, csrf } = await logIn();
    const page = await (await harness().app.request('/admin/payments', { headers: { cookie } })).text();
    expect(page).toContain('href="/admin/payments"');
    expect(page).toContain('Chưa khớp đơn (1)');
    expect(page).toContain('TRAN THI BICH CK MUA XOAI');

    const match = await harness().app.request(`/admin/payments/${encodeURIComponent(`sepay:${early.id}`)}/match`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ _csrf: csrf, order_code: code.toLowerCase() }),
    });
    expect(match.status).toBe(303);

    expect(await paymentStatus(code)).toBe(1_000_000 >= total ? 'paid' : 'partly_paid');
    expect(await toldCustomer(visitor)).toHaveLength(1);
    expect((await transfers())[0]).toMatchObject({ order_code: code, matched_by: 'owner' });
    const after = await (await harness().app.request(match.headers.get('location') ?? '/admin/payments', { headers: { cookie } })).text();
    expect(after).toContain('Chưa khớp đơn (0)');
    expect(after).toContain(`Đã ghép vào đơn ${code}`);

    const again = await harness().app.request(`/admin/payments/${encodeURIComponent(`sepay:${early.id}`)}/match`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ _csrf: csrf, order_code: code }),
    });
    expect(again.headers.get('location')).toContain('already_matched');
    expect(await toldCustomer(visitor)).toHaveLength(1);
  });

  it("the bank's Vietnam time is stored as such, and a date spelled otherwise or missing never loses the transfer", async () => {
    const { code, total } = await placeOrder();

    await sepay.send(sepay.transaction('khong co ma', 10_000));
    await sepay.send(sepay.transaction('khong co ma', 20_000, { transactionDate: '2026-05-12T10:20:00+07:00' }));
    const { transactionDate: _, ...undated } = sepay.transaction(code, total);
    expect((await sepay.send(undated)).status).toBe(200);

    const stored = await transfers();
    expect(stored.map((row) => row.transferred_at)).toEqual(['2026-05-12T03:15:00.000Z', '2026-05-12T03:20:00.000Z', harness().clock.now().toISOString()]);
    expect(await paymentStatus(code)).toBe('paid');
  });

  it('a manual match without the form token is refused', async () => {
    await sepay.send(sepay.transaction('khong co ma', 50_000));
    const [row] = await transfers();
    const { cookie } = await logIn();

    const response = await harness().app.request(`/admin/payments/${encodeURIComponent(row!.id)}/match`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ order_code: 'XB001' }),
    });

    expect(response.status).toBe(403);
    expect((await transfers())[0]?.order_code).toBeNull();
  });
});
