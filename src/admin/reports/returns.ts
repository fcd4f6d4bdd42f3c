import type { Selectable } from 'kysely';
import type { ReturnRequestTable } from '../../store/index';
import type { ReportDb, TimeRange } from './range';

export const RETURN_STATUSES = ['open', 'accepted', 'rejected', 'resolved'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export type ReturnRequestRow = Selectable<ReturnRequestTable> & { customer_name: string | null; channel: string | null };

export interface ReturnFilter {
  status?: ReturnStatus | undefined;
  range?: TimeRange | undefined;
  orderCode?: string | undefined;
}

export async function listReturnRequests(db: ReportDb, filter: ReturnFilter, page: { limit: number; offset: number }): Promise<ReturnRequestRow[]> {
  return matching(db, filter).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(page.limit).offset(page.offset).execute();
}

/** Every matching request, a page at a time, for the CSV export. */
export async function* returnRequestPages(db: ReportDb, filter: ReturnFilter, pageSize = 1000): AsyncGenerator<ReturnRequestRow[]> {
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    let query = matching(db, filter);
    if (after) {
      const { createdAt, id } = after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('r.created_at', 'r.id'), '<', tuple(createdAt, id)));
    }
    const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(pageSize).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
}

export async function returnRequestsOfConversation(db: ReportDb, conversationId: string): Promise<ReturnRequestRow[]> {
  return matching(db, {}).where('r.conversation_id', '=', conversationId).orderBy('r.created_at').execute();
}

/** Sets a request's status; returns the request as it was before, or undefined when there is no such request. */
export async function changeReturnStatus(db: ReportDb, id: string, status: ReturnStatus, now: Date): Promise<ReturnRequestRow | undefined> {
  const before = await matching(db, {}).where('r.id', '=', id).executeTakeFirst();
  if (!before) return undefined;
  await db.updateTable('return_requests').set({ status, updated_at: now.toISOString() }).where('id', '=', id).execute();
  return before;
}

function matching(db: ReportDb, filter: ReturnFilter) {
  let query = db
    .selectFrom('return_requests as r')
    .leftJoin('customers as k', 'k.id', 'r.customer_id')
    .selectAll('r')
    .select((eb) => [eb.fn.coalesce('k.name', 'k.display_name').as('customer_name'), 'k.channel']);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.range) query = query.where('r.created_at', '>=', filter.range.from).where('r.created_at', '<', filter.range.to);
  if (filter.orderCode) query = query.where('r.order_code', '=', filter.orderCode.toUpperCase());
  return query;
}
