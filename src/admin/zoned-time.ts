/**
 * Calendar arithmetic in the shop's time zone. Timestamps in the database are UTC ISO
 * strings; the owner thinks in local days ("hôm nay", "tuần này"), so every period
 * boundary is a local midnight turned back into a UTC instant.
 */

/** A local calendar day, 'YYYY-MM-DD'. */
export type LocalDay = string;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, instant: Date) {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Minutes the zone is ahead of UTC at that instant (+420 for Asia/Ho_Chi_Minh). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const p = partsIn(timeZone, instant);
  const wholeSeconds = instant.getTime() - instant.getUTCMilliseconds();
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSeconds) / 60_000);
}

export function localDayOf(instant: Date, timeZone: string): LocalDay {
  const p = partsIn(timeZone, instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The UTC instant of local midnight starting that day. */
export function startOfLocalDay(day: LocalDay, timeZone: string): Date {
  const guess = utcMidnight(day);
  let instant = guess - offsetMinutes(timeZone, new Date(guess)) * 60_000;
  // Where the clocks change between the guess and the answer, a second pass settles the offset.
  instant = guess - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return new Date(utcMidnight(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 when the same day). */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);
}

/** The Monday starting the week of that day: the owner's weeks run Monday to Sunday. */
export function mondayOf(day: LocalDay): LocalDay {
  const weekday = new Date(utcMidnight(day)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function isLocalDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return new Date(utcMidnight(text)).toISOString().slice(0, 10) === text;
}

/** "12/05/2026 10:05" in the shop's zone. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const p = partsIn(timeZone, new Date(iso));
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "12/05/2026". */
export function formatDay(day: LocalDay): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

function utcMidnight(day: LocalDay): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
