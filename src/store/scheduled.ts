import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database';

/** The kinds of message the bot sends on its own after the sale. */
export const SCHEDULED_KINDS = ['checkin', 'abandoned_cart', 'reorder'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

export interface ScheduledPayload {
  order_code?: string;
  product?: string;
  cart?: { productId: string; quantity: number }[];
  /** abandoned_cart: the customer's last message in the unfinished conversation. */
  last_activity_at?: string;
  conversation_id?: string;
}

export interface NewScheduledMessage {
  id: string;
  customerId: string;
  kind: ScheduledKind;
  key: string;
  dueAt: string;
  payload: ScheduledPayload;
  now: string;
}

/** Schedules a message, in the batch of the turn that causes it; a second one for the same (customer, kind, key) is ignored. */
export function scheduleQuery(db: Kysely<Database>, row: NewScheduledMessage): CompiledQuery {
  return db
    .insertInto('scheduled_messages')
    .values({
      id: row.id,
      customer_id: row.customerId,
      kind: row.kind,
      key: row.key,
      due_at: row.dueAt,
      payload: JSON.stringify(row.payload),
      status: 'pending',
      created_at: row.now,
    })
    .onConflict((conflict) => conflict.columns(['customer_id', 'kind', 'key']).doNothing())
    .compile();
}

/** Cancels what is still pending for a customer (all kinds, or one). */
export function cancelPendingQuery(db: Kysely<Database>, customerId: string, reason: string, kind?: ScheduledKind): CompiledQuery {
  let query = db.updateTable('scheduled_messages').set({ status: 'cancelled', last_error: reason }).where('customer_id', '=', customerId).where('status', '=', 'pending');
  if (kind) query = query.where('kind', '=', kind);
  return query.compile();
}

/** Marks a message sent, in the batch of the turn that says it. */
export function markScheduledSentQuery(db: Kysely<Database>, id: string, now: string): CompiledQuery {
  return db.updateTable('scheduled_messages').set({ status: 'sent', sent_at: now }).where('id', '=', id).where('status', '=', 'pending').compile();
}

export function optOutQueries(db: Kysely<Database>, customerId: string): CompiledQuery[] {
  return [db.updateTable('customers').set({ opted_out: 1 }).where('id', '=', customerId).compile(), cancelPendingQuery(db, customerId, 'opted out')];
}

export async function dueScheduledMessages(db: Kysely<Database>, now: string, limit = 50) {
  return db.selectFrom('scheduled_messages').selectAll().where('status', '=', 'pending').where('due_at', '<=', now).orderBy('due_at').limit(limit).execute();
}

/**
 * Takes a due message for one attempt, like the outbox lease: its due time moves past the
 * lease, only if it is still pending and due. A process that dies mid-attempt leaves it to be
 * tried again once the lease ends (and the turn's update id keeps it from being said twice).
 */
export async function claimScheduled(db: Kysely<Database>, id: string, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('scheduled_messages')
    .set({ due_at: leaseUntil, attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function postponeScheduled(db: Kysely<Database>, id: string, dueAt: string, reason: string): Promise<void> {
  await db.updateTable('scheduled_messages').set({ due_at: dueAt, last_error: reason.slice(0, 500) }).where('id', '=', id).where('status', '=', 'pending').execute();
}

export async function cancelScheduled(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db.updateTable('scheduled_messages').set({ status: 'cancelled', last_error: reason.slice(0, 500) }).where('id', '=', id).where('status', '=', 'pending').execute();
}

export async function scheduledForCustomer(db: Kysely<Database>, customerId: string) {
  return db.selectFrom('scheduled_messages').selectAll().where('customer_id', '=', customerId).orderBy('due_at').execute();
}

/** The unfinished cart the bot reminded a customer of since `since`, newest first: a late tap on its button still finds it. */
export async function remindedCart(db: Kysely<Database>, customerId: string, since: string) {
  const row = await db
    .selectFrom('scheduled_messages')
    .select(['payload', 'sent_at'])
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'abandoned_cart')
    .where('status', '=', 'sent')
    .where('sent_at', '>=', since)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row?.sent_at) return null;
  const payload = JSON.parse(row.payload) as ScheduledPayload;
  return payload.cart && payload.cart.length > 0 ? { items: payload.cart, sentAt: row.sent_at } : null;
}
