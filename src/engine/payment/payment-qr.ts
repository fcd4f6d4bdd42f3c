import type { ShopFlows } from '../../flows/schema';
import { formatVnd } from '../parse/money';
import { renderTemplate } from '../template';
import type { ConversationState, Outbound, TurnContext } from '../types';
import { variablesFor } from '../view';
import { vietQrPayload } from './vietqr';

/** Used when shop.yaml has no `texts.payment_qr_caption`. */
export const DEFAULT_PAYMENT_QR_CAPTION =
  'Dạ anh/chị quét mã QR này bằng app ngân hàng để chuyển {{order.total}} cho đơn {{order.code}} ạ (số tiền và nội dung đã điền sẵn).';

/**
 * The VietQR code for the order this conversation just placed: null when no order is known
 * yet or shop.yaml has no usable bank account (the flow's own text still gives the details).
 */
export function paymentQrFor(flows: ShopFlows, state: ConversationState, context: TurnContext): Extract<Outbound, { kind: 'payment_qr' }> | null {
  const bank = flows.shop.payment.bank_transfer;
  const order = state.lastOrder;
  if (!bank || !order || order.total <= 0) return null;
  try {
    vietQrPayload({ bankBin: bank.bank_bin, accountNumber: bank.account_number, amount: order.total, note: order.code });
  } catch {
    return null;
  }
  const caption = renderTemplate(flows.shop.texts.payment_qr_caption ?? DEFAULT_PAYMENT_QR_CAPTION, variablesFor(flows, state, context));
  return { kind: 'payment_qr', orderCode: order.code, amount: order.total, caption };
}

/** The payload a channel draws for a payment_qr reply; null when the shop has no bank account. */
export function paymentQrPayload(flows: ShopFlows, orderCode: string, amount: number): string | null {
  const bank = flows.shop.payment.bank_transfer;
  if (!bank) return null;
  try {
    return vietQrPayload({ bankBin: bank.bank_bin, accountNumber: bank.account_number, amount, note: orderCode });
  } catch {
    return null;
  }
}

/** The bank details as one text, for a channel that cannot show the image. */
export function bankDetailsText(flows: ShopFlows, orderCode: string, amount: number): string {
  const bank = flows.shop.payment.bank_transfer;
  if (!bank) return '';
  return `🏦 ${bank.bank_name} · STK ${bank.account_number} · ${bank.account_name}\nSố tiền: ${formatVnd(amount)} · Nội dung: ${orderCode}`;
}
