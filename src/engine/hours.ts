import { WEEKDAYS, type ShopFile } from '../flows/schema';

export interface Opening {
  openNow: boolean;
  /** When the shop opens next ("07:00"); empty while open. */
  time: string;
  /** The day it opens, in the shop's words ("ngày mai", "T2"); empty while open. */
  day: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday (0 = Monday) and minutes since midnight, on the shop's clock. */
function localClock(now: Date, timeZone: string): { weekday: number; minutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(now).map((part) => [part.type, part.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!);
  return { weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether the shop is open at `now`, and if not, when it opens next (within a week). */
export function nextOpening(shop: ShopFile, now: Date): Opening {
  const { weekday, minutes } = localClock(now, shop.shop.timezone);
  const texts = shop.texts;
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = (weekday + ahead) % 7;
    const slots = shop.shop.opening_hours
      .filter((slot) => slot.days.includes(WEEKDAYS[day]!) && (ahead > 0 || minutes < minutesOf(slot.close)))
      .sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    const first = slots[0];
    if (!first) continue;
    if (ahead === 0 && minutes >= minutesOf(first.open)) return { openNow: true, time: '', day: '' };
    const name = ahead === 0 ? texts.human_wait.today : ahead === 1 ? texts.human_wait.tomorrow : texts.labels.weekdays[day]!;
    return { openNow: false, time: first.open, day: name };
  }
  return { openNow: true, time: '', day: '' };
}
