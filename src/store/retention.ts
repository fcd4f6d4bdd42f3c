import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database';

/** What the chat page sends by itself when it opens (the visitor has not written anything yet). */
export const PAGE_GREETING = '/start';
/** Rows one pass changes at most, so a first run over a year of data never holds the database for long. */
const PASS_SIZE = 500;

/**
 * Web visitors last seen before `before` who never wrote: their only messages in are the
 * page's own greeting. Each opened page makes one; kept for ever they would fill the disk.
 */
export async function silentVisitors(db: Kysely<Database>, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('channel', '=', 'web')
    .where('last_seen_at', '<', before)
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('messages')
            .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
            .select(sql<number>`1`.as('one'))
            .whereRef('conversations.customer_id', '=', 'customers.id')
            .where('messages.direction', '=', 'in')
            .where((eb) => eb.or([eb('messages.kind', '!=', 'text'), eb('messages.text', 'is', null), eb('messages.text', '!=', PAGE_GREETING)])),
        ),
      ),
    )
    .where(({ exists, not, selectFrom }) => not(exists(selectFrom('orders').select('orders.id').whereRef('orders.customer_id', '=', 'customers.id'))))
    .limit(PASS_SIZE)
    .execute();
  return rows.map((row) => row.id);
}

/** Deletes those visitors and everything of theirs, as one batch; one who came back since (`last_seen_at`) is left alone. */
export function deleteVisitorsQueries(db: Kysely<Database>, ids: readonly string[], before: string): CompiledQuery[] {
  if (ids.length === 0) return [];
  const stillSilent = db.selectFrom('customers').select('id').where('id', 'in', ids).where('last_seen_at', '<', before);
  const chats = db.selectFrom('customers').select('chat_id').where('id', 'in', ids).where('last_seen_at', '<', before);
  const conversations = db.selectFrom('conversations').select('id').where('customer_id', 'in', stillSilent);
  return [
    db.deleteFrom('messages').where('conversation_id', 'in', conversations).compile(),
    db.deleteFrom('events').where('conversation_id', 'in', conversations).compile(),
    db.deleteFrom('outbox').where('channel', '=', 'web').where('chat_id', 'in', chats).compile(),
    db.deleteFrom('scheduled_messages').where('customer_id', 'in', stillSilent).compile(),
    db.deleteFrom('conversations').where('customer_id', 'in', stillSilent).compile(),
    db.deleteFrom('customers').where('id', 'in', stillSilent).compile(),
  ];
}

/**
 * Ages out transcript text written before `before` (RETENTION_DAYS): message texts and
 * payloads, free text in events, satisfaction comments, photos sent in the chat, delivered
 * outbox rows, and the update ids kept against platform retries. Rows, scores and counts stay
 * for the dashboard.
 */
export function ageOutQueries(db: Kysely<Database>, before: string): CompiledQuery[] {
  const oldMessages = db.selectFrom('messages').select('id').where('created_at', '<', before).where((eb) => eb.or([eb('text', 'is not', null), eb('payload', 'is not', null)])).limit(PASS_SIZE * 10);
  return [
    db.updateTable('messages').set({ text: null, payload: null }).where('id', 'in', oldMessages).compile(),
    // One statement per type: each type's events are in an index of their own (migrations/0016).
    ...(['fallback', 'satisfaction_comment'] as const).map((type) => db.updateTable('events').set({ detail: null }).where('type', '=', type).where('created_at', '<', before).where('detail', 'is not', null).compile()),
    db.updateTable('conversations').set({ satisfaction_comment: null }).where('started_at', '<', before).where('satisfaction_comment', 'is not', null).compile(),
    db.withTables<{ photos: { created_at: string } }>().deleteFrom('photos').where('created_at', '<', before).compile(),
    db.deleteFrom('outbox').where('created_at', '<', before).where('status', 'in', ['sent', 'failed']).compile(),
    db.deleteFrom('processed_updates').where('processed_at', '<', before).compile(),
  ];
}
