import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ConversationTable, CustomerTable, Database, EventTable, MessageTable, OutboxTable, ProcessedUpdateTable } from './database';
import { pendingRow } from './outbox';
import { prepared } from './prepared';

export interface TurnSnapshot {
  processed: boolean;
  customer: Selectable<CustomerTable> | undefined;
  /** The customer's open conversation, if any. */
  conversation: Selectable<ConversationTable> | undefined;
  recentOrders: { code: string; status: string; total: number; createdAt: string }[];
  /** Every order of the customer, newest first: what the shop tells a customer who asks for their data. */
  orders: { code: string; total: number }[];
  /** How many conversations the shop keeps of this customer. */
  conversationCount: number;
}

/** Orders the engine sees (the newest): enough to answer "where is my order". */
const RECENT_ORDERS = 5;

// The reads every turn makes, compiled once.
const processedUpdate = prepared((db, key: { channel: string; update_id: string }) =>
  db.selectFrom('processed_updates').select('update_id').where('channel', '=', key.channel).where('update_id', '=', key.update_id),
);
const customerById = prepared((db, key: { id: string }) => db.selectFrom('customers').selectAll().where('id', '=', key.id));
const openConversation = prepared((db, key: { customer_id: string }) => db.selectFrom('conversations').selectAll().where('customer_id', '=', key.customer_id).where('status', '=', 'open'));
const ordersOf = prepared((db, key: { customer_id: string }) =>
  db.selectFrom('orders').select(['code', 'shipping_status', 'payment_status', 'total', 'created_at']).where('customer_id', '=', key.customer_id).orderBy('created_at', 'desc'),
);
const conversationCount = prepared((db, key: { customer_id: string }) =>
  db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('count')).where('customer_id', '=', key.customer_id),
);

/** The read half of a turn: everything the engine needs, read before anything is written. */
export async function readTurn(db: Kysely<Database>, channel: string, updateId: string, customerId: string): Promise<TurnSnapshot> {
  const rows = <R>(query: CompiledQuery) => db.executeQuery<R>(query).then((result) => result.rows);
  const [processed, customer, conversation, orders, conversations] = await Promise.all([
    rows<{ update_id: string }>(processedUpdate(db, { channel, update_id: updateId })).then((found) => found[0]),
    rows<Selectable<CustomerTable>>(customerById(db, { id: customerId })).then((found) => found[0]),
    rows<Selectable<ConversationTable>>(openConversation(db, { customer_id: customerId })).then((found) => found[0]),
    rows<{ code: string; shipping_status: string; payment_status: string; total: number; created_at: string }>(ordersOf(db, { customer_id: customerId })),
    rows<{ count: number }>(conversationCount(db, { customer_id: customerId })).then((found) => found[0]),
  ]);
  return {
    processed: processed !== undefined,
    customer,
    conversation,
    recentOrders: orders.slice(0, RECENT_ORDERS).map((order) => ({
      code: order.code,
      status: order.payment_status === 'awaiting_confirmation' ? 'awaiting_confirmation' : order.shipping_status,
      total: order.total,
      createdAt: order.created_at,
    })),
    orders: orders.map((order) => ({ code: order.code, total: order.total })),
    conversationCount: Number(conversations?.count ?? 0),
  };
}

/** What a turn writes of a touchpoint; its identity and version are handled apart. */
export type ConversationFields = Omit<ConversationTable, 'id' | 'customer_id' | 'channel' | 'started_at' | 'version'>;

export interface TurnWrite {
  now: string;
  /** Absent for writes that answer no platform update (the idle sweep). */
  update?: { channel: string; id: string };
  customer?: { id: string; channel: string; chatId: string; displayName: string | null; profile: { name?: string; phone?: string; address?: string } };
  conversation: { id: string; customerId: string; channel: string; startedAt: string; expectedVersion: number | null; fields: ConversationFields };
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
  outbox: { id: string; recipient: 'customer' | 'owner'; channel: string; chatId: string; payload: unknown }[];
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * The write half of a turn as one list of statements for a single atomic batch. The
 * processed-update row goes first so a duplicate fails before anything else; the
 * conversation row is guarded by its version (a stale writer sets it to NULL, which the
 * NOT NULL constraint refuses, failing the batch).
 */
export function turnQueries(db: Kysely<Database>, write: TurnWrite): CompiledQuery[] {
  const queries: CompiledQuery[] = [];
  const { now, conversation } = write;
  if (write.update) {
    queries.push(insertProcessedUpdate(db, { channel: write.update.channel, update_id: write.update.id, processed_at: now }));
  }
  if (write.customer) {
    const { customer } = write;
    const profile = Object.fromEntries(Object.entries(customer.profile).filter(([, value]) => value));
    queries.push(
      db
        .insertInto('customers')
        .values({
          id: customer.id,
          channel: customer.channel,
          chat_id: customer.chatId,
          display_name: customer.displayName,
          name: profile.name ?? null,
          phone: profile.phone ?? null,
          address: profile.address ?? null,
          created_at: now,
          last_seen_at: now,
        })
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet({
            last_seen_at: now,
            chat_id: customer.chatId,
            ...(customer.displayName ? { display_name: customer.displayName } : {}),
            ...profile,
          }),
        )
        .compile(),
    );
  }
  if (conversation.expectedVersion === null) {
    queries.push(insertConversation(db, { id: conversation.id, customer_id: conversation.customerId, channel: conversation.channel, started_at: conversation.startedAt, version: 1, ...conversation.fields }));
  } else {
    queries.push(updateConversation(db, { ...conversation.fields, id: conversation.id, expected_version: conversation.expectedVersion }));
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
    queries.push(insertOutbox(db, pendingRow({ ...row, conversationId: conversation.id, now })));
  }
  return queries;
}

// The statements every turn writes, compiled once per shape.
const insertProcessedUpdate = prepared((db, row: Insertable<ProcessedUpdateTable>) => db.insertInto('processed_updates').values(row));
const insertConversation = prepared((db, row: Insertable<ConversationTable>) => db.insertInto('conversations').values(row));
const updateConversation = prepared((db, row: ConversationFields & { id: string; expected_version: number }) => {
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
