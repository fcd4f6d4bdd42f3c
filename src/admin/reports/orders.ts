import type { Selectable } from 'kysely';
import type { OrderTable } from '../../store/index';
import { likePattern } from './conversations';
import type { ReportDb, TimeRange } from './range';

export const PAYMENT_STATUSES = ['unpaid', 'awaiting_confirmation', 'partly_paid', 'paid', 'refunded'] as const;
export const SHIPPING_STATUSES = ['new', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type ShippingStatus = (typeof SHIPPING_STATUSES)[number];

export type OrderRow = Selectable<OrderTable>;

export interface OrderFilter {
  payment?: PaymentStatus | undefined;
  shipping?: ShippingStatus | undefined;
  range?: TimeRange | undefined;
  /** An order code or the receiver's name. */
  text?: string | undefined;
}

export async function listOrders(db: ReportDb, filter: OrderFilter, page: { limit: number; offset: number }): Promise<OrderRow[]> {
  return matching(db, filter).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

/** Every matching order, a page at a time, for the CSV export. */
export async function* orderPages(db: ReportDb, filter: OrderFilter, pageSize = 1000): AsyncGenerator<OrderRow[]> {
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    let query = matching(db, filter);
    if (after) {
      const { createdAt, id } = after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '<', tuple(createdAt, id)));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
}

export async function ordersOfConversation(db: ReportDb, conversationId: string): Promise<OrderRow[]> {
  return db.selectFrom('orders').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
}

/** Sets (or clears, with null) the carrier's tracking code of an order. */
export async function setTrackingCode(db: ReportDb, orderId: string, trackingCode: string | null, now: Date): Promise<void> {
  await db.updateTable('orders').set({ tracking_code: trackingCode, updated_at: now.toISOString() }).where('id', '=', orderId).execute();
}

function matching(db: ReportDb, filter: OrderFilter) {
  let query = db.selectFrom('orders').selectAll();
  if (filter.payment) query = query.where('payment_status', '=', filter.payment);
  if (filter.shipping) query = query.where('shipping_status', '=', filter.shipping);
  if (filter.range) query = query.where('created_at', '>=', filter.range.from).where('created_at', '<', filter.range.to);
  if (filter.text) {
    const text = filter.text;
    query = query.where(({ or, eb }) => or([eb('code', '=', text.toUpperCase()), eb('contact_name', 'like', likePattern(text))]));
  }
  return query;
}
