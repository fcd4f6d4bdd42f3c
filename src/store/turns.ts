import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/sqlite';
import type { ConversationTable, CustomerTable, Database, EventTable, MessageTable, OutboxTable, ProcessedUpdateTable } from './database';
import { execute } from './execute';
import { claimedRowOf, claimRowQuery, pendingRow, type OutboxRow } from './outbox';
import { prepared } from './prepared';

export interface TurnSnapshot {
  processed: boolean;
  customer: Selectable<CustomerTable> | undefined;
  /** The customer's open conversation, if any. */
  conversation: Selectable<ConversationTable> | undefined;
  /** What the engine knows of the newest orders: a complaint naming a product means an order that held it, a once-per-customer code one it used. */
  recentOrders: { code: string; status: string; total: number; createdAt: string; promoCode: string | null; items: { productId: string; quantity: number }[] }[];
  /** Every order of the customer, newest first: what the shop tells a customer who asks for their data. */
  orders: { code: string; total: number }[];
  /** How many conversations the shop keeps of this customer. */
  conversationCount: number;
  /** The newest order a returning customer can reorder or confirm the address of (absent: none). */
  lastOrder?: LastOrder | null;
}

export interface LastOrder {
  code: string;
  contactName: string;
  province: string | null;
  items: { productId: string; quantity: number }[];
  createdAt: string;
}

/** Orders the engine sees (the newest): enough to answer "where is my order". */
const RECENT_ORDERS = 5;

const CUSTOMER_COLUMNS = ['id', 'channel', 'chat_id', 'display_name', 'name', 'phone', 'address', 'blocked', 'opted_out', 'created_at', 'last_seen_at'] as const satisfies readonly (keyof CustomerTable)[];
const CONVERSATION_COLUMNS = [
  'id', 'customer_id', 'channel', 'status', 'started_at', 'last_activity_at', 'ended_at', 'outcome', 'entry_flow', 'stage', 'phase', 'message_count',
  'first_response_ms', 'satisfaction_asked', 'satisfaction_score', 'satisfaction_comment', 'mode', 'state', 'flows_version', 'version',
] as const satisfies readonly (keyof ConversationTable)[];

/**
 * Everything a turn reads, as one statement compiled once: on the hot path each statement
 * costs a round through the driver, and most customers have no order to look up anyway.
 */
const turnRead = prepared((db, key: { channel: string; update_id: string; customer_id: string }) =>
  db.selectNoFrom((eb) => [
    eb.exists(eb.selectFrom('processed_updates').select('update_id').where('channel', '=', key.channel).where('update_id', '=', key.update_id)).as('processed'),
    jsonObjectFrom(eb.selectFrom('customers').select(CUSTOMER_COLUMNS).where('id', '=', key.customer_id)).as('customer'),
    // 'open' written into the statement: a bound value compared with the partial index's column makes SQLite prepare the statement again on every run.
    jsonObjectFrom(eb.selectFrom('conversations').select(CONVERSATION_COLUMNS).where('customer_id', '=', key.customer_id).where('status', '=', sql.lit('open'))).as('conversation'),
    jsonArrayFrom(eb.selectFrom('orders').select(['code', 'shipping_status', 'payment_status', 'total', 'created_at', 'promo_code', 'items']).where('customer_id', '=', key.customer_id).orderBy('created_at', 'desc')).as('orders'),
    eb.selectFrom('conversations').select((count) => count.fn.countAll<number>().as('count')).where('customer_id', '=', key.customer_id).as('conversation_count'),
    jsonObjectFrom(
      eb
        .selectFrom('orders')
        .select(['code', 'contact_name', 'province', 'items', 'created_at'])
        .where('customer_id', '=', key.customer_id)
        .where('shipping_status', '!=', sql.lit('cancelled'))
        // An order whose contact was erased (personal data on request) is no one's to reorder.
        .where('contact_name', '!=', sql.lit(''))
        .orderBy('created_at', 'desc')
        .limit(1),
    ).as('last_order'),
  ]),
);

interface TurnReadRow {
  processed: number;
  customer: string | null;
  conversation: string | null;
  orders: string;
  conversation_count: number | null;
  last_order: string | null;
}

type OrderSeen = { code: string; shipping_status: string; payment_status: string; total: number; created_at: string; promo_code: string | null; items: string };

