import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './database';

/** What touchpoint counts can be grouped by. */
export type TouchpointDimension = 'channel' | 'entry_flow' | 'stage' | 'phase';

/** Conversations started in a period, counted the way touchpoint_days (migrations/0009) keeps them. */
export interface TouchpointSums {
  conversations: number;
  closed: number;
  /** Outcome completed / abandoned, whatever the status. */
  completed: number;
  abandoned: number;
  /** Closed and abandoned: the journey's drop-off. */
  closedAbandoned: number;
  /** Outcome handed over, or a person took part (a hand-over was recorded). */
  handedOver: number;
  /** Closed with a score. */
  answered: number;
  scored: number;
  scoreSum: number;
  /** How many scores of 1, 2, 3, 4 and 5 stars. */
  scores: [number, number, number, number, number];
  /** With a first-response time. */
  responded: number;
  /** Scored 4–5 / 1–3 and followed by an order of the customer within 60 days (conversation_returns). */
  returnedHigh: number;
  returnedLow: number;
}

export type TouchpointRow<D extends TouchpointDimension> = { [K in D]: K extends 'channel' ? string : string | null } & TouchpointSums;

const MEASURES = [
  'conversations',
  'closed',
  'completed',
  'abandoned',
  'closed_abandoned',
  'handed_over',
  'answered',
  'scored',
  'score_sum',
  'score_1',
  'score_2',
  'score_3',
  'score_4',
  'score_5',
  'responded',
  'returned_high',
  'returned_low',
] as const;

/** One conversation's part in each measure, the same expressions as the triggers of migrations/0009. */
const RAW_MEASURES: Record<(typeof MEASURES)[number], RawBuilder<unknown>> = {
  conversations: sql`1`,
  closed: sql`c.status = 'closed'`,
  completed: sql`c.outcome IS 'completed'`,
  abandoned: sql`c.outcome IS 'abandoned'`,
  closed_abandoned: sql`c.status = 'closed' AND c.outcome IS 'abandoned'`,
  handed_over: sql`c.outcome IS 'handed_over' OR EXISTS (SELECT 1 FROM handovers h WHERE h.conversation_id = c.id)`,
  answered: sql`c.status = 'closed' AND c.satisfaction_score IS NOT NULL`,
  scored: sql`c.satisfaction_score IS NOT NULL`,
  score_sum: sql`coalesce(c.satisfaction_score, 0)`,
  score_1: sql`c.satisfaction_score IS 1`,
  score_2: sql`c.satisfaction_score IS 2`,
  score_3: sql`c.satisfaction_score IS 3`,
  score_4: sql`c.satisfaction_score IS 4`,
  score_5: sql`c.satisfaction_score IS 5`,
  responded: sql`c.first_response_ms IS NOT NULL`,
  returned_high: sql`(c.satisfaction_score >= 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = c.id)`,
  returned_low: sql`(c.satisfaction_score < 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = c.id)`,
};

const DAY_MS = 86_400_000;

/** The UTC days wholly inside [from, to), as ISO midnights; null when there is none. */
export function wholeDaysOf(range: { from: string; to: string }): { first: string; end: string } | null {
  const from = Date.parse(range.from);
  const first = Math.ceil(from / DAY_MS) * DAY_MS;
  const end = Math.floor(Date.parse(range.to) / DAY_MS) * DAY_MS;
  if (first >= end) return null;
  return { first: new Date(first).toISOString(), end: new Date(end).toISOString() };
}

/**
 * Touchpoint counts of the conversations started in [from, to), grouped by `by`. Whole UTC
 * days come from touchpoint_days; the hours before the first and after the last of them (a
 * local day starts at 17:00 UTC in Vietnam) are counted from the conversations through the
 * started_at index, at most two days of rows however long the period.
 */
export async function touchpointSums<D extends TouchpointDimension>(db: Kysely<Database>, range: { from: string; to: string }, by: readonly D[]): Promise<TouchpointRow<D>[]> {
  const days = wholeDaysOf(range);
  const rawIn = (from: string, to: string) => {
    const keys = by.map((dimension) => sql`c.${sql.ref(dimension)} AS ${sql.ref(dimension)}`);
    const measures = MEASURES.map((measure) => sql`${RAW_MEASURES[measure]} AS ${sql.ref(measure)}`);
    return sql`SELECT ${sql.join([...keys, ...measures])} FROM conversations c WHERE c.started_at >= ${from} AND c.started_at < ${to}`;
  };
  const parts = days
    ? [
        rawIn(range.from, days.first),
        sql`SELECT ${sql.join([
          ...by.map((dimension) => (dimension === 'channel' ? sql`channel` : sql`nullif(${sql.ref(dimension)}, '') AS ${sql.ref(dimension)}`)),
          ...MEASURES.map((measure) => sql.ref(measure)),
        ])} FROM touchpoint_days WHERE day >= ${days.first.slice(0, 10)} AND day < ${days.end.slice(0, 10)}`,
        rawIn(days.end, range.to),
      ]
    : [rawIn(range.from, range.to)];
  const groups = by.map((dimension) => sql.ref(dimension));
  const result = await sql<Record<string, string | number | null>>`
    SELECT ${sql.join([...groups, ...MEASURES.map((measure) => sql`sum(${sql.ref(measure)}) AS ${sql.ref(measure)}`)])}
    FROM (${sql.join(parts, sql` UNION ALL `)})
    ${by.length > 0 ? sql`GROUP BY ${sql.join(groups)}` : sql``}`.execute(db);
  return result.rows
    .filter((row) => Number(row.conversations ?? 0) !== 0)
    .map((row) => {
      const keys = Object.fromEntries(by.map((dimension) => [dimension, row[dimension] ?? null]));
      const n = (measure: (typeof MEASURES)[number]) => Number(row[measure] ?? 0);
      return {
        ...keys,
        conversations: n('conversations'),
        closed: n('closed'),
        completed: n('completed'),
        abandoned: n('abandoned'),
        closedAbandoned: n('closed_abandoned'),
        handedOver: n('handed_over'),
        answered: n('answered'),
        scored: n('scored'),
        scoreSum: n('score_sum'),
        scores: [n('score_1'), n('score_2'), n('score_3'), n('score_4'), n('score_5')],
        responded: n('responded'),
        returnedHigh: n('returned_high'),
        returnedLow: n('returned_low'),
      } as TouchpointRow<D>;
    });
}
