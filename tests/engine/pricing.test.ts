import { beforeAll, describe, expect, it } from 'vitest';
import { formatVnd } from '../../src/engine/format';
import { localDate } from '../../src/engine/local-date';
import { promotionProblem, quoteOrder } from '../../src/engine/pricing';
import type { CartItem } from '../../src/engine/types';
import type { ShopFlows } from '../../src/flows/index';
import { sampleFlows } from '../support/sample-flows';

let flows: ShopFlows;
beforeAll(async () => {
  flows = await sampleFlows();
});

const MAY = new Date('2026-05-12T03:00:00Z');
const NOVEMBER = new Date('2026-11-23T03:00:00Z');
const mango = (kg: number): CartItem => ({ productId: 'xoai_cat_hoa_loc', quantity: kg });
const rice = (kg: number): CartItem => ({ productId: 'gao_st25', quantity: kg });
const honey = (bottles: number): CartItem => ({ productId: 'mat_ong_hoa_ca_phe', quantity: bottles });

describe('order pricing from the sample catalog', () => {
  it.each([
    // name, cart, province, code, now, subtotal, discount, shipping, total
    ['2 kg mangoes to Hà Nội', [mango(2)], 'Hà Nội', null, MAY, 170000, 0, 45000, 215000],
    ['mangoes over the XOAI10 minimum get 10% off the mangoes', [mango(4)], 'Hà Nội', 'XOAI10', MAY, 340000, 34000, 45000, 351000],
    ['XOAI10 is capped at 100.000đ', [mango(15)], 'Hà Nội', 'XOAI10', MAY, 1275000, 100000, 0, 1175000],
    ['XOAI10 discounts only the mangoes in a mixed order', [mango(2), rice(10)], 'Hà Nội', 'XOAI10', MAY, 550000, 17000, 45000, 578000],
    ['XOAI10 does not apply under its minimum order', [mango(2)], 'Hà Nội', 'XOAI10', MAY, 170000, 0, 45000, 215000],
    ['XOAI10 has expired in November', [mango(4)], 'Hà Nội', 'XOAI10', NOVEMBER, 340000, 0, 45000, 385000],
    ['KHACHMOI takes 30.000đ off from 200.000đ', [honey(2)], 'Đà Nẵng', 'KHACHMOI', MAY, 300000, 30000, 40000, 310000],
    ['the best money-off promotion wins; they do not stack', [mango(4)], 'Hà Nội', 'KHACHMOI', MAY, 340000, 30000, 45000, 355000],
    ['the Mekong zone ships free from 300.000đ', [honey(2)], 'Cần Thơ', null, MAY, 300000, 0, 0, 300000],
    ['under the Mekong threshold pays the 20.000đ fee', [honey(1), { productId: 'khoai_lang_say', quantity: 1 }], 'Vĩnh Long', null, MAY, 215000, 0, 20000, 235000],
    ['the overall 700.000đ threshold frees shipping to the North', [honey(5)], 'Hà Nội', null, MAY, 750000, 0, 0, 750000],
    ['automatic FREESHIP from 500.000đ in its months', [honey(4)], 'Hà Nội', null, NOVEMBER, 600000, 0, 0, 600000],
    ['FREESHIP is not automatic outside its dates', [honey(4)], 'Hà Nội', null, MAY, 600000, 0, 45000, 645000],
    ['an unknown province leaves the fee to the shop', [honey(1)], null, null, MAY, 150000, 0, 0, 150000],
    ['half a kilo of coffee', [{ productId: 'ca_phe_robusta', quantity: 0.5 }], 'Đắk Lắk', null, MAY, 130000, 0, 35000, 165000],
  ] as const)('%s', (_, cart, province, code, now, subtotal, discount, shipping, total) => {
    const quote = quoteOrder(flows.shop, { cart: [...cart], province, promoCode: code, now });
    expect({ subtotal: quote.subtotal, discount: quote.discountTotal, shipping: quote.shippingFee, total: quote.total }).toEqual({ subtotal, discount, shipping, total });
  });

  it('names the zone and delivery time, and why shipping was free', () => {
    const quote = quoteOrder(flows.shop, { cart: [honey(4)], province: 'Hà Nội', promoCode: null, now: NOVEMBER });
    expect(quote).toMatchObject({ zoneId: 'mien_bac', deliveryDays: '3–5 ngày', baseShippingFee: 45000, freeShippingReason: 'FREESHIP' });
  });

  it('tells an unknown or expired code from one the order does not qualify for', () => {
    expect(promotionProblem(flows.shop, 'NOPE', [mango(4)], MAY)).toBe('unknown');
    expect(promotionProblem(flows.shop, 'TET2027', [mango(4)], MAY)).toBe('unknown');
    expect(promotionProblem(flows.shop, 'XOAI10', [rice(10)], MAY)).toBe('not_applicable');
    expect(promotionProblem(flows.shop, 'XOAI10', [mango(4)], MAY)).toBeNull();
  });

  it('promotion dates follow the shop clock: 31 July 23:30 in Vietnam is still July', () => {
    expect(localDate(new Date('2026-07-31T16:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-07-31');
    expect(localDate(new Date('2026-07-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-08-01');
  });

  it.each([
    [85000, '85.000đ'],
    [1200000, '1.200.000đ'],
    [0, '0đ'],
  ])('%i is written %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });
});
