import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { BankTransferTable, Database } from './database';
import { pendingRow } from './outbox';
import type { OutboxMessage } from './owner-actions';

/*
 * Bank transfers the bank-notification service reports, and what a match does to an order:
 * the transfer row, the order's payment status and the messages to the customer and the
 * owner are one atomic batch, so nobody is told about a payment that was not stored.
 */

export type BankTransferRow = Selectable<BankTransferTable>;
export type TransferOutcome = BankTransferTable['outcome'];

export async function transferExists(db: Kysely<Database>, source: string, externalId: string): Promise<boolean> {
  const row = await db.selectFrom('bank_transfers').select('id').where('source', '=', source).where('external_id', '=', externalId).executeTakeFirst();
  return row !== undefined;
}

export async function transferById(db: Kysely<Database>, id: string): Promise<BankTransferRow | undefined> {
  return db.selectFrom('bank_transfers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Codes of the orders placed since `since`: the ones a transfer note may name. */
export async function orderCodesSince(db: Kysely<Database>, since: string): Promise<string[]> {
  const rows = await db.selectFrom('orders').select('code').where('created_at', '>=', since).execute();
  return rows.map((row) => row.code);
}

/** An order as a payment needs it: its total, what transfers already paid, and where its customer chats. */
export interface OrderToSettle {
  code: string;
  total: number;
  paymentStatus: string;
  paidBefore: number;
  customerId: string;
  customerName: string | null;
  channel: string;
  chatId: string;
  blocked: boolean;
  openConversationId: string | null;
}

export async function orderToSettle(db: Kysely<Database>, code: string): Promise<OrderToSettle | undefined> {
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('customers as k', 'k.id', 'o.customer_id')
    .select(['o.code', 'o.total', 'o.payment_status', 'o.customer_id', 'o.contact_name', 'k.display_name', 'k.channel', 'k.chat_id', 'k.blocked'])
    .where('o.code', '=', code)
    .executeTakeFirst();
  if (!order) return undefined;
  const paid = await db
    .selectFrom('bank_transfers')
    .select(sql<number | null>`sum(amount)`.as('amount'))
    .where('order_code', '=', order.code)
    .where('direction', '=', 'in')
    .executeTakeFirst();
  const open = await db.selectFrom('conversations').select('id').where('customer_id', '=', order.customer_id).where('status', '=', 'open').executeTakeFirst();
  return {
    code: order.code,
    total: order.total,
    paymentStatus: order.payment_status,
    paidBefore: Number(paid?.amount ?? 0),
    customerId: order.customer_id,
    customerName: order.contact_name || order.display_name,
    channel: order.channel,
    chatId: order.chat_id,
    blocked: Boolean(order.blocked),
    openConversationId: open?.id ?? null,
  };
}

export type NewBankTransfer = Omit<Insertable<BankTransferTable>, 'order_code' | 'outcome' | 'unmatched_reason' | 'matched_by' | 'matched_at'>;

export interface Settlement {
  now: string;
  order: OrderToSettle;
  outcome: Exclude<TransferOutcome, 'unmatched'>;
  /** The order's payment status after this transfer. */
  paymentStatus: string;
  /** A new transfer stored matched, or an unmatched one the owner matched by hand. */
  transfer: { kind: 'new'; row: NewBankTransfer } | { kind: 'by_hand'; id: string };
  /** The customer's message (also written to their open conversation's transcript), then the owner's. */
  outbox: OutboxMessage[];
}

/** A matched transfer: stored (or matched by hand, only if still unmatched), the order updated, both told. */
export function settlementQueries(db: Kysely<Database>, write: Settlement): CompiledQuery[] {
  const { now, order, transfer } = write;
  const transferId = transfer.kind === 'new' ? transfer.row.id : transfer.id;
  const matched = { order_code: order.code, outcome: write.outcome, unmatched_reason: null, matched_at: now } as const;
  const queries: CompiledQuery[] = [
    transfer.kind === 'new'
      ? db
          .insertInto('bank_transfers')
          .values({ ...transfer.row, ...matched, matched_by: 'auto' })
          .compile()
      : db
          .updateTable('bank_transfers')
          // A row matched meanwhile (a second click, the other desk) fails the whole batch on NOT NULL.
          .set({ ...matched, matched_by: 'owner', outcome: sql<TransferOutcome>`CASE WHEN order_code IS NULL THEN ${write.outcome} ELSE NULL END` })
          .where('id', '=', transfer.id)
          .compile(),
    db
      .updateTable('orders')
      .set({
        // Another transfer for the order stored since it was read (two at once) fails the batch on
        // NOT NULL, and the caller settles again from a fresh read, so neither total is wrong.
        payment_status: sql<string>`CASE WHEN (SELECT coalesce(sum(amount), 0) FROM bank_transfers WHERE order_code = ${order.code} AND direction = 'in' AND id <> ${transferId}) = ${order.paidBefore} THEN ${write.paymentStatus} ELSE NULL END`,
        updated_at: now,
      })
      .where('code', '=', order.code)
      .compile(),
  ];
  for (const message of write.outbox) {
    queries.push(db.insertInto('outbox').values(pendingRow({ ...message, conversationId: order.openConversationId, now })).compile());
  }
  const toCustomer = write.outbox.find((message) => message.recipient === 'customer');
  if (toCustomer && order.openConversationId) {
    const text = (toCustomer.payload as { text?: string }).text ?? null;
    queries.push(db.insertInto('messages').values({ conversation_id: order.openConversationId, direction: 'out', kind: 'payment', text, payload: null, created_at: now }).compile());
  }
  return queries;
}

/** A transfer no order claims: kept for the owner's "Tiền về" page, the owner told when `notice` is given. */
export function unmatchedQueries(db: Kysely<Database>, write: { now: string; row: NewBankTransfer; reason: string; notice: OutboxMessage | null }): CompiledQuery[] {
  const queries = [
    db
      .insertInto('bank_transfers')
      .values({ ...write.row, order_code: null, outcome: 'unmatched', unmatched_reason: write.reason, matched_by: null, matched_at: null })
      .compile(),
  ];
  if (write.notice) queries.push(db.insertInto('outbox').values(pendingRow({ ...write.notice, conversationId: null, now: write.now })).compile());
  return queries;
}

/** The transfers for the owner's page, newest first: unmatched ones, or the matched ones. */
export async function transfersReceived(db: Kysely<Database>, filter: { matched: boolean; limit: number }): Promise<BankTransferRow[]> {
  return db
    .selectFrom('bank_transfers')
    .selectAll()
    .where('order_code', filter.matched ? 'is not' : 'is', null)
    .orderBy('transferred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}
