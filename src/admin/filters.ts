import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { ConversationFilter } from './reports/conversations';
import { OUTCOMES, SCORE_CHOICES } from './reports/conversations';
import { PAYMENT_STATUSES, SHIPPING_STATUSES, type OrderFilter } from './reports/orders';
import type { TimeRange } from './reports/range';
import { RETURN_STATUSES, type ReturnFilter } from './reports/returns';
import { addDays, isLocalDay, startOfLocalDay } from './zoned-time';

/**
 * The filters of the list pages and exports, read from the query string once. A value that
 * makes no sense (a typo in a shared link, an old bookmark) is dropped rather than refused,
 * so the owner always gets a page; only a date that cannot be a day of the shop's records
 * (2026-02-30, 9999-12-31) is refused with 400 and says which one.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
/** Days the shop's records can hold: far-off years would overflow the date arithmetic. */
const isShopDay = (text: string) => isLocalDay(text) && text >= '2000-01-01' && text <= '2099-12-31';
const Day = z.string().refine(isShopDay);

/** Refuses `from`/`to` that are not days between 2000 and 2099, in words the owner can act on. */
function refuseImpossibleDays(query: Record<string, string>): void {
  for (const key of ['from', 'to'] as const) {
    const day = query[key];
    if (day && !isShopDay(day)) throw new HTTPException(400, { message: `Ngày "${day.slice(0, 20)}" không hợp lệ: nhập ngày dạng năm-tháng-ngày trong khoảng 2000–2099, ví dụ 2026-05-12.` });
  }
}
const Words = z
  .string()
  .trim()
  .max(100)
  .transform((text) => text || undefined);
const Page = z.coerce.number().int().min(1).max(100_000).catch(1);

const ConversationQuery = z.object({
  channel: optional(z.string().regex(/^[a-z]{1,20}$/)),
  flow: optional(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/)),
  outcome: optional(z.enum(OUTCOMES)),
  score: optional(z.enum(SCORE_CHOICES)),
  from: optional(Day),
  to: optional(Day),
  q: optional(Words),
  page: Page,
});

const OrderQuery = z.object({
  payment: optional(z.enum(PAYMENT_STATUSES)),
  shipping: optional(z.enum(SHIPPING_STATUSES)),
  from: optional(Day),
  to: optional(Day),
  q: optional(Words),
  page: Page,
});

const ReturnQuery = z.object({
  status: optional(z.enum(RETURN_STATUSES)),
  from: optional(Day),
  to: optional(Day),
  q: optional(Words),
  page: Page,
});

const CustomerQuery = z.object({ q: optional(Words), page: Page });

export type ConversationQuery = z.infer<typeof ConversationQuery>;
export type OrderQuery = z.infer<typeof OrderQuery>;
export type ReturnQuery = z.infer<typeof ReturnQuery>;
export type CustomerQuery = z.infer<typeof CustomerQuery>;

export function readConversationQuery(query: Record<string, string>, timeZone: string): { query: ConversationQuery; filter: ConversationFilter } {
  refuseImpossibleDays(query);
  const parsed = ConversationQuery.parse(query);
  return {
    query: parsed,
    filter: { channel: parsed.channel, flow: parsed.flow, outcome: parsed.outcome, score: parsed.score, text: parsed.q, range: dayRange(parsed.from, parsed.to, timeZone) },
  };
}

export function readOrderQuery(query: Record<string, string>, timeZone: string): { query: OrderQuery; filter: OrderFilter } {
  refuseImpossibleDays(query);
  const parsed = OrderQuery.parse(query);
  return { query: parsed, filter: { payment: parsed.payment, shipping: parsed.shipping, text: parsed.q, range: dayRange(parsed.from, parsed.to, timeZone) } };
}

export function readReturnQuery(query: Record<string, string>, timeZone: string): { query: ReturnQuery; filter: ReturnFilter } {
  refuseImpossibleDays(query);
  const parsed = ReturnQuery.parse(query);
  return { query: parsed, filter: { status: parsed.status, orderCode: parsed.q, range: dayRange(parsed.from, parsed.to, timeZone) } };
}

export function readCustomerQuery(query: Record<string, string>): CustomerQuery {
  return CustomerQuery.parse(query);
}

/** The query string of a filter again (without the page), for pagers and export links. */
export function filterParams(query: Record<string, string | number | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(query).flatMap(([key, value]) => (key === 'page' || value === undefined ? [] : [[key, String(value)]])));
}

/** From the start of the first local day to the end of the last; either end may be open. */
function dayRange(from: string | undefined, to: string | undefined, timeZone: string): TimeRange | undefined {
  if (!from && !to) return undefined;
  return {
    from: from ? startOfLocalDay(from, timeZone).toISOString() : '0000',
    to: to ? startOfLocalDay(addDays(to, 1), timeZone).toISOString() : '9999',
  };
}

/** Form fields of the status changes, checked before anything is written. */
export const OrderStatusForm = z.object({
  payment_status: z.enum(PAYMENT_STATUSES),
  shipping_status: z.enum(SHIPPING_STATUSES),
  tracking_code: z
    .string()
    .trim()
    .max(64)
    .regex(/^[\w .\-/]*$/, 'mã vận đơn chỉ gồm chữ, số, dấu chấm, gạch')
    .optional()
    .transform((code) => code || null),
  back: z.string().optional(),
});

export const ReturnStatusForm = z.object({ status: z.enum(RETURN_STATUSES), back: z.string().optional() });
