import { describe, expect, it } from 'vitest';
import { WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';

const harness = harnessPerTest();

async function placedOrder(customerId: string, code: string, productId: string, name: string, shippingStatus: string, createdAt: string, promoCode: string | null = null): Promise<void> {
  await harness()
    .store.db.insertInto('orders')
    .values({
      id: `order-${code}`,
      code,
      customer_id: customerId,
      conversation_id: null,
      channel: 'web',
      items: JSON.stringify([{ productId, name, quantity: 2, unit: 'kg', unitPrice: 80000, amount: 160000 }]),
      subtotal: 160000,
      discount: 0,
      shipping_fee: 20000,
      total: 180000,
      promo_code: promoCode,
      contact_name: 'Trần Thị Bích',
      phone: '0987654321',
      address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ',
      province: 'Cần Thơ',
      note: null,
      payment_method: 'cod',
      payment_status: 'unpaid',
      shipping_status: shippingStatus,
      tracking_code: null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
}

describe('what the shop knows of a customer\'s orders, read from the database', () => {
  it('a complaint naming mangoes is about the order that held mangoes, not the pomelo order still on its way', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('shop oi');
    const customerId = `web:${visitor.visitorId}`;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await placedOrder(customerId, 'XB301', 'xoai_cat_hoa_loc', 'Xoài cát Hòa Lộc', 'delivered', new Date(Date.now() - 2 * 86_400_000).toISOString());
    await placedOrder(customerId, 'XB302', 'buoi_da_xanh', 'Bưởi da xanh', 'shipped', yesterday);

    await visitor.say('xoai nhan hom qua bi dap het roi shop');
    // Not filed against the one order on its way: that order holds no mangoes.
    expect(visitor.text()).toMatch(/mã đơn/);
    const offered = visitor.last.flatMap((reply) => reply.message.buttons ?? []).map((button) => button.label);
    expect(offered.slice(0, 2)).toEqual(['XB301', 'XB302']);
  });
});
