import { monthsOfInstants } from './months';
import type { OrderHistories } from './order-history';

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
export function repeatByCohort(histories: OrderHistories, timeZone: string): Cohort[] {
  // Each customer's first order and the first one after it (orders at the very same time count once).
  const firstTwo = [...histories.values()].map((list) => ({ first_at: list[0]!.created_at, second_at: list.find((order) => order.created_at > list[0]!.created_at)?.created_at ?? null }));
  const cohorts = new Map<string, Cohort>();
  if (firstTwo.length === 0) return [];
  let earliest = firstTwo[0]!.first_at;
  let latest = earliest;
  for (const row of firstTwo) {
    if (row.first_at < earliest) earliest = row.first_at;
    if (row.first_at > latest) latest = row.first_at;
  }
  const monthOfOrder = monthsOfInstants(earliest, latest, timeZone);
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
