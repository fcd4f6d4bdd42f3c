import { sql } from 'kysely';
import type { ReportDb, TimeRange } from './range';

/** The event the one cart reminder leaves when the customer says why they left (action record_cart_reason). */
export const CART_REASON_EVENT = 'cart_left_reason';

export interface AbandonmentReasons {
  /** Where the cart was left: the flow and step the customer last entered. */
  flow: string | null;
  step: string | null;
  reasons: Record<string, number>;
  total: number;
}

/** Reasons customers gave for leaving a cart, by the step where they left it, most answered first. */
export async function abandonmentReasons(db: ReportDb, range: TimeRange): Promise<AbandonmentReasons[]> {
  const flow = sql<string | null>`json_extract(detail, '$.left_flow')`;
  const step = sql<string | null>`json_extract(detail, '$.left_step')`;
  const reason = sql<string>`coalesce(json_extract(detail, '$.reason'), 'other')`;
  const rows = await db
    .selectFrom('events')
    .select([flow.as('flow'), step.as('step'), reason.as('reason'), sql<number>`count(*)`.as('answers')])
    .where('type', '=', CART_REASON_EVENT)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy([flow, step, reason])
    .execute();
  const byStep = new Map<string, AbandonmentReasons>();
  for (const row of rows) {
    const key = `${row.flow ?? ''}|${row.step ?? ''}`;
    const entry = byStep.get(key) ?? { flow: row.flow, step: row.step, reasons: {}, total: 0 };
    entry.reasons[String(row.reason)] = (entry.reasons[String(row.reason)] ?? 0) + Number(row.answers);
    entry.total += Number(row.answers);
    byStep.set(key, entry);
  }
  return [...byStep.values()].sort((a, b) => b.total - a.total);
}
