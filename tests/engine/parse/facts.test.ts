import { beforeAll, describe, expect, it } from 'vitest';
import { createFactReader } from '../../../src/engine/facts';
import { readFacts } from '../../../src/engine/parse/index';
import type { ShopFile } from '../../../src/flows/schema';
import { sampleFlows } from '../../support/sample-flows';

let shop: ShopFile;

beforeAll(async () => {
  shop = (await sampleFlows()).shop;
});

describe('readFacts reads every fact of one message at once', () => {
  it('a whole order in one line: products, contact and payment', () => {
    const facts = readFacts('cho 2kg xoai voi 1kg buoi, Lan 0987654321 12 le loi q1 hcm, ship cod nha', shop);
    expect(facts.order.lines.map((line) => [line.productId, line.quantity])).toEqual([['xoai_cat_hoa_loc', 2], ['buoi_da_xanh', 1]]);
    expect(facts.contact).toMatchObject({ name: 'Lan', phone: '0987654321', address: '12 le loi q1 hcm', province: 'TP Hồ Chí Minh' });
    expect(facts.payment).toBe('cod');
    expect(facts.orderCode).toBeNull();
    expect(facts.problem).toBeNull();
  });

  it('a complaint: the order code and the problem, and the shop promotion code is not an order', () => {
    const facts = readFacts('don FP948 xoai bi dap het roi, co dung dc ma XOAI10 ko', shop);
    expect(facts.orderCode).toBe('FP948');
    expect(facts.problem).toBe('damaged');
    expect(facts.order.lines.map((line) => line.productId)).toEqual(['xoai_cat_hoa_loc']);
  });

  it('a product named beside a phone number is not taken as the name, nor a count of it as an address', () => {
    expect(readFacts('xoai cat 0912345678', shop).contact.name).toBeNull();
    expect(readFacts('2 xoai', shop).contact).toMatchObject({ address: null, province: null });
  });

  it('a message about something else gives no facts', () => {
    const facts = readFacts('shop mo cua may gio', shop);
    expect(facts).toMatchObject({ payment: null, orderCode: null, problem: null, rating: null });
    expect(facts.order).toEqual({ lines: [], removed: [], reduced: [], looseQuantity: null, correction: false });
    expect(facts.contact).toEqual({ name: null, phone: null, phoneProblem: null, address: null, province: null });
  });

  it('the shop\'s own satisfaction labels are read as their stars', () => {
    expect(readFacts(shop.texts.satisfaction_labels[2]!, shop).rating).toBe(3);
    expect(readFacts('te qua', shop).rating).toBe(1);
  });
});

describe('the facts the engine reads, a promotion code taken out first', () => {
  it('"mã KHACHMOI, tên Hồ Văn Tài 0868…": the code and the word announcing it leave no "mã" to be read as the name', () => {
    const facts = createFactReader(shop)('dat 2kg sau rieng voi 2kg xoai, ma KHACHMOI, ten Ho Van Tai 0868 111 222, 50 tran phu, phuong 7, bac lieu, ck nha');
    expect(facts.promoCode).toBe('KHACHMOI');
    expect(facts.name).toBe('Ho Van Tai');
    expect(facts.phone).toBe('0868111222');
  });

  it('"mã giảm giá xoai10, Lê Hồng Phúc 09…": the name stays apart from the code', () => {
    const facts = createFactReader(shop)('ma giam gia xoai10, Lê Hồng Phúc 0912345678');
    expect(facts.promoCode).toBe('XOAI10');
    expect(facts.name).toBe('Lê Hồng Phúc');
  });
});

describe('a wrong item said without a word of mistake', () => {
  it('one product ordered, "mà" another came: wrong item', () => {
    expect(readFacts('e dat khoai lang say ma shop giao toan mit say la sao z', shop).problem).toBe('wrong_item');
    expect(readFacts('minh mua xoai ma nhan duoc buoi', shop).problem).toBe('wrong_item');
  });

  it('two products in one order, or a delivery asked for, are no complaint', () => {
    expect(readFacts('dat xoai voi buoi nhe', shop).problem).toBeNull();
    expect(readFacts('lay 2 ky xoai, giao buoi nua', shop).problem).toBeNull();
  });
});
