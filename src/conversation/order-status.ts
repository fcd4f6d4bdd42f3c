import { foldKey } from '../text/fold';
import { renderTemplate } from '../engine/index';
import type { ShopFlows } from '../flows/schema';
import { orderForStatusChange, orderStatusQueries, type OwnerClaim, type OrderStatusField, ConstraintError, type Store } from '../store/index';
import type { CustomerMessenger } from './customer-messenger';

/** Every status an order can have, and which of its two columns holds it (migrations/0001). */
export const ORDER_STATUSES = {
  unpaid: 'payment_status',
  awaiting_confirmation: 'payment_status',
  /** Set by a bank transfer short of the total (conversation/payments). */
  partly_paid: 'payment_status',
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
  tra_mot_phan: 'partly_paid',
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
  | { ok: false; problem: 'unknown_order' | 'duplicate'; code: string };

/**
 * The one way an order's payment or shipping status changes (the owner's `/don` command on
 * Telegram, the dashboard): the new status and the customer's message about it
 * (`texts.order_status_changed`, when shop.yaml has words for the status) are one batch, so
 * the customer is told exactly when the change is stored. `claim` makes a retried owner update
 * change nothing twice.
 */
export async function changeOrderStatus(deps: OrderStatusDeps, code: string, status: OrderStatus, claim: OwnerClaim | null = null): Promise<OrderStatusChange> {
  const order = await orderForStatusChange(deps.store.db, code.toUpperCase());
  if (!order) return { ok: false, problem: 'unknown_order', code };
  const texts = deps.flows().shop.texts;
  const words = (texts.order_status as Partial<Record<string, string>>)[status];
  const reachable = Boolean(words) && !order.blocked;
  const outboxId = deps.messenger.newId();
  const text = words ? renderTemplate(texts.order_status_changed, (root) => ({ code: order.code, status: words })[root] ?? '') : '';
  const queries = orderStatusQueries(deps.store.db, {
    now: deps.clock().toISOString(),
    claim,
    code: order.code,
    field: ORDER_STATUSES[status],
    status,
    tell: reachable
      ? { outbox: { id: outboxId, recipient: 'customer', channel: order.channel, chatId: order.chatId, payload: { kind: 'text', text } }, conversationId: order.openConversationId }
      : null,
  });
  try {
    await deps.messenger.commit(queries, reachable ? [outboxId] : []);
  } catch (error) {
    if (error instanceof ConstraintError && error.message.includes('processed_updates')) return { ok: false, problem: 'duplicate', code };
    throw error;
  }
  return { ok: true, code: order.code, status, customerTold: reachable };
}
