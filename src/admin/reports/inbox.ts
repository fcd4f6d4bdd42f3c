import type { Selectable } from 'kysely';
import type { MessageTable } from '../../store/index';
import type { ReportDb } from './range';

export interface InboxRow {
  conversationId: string;
  customerId: string;
  customerName: string | null;
  channel: string;
  mode: string;
  /** When the customer asked for a person (or the owner took over); null for a conversation the bot still has. */
  waitingSince: string | null;
  /** Whether anyone answered since the customer asked. */
  answered: boolean;
  lastActivityAt: string;
  entryFlow: string | null;
  lastText: string | null;
}

// The table of migration 0003, added to the shared Database type where it is queried.
type HandoverTable = { conversation_id: string; customer_id: string; requested_at: string; owner_replied_at: string | null; customer_told_at: string | null };

/**
 * Open conversations for the inbox: those waiting for a person first, newest first, then the
 * ones the bot has, most recent first (the owner may take any of them over).
 */
export async function inboxConversations(db: ReportDb, limit = 100): Promise<InboxRow[]> {
  const rows = await db
    .withTables<{ handovers: HandoverTable }>()
    .selectFrom('conversations as c')
    .innerJoin('customers as k', 'k.id', 'c.customer_id')
    .leftJoin('handovers as h', 'h.conversation_id', 'c.id')
    .select(['c.id', 'c.customer_id', 'k.name', 'k.display_name', 'c.channel', 'c.mode', 'h.requested_at', 'h.owner_replied_at', 'c.last_activity_at', 'c.entry_flow'])
    .select((eb) =>
      eb
        .selectFrom('messages as m')
        .select('m.text')
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.direction', '=', 'in')
        .where('m.text', 'is not', null)
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('last_text'),
    )
    .where('c.status', '=', 'open')
    .orderBy('c.last_activity_at', 'desc')
    .limit(limit)
    .execute();
  const inbox = rows.map((row) => ({
    conversationId: row.id,
    customerId: row.customer_id,
    customerName: row.name ?? row.display_name,
    channel: row.channel,
    mode: row.mode,
    waitingSince: row.mode === 'human' ? (row.requested_at ?? row.last_activity_at) : null,
    answered: row.mode === 'human' && row.owner_replied_at !== null,
    lastActivityAt: row.last_activity_at,
    entryFlow: row.entry_flow,
    lastText: row.last_text ?? null,
  }));
  const waiting = inbox.filter((row) => row.waitingSince !== null).sort((a, b) => (a.waitingSince! < b.waitingSince! ? 1 : a.waitingSince! > b.waitingSince! ? -1 : 0));
  return [...waiting, ...inbox.filter((row) => row.waitingSince === null)];
}

/** A conversation's messages after `afterId`, oldest first: what the open inbox page has not shown yet. */
export async function messagesAfter(db: ReportDb, conversationId: string, afterId: number, limit = 500): Promise<Selectable<MessageTable>[]> {
  return db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
