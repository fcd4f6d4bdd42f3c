import { sql } from 'kysely';
import { foldKey } from '../../text/fold';
import type { LocalMonth } from './months';
import type { ReportDb } from './range';

/** The event a check-in's "would you recommend us" answer leaves (action record_nps). */
export const NPS_EVENT = 'nps_answered';

export interface NpsMonth {
  month: string;
  answers: number;
  /** 9–10. */
  promoters: number;
  /** 7–8. */
  passives: number;
  /** 0–6. */
  detractors: number;
  /** % promoters − % detractors, −100…100; null without answers. */
  score: number | null;
}

export interface NpsAnswer {
  conversationId: string;
  customerId: string;
  customerName: string | null;
  score: number;
  reason: string | null;
  at: string;
}

export function npsGroupOf(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export function npsScore(promoters: number, detractors: number, answers: number): number | null {
  return answers === 0 ? null : ((promoters - detractors) / answers) * 100;
}

const scoreOf = sql<number>`cast(json_extract(detail, '$.score') as integer)`;

/** NPS month by month; `months` are consecutive, oldest first. */
export async function npsByMonth(db: ReportDb, months: readonly LocalMonth[]): Promise<NpsMonth[]> {
  if (months.length === 0) return [];
  const bucket = sql<number>`case ${sql.join(
    months.map((month, index) => sql`when created_at < ${month.to} then ${index}`),
    sql` `,
  )} end`;
  const rows = await db
    .selectFrom('events')
    .select([
      bucket.as('bucket'),
      sql<number>`count(*)`.as('answers'),
      sql<number>`count(case when ${scoreOf} >= 9 then 1 end)`.as('promoters'),
      sql<number>`count(case when ${scoreOf} between 7 and 8 then 1 end)`.as('passives'),
      sql<number>`count(case when ${scoreOf} <= 6 then 1 end)`.as('detractors'),
    ])
    .where('type', '=', NPS_EVENT)
    .where('created_at', '>=', months[0]!.from)
    .where('created_at', '<', months[months.length - 1]!.to)
    .groupBy('bucket')
    .execute();
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), row]));
  return months.map((month, index) => {
    const row = byBucket.get(index);
    const answers = Number(row?.answers ?? 0);
    const promoters = Number(row?.promoters ?? 0);
    const detractors = Number(row?.detractors ?? 0);
    return { month: month.month, answers, promoters, passives: Number(row?.passives ?? 0), detractors, score: npsScore(promoters, detractors, answers) };
  });
}

/** Answers in a period, newest first; `withReason` keeps only those the customer explained. */
export async function npsAnswers(db: ReportDb, range: { from: string; to: string }, page: { limit: number; offset: number; withReason?: boolean }): Promise<NpsAnswer[]> {
  let query = db
    .selectFrom('events as e')
    .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
    .leftJoin('customers as k', 'k.id', 'c.customer_id')
    .select(['e.conversation_id', 'c.customer_id', 'k.name', 'k.display_name', 'e.detail', 'e.created_at'])
    .where('e.type', '=', NPS_EVENT)
    .where('e.created_at', '>=', range.from)
    .where('e.created_at', '<', range.to);
  if (page.withReason) query = query.where(sql<string>`trim(coalesce(json_extract(e.detail, '$.reason'), ''))`, '<>', '');
  const rows = await query.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map((row) => {
    const detail = JSON.parse(row.detail ?? '{}') as { score?: unknown; reason?: unknown };
    return {
      conversationId: row.conversation_id,
      customerId: row.customer_id,
      customerName: row.name ?? row.display_name,
      score: Number(detail.score),
      reason: typeof detail.reason === 'string' && detail.reason.trim() ? detail.reason.trim() : null,
      at: row.created_at,
    };
  });
}

/** Every answer of a period, page by page, for the CSV export. */
export async function* npsAnswerPages(db: ReportDb, range: { from: string; to: string }, size = 500): AsyncGenerator<NpsAnswer[]> {
  for (let offset = 0; ; offset += size) {
    const page = await npsAnswers(db, range, { limit: size, offset });
    if (page.length > 0) yield page;
    if (page.length < size) return;
  }
}

/** A reason customers gave, the same words however they were typed, with how each group gave it. */
export interface NpsReason {
  text: string;
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Reasons of a period grouped by their words (tone marks and case aside), those given by unhappy customers first. */
export async function npsReasons(db: ReportDb, range: { from: string; to: string }, limit: number): Promise<NpsReason[]> {
  const rows = await db
    .selectFrom('events')
    .select([sql<string>`trim(json_extract(detail, '$.reason'))`.as('reason'), scoreOf.as('score')])
    .where('type', '=', NPS_EVENT)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .where(sql<string>`trim(coalesce(json_extract(detail, '$.reason'), ''))`, '<>', '')
    .execute();
  const groups = new Map<string, NpsReason>();
  for (const row of rows) {
    const key = foldKey(row.reason);
    const entry = groups.get(key) ?? { text: row.reason, answers: 0, promoters: 0, passives: 0, detractors: 0 };
    entry.answers++;
    entry[`${npsGroupOf(Number(row.score))}s` as 'promoters' | 'passives' | 'detractors']++;
    groups.set(key, entry);
  }
  return [...groups.values()].sort((a, b) => b.detractors - a.detractors || b.answers - a.answers || a.text.localeCompare(b.text)).slice(0, limit);
}
