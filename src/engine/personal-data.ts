import type { ShopFlows } from '../flows/schema';
import { formatVnd } from './format';
import { renderTemplate } from './template';
import type { Inbound } from './types';

/** What the shop holds about one customer, as the turn read it. */
export interface HeldData {
  name: string | null;
  phone: string | null;
  address: string | null;
  /** Newest first. */
  orders: readonly { code: string; total: number }[];
  /** Conversations with the shop, the one this message is in included. */
  conversations: number;
}

/**
 * "dữ liệu của tôi": what the shop holds, in the shop's words (after_sale.texts.personal_data).
 * On the web chat a browser's id is all that stands for the customer, so a copied id alone must
 * not read the data: there the message must carry the last 4 digits of the phone on file.
 */
export function personalDataText(flows: ShopFlows, held: HeldData, asked: { channel: string; message: Inbound | undefined }): string {
  const texts = flows.shop.after_sale.texts;
  const none = texts.personal_data_none;
  const confirmed = asked.channel !== 'web' || !held.phone || confirmsPhone(asked.message, held.phone);
  if (!confirmed) return texts.personal_data_confirm;
  const values: Record<string, string> = {
    name: held.name ?? none,
    phone: held.phone ?? none,
    address: held.address ?? none,
    orders: held.orders.length > 0 ? [...held.orders].reverse().map((order) => `${order.code} (${formatVnd(order.total)})`).join(', ') : none,
    conversations: String(held.conversations),
  };
  return renderTemplate(texts.personal_data, (root) => values[root] ?? '');
}

/** A message carrying the last four digits of the phone on file (alone, or as the end of the whole number). */
function confirmsPhone(message: Inbound | undefined, phone: string): boolean {
  const last4 = phone.replace(/\D/g, '').slice(-4);
  if (message?.kind !== 'text' || last4.length < 4) return false;
  return (message.text.match(/\d[\d .-]*\d/g) ?? []).some((digits) => digits.replace(/\D/g, '').endsWith(last4));
}
