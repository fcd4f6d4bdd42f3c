import { describe, expect, it } from 'vitest';
import { findOrderCode } from '../../src/conversation/payments/order-code-in-note';

const CODES = ['XB128', 'XB12', 'KM045', 'TR900'];

describe('finding the order code in a transfer note', () => {
  it.each([
    ['XB128', 'XB128'],
    ['xb128 chuyen tien', 'XB128'],
    ['XB 128', 'XB128'],
    ['X.B.1.2.8', 'XB128'],
    ['MBVCB.3278907687.XB128.CT tu 0123456789 NGUYEN VAN A', 'XB128'],
    ['IBFT Thanh toán đơn km045', 'KM045'],
    ['TRAN THI BICH CHUYEN KHOAN DON TR900 350000', 'TR900'],
    ['NGUYENVANAXB128', 'XB128'],
    ['Đơn hàng xb-12 ạ', 'XB12'],
  ])('"%s" names %s', (note, code) => {
    expect(findOrderCode(note, CODES)).toEqual({ kind: 'found', code });
  });

  it('a note with no code of the shop names no order', () => {
    expect(findOrderCode('chuyen tien an trua', CODES)).toEqual({ kind: 'none' });
    expect(findOrderCode('', CODES)).toEqual({ kind: 'none' });
  });

  it('two different orders in one note are left for the owner', () => {
    expect(findOrderCode('XB128 va KM045', CODES)).toEqual({ kind: 'ambiguous', codes: ['KM045', 'XB128'] });
  });

  it('the code SePay recognized itself wins over the note', () => {
    expect(findOrderCode('XB128 va KM045', CODES, 'km045')).toEqual({ kind: 'found', code: 'KM045' });
  });

  it('a code standing alone wins over one run together with other letters', () => {
    expect(findOrderCode('ABXB128 TR900', CODES)).toEqual({ kind: 'found', code: 'TR900' });
  });
});
