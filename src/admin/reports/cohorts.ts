import { monthsOfInstants } from './months';
import type { ReportDb } from './range';

/** Customers by the month of their first order, and how many bought again. */
export interface Cohort {
  month: string;
  customers: number;
  /** Second order within 30, 60 and 90 days of the first, and at any time since. */
  within30: number;
  within60: number;
  within90: number;
  ever: number;
}

const DAY_MS = 86_400_000;

/**
 * Repeat purchase by cohort. Cancelled orders do not count as purchases. Months are local;
 * a cohort younger than a window simply has had less time (the page says so).
 */
export async function repeatByCohort(db: ReportDb, timeZone: string): Promise<Cohort[]> {
  // One sequential pass over the orders table: each customer's first order and the first one after it.
  const orders = await db.selectFrom('orders').select(['customer_id', 'created_at']).where('shipping_status', '<>', 'cancelled').execute();
  const byCustomer = new Map<string, { first_at: string; second_at: string | null }>();
  for (const order of orders) {
    const own = byCustomer.get(order.customer_id);
    if (!own) byCustomer.set(order.customer_id, { first_at: order.created_at, second_at: null });
    else if (order.created_at < own.first_at) byCustomer.set(order.customer_id, { first_at: order.created_at, second_at: own.first_at });
    else if (order.created_at > own.first_at && (own.second_at === null || order.created_at < own.second_at)) own.second_at = order.created_at;
  }
  const firstTwo = [...byCustomer.values()];
  const cohorts = new Map<string, Cohort>();
  if (firstTwo.length === 0) return [];
  const starts = firstTwo.map((row) => row.first_at).sort();
  const monthOfOrder = monthsOfInstants(starts[0]!, starts[starts.length - 1]!, timeZone);
  for (const row of firstTwo) {
    const month = monthOfOrder(row.first_at);
    const cohort = cohorts.get(month) ?? { month, customers: 0, within30: 0, within60: 0, within90: 0, ever: 0 };
    cohort.customers++;
    if (row.second_at) {
      const days = (Date.parse(row.second_at) - Date.parse(row.first_at)) / DAY_MS;
      cohort.ever++;
      if (days <= 30) cohort.within30++;
      if (days <= 60) cohort.within60++;
      if (days <= 90) cohort.within90++;
    }
    cohorts.set(month, cohort);
  }
  return [...cohorts.values()].sort((a, b) => a.month.localeCompare(b.month));
}
