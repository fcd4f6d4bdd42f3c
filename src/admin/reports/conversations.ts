import { sql } from 'kysely';
import type { ReportDb, TimeRange } from './range';

export const OUTCOMES = ['completed', 'abandoned', 'handed_over', 'open'] as const;
export type OutcomeChoice = (typeof OUTCOMES)[number];
export const SCORE_CHOICES = ['1', '2', '3', '4', '5', 'low', 'none'] as const;
export type ScoreChoice = (typeof SCORE_CHOICES)[number];

export interface ConversationFilter {
  channel?: string | undefined;
  flow?: string | undefined;
  /** An outcome of a closed conversation, or `open` for the ones still going. */
  outcome?: OutcomeChoice | undefined;
  /** A score, `low` (1–2 stars) or `none` (closed without a score). */
  score?: ScoreChoice | undefined;
  range?: TimeRange | undefined;
  /** Words in the transcript or in the customer's comment. */
  text?: string | undefined;
}

export interface TouchpointRow {
  id: string;
  customerId: string;
  customerName: string | null;
  channel: string;
  startedAt: string;
  endedAt: string | null;
  status: string;
  outcome: string | null;
  entryFlow: string | null;
  stage: string | null;
  phase: string | null;
  messageCount: number;
  firstResponseMs: number | null;
  score: number | null;
  comment: string | null;
}

/** One page of conversations matching the filter, newest first. */
export async function listConversations(db: ReportDb, filter: ConversationFilter, page: { limit: number; offset: number }): Promise<TouchpointRow[]> {
  const rows = await matching(db, filter).orderBy('c.started_at', 'desc').orderBy('c.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map(toTouchpoint);
}

/** Every matching conversation, a page at a time, for the CSV export (keyset: stays quick deep in the list). */
export async function* conversationPages(db: ReportDb, filter: ConversationFilter, pageSize = 1000): AsyncGenerator<TouchpointRow[]> {
  let after: { startedAt: string; id: string } | undefined;
  for (;;) {
    let query = matching(db, filter);
    if (after) {
      const { startedAt, id } = after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('c.started_at', 'c.id'), '<', tuple(startedAt, id)));
    }
    const rows = (await query.orderBy('c.started_at', 'desc').orderBy('c.id', 'desc').limit(pageSize).execute()).map(toTouchpoint);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { startedAt: last.startedAt, id: last.id };
  }
}

/** `%`, `_` and `\` typed by the owner are searched for literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function matching(db: ReportDb, filter: ConversationFilter) {
  let query = db.selectFrom('conversations as c').leftJoin('customers as k', 'k.id', 'c.customer_id');
  if (filter.channel) query = query.where('c.channel', '=', filter.channel);
  if (filter.flow) query = query.where('c.entry_flow', '=', filter.flow);
  if (filter.outcome === 'open') query = query.where('c.status', '=', 'open');
  else if (filter.outcome) query = query.where('c.outcome', '=', filter.outcome);
  if (filter.score === 'low') query = query.where('c.satisfaction_score', '<=', 2);
  else if (filter.score === 'none') query = query.where('c.status', '=', 'closed').where('c.satisfaction_score', 'is', null);
  else if (filter.score) query = query.where('c.satisfaction_score', '=', Number(filter.score));
  if (filter.range) query = query.where('c.started_at', '>=', filter.range.from).where('c.started_at', '<', filter.range.to);
  if (filter.text) {
    const pattern = likePattern(filter.text);
    query = query.where(({ or, eb, exists, selectFrom }) =>
      or([
        exists(
          selectFrom('messages as m')
            .select(sql`1`.as('one'))
            .whereRef('m.conversation_id', '=', 'c.id')
            .where(sql<boolean>`m.text like ${pattern} escape '\\'`),
        ),
        eb(sql`c.satisfaction_comment`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  return query.select([
    'c.id',
    'c.customer_id',
    'k.name',
    'k.display_name',
    'c.channel',
    'c.started_at',
    'c.ended_at',
    'c.status',
    'c.outcome',
    'c.entry_flow',
    'c.stage',
    'c.phase',
    'c.message_count',
    'c.first_response_ms',
    'c.satisfaction_score',
    'c.satisfaction_comment',
  ]);
}

function toTouchpoint(row: Awaited<ReturnType<ReturnType<typeof matching>['execute']>>[number]): TouchpointRow {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.name ?? row.display_name ?? null,
    channel: row.channel,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    status: row.status,
    outcome: row.outcome,
    entryFlow: row.entry_flow,
    stage: row.stage,
    phase: row.phase,
    messageCount: row.message_count,
    firstResponseMs: row.first_response_ms,
    score: row.satisfaction_score,
    comment: row.satisfaction_comment,
  };
}
