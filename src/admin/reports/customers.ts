import { sql } from 'kysely';
import { likePattern } from './conversations';
import type { ReportDb } from './range';

export interface CustomerRow {
  id: string;
  name: string | null;
  channel: string;
  firstSeenAt: string;
  lastSeenAt: string;
  conversations: number;
  orders: number;
  averageScore: number | null;
}

/** One moment of a customer's journey, oldest first on the timeline. */
export type JourneyMoment =
  | {
      kind: 'conversation';
      at: string;
      id: string;
      entryFlow: string | null;
      stage: string | null;
      phase: string | null;
      outcome: string | null;
      score: number | null;
      comment: string | null;
      /** A product's own score from an after-sale check-in apart from the conversation's. */
      productScore?: { score: number; orderCode: string | null } | undefined;
    }
  | { kind: 'order'; at: string; code: string; total: number; paymentStatus: string; shippingStatus: string; conversationId: string | null }
  | { kind: 'return'; at: string; id: string; orderCode: string; status: string; problem: string };

export interface CustomerJourney {
  id: string;
  name: string | null;
  channel: string;
  phone: string | null;
  address: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  blocked: boolean;
  /** Asked for no scheduled messages ("dừng") or had their data erased. */
  optedOut?: boolean;
  moments: JourneyMoment[];
}

/** Customers, most recently seen first; `text` finds a name, a phone number or an id. */
export async function listCustomers(db: ReportDb, options: { text?: string | undefined; limit: number; offset: number }): Promise<CustomerRow[]> {
  let query = db
    .selectFrom('customers as k')
    .select((eb) => [
      'k.id',
      'k.name',
      'k.display_name',
      'k.channel',
      'k.created_at',
      'k.last_seen_at',
      eb.selectFrom('conversations as c').select(sql<number>`count(*)`.as('n')).whereRef('c.customer_id', '=', 'k.id').as('conversations'),
      eb.selectFrom('orders as o').select(sql<number>`count(*)`.as('n')).whereRef('o.customer_id', '=', 'k.id').as('orders'),
      eb.selectFrom('conversations as c').select(sql<number | null>`avg(c.satisfaction_score)`.as('a')).whereRef('c.customer_id', '=', 'k.id').as('average_score'),
    ]);
  if (options.text) {
    const pattern = likePattern(options.text);
    const digits = options.text.replace(/\D/g, '');
    query = query.where(({ or, eb }) =>
      or([
        eb(sql`k.name`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`k.display_name`, 'like', sql`${pattern} escape '\\'`),
        eb('k.id', '=', options.text!),
        ...(digits.length >= 4 ? [eb('k.phone', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  const rows = await query.orderBy('k.last_seen_at', 'desc').orderBy('k.id').limit(options.limit).offset(options.offset).execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name ?? row.display_name,
    channel: row.channel,
    firstSeenAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    conversations: Number(row.conversations ?? 0),
    orders: Number(row.orders ?? 0),
    averageScore: row.average_score === null ? null : Number(row.average_score),
  }));
}

/** Everything that happened with one customer, as a timeline: conversations, orders, return requests. */
export async function customerJourney(db: ReportDb, customerId: string, limit = 300): Promise<CustomerJourney | undefined> {
  const customer = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
  if (!customer) return undefined;
  const [conversations, orders, returns, productScores] = await Promise.all([
    db
      .selectFrom('conversations')
      .select(['id', 'started_at', 'entry_flow', 'stage', 'phase', 'outcome', 'satisfaction_score', 'satisfaction_comment'])
      .where('customer_id', '=', customerId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('orders')
      .select(['code', 'created_at', 'total', 'payment_status', 'shipping_status', 'conversation_id'])
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),
    db.selectFrom('return_requests').select(['id', 'created_at', 'order_code', 'status', 'problem']).where('customer_id', '=', customerId).orderBy('created_at', 'desc').limit(limit).execute(),
    db
      .selectFrom('events')
      .innerJoin('conversations', 'conversations.id', 'events.conversation_id')
      .select(['events.conversation_id', 'events.detail'])
      .where('conversations.customer_id', '=', customerId)
      .where('events.type', '=', 'product_satisfaction_answered')
      .execute(),
  ]);
  const productScoreOf = new Map<string, { score: number; orderCode: string | null }>();
  for (const row of productScores) {
    const detail = JSON.parse(row.detail ?? '{}') as { score?: unknown; order_code?: unknown };
    if (typeof detail.score === 'number') productScoreOf.set(row.conversation_id, { score: detail.score, orderCode: typeof detail.order_code === 'string' ? detail.order_code : null });
  }
  const moments: JourneyMoment[] = [
    ...conversations.map((row) => ({
      kind: 'conversation' as const,
      at: row.started_at,
      id: row.id,
      entryFlow: row.entry_flow,
      stage: row.stage,
      phase: row.phase,
      outcome: row.outcome,
      score: row.satisfaction_score,
      comment: row.satisfaction_comment,
      productScore: productScoreOf.get(row.id),
    })),
    ...orders.map((row) => ({
      kind: 'order' as const,
      at: row.created_at,
      code: row.code,
      total: row.total,
      paymentStatus: row.payment_status,
      shippingStatus: row.shipping_status,
      conversationId: row.conversation_id,
    })),
    ...returns.map((row) => ({ kind: 'return' as const, at: row.created_at, id: row.id, orderCode: row.order_code, status: row.status, problem: row.problem })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    id: customer.id,
    name: customer.name ?? customer.display_name,
    channel: customer.channel,
    phone: customer.phone,
    address: customer.address,
    firstSeenAt: customer.created_at,
    lastSeenAt: customer.last_seen_at,
    blocked: customer.blocked === 1,
    optedOut: customer.opted_out === 1,
    moments,
  };
}
