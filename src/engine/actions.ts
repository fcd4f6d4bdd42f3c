import type { ActionName } from '../flows/schema';
import { paymentQrFor } from './payment/payment-qr';
import { isInSeason, promotionProblem, quoteOrder } from './pricing';
import { renderTemplate } from './template';
import { deliveryWhen } from './delivery-when';
import { promotionCodeOf, variablesFor } from './view';
import { nextOpening } from './hours';
import { addToCart, cancelOrder, cartRefusal, customerProblem } from './orders';
import { withoutToneMarks } from '../text/fold';
import type { ActionInput, ActionOutcome } from './action-io';
import type { Effect, EngineEvent } from './types';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The named actions a step may run. Pure: what touches the outside world (saving an
 * order, alerting the owner) comes back as an effect for the conversation layer.
 */
export function runAction(action: ActionName, input: ActionInput): ActionOutcome {
  const { flows, state, context } = input;
  const { shop } = flows;
  const slots = state.slots;
  const quote = () =>
    quoteOrder(shop, { cart: state.cart, province: text(slots.province), promoCode: promotionCodeOf(slots), now: context.now });

  switch (action) {
    case 'add_to_cart': {
      const product = shop.catalog.find((candidate) => candidate.id === slots.product);
      const quantity = slots.quantity;
      if (!product || typeof quantity !== 'object' || Array.isArray(quantity)) return { say: [shop.texts.cart_empty], effects: [] };
      addToCart(state, product.id, quantity.amount);
      delete slots.quantity;
      delete slots.quantity_missing;
      // The other products the same message named with their quantities go in too, by the same rules;
      // one named without an amount in its unit is asked next ("1 ký mít sấy" of a product sold by the bag).
      const say: string[] = [];
      const pending: string[] = [];
      for (const line of Array.isArray(slots.more_lines) ? slots.more_lines : []) {
        const [id, amount] = line.split('=');
        const other = shop.catalog.find((candidate) => candidate.id === id);
        if (other && amount === 'null') {
          pending.push(line);
          continue;
        }
        const count = Number(amount);
        if (!other || !(count > 0)) continue;
        const about = (template: string) => renderTemplate(template, variablesFor(flows, { ...state, slots: { ...slots, product: other.id } }, context));
        const refusal = cartRefusal(flows, other, count, context.now);
        if (refusal) {
          say.push(about(refusal));
          // Too little of it ("1 ký sầu riêng", sold from 2 kg): its amount is asked next, the line is not dropped.
          if (count < other.min_quantity && refusal === shop.texts.below_minimum) pending.push(`${other.id}=null`);
        } else {
          addToCart(state, other.id, count);
          if (!isInSeason(other, context.now, shop.shop.timezone)) say.push(about(shop.texts.preorder_note));
        }
      }
      delete slots.more_lines;
      const [next, ...later] = pending;
      if (next) {
        slots.product = next.split('=')[0]!;
        slots.quantity_missing = true;
        if (later.length > 0) slots.more_lines = later;
      }
      return { say, effects: [] };
    }
    case 'cancel_order':
      return cancelOrder(input);
    case 'clear_cart':
      state.cart = [];
      delete slots.product;
      delete slots.quantity;
      return { say: [], effects: [] };
    case 'quote_order': {
      const when = deliveryWhen(shop, slots, context.now);
      if (when) slots.delivery_when = when;
      else delete slots.delivery_when;
      return { say: state.cart.length === 0 ? [shop.texts.cart_empty] : [], effects: [] };
    }
    case 'apply_promotion': {
      const typed = text(slots.promo_code);
      slots.promo_refused = false;
      if (!typed) return { say: [], effects: [] };
      const code = withoutToneMarks(typed).replace(/[^A-Za-z0-9]/g, '').toUpperCase();
      slots.promo_code = code;
      const problem = customerProblem(shop, code, context) ?? promotionProblem(shop, code, state.cart, context.now);
      slots.promo_refused = problem !== null;
      const texts = shop.texts;
      const template = { unknown: texts.promotion_unknown, not_applicable: texts.promotion_not_applicable, used: texts.promotion_used, new_customers: texts.promotion_new_customers, null: texts.promotion_applied }[problem ?? 'null'];
      const message = renderTemplate(template, variablesFor(flows, state, context));
      if (problem) delete slots.promo_code;
      // "XOAI10" below its minimum order is kept: the quote applies it once the cart reaches it ("vậy lấy 4 ký cho đủ").
      if (problem === 'not_applicable') slots.promo_held = code;
      else if (problem === null) delete slots.promo_held;
      return { say: [message], effects: [] };
    }
    case 'create_order': {
      if (state.cart.length === 0) return { say: [shop.texts.cart_empty], effects: [] };
      const current = quote();
      const code = context.orderCode;
      const order = {
        code,
        quote: current,
        contactName: text(slots.name) ?? context.customer.name ?? '',
        phone: text(slots.phone) ?? '',
        address: text(slots.address) ?? '',
        province: text(slots.province),
        paymentMethod: text(slots.payment_method) ?? 'cod',
        // The delivery wish leads the note, so the owner's notice, the orders page and the CSV all show it.
        note: [text(slots.delivery_when) ? `📅 ${text(slots.delivery_when)}` : null, text(slots.note)].filter(Boolean).join(' · ') || null,
        promoCode: current.discounts[0]?.code ?? text(slots.promo_code),
      };
      state.lastOrder = { code, total: current.total };
      for (const slot of ['product', 'quantity', 'more_lines', 'quantity_missing', 'promo_code', 'promo_held', 'confirmed', 'more_items', 'reorder', 'use_saved', 'delivery_when']) delete slots[slot];
      slots.order_code = code;
      state.cart = [];
      state.suspended = state.suspended.filter((entry) => entry.flow !== input.flowId);
      const profile: Effect = { type: 'customer_profile', ...(order.contactName ? { name: order.contactName } : {}), ...(order.phone ? { phone: order.phone } : {}), ...(order.address ? { address: order.address } : {}) };
      return { say: [], effects: [{ type: 'create_order', order }, profile] };
    }
    case 'open_return': {
      const photos = Array.isArray(slots.photo) ? slots.photo : [];
      return {
        say: [],
        effects: [
          {
            type: 'open_return',
            request: {
              orderCode: (text(slots.order_code) ?? '').toUpperCase(),
              problem: text(slots.problem) ?? 'other',
              photos,
              resolution: text(slots.resolution) ?? 'other',
            },
          },
        ],
      };
    }
    case 'notify_owner': {
      const summary = Object.entries(slots)
        .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? `${value.amount} ${value.unit ?? ''}` : String(value)}`)
        .join('\n');
      return { say: [], effects: [{ type: 'notify_owner', flow: input.flowId, summary }] };
    }
    case 'handover': {
      state.mode = 'human';
      // Whether someone is at the shop now, and when they will be: the flow tells the customer.
      const opening = nextOpening(shop, context.now);
      slots.shop_open = opening.openNow;
      slots.opens_at = opening.openNow ? '' : renderTemplate('{{time}} {{day}}', (root) => (root === 'time' ? opening.time : opening.day));
      return { say: [], effects: [{ type: 'handover', flow: input.flowId }], mode: 'human' };
    }
    case 'mark_paid': {
      const code = text(slots.order_code)?.toUpperCase() ?? state.lastOrder?.code;
      return { say: [], effects: code ? [{ type: 'payment_claimed', orderCode: code }] : [] };
    }
    case 'recall_contact': {
      // A returning customer: the contact of their last order, to confirm instead of asking again.
      const { customer } = context;
      const last = customer.lastOrder;
      if (last) slots.last_order_code ??= last.code;
      const name = text(last?.contactName) ?? customer.name;
      // A contact the customer gave in this order wins over the one on file.
      const given = slots.phone !== undefined || slots.address !== undefined;
      if (customer.phone && customer.address && !given && slots.use_saved !== false) {
        if (name) slots.saved_name = name;
        slots.saved_phone = customer.phone;
        slots.saved_address = customer.address;
        if (last?.province) slots.saved_province = last.province;
      }
      return { say: [], effects: [] };
    }
    case 'use_saved_contact':
      // What the customer said in this order ("địa chỉ cũ nhưng sđt mới là …") wins over the one on file.
      for (const [from, to] of [
        ['saved_name', 'name'],
        ['saved_phone', 'phone'],
        ['saved_address', 'address'],
        ['saved_province', 'province'],
      ] as const) {
        const value = slots[from];
        if (value !== undefined && slots[to] === undefined) slots[to] = value;
      }
      return { say: [], effects: [] };
    case 'reorder_last': {
      const source = context.customer.remindedCart && context.customer.remindedCart.length > 0 ? context.customer.remindedCart : (context.customer.lastOrder?.items ?? []);
      const items = source.filter((item) => shop.catalog.some((product) => product.id === item.productId && product.stock !== 'out_of_stock' && product.stock !== 0));
      if (items.length === 0 && state.cart.length === 0) return { say: [shop.texts.cart_empty], effects: [] };
      if (items.length > 0) state.cart = items.map((item) => ({ ...item }));
      slots.reorder = true;
      return { say: [], effects: [] };
    }
    case 'record_product_score': {
      const score = typeof slots.product_score === 'number' ? slots.product_score : Number(slots.product_score);
      if (!Number.isInteger(score) || score < 1 || score > 5) return { say: [], effects: [] };
      const event: EngineEvent = {
        type: 'product_satisfaction_answered',
        flow: input.flowId,
        step: 'record_product_score',
        score,
        order_code: text(slots.order_code),
        product: text(slots.product),
      };
      return { say: [], effects: [], events: [event] };
    }
    case 'record_nps': {
      const score = Number(slots.nps_score);
      if (!Number.isInteger(score) || score < 0 || score > 10) return { say: [], effects: [] };
      return { say: [], effects: [], events: [{ type: 'nps_answered', flow: input.flowId, step: 'record_nps', score, reason: text(slots.nps_reason), order_code: text(slots.order_code) }] };
    }
    case 'record_cart_reason': {
      const reason = text(slots.cart_reason);
      if (!reason) return { say: [], effects: [] };
      return { say: [], effects: [], events: [{ type: 'cart_left_reason', flow: input.flowId, step: 'record_cart_reason', reason, note: text(slots.cart_reason_note), left_flow: text(slots.left_flow), left_step: text(slots.left_step) }] };
    }
    case 'export_personal_data':
      return { say: [], effects: [{ type: 'personal_data', request: 'export' }] };
    case 'delete_personal_data':
      // Forget everything this conversation remembers too; the store erases the rest.
      for (const slot of Object.keys(slots)) delete slots[slot];
      state.cart = [];
      state.lastOrder = null;
      return { say: [], effects: [{ type: 'personal_data', request: 'delete' }] };
    case 'send_payment_qr': {
      const qr = paymentQrFor(flows, state, context);
      return { say: [], effects: [], ...(qr ? { replies: [qr] } : {}) };
    }
    case 'lookup_order': {
      const wanted = text(slots.order_code)?.toUpperCase();
      const known = wanted ? context.customer.orders.find((order) => order.code === wanted) : context.customer.orders[0];
      if (wanted) slots.order_code = wanted;
      return { say: known ? [] : [shop.texts.order_not_found], effects: [] };
    }
  }
}
