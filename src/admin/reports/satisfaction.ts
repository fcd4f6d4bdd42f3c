import { sql } from 'kysely';
import { touchpointSums, type TouchpointSums } from '../../store/index';
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
  const totals = await Promise.all(weeks.map((week) => touchpointSums(db, week, [])));
  return weeks.map((week, index) => ({ week: week.week, ...summary(totals[index]![0]) }));
}

/** CSAT by the flow a conversation started in, or by channel. */
export async function satisfactionBy(db: ReportDb, range: TimeRange, by: 'entry_flow' | 'channel'): Promise<ScoreGroup[]> {
  const rows = await touchpointSums(db, range, [by]);
  return rows.map((row) => ({ key: row[by], closed: row.closed, answered: row.answered, ...summary(row) })).sort((a, b) => b.closed - a.closed);
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

function summary(row: TouchpointSums | undefined): ScoreSummary {
  if (!row || row.scored === 0) return { scored: 0, average: null, low: 0 };
  return { scored: row.scored, average: row.scoreSum / row.scored, low: row.scores.slice(0, LOW_SCORE).reduce((sum, count) => sum + count, 0) };
}

/** How many scores of 1, 2, 3, 4 and 5 stars the period got. */
export async function scoreDistribution(db: ReportDb, range: TimeRange): Promise<number[]> {
  const [all] = await touchpointSums(db, range, []);
  return all ? [...all.scores] : [0, 0, 0, 0, 0];
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
