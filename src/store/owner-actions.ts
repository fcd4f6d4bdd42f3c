import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database';
import { pendingRow } from './outbox';

/*
 * What the owner does to a conversation (reply, send a photo or a product, take it over) and to
 * an order (change its status), each written as one atomic batch with the customer's outbox
 * rows, like a turn: the customer is told exactly when the change is stored.
 */

// The tables of migration 0003, added to the shared Database type where they are queried.
const handoverDb = (db: Kysely<Database>) =>
  db.withTables<{ handovers: { conversation_id: string; customer_id: string; requested_at: string; owner_replied_at: string | null; customer_told_at: string | null } }>();

/** A conversation with what an owner action needs to reach its customer, read before the write. */
export interface OwnerTarget {
  conversationId: string;
  customerId: string;
  customerName: string | null;
  channel: string;
  chatId: string;
  blocked: boolean;
  status: 'open' | 'closed';
  mode: string;
  state: string;
  version: number;
}

export async function ownerTarget(db: Kysely<Database>, conversationId: string): Promise<OwnerTarget | undefined> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('customers as k', 'k.id', 'c.customer_id')
    .select(['c.id', 'c.customer_id', 'k.name', 'k.display_name', 'k.channel', 'k.chat_id', 'k.blocked', 'c.status', 'c.mode', 'c.state', 'c.version'])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    conversationId: row.id,
    customerId: row.customer_id,
    customerName: row.name ?? row.display_name,
    channel: row.channel,
    chatId: row.chat_id,
    blocked: Boolean(row.blocked),
    status: row.status,
    mode: row.mode,
    state: row.state,
    version: row.version,
  };
}

/** An owner's update (Telegram) or form post (the inbox) acted on once: a retry fails the batch on this row first. */
export interface OwnerClaim {
  channel: string;
  updateId: string;
}

export interface OutboxMessage {
  id: string;
  recipient: 'customer' | 'owner';
  channel: string;
  chatId: string;
  payload: unknown;
}

export interface OwnerMessageWrite {
  now: string;
  claim: OwnerClaim | null;
  conversationId: string;
  /** The customer's copy first, then any copies for the owner's other desk. */
  outbox: OutboxMessage[];
  /** The line in the transcript both desks read. */
  transcript: { kind: string; text: string | null; payload: unknown };
}

/** Something the owner sends a customer: outbox rows, the transcript line, and the wait for a person marked answered. */
export function ownerMessageQueries(db: Kysely<Database>, write: OwnerMessageWrite): CompiledQuery[] {
  const { now, conversationId } = write;
  return [
    ...claimQueries(db, write.claim, now),
    ...write.outbox.map((row) => db.insertInto('outbox').values(pendingRow({ ...row, conversationId, now })).compile()),
    db
      .insertInto('messages')
      .values({
        conversation_id: conversationId,
        direction: 'out',
        kind: write.transcript.kind,
        text: write.transcript.text,
        payload: write.transcript.payload === null ? null : JSON.stringify(write.transcript.payload),
        created_at: now,
      })
      .compile(),
    handoverDb(db).updateTable('handovers').set({ owner_replied_at: now }).where('conversation_id', '=', conversationId).where('owner_replied_at', 'is', null).compile(),
  ];
}

export interface TakeOverWrite {
  now: string;
  claim: OwnerClaim | null;
  target: OwnerTarget;
  /** The conversation's state with the person in charge, as the engine reads it. */
  state: string;
}

/**
 * The owner takes a live conversation from the bot: the mode changes only if nobody wrote to
 * the conversation since it was read (the version guard fails the batch otherwise), and the
 * hand-over is recorded as answered, so the customer is not told to wait.
 */
export function takeOverQueries(db: Kysely<Database>, write: TakeOverWrite): CompiledQuery[] {
  const { now, target } = write;
  return [
    ...claimQueries(db, write.claim, now),
    db
      .updateTable('conversations')
      .set({ mode: 'human', state: write.state, version: sql<number>`CASE WHEN version = ${target.version} AND status = 'open' THEN version + 1 ELSE NULL END` })
      .where('id', '=', target.conversationId)
      .compile(),
    db.insertInto('events').values({ conversation_id: target.conversationId, type: 'owner_took_over', flow: null, step: null, detail: null, created_at: now }).compile(),
    handoverDb(db)
      .insertInto('handovers')
      .values({ conversation_id: target.conversationId, customer_id: target.customerId, requested_at: now, owner_replied_at: now, customer_told_at: null })
      .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet({ requested_at: now, owner_replied_at: now, customer_told_at: null }))
      .compile(),
  ];
}

export interface OrderStatusWrite {
  now: string;
  claim: OwnerClaim | null;
  code: string;
  field: 'payment_status' | 'shipping_status';
  status: string;
  /** The customer's message about it, when shop.yaml words the new status; null: nobody is told. */
  tell: { outbox: OutboxMessage; conversationId: string | null } | null;
}

/** A status change and the customer's message about it, together or not at all. */
export function orderStatusQueries(db: Kysely<Database>, write: OrderStatusWrite): CompiledQuery[] {
  const { now, tell } = write;
  const queries = [...claimQueries(db, write.claim, now), db.updateTable('orders').set({ [write.field]: write.status, updated_at: now }).where('code', '=', write.code).compile()];
  if (tell) {
    queries.push(db.insertInto('outbox').values(pendingRow({ ...tell.outbox, conversationId: tell.conversationId, now })).compile());
    const payload = tell.outbox.payload as { text?: string };
    if (tell.conversationId) {
      queries.push(
        db.insertInto('messages').values({ conversation_id: tell.conversationId, direction: 'out', kind: 'owner', text: payload.text ?? null, payload: null, created_at: now }).compile(),
      );
    }
  }
  return queries;
}

/** The customer of an order and their open conversation, read before a status change. */
export async function orderForStatusChange(db: Kysely<Database>, code: string) {
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('customers as k', 'k.id', 'o.customer_id')
    .select(['o.code', 'o.customer_id', 'k.channel', 'k.chat_id', 'k.blocked'])
    .where('o.code', '=', code)
    .executeTakeFirst();
  if (!order) return undefined;
  const open = await db.selectFrom('conversations').select('id').where('customer_id', '=', order.customer_id).where('status', '=', 'open').executeTakeFirst();
  return { code: order.code, customerId: order.customer_id, channel: order.channel, chatId: order.chat_id, blocked: Boolean(order.blocked), openConversationId: open?.id ?? null };
}

function claimQueries(db: Kysely<Database>, claim: OwnerClaim | null, now: string): CompiledQuery[] {
  return claim ? [db.insertInto('processed_updates').values({ channel: `${claim.channel}-owner`, update_id: claim.updateId, processed_at: now }).compile()] : [];
}
