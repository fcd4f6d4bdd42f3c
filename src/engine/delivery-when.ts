import type { ShopFile } from '../flows/schema';
import { addDays, readDeliveryWish, weekdayOf, type DeliveryWish } from './parse/delivery-wish';
import { renderTemplate } from './template';
import type { SlotValue } from './types';

/** Slots a delivery wish may be written in: its own question if a flow asks one, else the order's note. */
const SOURCES = ['delivery_wish', 'note'] as const;

/** "16/05". */
const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** The wish in the shop's words (shop.yaml texts.delivery_wish), e.g. "cuối tuần (T7 16/05 – CN 17/05)". */
export function describeDeliveryWish(shop: ShopFile, wish: DeliveryWish): string {
  const words = shop.texts.delivery_wish;
  const weekdays = shop.texts.labels.weekdays;
  const named = (day: string) => `${weekdays[weekdayOf(day)]} ${dayMonth(day)}`;
  if (wish.kind === 'asap') return words.asap;
  const values: Record<string, string> =
    wish.kind === 'weekend' ? { saturday: named(wish.saturday), sunday: named(addDays(wish.saturday, 1)) } : { date: named(wish.date) };
  return renderTemplate(wish.kind === 'weekend' ? words.weekend : words.date, (root) => values[root] ?? '');
}

/** When the customer wants the goods, read from what they wrote in the order; null when they named no time. */
export function deliveryWhen(shop: ShopFile, slots: Record<string, SlotValue>, now: Date): string | null {
  for (const source of SOURCES) {
    const text = slots[source];
    if (typeof text !== 'string') continue;
    const wish = readDeliveryWish(text, now, shop.shop.timezone);
    if (wish) return describeDeliveryWish(shop, wish);
  }
  return null;
}
