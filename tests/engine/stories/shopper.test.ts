import { describe, expect, it } from 'vitest';
import { ShopperRecord } from '../../../src/engine/stories/shopper';
import type { NewOrder } from '../../../src/engine/types';

const NOW = new Date('2026-05-12T03:00:00Z');

function order(code: string, total: number, promoCode: string | null = null): NewOrder {
  return {
    code,
    quote: {
      lines: [{ productId: 'buoi_da_xanh', name: 'Bưởi da xanh', quantity: 2, unit: 'kg', unitPrice: 60000, amount: 120000 }],
      subtotal: 120000,
      shippingFee: 20000,
      baseShippingFee: 20000,
      zoneId: 'mien_tay',
      deliveryDays: '1–2 ngày',
      discounts: [],
      discountTotal: 0,
      freeShippingReason: null,
      total,
    },
    contactName: 'Lê Thị Hoa',
    phone: '0903123456',
    address: '12 Trần Hưng Đạo, Ninh Kiều, Cần Thơ',
    province: 'Cần Thơ',
    paymentMethod: 'bank',
    note: null,
    promoCode,
  };
}

describe('the customer as a story\'s shop knows them between turns', () => {
  const returning = () =>
    new ShopperRecord({
      name: 'Trần Thị Bích',
      phone: '0987654321',
      address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ',
      orders: [{ code: 'XB7', status: 'delivered', total: 300000, date: '2026-04-20', promo: 'KHACHMOI', items: [{ product: 'xoai_cat_hoa_loc', quantity: 2 }] }],
    });

  it('a returning customer comes with the earlier order, what it held, its promotion and the province of the stored address', () => {
    expect(returning().context()).toEqual({
      name: 'Trần Thị Bích',
      phone: '0987654321',
      address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ',
      orders: [{ code: 'XB7', status: 'delivered', total: 300000, createdAt: '2026-04-20T00:00:00.000Z', promoCode: 'KHACHMOI', items: [{ productId: 'xoai_cat_hoa_loc', quantity: 2 }] }],
      lastOrder: { code: 'XB7', contactName: 'Trần Thị Bích', province: 'Cần Thơ', items: [{ productId: 'xoai_cat_hoa_loc', quantity: 2 }] },
      remindedCart: null,
    });
  });

  it('an order placed in the story becomes the newest order and the last order, and the next code is XB002', () => {
    const shopper = returning();
    expect(shopper.nextOrderCode()).toBe('XB001');
    shopper.record([{ type: 'create_order', order: order('XB001', 140000, 'XOAI10') }], NOW);
    const context = shopper.context();
    expect(shopper.nextOrderCode()).toBe('XB002');
    expect(context.orders.map((known) => [known.code, known.status, known.promoCode])).toEqual([['XB001', 'new', 'XOAI10'], ['XB7', 'delivered', 'KHACHMOI']]);
    expect(context.lastOrder).toEqual({ code: 'XB001', contactName: 'Lê Thị Hoa', province: 'Cần Thơ', items: [{ productId: 'buoi_da_xanh', quantity: 2 }] });
  });

  it('a claimed transfer makes the order await confirmation; a profile effect changes the stored contact', () => {
    const shopper = returning();
    shopper.record([{ type: 'create_order', order: order('XB001', 140000) }], NOW);
    shopper.record([{ type: 'payment_claimed', orderCode: 'xb001' }, { type: 'customer_profile', name: 'Lê Thị Hoa', address: '12 Trần Hưng Đạo, Ninh Kiều, Cần Thơ' }], NOW);
    const context = shopper.context();
    expect(context.orders[0]!.status).toBe('awaiting_confirmation');
    expect(context).toMatchObject({ name: 'Lê Thị Hoa', phone: '0987654321', address: '12 Trần Hưng Đạo, Ninh Kiều, Cần Thơ' });
  });

  it('erased personal data leaves no contact and no order to reorder', () => {
    const shopper = returning();
    shopper.record([{ type: 'personal_data', request: 'delete' }], NOW);
    expect(shopper.context()).toMatchObject({ name: null, phone: null, address: null, lastOrder: null });
    expect(shopper.context().orders).toHaveLength(1);
  });

  it('only the five newest orders are told to the engine, newest first', () => {
    const shopper = new ShopperRecord(null);
    for (let i = 1; i <= 6; i++) shopper.record([{ type: 'create_order', order: order(shopper.nextOrderCode(), i * 1000) }], NOW);
    expect(shopper.context().orders.map((known) => known.code)).toEqual(['XB006', 'XB005', 'XB004', 'XB003', 'XB002']);
  });
});
