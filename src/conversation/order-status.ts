import { foldKey } from '../engine/text/fold';
import { renderTemplate } from '../engine/template';
import type { ShopFlows } from '../flows/schema';
import { orderByCode, setOrderStatus, type OrderStatusField } from '../store/orders';
import type { Store } from '../store/store';
import type { CustomerMessenger } from './customer-messenger';

/** Every status an order can have, and which of its two columns holds it (migrations/0001). */
export const ORDER_STATUSES = {
  unpaid: 'payment_status',
  awaiting_confirmation: 'payment_status',
  paid: 'payment_status',
  refunded: 'payment_status',
  new: 'shipping_status',
  confirmed: 'shipping_status',
  shipped: 'shipping_status',
  delivered: 'shipping_status',
  cancelled: 'shipping_status',
  returned: 'shipping_status',
} as const satisfies Record<string, OrderStatusField>;

export type OrderStatus = keyof typeof ORDER_STATUSES;

/** The words an owner types after `/don XB12 …` (without tone marks, any case), for each status. */
export const ORDER_STATUS_WORDS: Record<string, OrderStatus> = {
  chua_tt: 'unpaid',
  cho_xac_nhan_ck: 'awaiting_confirmation',
  da_tt: 'paid',
  da_ck: 'paid',
  hoan_tien: 'refunded',
  moi: 'new',
  xac_nhan: 'confirmed',
  dang_giao: 'shipped',
  da_gui: 'shipped',
  da_giao: 'delivered',
  huy: 'cancelled',
  tra_hang: 'returned',
};

/** Reads a status as the owner wrote it ("đã giao", "da_giao", "delivered"); null when it is none. */
export function parseOrderStatus(written: string): OrderStatus | null {
  const key = foldKey(written).replace(/[\s-]+/g, '_');
  if (key in ORDER_STATUSES) return key as OrderStatus;
  return ORDER_STATUS_WORDS[key] ?? null;
}

export interface OrderStatusDeps {
  store: Store;
  messenger: CustomerMessenger;
  flows: () => ShopFlows;
  clock: () => Date;
}

export type OrderStatusChange =
  | { ok: true; code: string; status: OrderStatus; customerTold: boolean }
  | { ok: false; problem: 'unknown_order'; code: string };

/**
 * The one way an order's payment or shipping status changes (the owner's `/don` command on
 * Telegram, the dashboard): the order is updated, then the customer is told in their own chat
 * with `texts.order_status_changed` when shop.yaml has words for the new status.
 */
export async function changeOrderStatus(deps: OrderStatusDeps, code: string, status: OrderStatus): Promise<OrderStatusChange> {
  const order = await orderByCode(deps.store.db, code.toUpperCase());
  if (!order) return { ok: false, problem: 'unknown_order', code };
  await setOrderStatus(deps.store.db, order.code, ORDER_STATUSES[status], status, deps.clock().toISOString());
  const texts = deps.flows().shop.texts;
  const words = (texts.order_status as Partial<Record<string, string>>)[status];
  if (!words) return { ok: true, code: order.code, status, customerTold: false };
  const text = renderTemplate(texts.order_status_changed, (root) => ({ code: order.code, status: words })[root] ?? '');
  const customerTold = await deps.messenger.tell(order.customer_id, { kind: 'text', text });
  return { ok: true, code: order.code, status, customerTold };
}
