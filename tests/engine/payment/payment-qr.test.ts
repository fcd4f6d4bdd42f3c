import { describe, expect, it } from 'vitest';
import { bankDetailsText, DEFAULT_PAYMENT_QR_CAPTION, paymentQrFor, paymentQrPayload } from '../../../src/engine/payment/payment-qr';
import { readVietQr } from '../../../src/engine/payment/vietqr';
import { initialState, type TurnContext } from '../../../src/engine/types';
import { sampleFlows } from '../../support/sample-flows';

const context: TurnContext = { now: new Date('2026-05-12T03:00:00Z'), orderCode: 'XB999', customer: { name: null, orders: [] } };

describe('send_payment_qr', () => {
  it('makes a payment_qr reply for the order just placed, with the caption from shop.yaml', async () => {
    const flows = await sampleFlows();
    const state = { ...initialState(), lastOrder: { code: 'XB128', total: 255000 } };
    expect(paymentQrFor(flows, state, context)).toEqual({
      kind: 'payment_qr',
      orderCode: 'XB128',
      amount: 255000,
      caption: '🏦 Quét mã bằng app ngân hàng để chuyển 255.000đ cho đơn XB128 (số tiền và nội dung đã điền sẵn) ạ.',
    });
    expect(readVietQr(paymentQrPayload(flows, 'XB128', 255000)!)).toEqual({ bankBin: '970436', accountNumber: '1012345678', service: 'QRIBFTTA', amount: 255000, note: 'XB128' });
    expect(bankDetailsText(flows, 'XB128', 255000)).toBe('🏦 Vietcombank · STK 1012345678 · NGUYEN THI TU\nSố tiền: 255.000đ · Nội dung: XB128');
  });

  it('says nothing without an order, without a bank account, or with a bad one', async () => {
    const flows = await sampleFlows();
    expect(paymentQrFor(flows, initialState(), context)).toBeNull();
    const state = { ...initialState(), lastOrder: { code: 'XB128', total: 255000 } };
    const noBank = structuredClone(flows.shop);
    delete (noBank.payment as { bank_transfer?: unknown }).bank_transfer;
    expect(paymentQrFor({ ...flows, shop: noBank }, state, context)).toBeNull();
    expect(paymentQrPayload({ ...flows, shop: noBank }, 'XB128', 255000)).toBeNull();
    const badBin = structuredClone(flows.shop);
    badBin.payment.bank_transfer!.bank_bin = '9704';
    expect(paymentQrFor({ ...flows, shop: badBin }, state, context)).toBeNull();
  });

  it('uses a default caption when shop.yaml has none', async () => {
    const flows = await sampleFlows();
    const shop = structuredClone(flows.shop);
    delete shop.texts.payment_qr_caption;
    const state = { ...initialState(), lastOrder: { code: 'XB128', total: 90000 } };
    expect(DEFAULT_PAYMENT_QR_CAPTION).toContain('{{order.total}}');
    expect(paymentQrFor({ ...flows, shop }, state, context)?.caption).toContain('chuyển 90.000đ cho đơn XB128');
  });
});
