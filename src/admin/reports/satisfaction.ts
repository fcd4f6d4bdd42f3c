import { sql } from 'kysely';
import type { LocalDay } from '../zoned-time';
import type { ReportDb, TimeRange } from './range';

export interface ScoreSummary {
  /** Conversations that gave a score. */
  scored: number;
  average: number | null;
  /** Scores of 1 or 2 stars: customers who left unhappy. */
  low: number;
}

export interface WeekScores extends ScoreSummary {
  /** Monday of the week, local. */
  week: LocalDay;
}

export interface ScoreGroup extends ScoreSummary {
  /** The flow id or channel; null for conversations that never entered a flow. */
  key: string | null;
  closed: number;
  /** Closed conversations with a score: never more than `closed`, so the response rate stays ≤ 100%. */
  answered: number;
}

export interface SatisfactionComment {
  conversationId: string;
  customerId: string;
  customerName: string | null;
  channel: string;
  entryFlow: string | null;
  score: number | null;
  comment: string;
  at: string;
}

export const LOW_SCORE = 2;

/** CSAT week by week; `weeks` are consecutive, oldest first. */
export async function satisfactionByWeek(db: ReportDb, weeks: readonly ({ week: LocalDay } & TimeRange)[]): Promise<WeekScores[]> {
  if (weeks.length === 0) return [];
  const bucket = sql<number>`case ${sql.join(
    weeks.map((week, index) => sql`when started_at < ${week.to} then ${index}`),
    sql` `,
  )} end`;
  const rows = await db
    .selectFrom('conversations')
    .select([bucket.as('bucket'), ...scoreColumns()])
    .where('started_at', '>=', weeks[0]!.from)
    .where('started_at', '<', weeks[weeks.length - 1]!.to)
    .where('satisfaction_score', 'is not', null)
    .groupBy('bucket')
    .execute();
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), row]));
  return weeks.map((week, index) => ({ week: week.week, ...summary(byBucket.get(index)) }));
}

/** CSAT by the flow a conversation started in, or by channel. */
export async function satisfactionBy(db: ReportDb, range: TimeRange, by: 'entry_flow' | 'channel'): Promise<ScoreGroup[]> {
  const rows = await db
    .selectFrom('conversations')
    .select([sql<string | null>`${sql.ref(by)}`.as('key'), sql<number>`count(case when status = 'closed' then 1 end)`.as('closed'),
      sql<number>`count(case when status = 'closed' and satisfaction_score is not null then 1 end)`.as('answered'),
      ...scoreColumns(),
    ])
    .where('started_at', '>=', range.from)
    .where('started_at', '<', range.to)
    .groupBy(by)
    .execute();
  return rows.map((row) => ({ key: row.key, closed: Number(row.closed), answered: Number(row.answered), ...summary(row) })).sort((a, b) => b.closed - a.closed);
}

/** What customers wrote after scoring, newest first. */
export async function satisfactionComments(db: ReportDb, range: TimeRange, page: { limit: number; offset: number }): Promise<SatisfactionComment[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .leftJoin('customers as k', 'k.id', 'c.customer_id')
    .select(['c.id', 'c.customer_id', 'k.name', 'k.display_name', 'c.channel', 'c.entry_flow', 'c.satisfaction_score', 'c.satisfaction_comment', 'c.last_activity_at'])
    .where('c.started_at', '>=', range.from)
    .where('c.started_at', '<', range.to)
    .where('c.satisfaction_comment', 'is not', null)
    .orderBy('c.last_activity_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => ({
    conversationId: row.id,
    customerId: row.customer_id,
    customerName: row.name ?? row.display_name,
    channel: row.channel,
    entryFlow: row.entry_flow,
    score: row.satisfaction_score,
    comment: row.satisfaction_comment ?? '',
    at: row.last_activity_at,
  }));
}

function scoreColumns() {
  return [
    sql<number>`count(satisfaction_score)`.as('scored'),
    sql<number | null>`sum(satisfaction_score)`.as('score_sum'),
    sql<number>`count(case when satisfaction_score <= ${LOW_SCORE} then 1 end)`.as('low'),
  ] as const;
}

function summary(row: { scored: number; score_sum: number | null; low: number } | undefined): ScoreSummary {
  const scored = Number(row?.scored ?? 0);
  return { scored, average: scored === 0 ? null : Number(row!.score_sum) / scored, low: Number(row?.low ?? 0) };
}

/** How many scores of 1, 2, 3, 4 and 5 stars the period got. */
export async function scoreDistribution(db: ReportDb, range: TimeRange): Promise<number[]> {
  const rows = await db
    .selectFrom('conversations')
    .select(['satisfaction_score', sql<number>`count(*)`.as('scores')])
    .where('started_at', '>=', range.from)
    .where('started_at', '<', range.to)
    .where('satisfaction_score', 'is not', null)
    .groupBy('satisfaction_score')
    .execute();
  const counts = [0, 0, 0, 0, 0];
  for (const row of rows) {
    const score = Number(row.satisfaction_score);
    if (score >= 1 && score <= 5) counts[score - 1] = Number(row.scores);
  }
  return counts;
}

/** A product's own score from the after-sale check-ins kept apart from conversation scores. */
export interface ProductScore extends ScoreSummary {
  product: string | null;
}

/** Product scores answered in a period, by product, most answered first. */
export async function productScores(db: ReportDb, range: TimeRange): Promise<ProductScore[]> {
  const product = sql<string | null>`json_extract(detail, '$.product')`;
  const score = sql<number>`json_extract(detail, '$.score')`;
  const rows = await db
    .selectFrom('events')
    .select([
      product.as('product'),
      sql<number>`count(*)`.as('scored'),
      sql<number | null>`avg(${score})`.as('average'),
      sql<number>`count(case when ${score} <= ${LOW_SCORE} then 1 end)`.as('low'),
    ])
    .where('type', '=', 'product_satisfaction_answered')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy(product)
    .execute();
  return rows
    .map((row) => ({ product: row.product, scored: Number(row.scored), average: row.average === null ? null : Number(row.average), low: Number(row.low) }))
    .sort((a, b) => b.scored - a.scored);
}
