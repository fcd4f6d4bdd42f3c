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

/** The local month of an instant. */
export function monthOf(iso: string, timeZone: string): string {
  return localDayOf(new Date(iso), timeZone).slice(0, 7);
}

function shiftMonth(year: number, month: number, by: number): string {
  const index = year * 12 + (month - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