/** The read half of a turn: everything the engine needs, read before anything is written. */
export async function readTurn(db: Kysely<Database>, channel: string, updateId: string, customerId: string): Promise<TurnSnapshot> {
  const row = (await execute<TurnReadRow>(db, turnRead(db, { channel, update_id: updateId, customer_id: customerId }))).rows[0]!;
  const orders = (JSON.parse(row.orders) as OrderSeen[]).sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  return {
    processed: Boolean(row.processed),
    customer: row.customer ? (JSON.parse(row.customer) as Selectable<CustomerTable>) : undefined,
    conversation: row.conversation ? (JSON.parse(row.conversation) as Selectable<ConversationTable>) : undefined,
    recentOrders: orders.slice(0, RECENT_ORDERS).map((order) => ({
      code: order.code,
      status: order.payment_status === 'awaiting_confirmation' ? 'awaiting_confirmation' : order.shipping_status,
      total: order.total,
      createdAt: order.created_at,
      promoCode: order.promo_code,
      items: orderLines(order.items),
    })),
    orders: orders.map((order) => ({ code: order.code, total: order.total })),
    conversationCount: Number(row.conversation_count ?? 0),
    lastOrder: row.last_order ? lastOrderOf(JSON.parse(row.last_order) as { code: string; contact_name: string; province: string | null; items: string; created_at: string }) : null,
  };
}

function lastOrderOf(order: { code: string; contact_name: string; province: string | null; items: string; created_at: string }): LastOrder {
  return { code: order.code, contactName: order.contact_name, province: order.province, items: orderLines(order.items), createdAt: order.created_at };
}

/** An order's stored lines, as products and quantities (lines of an older shape are skipped, not trusted). */
function orderLines(items: string): { productId: string; quantity: number }[] {
  const lines = JSON.parse(items) as { productId?: unknown; quantity?: unknown }[];
  return lines.flatMap((line) => (typeof line.productId === 'string' && typeof line.quantity === 'number' ? [{ productId: line.productId, quantity: line.quantity }] : []));
}

/** What a turn writes of a touchpoint; its identity and version are handled apart. */
export type ConversationFields = Omit<ConversationTable, 'id' | 'customer_id' | 'channel' | 'started_at' | 'version'>;

