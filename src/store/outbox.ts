import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, OutboxTable } from './database';
import { execute } from './execute';
import { ERASED_MESSAGE } from './personal-data';
import { prepared } from './prepared';

export type OutboxRow = Selectable<OutboxTable>;

/** The chats some rows are for (the rows one turn wrote). */
export async function chatsOfRows(db: Kysely<Database>, ids: readonly string[]): Promise<{ channel: string; chat_id: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('outbox').select(['channel', 'chat_id']).distinct().where('id', 'in', ids).execute();
}

/**
 * A row still to be delivered: waiting, or taken by a sender for one attempt. Written out, not
 * bound: SQLite uses the partial index of undelivered rows (migrations/0016) only for this text.
 */
const UNDELIVERED = sql<boolean>`status in ('pending', 'sending')`;

/**
 * The ids of a chat's undelivered rows, oldest first, in the partial index's order: without the
 * order SQLite may read the chat's whole history through outbox_chat instead, and an update that
 * names the chat directly takes no ORDER BY, so updates go by these ids.
 */
const undeliveredOfChat = (db: Kysely<Database>, channel: string, chatId: string) =>
  db.selectFrom('outbox').select('id').where('channel', '=', channel).where('chat_id', '=', chatId).where(UNDELIVERED).orderBy('created_at').orderBy('id');

/**
 * Chats whose oldest undelivered row is due now (a row whose sending lease ran out counts:
 * its sender died). Pulled channels (the web chat) are left to their readers.
 */
export async function chatsWithDueRows(db: Kysely<Database>, now: string, excludeChannels: readonly string[], limit = 100): Promise<{ channel: string; chat_id: string }[]> {
  let query = db.selectFrom('outbox').select(['channel', 'chat_id']).distinct().where(UNDELIVERED).where('next_attempt_at', '<=', now);
  if (excludeChannels.length > 0) query = query.where('channel', 'not in', excludeChannels);
  return query.limit(limit).execute();
}

/**
 * Takes the oldest undelivered row of one chat (in the order the rows were written: only it
 * may be sent next) for one sending attempt, right before the platform call: marks it
 * "sending" with a lease, only if it is due (pending, or a lease that ran out). Two senders
 * never both get it; a sender that dies mid-call leaves it "sending" until the lease ends, or
 * until the next start-up resumes it (see `resumeInterruptedSends`). Undefined: the chat has
 * nothing due (nothing left, its head waits for a retry, or another sender has it).
 */
export async function claimHeadOfChat(db: Kysely<Database>, channel: string, chatId: string, now: string, leaseUntil: string): Promise<OutboxRow | undefined> {
  return (await execute<OutboxRow>(db, claimHead(db, { channel, chat_id: chatId, now, lease_until: leaseUntil }))).rows[0];
}

type ChatKey = { channel: string; chat_id: string; now: string; lease_until: string };

/** The claim: the chat's oldest undelivered row, if due, marked "sending" until the lease ends. */
const claimOf = (db: Kysely<Database>, key: ChatKey) =>
  db
    .updateTable('outbox')
    .set({ status: 'sending', next_attempt_at: key.lease_until })
    .where('id', '=', undeliveredOfChat(db, key.channel, key.chat_id).limit(1))
    .where('next_attempt_at', '<=', key.now);

// Each reply sent claims its chat's head and marks it sent: compiled once.
const claimHead = prepared((db, key: ChatKey) => claimOf(db, key).returningAll());

/**
 * The same claim inside the batch that writes row `id`, taking only that row: a turn's first
 * reply to a chat with nothing older waiting goes to its sender without a write of its own.
 */
export const claimRowQuery = prepared((db, key: ChatKey & { id: string }) => claimOf(db, key).where('id', '=', key.id));

/**
 * Whether a chat has any row left to deliver: a read, where a claim that finds nothing would
 * still take the write lock and commit. Checked after each send, when usually nothing is left.
 */
export async function hasUndelivered(db: Kysely<Database>, channel: string, chatId: string): Promise<boolean> {
  return (await execute(db, anyUndelivered(db, { channel, chat_id: chatId }))).rows.length > 0;
}

const anyUndelivered = prepared((db, key: { channel: string; chat_id: string }) => undeliveredOfChat(db, key.channel, key.chat_id).limit(1));
const sentOne = prepared((db, row: { id: string; now: string }) =>
  db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: row.now, payload: sql<string>`CASE WHEN erase_after_send = 1 THEN ${ERASED_MESSAGE} ELSE payload END` })
    .where('id', '=', row.id)
    .where(UNDELIVERED)
    .returning('erase_after_send'),
);

