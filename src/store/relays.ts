import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';
import type { TurnWrite } from './turns';

/** One of the bot's messages in the owner's chat, standing for a conversation (migrations/0003). */
export interface OwnerRelayTable {
  channel: string;
  chat_id: string;
  message_id: string;
  conversation_id: string;
  customer_id: string;
  created_at: string;
}

/** A conversation handed to a person, and whether anyone answered (migrations/0003). */
export interface HandoverTable {
  conversation_id: string;
  customer_id: string;
  requested_at: string;
  owner_replied_at: string | null;
  customer_told_at: string | null;
}

// The tables of migration 0003, added to the shared Database type where they are queried.
const relayDb = (db: Kysely<Database>) => db.withTables<{ owner_relays: OwnerRelayTable; handovers: HandoverTable }>();

/** Remembers which conversation the bot's messages in the owner's chat belong to. */
export async function recordOwnerRelays(
  db: Kysely<Database>,
  relay: { channel: string; chatId: string; messageIds: readonly string[]; conversationId: string; now: string },
): Promise<void> {
  if (relay.messageIds.length === 0) return;
  const conversation = await db.selectFrom('conversations').select('customer_id').where('id', '=', relay.conversationId).executeTakeFirst();
  if (!conversation) return;
  await relayDb(db)
    .insertInto('owner_relays')
    .values(
      relay.messageIds.map((messageId) => ({
        channel: relay.channel,
        chat_id: relay.chatId,
        message_id: messageId,
        conversation_id: relay.conversationId,
        customer_id: conversation.customer_id,
        created_at: relay.now,
      })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

export interface RelayedConversation {
  conversationId: string;
  customerId: string;
  customerName: string | null;
  status: 'open' | 'closed';
  mode: string;
}

/** The conversation a message in the owner's chat stands for, if it is one of the bot's relays. */
export async function relayedConversation(db: Kysely<Database>, channel: string, chatId: string, messageId: string): Promise<RelayedConversation | undefined> {
  const row = await relayDb(db)
    .selectFrom('owner_relays')
    .where('owner_relays.channel', '=', channel)
    .where('owner_relays.chat_id', '=', chatId)
    .where('owner_relays.message_id', '=', messageId)
    .innerJoin('conversations', 'conversations.id', 'owner_relays.conversation_id')
    .innerJoin('customers', 'customers.id', 'owner_relays.customer_id')
    .select(['owner_relays.conversation_id', 'owner_relays.customer_id', 'customers.name', 'customers.display_name', 'conversations.status', 'conversations.mode'])
    .executeTakeFirst();
  return row && conversationOf(row);
}

/** A conversation by id with its customer, for the owner's hand-back button. */
export async function conversationForOwner(db: Kysely<Database>, conversationId: string): Promise<RelayedConversation | undefined> {
  const row = await db
    .selectFrom('conversations')
    .innerJoin('customers', 'customers.id', 'conversations.customer_id')
    .select(['conversations.id as conversation_id', 'conversations.customer_id', 'customers.name', 'customers.display_name', 'conversations.status', 'conversations.mode'])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  return row && conversationOf(row);
}

function conversationOf(row: { conversation_id: string; customer_id: string; name: string | null; display_name: string | null; status: 'open' | 'closed'; mode: string }): RelayedConversation {
  return { conversationId: row.conversation_id, customerId: row.customer_id, customerName: row.name ?? row.display_name, status: row.status, mode: row.mode };
}

/**
 * Starts (or restarts) the wait for a person when a turn handed the conversation over; part
 * of the turn's atomic batch, so a handover is never without its wait.
 */
export function handoverQueries(db: Kysely<Database>, write: TurnWrite): CompiledQuery[] {
  if (!write.events.some((event) => event.type === 'handover')) return [];
  const { conversation, now } = write;
  return [
    relayDb(db)
      .insertInto('handovers')
      .values({ conversation_id: conversation.id, customer_id: conversation.customerId, requested_at: now, owner_replied_at: null, customer_told_at: null })
      .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet({ requested_at: now, owner_replied_at: null, customer_told_at: null }))
      .compile(),
  ];
}

export async function markCustomerToldWhen(db: Kysely<Database>, conversationId: string, now: string): Promise<void> {
  await relayDb(db).updateTable('handovers').set({ customer_told_at: now }).where('conversation_id', '=', conversationId).execute();
}

/** Conversations still with a person, asked for before `before`, that nobody answered or explained. */
export async function unansweredHandovers(db: Kysely<Database>, before: string, limit = 100) {
  return relayDb(db)
    .selectFrom('handovers')
    .innerJoin('conversations', 'conversations.id', 'handovers.conversation_id')
    .select(['handovers.conversation_id', 'handovers.customer_id', 'handovers.requested_at'])
    .where('handovers.requested_at', '<=', before)
    .where('handovers.owner_replied_at', 'is', null)
    .where('handovers.customer_told_at', 'is', null)
    .where('conversations.status', '=', 'open')
    .where('conversations.mode', '=', 'human')
    .orderBy('handovers.requested_at')
    .limit(limit)
    .execute();
}

/**
 * Claims an update from the owner's chat; false when it was handled already (a platform
 * retry), so a reply never reaches the customer twice.
 */
export async function claimOwnerUpdate(db: Kysely<Database>, channel: string, updateId: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('processed_updates')
    .values({ channel: `${channel}-owner`, update_id: updateId, processed_at: now })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
