import { WEEKDAYS, type Shop } from '../flows/schema';

/**
 * The shop's local calendar: the owner thinks in local days ("hôm nay", "tuần này") and
 * local opening hours, while the database keeps UTC instants. (src/admin/zoned-time.ts does
 * the same for the dashboard; conversation/ may not import admin/.)
 */

interface LocalMoment {
  /** UTC milliseconds of the local date's midnight, as if the zone were UTC. */
  dateMs: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** Minutes the zone is ahead of UTC at that instant. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localMoment(instant: Date, timeZone: string): LocalMoment {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(instant)) if (type !== 'literal') part[type] = Number(value);
  const dateMs = Date.UTC(part.year!, part.month! - 1, part.day!);
  const localMs = dateMs + (part.hour! * 60 + part.minute!) * 60_000 + part.second! * 1000;
  const offset = Math.round((localMs - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
  return { dateMs, weekday: (new Date(dateMs).getUTCDay() + 6) % 7, minutes: part.hour! * 60 + part.minute!, offset };
}

export interface ReportWindows {
  today: { from: string; to: string };
  /** Monday 00:00 of this week until now's day ends: the owner's weeks run Monday to Sunday. */
  week: { from: string; to: string };
}

export function reportWindows(now: Date, timeZone: string): ReportWindows {
  const local = localMoment(now, timeZone);
  // Shops in Vietnam have no daylight saving, so one offset serves the whole week.
  const midnight = local.dateMs - local.offset * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    today: { from: iso(midnight), to: iso(midnight + 86_400_000) },
    week: { from: iso(midnight - local.weekday * 86_400_000), to: iso(midnight + 86_400_000) },
  };
}

export type NextOpening = { openNow: true } | { openNow: false; daysAhead: number; weekday: number; time: string };

/** Whether the shop is open now, and if not, when it opens next (within a week). */
export function nextOpening(hours: Shop['opening_hours'], timeZone: string, now: Date): NextOpening | null {
  const local = localMoment(now, timeZone);
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  for (let daysAhead = 0; daysAhead <= 7; daysAhead++) {
    const weekday = (local.weekday + daysAhead) % 7;
    const opens = hours
      .filter((slot) => slot.days.includes(WEEKDAYS[weekday]!))
      .filter((slot) => daysAhead > 0 || local.minutes < minutesOf(slot.close))
      .sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    const first = opens[0];
    if (!first) continue;
    if (daysAhead === 0 && local.minutes >= minutesOf(first.open)) return { openNow: true };
    return { openNow: false, daysAhead, weekday, time: first.open };
  }
  return null;
}
