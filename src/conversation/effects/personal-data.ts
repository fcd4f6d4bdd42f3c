import { formatVnd, initialState, type Inbound } from '../../engine/index';
import { erasePersonalDataQueries } from '../../store/index';
import type { EffectEntry } from './effect';
import { render } from './render';

/**
 * "dữ liệu của tôi": what the shop holds, said after the flow's own words, from what the turn
 * read; "xoá dữ liệu": erased in the turn's batch (pending messages kept until they are sent).
 */
export const personalData: EffectEntry<'personal_data'> = (effect, context) => {
  if (effect.request === 'delete') {
    return { queries: erasePersonalDataQueries(context.db, context.customerId, { keepPending: true, erasedState: JSON.stringify(initialState()) }), erasesPersonalData: true };
  }
  const texts = context.flows.shop.after_sale.texts;
  const none = texts.personal_data_none;
  const { customer, orders, conversationCount } = context.snapshot;
  const values = {
    name: customer?.name ?? customer?.display_name ?? none,
    phone: customer?.phone ?? none,
    address: customer?.address ?? none,
    orders: orders.length > 0 ? [...orders].reverse().map((order) => `${order.code} (${formatVnd(order.total)})`).join(', ') : none,
    // The conversation this turn opens is counted too.
    conversations: String(conversationCount + (context.snapshot.conversation ? 0 : 1)),
  };
  // On the web chat a browser's id is all that stands for the customer: a copied id alone must not read the data.
  const confirmed = context.notice.channel !== 'web' || !customer?.phone || confirmsPhone(context.message, customer.phone);
  return { replies: [{ kind: 'text', text: confirmed ? render(texts.personal_data, values) : texts.personal_data_confirm }] };
};

/** A message carrying the last four digits of the phone on file (alone, or as the end of the whole number). */
function confirmsPhone(message: Inbound | undefined, phone: string): boolean {
  const last4 = phone.replace(/\D/g, '').slice(-4);
  if (message?.kind !== 'text' || last4.length < 4) return false;
  return (message.text.match(/\d[\d .-]*\d/g) ?? []).some((digits) => digits.replace(/\D/g, '').endsWith(last4));
}
