import type { CompiledQuery, Kysely } from 'kysely';
import type { ConversationState, NewOrder } from '../engine/index';
import type { ShopFlows } from '../flows/schema';
import { type Database, cancelPendingQuery, scheduleQuery } from '../store/index';
import { newId } from './ids';

const DAY_MS = 24 * 60 * 60_000;
/** When a zone's delivery time says no number of days. */
const DEFAULT_DELIVERY_DAYS = 3;
/** The platforms let a bot write first only within this long of the customer's last message. */
export const MESSAGING_WINDOW_MS = DAY_MS;

/** The most days a zone's delivery time names ("1–2 ngày" → 2). */
export function deliveryDaysOf(text: string | null): number {
  const numbers = (text ?? '').match(/\d+/g)?.map(Number) ?? [];
  return numbers.length > 0 ? Math.max(...numbers) : DEFAULT_DELIVERY_DAYS;
}

/**
 * What an order schedules, in its turn's batch: its check-in (after the expected delivery)
 * and its repurchase reminder (products with reorder_days), replacing older repurchase reminders.
 */
export function orderScheduleQueries(db: Kysely<Database>, flows: ShopFlows, order: NewOrder, customerId: string, now: Date): CompiledQuery[] {
  const settings = flows.shop.after_sale;
  const nowIso = now.toISOString();
  const queries: CompiledQuery[] = [];
  const lines = order.quote.lines;
  if (settings.checkin.enabled && lines.length > 0) {
    const days = deliveryDaysOf(order.quote.deliveryDays) + settings.checkin.days_after_delivery;
    queries.push(
      scheduleQuery(db, {
        id: newId(now),
        customerId,
        kind: 'checkin',
        key: order.code,
        dueAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
        payload: { order_code: order.code, product: lines[0]!.productId },
        now: nowIso,
      }),
    );
  }
  const lasting = lines
    .map((line) => ({ line, days: flows.shop.catalog.find((product) => product.id === line.productId)?.reorder_days }))
    .filter((entry): entry is { line: (typeof lines)[number]; days: number } => entry.days !== undefined)
    .sort((a, b) => a.days - b.days);
  queries.push(cancelPendingQuery(db, customerId, 'a newer order', 'reorder'));
  const first = lasting[0];
  if (settings.reorder.enabled && first) {
    queries.push(
      scheduleQuery(db, {
        id: newId(now),
        customerId,
        kind: 'reorder',
        key: order.code,
        dueAt: new Date(now.getTime() + first.days * DAY_MS).toISOString(),
        payload: { order_code: order.code, product: first.line.productId, cart: lines.map((line) => ({ productId: line.productId, quantity: line.quantity })) },
        now: nowIso,
      }),
    );
  }
  return queries;
}

/**
 * An order left unfinished (items in the cart, no order created) when the idle sweep closes
 * its conversation: one polite reminder, `after_minutes` after the customer's last message.
 */
export function abandonedCartQuery(
  db: Kysely<Database>,
  flows: ShopFlows,
  state: ConversationState,
  conversation: { id: string; customer_id: string; last_activity_at: string },
  now: Date,
): CompiledQuery | null {
  const settings = flows.shop.after_sale.abandoned_cart;
  if (!settings.enabled || state.cart.length === 0 || state.mode === 'human') return null;
  // A conversation the bot itself started with a reminder is never reminded of again.
  if (state.slots.reminder !== undefined) return null;
  const due = Math.max(Date.parse(conversation.last_activity_at) + settings.after_minutes * 60_000, now.getTime());
  return scheduleQuery(db, {
    id: newId(now),
    customerId: conversation.customer_id,
    kind: 'abandoned_cart',
    key: conversation.id,
    dueAt: new Date(due).toISOString(),
    payload: { cart: state.cart.map((item) => ({ ...item })), last_activity_at: conversation.last_activity_at, conversation_id: conversation.id },
    now: now.toISOString(),
  });
}
