import { describe, expect, it } from 'vitest';
import { readPaymentMethod, type PaymentMethod } from '../../../src/engine/parse/payment-method';

describe('readPaymentMethod finds the method named anywhere in a message', () => {
  it.each<[string, PaymentMethod | null]>([
    ['ship cod nha', 'cod'],
    ['COD', 'cod'],
    ['tien mat', 'cod'],
    ['mình trả tiền mặt nhé', 'cod'],
    ['thanh toán khi nhận hàng', 'cod'],
    ['ck nhé', 'bank_transfer'],
    ['chuyen khoan', 'bank_transfer'],
    ['Chuyển khoản', 'bank_transfer'],
    ['gửi mình stk', 'bank_transfer'],
    ['ko ck dc, cod nha', 'cod'],
    ['khong chuyen khoan, tra tien mat', 'cod'],
    ['ck hay cod cung dc', null],
    ['chao shop', null],
  ])('"%s" → %s', (text, method) => {
    expect(readPaymentMethod(text)).toBe(method);
  });
});
