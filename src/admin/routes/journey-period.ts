import { choosePeriod, type PeriodChoice } from '../period';
import { addDays, localDayOf } from '../zoned-time';

/** A year by default: returns within 60 days need conversations older than a month to say anything. */
const JOURNEY_DAYS = 365;

/** The year up to today, unless the owner chose another period. */
export function journeyPeriod(query: Record<string, string>, now: Date, timeZone: string): PeriodChoice {
  if (query.period) return choosePeriod(query, now, timeZone);
  const today = localDayOf(now, timeZone);
  return choosePeriod({ period: 'custom', from: addDays(today, 1 - JOURNEY_DAYS), to: today }, now, timeZone);
}