export interface TurnWrite {
  now: string;
  /** Absent for writes that answer no platform update (the idle sweep). */
  update?: { channel: string; id: string };
  customer?: { id: string; channel: string; chatId: string; displayName: string | null; profile: { name?: string; phone?: string; address?: string } };
  conversation: {
    id: string;
    customerId: string;
    channel: string;
    startedAt: string;
    expectedVersion: number | null;
    fields: ConversationFields;
    /** The row as it was read: only the fields that differ are written (each changed column costs its indexes). */
    stored?: ConversationFields;
  };
  messages: { direction: 'in' | 'out'; kind: string; text: string | null; payload: unknown }[];
  events: { type: string; flow: string | null; step: string | null; detail: unknown }[];
  orders: {
    id: string;
    code: string;
    items: unknown;
    subtotal: number;
    discount: number;
    shippingFee: number;
    total: number;
    promoCode: string | null;
    contactName: string;
    phone: string;
    address: string;
    province: string | null;
    note: string | null;
    paymentMethod: string;
  }[];
  returnRequests: { id: string; orderCode: string; problem: string; photos: string[]; resolution: string }[];
  paymentClaims: string[];
  /**
   * `leaseUntil`: the sender takes this row right after the commit, so the batch claims it for
   * sending (as the sender's own claim would) when it is the oldest undelivered row of its chat.
   */
  outbox: { id: string; recipient: 'customer' | 'owner'; channel: string; chatId: string; payload: unknown; leaseUntil?: string }[];
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * The write half of a turn as one list of statements for a single atomic batch. The
 * processed-update row goes first so a duplicate fails before anything else; the
 * conversation row is guarded by its version (a stale writer sets it to NULL, which the
 * NOT NULL constraint refuses, failing the batch).
 */
export function turnQueries(db: Kysely<Database>, write: TurnWrite): TurnQueries {
  const queries: CompiledQuery[] = [];
  const claims: ClaimInBatch[] = [];
  const { now, conversation } = write;
  if (write.update) {
    queries.push(insertProcessedUpdate(db, { channel: write.update.channel, update_id: write.update.id, processed_at: now }));
  }
  if (write.customer) {
    const { customer } = write;
    // Only what the customer gave: an empty value never overwrites what the shop knows.
    queries.push(
      upsertCustomer(db, {
        id: customer.id,
        channel: customer.channel,
        chat_id: customer.chatId,
        display_name: customer.displayName || undefined,
        name: customer.profile.name || undefined,
        phone: customer.profile.phone || undefined,
        address: customer.profile.address || undefined,
        now,
      }),
    );
  }
  if (conversation.expectedVersion === null) {
    queries.push(insertConversation(db, { id: conversation.id, customer_id: conversation.customerId, channel: conversation.channel, started_at: conversation.startedAt, version: 1, ...conversation.fields }));
  } else {
    queries.push(updateConversation(db, { ...changedFields(conversation.fields, conversation.stored), id: conversation.id, expected_version: conversation.expectedVersion }));
  }
  for (const message of write.messages) {
    queries.push(insertMessage(db, { conversation_id: conversation.id, direction: message.direction, kind: message.kind, text: message.text, payload: json(message.payload), created_at: now }));
  }
  for (const event of write.events) {
    queries.push(insertEvent(db, { conversation_id: conversation.id, type: event.type, flow: event.flow, step: event.step, detail: json(event.detail), created_at: now }));
  }
  for (const order of write.orders) {
    queries.push(
      db
        .insertInto('orders')
        .values({
          id: order.id,
          code: order.code,
          customer_id: conversation.customerId,
          conversation_id: conversation.id,
          channel: conversation.channel,
          items: JSON.stringify(order.items),
          subtotal: order.subtotal,
          discount: order.discount,
          shipping_fee: order.shippingFee,
          total: order.total,
          promo_code: order.promoCode,
          contact_name: order.contactName,
          phone: order.phone,
          address: order.address,
          province: order.province,
          note: order.note,
          payment_method: order.paymentMethod,
          payment_status: 'unpaid',
          shipping_status: 'new',
          created_at: now,
          updated_at: now,
        })
        .compile(),
    );
  }
  for (const request of write.returnRequests) {
    queries.push(
      db
        .insertInto('return_requests')
        .values({
          id: request.id,
          order_code: request.orderCode,
          customer_id: conversation.customerId,
          conversation_id: conversation.id,
          problem: request.problem,
          photos: JSON.stringify(request.photos),
          resolution: request.resolution,
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .compile(),
    );
  }
  for (const code of write.paymentClaims) {
    queries.push(
      db
        .updateTable('orders')
        .set({ payment_status: 'awaiting_confirmation', updated_at: now })
        .where('code', '=', code)
        .where('customer_id', '=', conversation.customerId)
        .where('payment_status', '=', 'unpaid')
        .compile(),
    );
  }
  for (const row of write.outbox) {
    const pending = pendingRow({ ...row, conversationId: conversation.id, now });
    queries.push(insertOutbox(db, pending));
    if (!row.leaseUntil) continue;
    claims.push({ at: queries.length, row: claimedRowOf(pending, row.leaseUntil) });
    queries.push(claimRowQuery(db, { id: row.id, channel: row.channel, chat_id: row.chatId, now, lease_until: row.leaseUntil }));
  }
  return { queries, claims };
}

/** A turn's statements, and the claims among them. */
export interface TurnQueries {
  queries: CompiledQuery[];
  claims: ClaimInBatch[];
}

/** An outbox row the batch claims for its sender: the claim took if the statement at `at` changed a row; then `row` is the row as stored. */
export interface ClaimInBatch {
  at: number;
  row: OutboxRow;
}

/** The fields that differ from the row as read; the version guard makes sure the row is still that one. */
function changedFields(fields: ConversationFields, stored: ConversationFields | undefined): Partial<ConversationFields> {
  if (!stored) return fields;
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) if (stored[name as keyof ConversationFields] !== value) changed[name] = value;
  return changed as Partial<ConversationFields>;
}

// The statements every turn writes, compiled once per shape.
const upsertCustomer = prepared(
  (db, row: { id: string; channel: string; chat_id: string; display_name?: string; name?: string; phone?: string; address?: string; now: string }) =>
    db
      .insertInto('customers')
      .values({
        id: row.id,
        channel: row.channel,
        chat_id: row.chat_id,
        display_name: row.display_name ?? null,
        name: row.name ?? null,
        phone: row.phone ?? null,
        address: row.address ?? null,
        created_at: row.now,
        last_seen_at: row.now,
      })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({
          last_seen_at: row.now,
          chat_id: row.chat_id,
          ...(row.display_name !== undefined ? { display_name: row.display_name } : {}),
          ...(row.name !== undefined ? { name: row.name } : {}),
          ...(row.phone !== undefined ? { phone: row.phone } : {}),
          ...(row.address !== undefined ? { address: row.address } : {}),
        }),
      ),
);
const insertProcessedUpdate = prepared((db, row: Insertable<ProcessedUpdateTable>) => db.insertInto('processed_updates').values(row));
const insertConversation = prepared((db, row: Insertable<ConversationTable>) => db.insertInto('conversations').values(row));
const updateConversation = prepared((db, row: Partial<ConversationFields> & { id: string; expected_version: number }) => {
  const { id, expected_version, ...fields } = row;
  return db
    .updateTable('conversations')
    .set({ ...fields, version: sql<number>`CASE WHEN version = ${expected_version} THEN version + 1 ELSE NULL END` })
    .where('id', '=', id);
});
const insertMessage = prepared((db, row: Insertable<MessageTable>) => db.insertInto('messages').values(row));
const insertEvent = prepared((db, row: Insertable<EventTable>) => db.insertInto('events').values(row));
const insertOutbox = prepared((db, row: Insertable<OutboxTable>) => db.insertInto('outbox').values(row));

/** Conversations nobody wrote to since `before`: the idle sweep closes them. */
export async function idleConversations(db: Kysely<Database>, before: string, limit = 200) {
  return db.selectFrom('conversations').selectAll().where('status', '=', 'open').where('last_activity_at', '<', before).orderBy('last_activity_at').limit(limit).execute();
}

/** Where a conversation stands (flow and step), for tools that script the bot. */
export async function conversationById(db: Kysely<Database>, id: string) {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}
