import type { Product, ShopFlows, ShopFile } from '../flows/schema';
import type { ActionInput, ActionOutcome } from './action-io';
import { localDate } from './local-date';
import { isInSeason } from './pricing';
import { runsAction } from './step-paths';
import { renderTemplate } from './template';
import type { ConversationState, TurnContext } from './types';

/** Statuses at which an order has not left the shop, so the owner can still cancel it. */
const CANCELLABLE = new Set(['new', 'confirmed', 'awaiting_confirmation', 'paid']);

export function addToCart(state: ConversationState, productId: string, quantity: number): void {
  const existing = state.cart.find((item) => item.productId === productId);
  if (existing) existing.quantity += quantity;
  else state.cart.push({ productId, quantity });
}

/** Why this product cannot go into the cart in this amount (a template), or null. */
export function cartRefusal(flows: ShopFlows, product: Product, quantity: number, now: Date): string | null {
  const texts = flows.shop.texts;
  if (product.stock === 'out_of_stock' || product.stock === 0) return texts.out_of_stock;
  if (!product.preorder && !isInSeason(product, now, flows.shop.shop.timezone)) return texts.not_preorderable;
  if (quantity < product.min_quantity) return texts.below_minimum;
  if (typeof product.stock === 'number' && quantity > product.stock) return texts.stock_short;
  return null;
}

/** A promotion's rules about who may use it, from the customer's earlier orders. */
export function customerProblem(shop: ShopFile, code: string, context: TurnContext): 'used' | 'new_customers' | null {
  const promotion = shop.promotions.find((candidate) => candidate.code === code);
  if (!promotion) return null;
  const orders = context.customer.orders.filter((order) => order.status !== 'cancelled');
  if (promotion.new_customers_only && orders.length > 0) return 'new_customers';
  if (promotion.once_per_customer && orders.some((order) => order.promoCode?.toUpperCase() === code)) return 'used';
  return null;
}

/**
 * Cancelling: an order code named → the owner is asked to cancel it if it has not shipped;
 * no code → the cart being filled is emptied; nothing in the cart → the customer's one order
 * still at the shop, or a question which one.
 */
export function cancelOrder(input: ActionInput): ActionOutcome {
  const { flows, state, context } = input;
  const { shop } = flows;
  const slots = state.slots;
  const typed = typeof slots.cancel_code === 'string' ? slots.cancel_code.toUpperCase() : null;
  delete slots.cancel_code;
  const result = (value: string, say: string[], variables: Record<string, string> = {}, effects: ActionOutcome['effects'] = []): ActionOutcome => {
    slots.cancel_result = value;
    return { say, variables, effects };
  };

  const ordering = [...flows.flows.values()].filter((flow) => runsAction(flow, 'add_to_cart')).map((flow) => flow.id);
  if (!typed && (state.cart.length > 0 || state.suspended.some((entry) => ordering.includes(entry.flow)))) {
    state.cart = [];
    for (const slot of ['product', 'quantity', 'more_lines', 'quantity_missing', 'more_items', 'confirmed']) delete slots[slot];
    state.suspended = state.suspended.filter((entry) => !ordering.includes(entry.flow));
    return result('cart', [shop.texts.cart_cancelled]);
  }
  const open = context.customer.orders.filter((order) => CANCELLABLE.has(order.status));
  const code = typed ?? (open.length === 1 ? open[0]!.code : null);
  if (!code) return open.length > 1 ? result('which', []) : result('nothing', [shop.texts.nothing_to_cancel]);
  const order = context.customer.orders.find((candidate) => candidate.code.toUpperCase() === code);
  if (!order) return result('not_found', [shop.texts.order_not_found]);
  const variables = { order_code: order.code };
  if (!CANCELLABLE.has(order.status)) return result('too_late', [shop.texts.cancel_too_late], variables);
  const status = (shop.texts.order_status as Record<string, string | undefined>)[order.status] ?? order.status;
  const summary = renderTemplate(shop.owner_texts.cancel_request, (root) => ({ code: order.code, status, date: localDate(new Date(order.createdAt), shop.shop.timezone) })[root] ?? '');
  return result('requested', [shop.texts.cancel_requested], variables, [{ type: 'notify_owner', flow: input.flowId, summary }]);
}
