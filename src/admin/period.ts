import { addDays, daysBetween, formatDay, isLocalDay, localDayOf, startOfLocalDay, type LocalDay } from './zoned-time';

export type PeriodKey = 'today' | '7d' | '30d' | 'custom';

/** A reporting window of whole local days; `to` stops at "now" for a period that is still running. */
export interface Period {
  key: PeriodKey;
  firstDay: LocalDay;
  lastDay: LocalDay;
  /** UTC ISO bounds: from ≤ t < to. */
  from: string;
  to: string;
}

export const PERIOD_LABELS: Record<Exclude<PeriodKey, 'custom'>, string> = {
  today: 'Hôm nay',
  '7d': '7 ngày',
  '30d': '30 ngày',
};

/** Longest custom period: a year is plenty for a small shop and keeps every page quick. */
const MAX_DAYS = 366;

export interface PeriodChoice {
  period: Period;
  /** Why the owner's custom dates were not used, in words they can act on. */
  problem?: string;
}

/** Reads `?period=today|7d|30d|custom&from=YYYY-MM-DD&to=YYYY-MM-DD`; anything unusable falls back to 7 days. */
export function choosePeriod(query: { period?: string | undefined; from?: string | undefined; to?: string | undefined }, now: Date, timeZone: string, fallback: PeriodKey = '7d'): PeriodChoice {
  const today = localDayOf(now, timeZone);
  const key = query.period === 'today' || query.period === '7d' || query.period === '30d' || query.period === 'custom' ? query.period : fallback;
  if (key === 'custom') {
    const { from, to } = query;
    const problem =
      !from || !to || !isLocalDay(from) || !isLocalDay(to)
        ? 'Chọn cả ngày bắt đầu và ngày kết thúc.'
        : from > to
          ? 'Ngày bắt đầu phải trước ngày kết thúc.'
          : from > today
            ? 'Ngày bắt đầu chưa tới.'
            : daysBetween(from, to) >= MAX_DAYS
              ? `Chọn khoảng tối đa ${MAX_DAYS} ngày.`
              : undefined;
    if (problem) return { period: dayRange(fallback === 'custom' ? '7d' : fallback, today, now, timeZone), problem };
    return { period: window('custom', from!, to!, now, timeZone) };
  }
  return { period: dayRange(key, today, now, timeZone) };
}

/** The same stretch of time just before: a running period is compared with the same hours of the one before. */
export function previousPeriod(period: Period, timeZone: string): Period {
  const days = daysBetween(period.firstDay, period.lastDay) + 1;
  const firstDay = addDays(period.firstDay, -days);
  const from = startOfLocalDay(firstDay, timeZone);
  const length = Date.parse(period.to) - Date.parse(period.from);
  return { key: period.key, firstDay, lastDay: addDays(period.firstDay, -1), from: from.toISOString(), to: new Date(from.getTime() + length).toISOString() };
}

export function periodLabel(period: Period): string {
  if (period.key !== 'custom') return PERIOD_LABELS[period.key];
  return period.firstDay === period.lastDay ? formatDay(period.firstDay) : `${formatDay(period.firstDay)} – ${formatDay(period.lastDay)}`;
}

/** The query string that chooses this period again, for links between pages. */
export function periodParams(period: Period): Record<string, string> {
  return period.key === 'custom' ? { period: 'custom', from: period.firstDay, to: period.lastDay } : { period: period.key };
}

function dayRange(key: Exclude<PeriodKey, 'custom'>, today: LocalDay, now: Date, timeZone: string): Period {
  const days = key === 'today' ? 1 : key === '7d' ? 7 : 30;
  return window(key, addDays(today, 1 - days), today, now, timeZone);
}

function window(key: PeriodKey, firstDay: LocalDay, lastDay: LocalDay, now: Date, timeZone: string): Period {
  const from = startOfLocalDay(firstDay, timeZone);
  const end = startOfLocalDay(addDays(lastDay, 1), timeZone);
  const to = new Date(Math.max(from.getTime(), Math.min(end.getTime(), now.getTime())));
  return { key, firstDay, lastDay, from: from.toISOString(), to: to.toISOString() };
}
