import type { Kysely } from 'kysely';
import type { Database } from './database';

/**
 * Marks the customers of one chat as having blocked the bot (or unblocked it). Returns how many
 * customers changed; a chat that never wrote to the shop has none.
 */
export async function setCustomerBlocked(db: Kysely<Database>, channel: string, chatId: string, blocked: boolean): Promise<number> {
  const result = await db
    .updateTable('customers')
    .set({ blocked: blocked ? 1 : 0 })
    .where('channel', '=', channel)
    .where('chat_id', '=', chatId)
    .where('blocked', '=', blocked ? 0 : 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
