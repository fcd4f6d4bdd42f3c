import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/** Customers with a conversation in a period, by channel, and how many of them came back. */
export interface PeriodCustomers {
  channel: string;
  customers: number;
  /** Had another conversation before one in the period: earlier, or earlier in the period itself. */
  returning: number;
}

/**
 * From customer_visits (migrations/0009): a customer is counted at their first conversation of
 * the period, the one whose previous conversation is older than the period or missing. They
 * came back if that previous one exists, or if their second conversation ever is in the period
 * too. One pass over the period's index entries, however many customers.
 */
export async function periodCustomers(db: Kysely<Database>, range: { from: string; to: string }): Promise<PeriodCustomers[]> {
  const result = await sql<{ channel: string; customers: number; returning: number }>`
    SELECT channel,
      count(CASE WHEN previous_started_at IS NULL OR previous_started_at < ${range.from} THEN 1 END) AS customers,
      count(CASE WHEN previous_started_at < ${range.from} OR (visit = 2 AND previous_started_at >= ${range.from}) THEN 1 END) AS "returning"
    FROM customer_visits WHERE started_at >= ${range.from} AND started_at < ${range.to}
    GROUP BY channel`.execute(db);
  return result.rows.map((row) => ({ channel: row.channel, customers: Number(row.customers), returning: Number(row.returning) }));
}
