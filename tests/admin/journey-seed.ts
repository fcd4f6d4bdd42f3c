import { ShopFile, type ShopFlows } from '../../src/flows/schema';
import type { Store } from '../../src/store/index';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop, mulberry32, type SeededShop } from './seed';

/**
 * A year of the fixture shop for the journey pages: the generated conversations and orders,
 * plus NPS answers from check-ins, reasons given for carts left, and customers who opted out
 * or blocked the bot. Two touchpoints carry a signal on purpose — Zalo after-sale returns score
 * badly, and on Telegram "consider" only customers who came back scored well — so the page's
 * choice of weak and important touchpoints has something real to find.
 */
export interface JourneyShop extends SeededShop {
  nps: { conversationId: string; customerId: string; score: number; reason: string | null; createdAt: string }[];
  cartReasons: { conversationId: string; reason: string; leftFlow: string; leftStep: string; createdAt: string }[];
  optedOut: Set<string>;
  blocked: Set<string>;
}

export const RETURN_MS = 60 * 86_400_000;
const REASONS = ['price', 'shipping_fee', 'delivery_time', 'not_now', 'question', 'other'] as const;
const NPS_REASONS = ['xoài ngọt, giao nhanh', 'giá hơi cao', 'ship lâu quá', null, null];

export function journeyFlows(): ShopFlows {
  const flows = fixtureFlows();
  const defaults = ShopFile.shape.after_sale.parse(undefined);
  return {
    ...flows,
    shop: {
      ...flows.shop,
      catalog: [{ id: 'xoai_cat_hoa_loc', name: 'Xoài cát Hòa Lộc', aliases: [], unit: 'kg', price: 85_000, min_quantity: 1, stock: 'in_stock', preorder: true, reorder_days: 20 }],
      after_sale: defaults,
    },
  };
}

/** Whether the customer placed an order (not cancelled, not from that same conversation) within 60 days after `at`. */
export function orderedAgain(shop: Pick<SeededShop, 'orders'>, customerId: string, at: string, conversationId: string): boolean {
  const start = Date.parse(at);
  return shop.orders.some(
    (order) => order.customerId === customerId && order.conversationId !== conversationId && order.shippingStatus !== 'cancelled' && Date.parse(order.createdAt) > start && Date.parse(order.createdAt) <= start + RETURN_MS,
  );
}

export function generateJourneyShop(flows: ShopFlows, now: Date): JourneyShop {
  const base = generateShop(flows, { now, days: 365, seed: 7_2026, customers: 220 });
  const random = mulberry32(99);
  for (const conversation of base.conversations) {
    if (conversation.score === null) continue;
    if (conversation.stage === 'return' && conversation.channel === 'zalo') conversation.score = random() < 0.8 ? 1 + Math.floor(random() * 2) : 4;
    if (conversation.stage === 'consider' && conversation.channel === 'telegram') {
      conversation.score = orderedAgain(base, conversation.customerId, conversation.startedAt, conversation.id) ? (random() < 0.85 ? 5 : 3) : random() < 0.85 ? 2 : 4;
    }
  }
  for (const event of base.events) {
    if (event.type !== 'satisfaction_answered') continue;
    const conversation = base.conversations.find((c) => c.id === event.conversationId)!;
    event.detail = { score: conversation.score };
  }
  const nps: JourneyShop['nps'] = [];
  const lastAsked = new Map<string, number>();
  for (const order of base.orders) {
    if (order.shippingStatus === 'cancelled' || random() > 0.5) continue;
    const at = Date.parse(order.createdAt) + 4 * 86_400_000;
    if (at > now.getTime() || at - (lastAsked.get(order.customerId) ?? -Infinity) < 180 * 86_400_000) continue;
    lastAsked.set(order.customerId, at);
    const draw = random();
    const score = draw < 0.15 ? Math.floor(random() * 7) : draw < 0.4 ? 7 + Math.floor(random() * 2) : 9 + Math.floor(random() * 2);
    nps.push({ conversationId: order.conversationId, customerId: order.customerId, score, reason: NPS_REASONS[Math.floor(random() * NPS_REASONS.length)]!, createdAt: new Date(at).toISOString() });
  }
  const cartReasons: JourneyShop['cartReasons'] = [];
  for (const conversation of base.conversations) {
    if (conversation.entryFlow !== 'order' || conversation.outcome !== 'abandoned' || random() > 0.4) continue;
    const steps = base.events.filter((event) => event.conversationId === conversation.id && event.type === 'step_entered');
    const last = steps[steps.length - 1];
    if (!last?.step) continue;
    cartReasons.push({ conversationId: conversation.id, reason: REASONS[Math.floor(random() * REASONS.length)]!, leftFlow: 'order', leftStep: last.step, createdAt: new Date(Date.parse(conversation.lastActivityAt) + 7_200_000).toISOString() });
  }
  const ids = base.customers.map((customer) => customer.id);
  const optedOut = new Set(ids.filter((_, index) => index % 17 === 3));
  const blocked = new Set(ids.filter((_, index) => index % 23 === 5 && index % 17 !== 3));
  return { ...base, nps, cartReasons, optedOut, blocked };
}

export async function insertJourneyShop(store: Store, shop: JourneyShop): Promise<void> {
  await insertShop(store, shop);
  const db = store.db;
  for (const answer of shop.nps) {
    await db
      .insertInto('events')
      .values({ conversation_id: answer.conversationId, type: 'nps_answered', flow: 'checkin', step: 'record_nps', detail: JSON.stringify({ score: answer.score, reason: answer.reason, order_code: null }), created_at: answer.createdAt })
      .execute();
  }
  for (const left of shop.cartReasons) {
    await db
      .insertInto('events')
      .values({ conversation_id: left.conversationId, type: 'cart_left_reason', flow: 'reminder', step: 'record_cart_reason', detail: JSON.stringify({ reason: left.reason, left_flow: left.leftFlow, left_step: left.leftStep }), created_at: left.createdAt })
      .execute();
  }
  if (shop.optedOut.size > 0) await db.updateTable('customers').set({ opted_out: 1 }).where('id', 'in', [...shop.optedOut]).execute();
  if (shop.blocked.size > 0) await db.updateTable('customers').set({ blocked: 1 }).where('id', 'in', [...shop.blocked]).execute();
}
