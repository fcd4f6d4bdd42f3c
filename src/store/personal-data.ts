import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database';
import { erasePhotosQuery } from './photos';

/** Everything the shop holds about one customer, as the customer or the owner may ask for it. */
export interface PersonalData {
  customer: { id: string; channel: string; name: string | null; display_name: string | null; phone: string | null; address: string | null; opted_out: boolean; created_at: string; last_seen_at: string };
  orders: {
    code: string;
    created_at: string;
    items: unknown;
    total: number;
    contact_name: string;
    phone: string;
    address: string;
    province: string | null;
    note: string | null;
    payment_status: string;
    shipping_status: string;
  }[];
  return_requests: { order_code: string; problem: string; resolution: string; photos: unknown; status: string; created_at: string }[];
  conversations: {
    id: string;
    started_at: string;
    entry_flow: string | null;
    satisfaction_score: number | null;
    satisfaction_comment: string | null;
    messages: { direction: string; kind: string; text: string | null; created_at: string }[];
  }[];
  scheduled_messages: { kind: string; due_at: string; status: string }[];
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Reads what the shop holds about a customer; undefined for an unknown id. */
export async function personalData(db: Kysely<Database>, customerId: string): Promise<PersonalData | undefined> {
  const customer = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
  if (!customer) return undefined;
  const [orders, returns, conversations, messages, scheduled] = await Promise.all([
    db.selectFrom('orders').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute(),
    db.selectFrom('return_requests').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute(),
    db
      .selectFrom('conversations')
      .select(['id', 'started_at', 'entry_flow', 'satisfaction_score', 'satisfaction_comment'])
      .where('customer_id', '=', customerId)
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.conversation_id', 'messages.direction', 'messages.kind', 'messages.text', 'messages.created_at'])
      .where('conversations.customer_id', '=', customerId)
      .orderBy('messages.id')
      .execute(),
    db.selectFrom('scheduled_messages').select(['kind', 'due_at', 'status']).where('customer_id', '=', customerId).orderBy('due_at').execute(),
  ]);
  return {
    customer: {
      id: customer.id,
      channel: customer.channel,
      name: customer.name,
      display_name: customer.display_name,
      phone: customer.phone,
      address: customer.address,
      opted_out: customer.opted_out === 1,
      created_at: customer.created_at,
      last_seen_at: customer.last_seen_at,
    },
    orders: orders.map((order) => ({
      code: order.code,
      created_at: order.created_at,
      items: parse(order.items),
      total: order.total,
      contact_name: order.contact_name,
      phone: order.phone,
      address: order.address,
      province: order.province,
      note: order.note,
      payment_status: order.payment_status,
      shipping_status: order.shipping_status,
    })),
    return_requests: returns.map((request) => ({
      order_code: request.order_code,
      problem: request.problem,
      resolution: request.resolution,
      photos: parse(request.photos),
      status: request.status,
      created_at: request.created_at,
    })),
    conversations: conversations.map((conversation) => ({
      ...conversation,
      messages: messages
        .filter((message) => message.conversation_id === conversation.id)
        .map((message) => ({ direction: message.direction, kind: message.kind, text: message.text, created_at: message.created_at })),
    })),
    scheduled_messages: scheduled,
  };
}

/** What an erased message says: nothing. A message sent after its customer's erasure becomes this too. */
export const ERASED_MESSAGE = JSON.stringify({ kind: 'text', text: '' });

/**
 * Erases a customer's personal data as one batch, keeping anonymous statistics: conversation
 * rows with their scores and counts, events, orders with their totals and items. Removed:
 * name, phone and address (customer and orders), order notes, transcript text and payloads,
 * satisfaction comments, free text in events, return photos, the notes of bank transfers for
 * their orders, message bodies in the outbox
 * (to the customer and the owner's notices about them). The customer is opted out of
 * scheduled messages. `keepPending` leaves the customer's messages not yet delivered (the
 * confirmation of the very turn that asked for this) to be sent, then emptied.
 * On SQLite, run `store.checkpoint()` after the batch so the old bytes leave the WAL too.
 */
export function erasePersonalDataQueries(
  db: Kysely<Database>,
  customerId: string,
  options: { keepPending: boolean; /** The engine's fresh state as JSON: the store does not know its shape. */ erasedState: string },
): CompiledQuery[] {
  const conversationIds = db.selectFrom('conversations').select('id').where('customer_id', '=', customerId);
  const chat = (column: 'channel' | 'chat_id') => db.selectFrom('customers').select(column).where('id', '=', customerId);
  const toCustomer = db.updateTable('outbox').where('recipient', '=', 'customer').where('channel', '=', chat('channel')).where('chat_id', '=', chat('chat_id'));
  const aboutCustomer = db
    .updateTable('outbox')
    .where((eb) =>
      eb.or([
        eb('conversation_id', 'in', conversationIds),
        eb.and([eb('recipient', '=', 'customer'), eb('channel', '=', chat('channel')), eb('chat_id', '=', chat('chat_id'))]),
      ]),
    );
  const undelivered = ['pending', 'sending'] as const;
  return [
    db.updateTable('messages').set({ text: null, payload: null }).where('conversation_id', 'in', conversationIds).compile(),
    db
      .updateTable('events')
      .set({ detail: null })
      .where('conversation_id', 'in', conversationIds)
      .where('type', 'in', ['fallback', 'satisfaction_comment'])
      .compile(),
    db.updateTable('conversations').set({ satisfaction_comment: null }).where('customer_id', '=', customerId).compile(),
    // The customer's own request runs inside their turn, whose new state already forgot everything; from the
    // dashboard the open conversation is reset too, and its version moves so a turn in flight retries from the read.
    options.keepPending
      ? db.updateTable('conversations').set({ state: options.erasedState }).where('customer_id', '=', customerId).where('status', '=', 'closed').compile()
      : db.updateTable('conversations').set({ state: options.erasedState, version: sql<number>`version + 1` }).where('customer_id', '=', customerId).compile(),
    db.updateTable('orders').set({ contact_name: '', phone: '', address: '', note: null }).where('customer_id', '=', customerId).compile(),
    db.updateTable('return_requests').set({ photos: '[]' }).where('customer_id', '=', customerId).compile(),
    // A transfer note often carries the sender's name; the amount and the order stay for the books.
    db.updateTable('bank_transfers').set({ content: '' }).where('order_code', 'in', db.selectFrom('orders').select('code').where('customer_id', '=', customerId)).compile(),
    // The photos themselves (the web chat's), not only the references to them.
    erasePhotosQuery(db, customerId),
    // What is still to go to the customer is sent (when kept) and emptied right after; everything else, owner notices included, is emptied now.
    ...(options.keepPending ? [toCustomer.where('status', 'in', undelivered).set({ erase_after_send: 1 }).compile()] : []),
    (options.keepPending ? aboutCustomer.where((eb) => eb.not(eb.and([eb('recipient', '=', 'customer'), eb('status', 'in', undelivered)]))) : aboutCustomer)
      .set({ payload: ERASED_MESSAGE, status: sql<'failed'>`CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END`, last_error: sql<string | null>`CASE WHEN status IN ('pending', 'sending') THEN 'personal data erased' ELSE last_error END` })
      .compile(),
    db
      .updateTable('scheduled_messages')
      .set({ status: sql<'cancelled'>`CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END`, payload: '{}' })
      .where('customer_id', '=', customerId)
      .compile(),
    db.updateTable('customers').set({ name: null, display_name: null, phone: null, address: null, opted_out: 1 }).where('id', '=', customerId).compile(),
  ];
}
