import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/** Conversations started from `from` (inclusive) to `to` (exclusive). */
export async function conversationCount(db: Kysely<Database>, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many conversations started in the window gave each score, 1 to 5. */
export async function scoreDistribution(db: Kysely<Database>, from: string, to: string): Promise<Record<1 | 2 | 3 | 4 | 5, number>> {
  const rows = await db
    .selectFrom('conversations')
    .select(['satisfaction_score', sql<number>`count(*)`.as('count')])
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .where('satisfaction_score', 'is not', null)
    .groupBy('satisfaction_score')
    .execute();
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const row of rows) {
    const score = Number(row.satisfaction_score);
    if (score >= 1 && score <= 5) distribution[score as 1 | 2 | 3 | 4 | 5] = Number(row.count);
  }
  return distribution;
}

/** Return and compensation requests nobody has closed yet, oldest first. */
export async function openReturnRequests(db: Kysely<Database>) {
  return db.selectFrom('return_requests').select(['order_code', 'problem', 'resolution', 'created_at']).where('status', '=', 'open').orderBy('created_at').execute();
}