/**
 * A pulled chat's pending messages (the web chat, the terminal), oldest first, marked sent by
 * the same statement that reads them: two pulls at once never both get a row. A row whose
 * customer erased their data meanwhile is emptied right after, its text returned this once.
 */
export async function takePendingForChat(db: Kysely<Database>, channel: string, chatId: string, now: string): Promise<OutboxRow[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now })
    .where('id', 'in', undeliveredOfChat(db, channel, chatId).where('status', '=', 'pending'))
    .returningAll()
    .execute();
  const erased = rows.filter((row) => row.erase_after_send === 1).map((row) => row.id);
  if (erased.length > 0) await db.updateTable('outbox').set({ payload: ERASED_MESSAGE }).where('id', 'in', erased).execute();
  return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * At start-up of the only process that sends (Node): rows it was sending when it stopped are
 * due again at once, so they go before the later rows of their chat. A row whose call had
 * reached the platform is sent a second time: Telegram and Zalo take no idempotency key.
 */
export async function resumeInterruptedSends(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.updateTable('outbox').set({ status: 'pending', next_attempt_at: now }).where(UNDELIVERED).where('status', '=', 'sending').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A row sent, right after its platform call; its text is emptied if its customer erased their
 * data meanwhile. Returns whether it was (then the caller checkpoints the WAL): the sender's copy
 * of the row may predate the erasure.
 */
export async function markSent(db: Kysely<Database>, id: string, now: string): Promise<{ erased: boolean }> {
  const { rows } = await execute<{ erase_after_send: number }>(db, sentOne(db, { id, now }));
  return { erased: rows[0]?.erase_after_send === 1 };
}

export async function markRetry(db: Kysely<Database>, id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'pending', attempts, next_attempt_at: nextAttemptAt, last_error: error.slice(0, 500) }).where('id', '=', id).execute();
}

export async function markFailed(db: Kysely<Database>, id: string, attempts: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'failed', attempts, last_error: error.slice(0, 500) }).where('id', '=', id).execute();
}

/** A message to a customer outside any turn (an owner's status change, a scheduled note). */
export async function enqueueCustomerMessage(
  db: Kysely<Database>,
  row: { id: string; customerId: string; payload: unknown; now: string },
): Promise<{ channel: string; chatId: string } | undefined> {
  const customer = await db.selectFrom('customers').select(['channel', 'chat_id', 'blocked']).where('id', '=', row.customerId).executeTakeFirst();
  if (!customer || customer.blocked) return undefined;
  const open = await db.selectFrom('conversations').select('id').where('customer_id', '=', row.customerId).where('status', '=', 'open').executeTakeFirst();
  await db
    .insertInto('outbox')
    .values(pendingRow({ id: row.id, conversationId: open?.id ?? null, recipient: 'customer', channel: customer.channel, chatId: customer.chat_id, payload: row.payload, now: row.now }))
    .execute();
  return { channel: customer.channel, chatId: customer.chat_id };
}

/** Gives up every message still waiting for a chat that can no longer be reached (the customer blocked the bot). */
export async function failPendingForChat(db: Kysely<Database>, channel: string, chatId: string, error: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'failed', last_error: error.slice(0, 500) })
    .where('id', 'in', undeliveredOfChat(db, channel, chatId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A message to the owner outside any turn (an answer to a command); `conversationId` makes a reply to it reach that customer. */
export async function enqueueOwnerMessage(
  db: Kysely<Database>,
  row: { id: string; channel: string; chatId: string; conversationId: string | null; payload: unknown; now: string },
): Promise<void> {
  await db
    .insertInto('outbox')
    .values(pendingRow({ ...row, recipient: 'owner' }))
    .execute();
}

/** An outbox row ready to send now. */
export function pendingRow(row: {
  id: string;
  conversationId: string | null;
  recipient: 'customer' | 'owner';
  channel: string;
  chatId: string;
  payload: unknown;
  now: string;
}): Insertable<OutboxTable> {
  return {
    id: row.id,
    conversation_id: row.conversationId,
    recipient: row.recipient,
    channel: row.channel,
    chat_id: row.chatId,
    payload: JSON.stringify(row.payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: row.now,
    created_at: row.now,
  };
}

/** The row a claim in the batch that inserts it leaves in the table: its sender sends it without reading it back. */
export function claimedRowOf(pending: Insertable<OutboxTable>, leaseUntil: string): OutboxRow {
  return {
    id: pending.id,
    conversation_id: pending.conversation_id ?? null,
    recipient: pending.recipient,
    channel: pending.channel,
    chat_id: pending.chat_id,
    payload: pending.payload,
    status: 'sending',
    attempts: pending.attempts ?? 0,
    next_attempt_at: leaseUntil,
    last_error: null,
    created_at: pending.created_at,
    sent_at: null,
    erase_after_send: 0,
  };
}
