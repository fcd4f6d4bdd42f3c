import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/**
 * When the customer was last asked "would you recommend us": the latest entry into one of
 * `askingSteps` (the flow steps that ask it) or the latest answer, whichever is newer.
 */
export async function lastRecommendAsked(db: Kysely<Database>, customerId: string, askingSteps: readonly { flow: string; step: string }[]): Promise<string | null> {
  const asked = askingSteps.map((entry) => sql`(e.flow = ${entry.flow} and e.step = ${entry.step})`);
  const row = await db
    .selectFrom('events as e')
    .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
    .select(sql<string | null>`max(e.created_at)`.as('at'))
    .where('c.customer_id', '=', customerId)
    .where(asked.length === 0 ? sql<boolean>`e.type = 'nps_answered'` : sql<boolean>`(e.type = 'nps_answered' or (e.type = 'step_entered' and (${sql.join(asked, sql` or `)})))`)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The flow and step a conversation last entered: where a customer left their cart. */
export async function lastStepEntered(db: Kysely<Database>, conversationId: string): Promise<{ flow: string; step: string } | null> {
  const row = await db
    .selectFrom('events')
    .select(['flow', 'step'])
    .where('conversation_id', '=', conversationId)
    .where('type', '=', 'step_entered')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.flow && row.step ? { flow: row.flow, step: row.step } : null;
}
