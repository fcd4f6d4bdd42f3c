import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { eventually, SHOP, telegramSentTo, zaloSentTo } from './support';

const SHOP_ACCOUNT = '1012345678'; // flows/shop.yaml payment.bank_transfer.account_number

/** A Zalo customer with an unpaid bank-transfer order, as a finished order turn leaves them. */
async function unpaidOrder(code: string, chatId: string, total: number): Promise<void> {
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO customers (id, channel, chat_id, display_name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)').bind(`zalo:${chatId}`, 'zalo', chatId, 'Chị Lan', now, now),
    env.DB.prepare(
      `INSERT INTO orders (id, code, customer_id, channel, items, subtotal, discount, shipping_fee, total, contact_name, phone, address, payment_method, payment_status, shipping_status, created_at, updated_at)
       VALUES (?, ?, ?, 'zalo', '[]', ?, 0, 0, ?, 'Lê Lan', '0903123456', '7 Trần Phú, Đà Nẵng', 'bank_transfer', 'unpaid', 'new', ?, ?)`,
    ).bind(`order-${code}`, code, `zalo:${chatId}`, total, total, now, now),
  ]);
}

function sepay(body: Record<string, unknown>, key = env.SEPAY_API_KEY): Promise<Response> {
  return SELF.fetch(`${SHOP}/payments/sepay`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Apikey ${key}` }, body: JSON.stringify(body) });
}

const transfer = (id: number, content: string, amount: number) => ({
  id,
  gateway: 'Vietcombank',
  transactionDate: '2026-05-12 10:15:00',
  accountNumber: SHOP_ACCOUNT,
  code: null,
  content,
  transferType: 'in',
  transferAmount: amount,
  accumulated: 19_077_000,
  subAccount: null,
  referenceCode: `MBVCB.${id}`,
});

describe('bank transfers by SePay on Workers with D1', () => {
  it('a matching transfer marks the order paid and tells the Zalo customer once, though SePay sends it three times', async () => {
    await unpaidOrder('KP321', 'zalo-pay-1', 350_000);
    const body = transfer(5_001, 'MBVCB.3278907687.kp 321.CT tu 0903123456', 350_000);

    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await sepay(body);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true });
    }

    expect(await env.DB.prepare('SELECT payment_status FROM orders WHERE code = ?').bind('KP321').first('payment_status')).toBe('paid');
    const told = await eventually(async () => {
      const sent = await zaloSentTo('zalo-pay-1');
      return sent.length > 0 ? sent : undefined;
    }, 'the customer told on Zalo');
    expect(String(told[0]?.['text'])).toContain('KP321');
    await eventually(async () => (await telegramSentTo(env.OWNER_TELEGRAM_CHAT_ID)).some((sent) => String(sent['text']).includes('KP321')), 'the owner told');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await zaloSentTo('zalo-pay-1')).toHaveLength(1);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM bank_transfers WHERE external_id = '5001'").first('n')).toBe(1);
  });

  it('a wrong key is refused and nothing is stored', async () => {
    const response = await sepay(transfer(5_002, 'KP321', 1_000), 'wrong-key-0123456789abcdef');
    expect(response.status).toBe(401);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM bank_transfers WHERE external_id = '5002'").first('n')).toBe(0);
  });
});
