import { initialState, renderTemplate, variablesFor } from '../engine/index';
import type { ShopFlows } from '../flows/schema';
import { markCustomerToldWhen, unansweredHandovers, type Store } from '../store/index';
import type { CustomerMessenger } from './customer-messenger';
import { nextOpening } from './shop-calendar';

export interface WaitingCustomersDeps {
  store: Store;
  flows: () => ShopFlows;
  clock: () => Date;
  messenger: CustomerMessenger;
  /** Minutes a customer waits for a person before being told when the shop will reply. */
  humanReplyMinutes: number;
}

/**
 * Customers who asked for a person and heard nothing: whether the owner answers from a
 * Telegram chat or from the dashboard's inbox (or has neither), each is told once, in their own
 * chat, when the shop will reply.
 */
export class WaitingCustomers {
  constructor(private readonly deps: WaitingCustomersDeps) {}

  /** Tells every customer nobody answered in time when the shop will reply; run periodically. */
  async remind(): Promise<number> {
    const { store, clock, humanReplyMinutes, messenger } = this.deps;
    const now = clock();
    const before = new Date(now.getTime() - humanReplyMinutes * 60_000).toISOString();
    let told = 0;
    for (const waiting of await unansweredHandovers(store.db, before)) {
      const reached = await messenger.tell(waiting.customer_id, { kind: 'text', text: whenTheShopReplies(this.deps.flows(), now) });
      // Marked even when the customer cannot be reached, so the sweep does not try again every minute.
      await markCustomerToldWhen(store.db, waiting.conversation_id, now.toISOString());
      if (reached) told++;
    }
    return told;
  }
}

/** "Chủ shop đang bận…" in opening hours, else when the shop opens next ("07:00 hôm nay"). */
export function whenTheShopReplies(flows: ShopFlows, now: Date): string {
  const { shop, texts } = flows.shop;
  const next = nextOpening(shop.opening_hours, shop.timezone, now);
  const render = (template: string, extras: Record<string, string>) =>
    renderTemplate(template, variablesFor(flows, initialState(), { now, orderCode: '', customer: { name: null, orders: [] } }, extras));
  if (!next || next.openNow) return render(texts.human_wait.open, {});
  const day = next.daysAhead === 0 ? texts.human_wait.today : next.daysAhead === 1 ? texts.human_wait.tomorrow : texts.labels.weekdays[next.weekday]!;
  return render(texts.human_wait.closed, { opens: `${next.time} ${day}` });
}
