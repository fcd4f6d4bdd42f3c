import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';
import { pendingRow } from './outbox';

/**
 * A short fixed answer to an update that starts no turn (a sticker, a voice note, a mention in
 * a group): the update marked processed and the answer queued in one batch, so a platform's
 * retry of the same update fails the batch on processed_updates and is answered once.
 */
export function courtesyReplyQueries(
  db: Kysely<Database>,
  write: { channel: string; updateId: string; chatId: string; outboxId: string; payload: unknown; now: string },
): CompiledQuery[] {
  return [
    db.insertInto('processed_updates').values({ channel: write.channel, update_id: write.updateId, processed_at: write.now }).compile(),
    db
      .insertInto('outbox')
      .values(pendingRow({ id: write.outboxId, conversationId: null, recipient: 'customer', channel: write.channel, chatId: write.chatId, payload: write.payload, now: write.now }))
      .compile(),
  ];
}
