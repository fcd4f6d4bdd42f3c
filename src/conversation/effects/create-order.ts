import { formatVnd } from '../../engine/index';
import { label, PAYMENT_METHOD_LABELS } from '../../labels';
import { orderScheduleQueries } from '../after-sale';
import type { EffectEntry } from './effect';
import { ownerText } from '../owner-notices';

/** The order row, the owner's notice with the items and contact, and the after-sale schedule (check-in, repurchase). */
export const createOrder: EffectEntry<'create_order'> = (effect, context) => {
  const { order } = effect;
  const { quote } = order;
  const items = quote.lines.map((line) => `• ${line.name} × ${line.quantity} ${line.unit} = ${formatVnd(line.amount)}`).join('\n');
  return {
    orders: [
      {
        id: context.newId(),
        code: order.code,
        items: quote.lines,
        subtotal: quote.subtotal,
        discount: quote.discountTotal,
        shippingFee: quote.shippingFee,
        total: quote.total,
        promoCode: order.promoCode,
        contactName: order.contactName,
        phone: order.phone,
        address: order.address,
        province: order.province,
        note: order.note,
        paymentMethod: order.paymentMethod,
      },
    ],
    notices: [
      {
        kind: 'text',
        notice: `new order ${order.code} (${formatVnd(quote.total)}) from ${context.notice.channel}`,
        text: ownerText(context.flows.shop.owner_texts.new_order, {
          ...context.notice,
          code: order.code,
          total: formatVnd(quote.total),
          items,
          name: order.contactName,
          phone: order.phone,
          address: order.address,
          payment: label(PAYMENT_METHOD_LABELS, order.paymentMethod),
          note: order.note ?? '',
        }),
      },
    ],
    queries: orderScheduleQueries(context.db, context.flows, order, context.customerId, context.now),
  };
};
