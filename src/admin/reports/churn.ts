import { WRITES_FIRST, type ChannelName } from '../../channel-names';
import type { ShopFlows } from '../../flows/schema';
import { MESSAGING_WINDOW_MS } from '../../conversation/after-sale';
import type { OrderHistories, PastOrder } from './order-history';
import type { ReportDb } from './range';

/** "Lâu chưa quay lại": a customer past their usual time to buy again. */
export interface LapsedCustomer {
  id: string;
  name: string | null;
  channel: string;
  orders: number;
  spent: number;
  lastOrderCode: string;
  lastOrderAt: string;
  /** Days between their orders as usual: their own median gap, or the product's reorder_days. */
  usualDays: number;
  usualFrom: 'history' | 'product';
  daysSince: number;
  reach: Reach;
  /** The cart of the last order, for the reminder to offer again. */
  lastItems: { productId: string; quantity: number }[];
  /** A reminder of this last order was already scheduled from the dashboard. */
  reminded: boolean;
}

/** Whether the bot may write to the customer first, and if not, why. */
export type Reach = 'reachable' | 'opted_out' | 'blocked' | 'outside_window' | 'no_channel';

/** Past the usual time by half again: a 30-day coffee buyer is listed after 45 days. */
export const LATE_FACTOR = 1.5;
/** Own history counts once it has this many gaps between orders (three orders). */
export const MIN_GAPS = 2;
const DAY_MS = 86_400_000;
export const REMINDER_KEY_PREFIX = 'lapsed:';

/** Whether the shop may write to the customer first now, by what their platform allows (WRITES_FIRST). */
export function reachOf(customer: { channel: string; opted_out: number; blocked: number; last_seen_at: string }, now: Date): Reach {
  if (customer.opted_out) return 'opted_out';
  if (customer.blocked) return 'blocked';
  // A channel registered from outside the shop's list: the dashboard knows no way to write first.
  const rule = Object.hasOwn(WRITES_FIRST, customer.channel) ? WRITES_FIRST[customer.channel as ChannelName] : 'never';
  if (rule === 'any_time') return 'reachable';
  if (rule === 'within_window') return now.getTime() - Date.parse(customer.last_seen_at) <= MESSAGING_WINDOW_MS ? 'reachable' : 'outside_window';
  return 'no_channel';
}

/** The median of the gaps in days between consecutive orders (orders on the same day count once). */
export function usualGap(orderTimes: readonly string[]): { gaps: number; median: number | null } {
  const times = [...orderTimes].map(Date.parse).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const days = (times[i]! - times[i - 1]!) / DAY_MS;
    if (days >= 1) gaps.push(days);
  }
  if (gaps.length === 0) return { gaps: 0, median: null };
  gaps.sort((a, b) => a - b);
  const middle = Math.floor((gaps.length - 1) / 2);
  return { gaps: gaps.length, median: gaps.length % 2 === 1 ? gaps[middle]! : (gaps[middle]! + gaps[middle + 1]!) / 2 };
}

/**
 * Customers whose days since their last order exceed LATE_FACTOR × their usual interval.
 * The usual interval is their own median gap once they have MIN_GAPS gaps; before that the
 * shortest `reorder_days` among the products of their last order. Customers with neither are
 * not listed: nothing says when they should be back. Cancelled orders do not count.
 */
export async function lapsedCustomers(db: ReportDb, histories: OrderHistories, flows: ShopFlows, now: Date): Promise<LapsedCustomer[]> {
  const reminders = await db.selectFrom('scheduled_messages').select(['customer_id', 'key']).where('kind', '=', 'reorder').where('key', 'like', `${REMINDER_KEY_PREFIX}%`).execute();
  const reorderDays = new Map(flows.shop.catalog.flatMap((product) => (product.reorder_days ? [[product.id, product.reorder_days] as const] : [])));
  const remindedKeys = new Set(reminders.map((row) => `${row.customer_id}|${row.key}`));
  const late: { customerId: string; list: readonly PastOrder[]; items: LapsedCustomer['lastItems']; usual: { days: number; from: 'history' | 'product' }; daysSince: number }[] = [];
  for (const [customerId, list] of histories) {
    const last = list[list.length - 1]!;
    // Fewer than MIN_GAPS + 1 orders cannot have MIN_GAPS gaps: most customers need no gaps counted.
    const history = list.length > MIN_GAPS ? usualGap(list.map((order) => order.created_at)) : null;
    let items: LapsedCustomer['lastItems'] | undefined;
    let usual: { days: number; from: 'history' | 'product' } | null = null;
    if (history && history.gaps >= MIN_GAPS) usual = { days: history.median!, from: 'history' };
    else {
      items = itemsOf(last.items);
      const productDays = Math.min(...items.map((item) => reorderDays.get(item.productId) ?? Infinity));
      if (Number.isFinite(productDays)) usual = { days: productDays, from: 'product' };
    }
    if (!usual) continue;
    const daysSince = (now.getTime() - Date.parse(last.created_at)) / DAY_MS;
    if (daysSince > usual.days * LATE_FACTOR) late.push({ customerId, list, items: items ?? itemsOf(last.items), usual, daysSince });
  }
  // Only the late customers are read: name and whether the bot may write to them.
  const customerOf = await customersById(db, late.map((entry) => entry.customerId));
  const lapsed: LapsedCustomer[] = late.flatMap(({ customerId, list, items, usual, daysSince }) => {
    const customer = customerOf.get(customerId);
    if (!customer) return [];
    const last = list[list.length - 1]!;
    return [
      {
        id: customerId,
        name: customer.name ?? customer.display_name,
        channel: customer.channel,
        orders: list.length,
        spent: list.reduce((sum, order) => sum + order.total, 0),
        lastOrderCode: last.code,
        lastOrderAt: last.created_at,
        usualDays: Math.round(usual.days),
        usualFrom: usual.from,
        daysSince: Math.floor(daysSince),
        reach: reachOf(customer, now),
        lastItems: items,
        reminded: remindedKeys.has(`${customerId}|${REMINDER_KEY_PREFIX}${last.code}`),
      },
    ];
  });
  // The customers worth most to the shop first: those who bought most often, then the longest gone.
  return lapsed.sort((a, b) => b.orders - a.orders || b.daysSince / b.usualDays - a.daysSince / a.usualDays || a.id.localeCompare(b.id));
}

/** D1 binds at most 100 values per statement. */
const IDS_PER_QUERY = 90;

async function customersById(db: ReportDb, ids: readonly string[]) {
  const chunks = Array.from({ length: Math.ceil(ids.length / IDS_PER_QUERY) }, (_, index) => ids.slice(index * IDS_PER_QUERY, (index + 1) * IDS_PER_QUERY));
  const rows = await Promise.all(
    chunks.map((chunk) => db.selectFrom('customers').select(['id', 'name', 'display_name', 'channel', 'opted_out', 'blocked', 'last_seen_at']).where('id', 'in', chunk).execute()),
  );
  return new Map(rows.flat().map((row) => [row.id, row]));
}

function itemsOf(json: string): { productId: string; quantity: number }[] {
  try {
    const lines = JSON.parse(json) as { productId?: unknown; quantity?: unknown }[];
    return Array.isArray(lines)
      ? lines.flatMap((line) => (typeof line.productId === 'string' && typeof line.quantity === 'number' ? [{ productId: line.productId, quantity: line.quantity }] : []))
      : [];
  } catch {
    return [];
  }
}
