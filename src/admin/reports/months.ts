import { localDayOf, startOfLocalDay } from '../zoned-time';

/** A local calendar month, 'YYYY-MM', with its UTC bounds. */
export interface LocalMonth {
  month: string;
  from: string;
  to: string;
}

/** The last `count` local months up to the one holding `now`, oldest first. */
export function monthsUpTo(now: Date, count: number, timeZone: string): LocalMonth[] {
  const [year, month] = localDayOf(now, timeZone).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const first = shiftMonth(year, month, index - count + 1);
    const next = shiftMonth(year, month, index - count + 2);
    return { month: first, from: startOfLocalDay(`${first}-01`, timeZone).toISOString(), to: startOfLocalDay(`${next}-01`, timeZone).toISOString() };
  });
}

/**
 * The local month of many instants from `first` to `last`: the months' bounds are worked out
 * once and each instant is placed by comparing strings, instead of a time-zone conversion each.
 */
export function monthsOfInstants(first: string, last: string, timeZone: string): (iso: string) => string {
  const [a, b] = [monthOf(first, timeZone), monthOf(last, timeZone)].map((month) => month.split('-').map(Number) as [number, number]);
  const count = (b![0] - a![0]) * 12 + (b![1] - a![1]) + 1;
  const months = monthsUpTo(new Date(last), count, timeZone);
  return (iso) => {
    let low = 0;
    let high = months.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (months[middle]!.from <= iso) low = middle;
      else high = middle - 1;
    }
    return months[low]!.month;
  };
}

/** The local month of an instant. */
export function monthOf(iso: string, timeZone: string): string {
  return localDayOf(new Date(iso), timeZone).slice(0, 7);
}

function shiftMonth(year: number, month: number, by: number): string {
  const index = year * 12 + (month - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
