import { foldWords } from '../../text/fold';
import { localDate } from '../local-date';

/** When the customer wants the goods, as a local calendar day ('YYYY-MM-DD') where one is named. */
export type DeliveryWish = { kind: 'asap' } | { kind: 'weekend'; saturday: string } | { kind: 'date'; date: string };

/** Folded phrases for "as soon as possible". */
const ASAP = ['cang som cang tot', 'som nhat co the', 'som nhat', 'cang nhanh cang tot', 'nhanh nhat co the', 'giao gap', 'can gap', 'gap lam', 'asap', 'hoa toc'];
const WEEKEND = ['cuoi tuan', 'weekend'];
/** Weekday words (0 = Monday): "thứ 2".."thứ 7", "thứ hai".."thứ bảy", "t2".."t7", "chủ nhật", "cn". */
const WEEKDAY_NUMBERS = new Map<string, number>([['2', 0], ['3', 1], ['4', 2], ['5', 3], ['6', 4], ['7', 5], ['hai', 0], ['ba', 1], ['tu', 2], ['nam', 3], ['sau', 4], ['bay', 5]]);
const SHORT_WEEKDAYS = new Map<string, number>([['t2', 0], ['t3', 1], ['t4', 2], ['t5', 3], ['t6', 4], ['t7', 5], ['cn', 6]]);

/**
 * The delivery wish in a customer's words, relative to `now` on the shop's clock: "càng sớm
 * càng tốt", "cuối tuần" (the coming Saturday and Sunday), "mai", "ngày kia"/"mốt", "thứ 7",
 * "chủ nhật tuần sau", "20/5", "ngày 20". A day already past this year or month is the next one.
 * Null when the text names no time ("gói quà giúp em").
 */
export function readDeliveryWish(text: string, now: Date, timeZone: string): DeliveryWish | null {
  const words = foldWords(text.normalize('NFC'));
  const joined = ` ${words.join(' ')} `;
  const has = (phrase: string) => joined.includes(` ${phrase} `);
  const today = localDate(now, timeZone);
  if (ASAP.some(has)) return { kind: 'asap' };
  const date = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?(?!\d)/u.exec(text);
  if (date) {
    const day = Number(date[1]);
    const month = Number(date[2]);
    const year = date[3] ? normalYear(Number(date[3])) : null;
    const found = year ? validDay(year, month, day) : nextDayOfYear(today, month, day);
    if (found) return { kind: 'date', date: found };
  }
  const nextWeek = has('tuan sau') || has('tuan toi');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const weekday = word === 'thu' ? WEEKDAY_NUMBERS.get(words[i + 1] ?? '') : word === 'chu' && words[i + 1] === 'nhat' ? 6 : SHORT_WEEKDAYS.get(word);
    if (weekday !== undefined) return { kind: 'date', date: nextWeekday(today, weekday, nextWeek) };
  }
  if (WEEKEND.some(has)) return { kind: 'weekend', saturday: nextWeekday(today, 5, nextWeek) };
  if (has('ngay kia') || has('ngay mot')) return { kind: 'date', date: addDays(today, 2) };
  if (has('mai') || has('ngay mai')) return { kind: 'date', date: addDays(today, 1) };
  if (has('hom nay') || has('trong ngay')) return { kind: 'date', date: today };
  const dayOnly = /\bngay\s+(\d{1,2})\b/u.exec(joined);
  if (dayOnly) {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const day = Number(dayOnly[1]);
    const thisMonth = validDay(year, month, day);
    if (thisMonth && thisMonth >= today) return { kind: 'date', date: thisMonth };
    const next = month === 12 ? validDay(year + 1, 1, day) : validDay(year, month + 1, day);
    if (next) return { kind: 'date', date: next };
  }
  return null;
}

/** Weekday of a local day, 0 = Monday. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The next such weekday after today (a week later with "tuần sau"); today itself counts only for the weekend. */
function nextWeekday(today: string, weekday: number, nextWeek: boolean): string {
  let ahead = (weekday - weekdayOf(today) + 7) % 7;
  if (ahead === 0 && weekday !== 5) ahead = 7;
  if (nextWeek && ahead < 7 && weekdayOf(today) <= weekday) ahead += 7;
  return addDays(today, ahead);
}

function nextDayOfYear(today: string, month: number, day: number): string | null {
  const year = Number(today.slice(0, 4));
  const thisYear = validDay(year, month, day);
  if (thisYear && thisYear >= today) return thisYear;
  return validDay(year + 1, month, day);
}

function validDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text ? text : null;
}

function normalYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}
