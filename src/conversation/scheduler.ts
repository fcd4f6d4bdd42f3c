import type { Engine, CartItem, SlotValue } from '../engine/index';
import type { AfterSaleSettings } from '../flows/schema';
import type { Logger } from '../log';
import { cancelScheduled, claimScheduled, dueScheduledMessages, markScheduledSentQuery, postponeScheduled, type ScheduledKind, type ScheduledPayload, type Store } from '../store/index';
import type { Conversations } from './conversations';
import { MESSAGING_WINDOW_MS } from './after-sale';
import { cartLeftSlots, recommendDue } from './journey-slots';
import type { ChannelName } from './inbound';
import type { OutboxDelivery } from './outbox-delivery';

export interface SchedulerDeps {
  store: Store;
  conversations: Conversations;
  engine: () => Engine;
  clock: () => Date;
  log: Logger;
  /** Minutes of silence before a conversation counts as over (IDLE_MINUTES): a scheduled message never cuts into a live one. */
  idleMinutes: number;
  /** Sends what a scheduled turn wrote right away; without it the outbox retry sends it. */
  delivery?: OutboxDelivery;
}

export interface RunDueResult {
  sent: number;
  cancelled: number;
  postponed: number;
}

/** How long one attempt holds a due message before another runner may take it. */
const LEASE_MS = 5 * 60_000;
/** Attempts before a message that keeps failing is given up. */
const MAX_ATTEMPTS = 5;
const RETRY_MS = 10 * 60_000;

const SETTINGS_OF: Record<ScheduledKind, keyof Pick<AfterSaleSettings, 'checkin' | 'abandoned_cart' | 'reorder'>> = {
  checkin: 'checkin',
  abandoned_cart: 'abandoned_cart',
  reorder: 'reorder',
};

/**
 * Sends the messages the shop scheduled after the sale (check-in, unfinished order, repurchase)
 * once they are due. Each one is a turn for its customer — a synthetic inbound that starts the
 * flow named in shop.yaml's `after_sale` — and is marked sent in that turn's own batch; its
 * update id (`scheduled:<id>`) makes a second run after a crash a duplicate, never a second
 * message. Run it from a timer (Node) or a cron trigger (Workers): `scheduler.runDue()`.
 */
export class Scheduler {
  constructor(private readonly deps: SchedulerDeps) {}

  async runDue(now: Date = this.deps.clock()): Promise<RunDueResult> {
    const { store, log } = this.deps;
    const db = store.db;
    const result: RunDueResult = { sent: 0, cancelled: 0, postponed: 0 };
    const nowIso = now.toISOString();
    for (const row of await dueScheduledMessages(db, nowIso)) {
      if (!(await claimScheduled(db, row.id, nowIso, new Date(now.getTime() + LEASE_MS).toISOString()))) continue;
      const kind = row.kind as ScheduledKind;
      const payload = JSON.parse(row.payload) as ScheduledPayload;
      try {
        const verdict = await this.verdict(row.customer_id, kind, payload, now);
        if (verdict.action === 'cancel') {
          log.info('scheduled message cancelled', { kind, customer: row.customer_id, reason: verdict.reason });
          await cancelScheduled(db, row.id, verdict.reason);
          result.cancelled++;
          continue;
        }
        if (verdict.action === 'postpone') {
          await postponeScheduled(db, row.id, verdict.until, verdict.reason);
          result.postponed++;
          continue;
        }
        const { customer, flow } = verdict;
        const slots: Record<string, SlotValue> = { reminder: kind };
        if (payload.order_code) slots.order_code = payload.order_code;
        if (payload.product) slots.product = payload.product;
        if (kind === 'checkin') slots.nps_due = await recommendDue(store, this.deps.engine().flows, row.customer_id, now);
        if (kind === 'abandoned_cart') Object.assign(slots, await cartLeftSlots(store, payload.conversation_id));
        const cart: CartItem[] | undefined = kind === 'checkin' ? undefined : payload.cart;
        const outcome = await this.deps.conversations.handle(
          {
            channel: customer.channel as ChannelName,
            updateId: `scheduled:${row.id}`,
            chatId: customer.chat_id,
            userId: row.customer_id.slice(customer.channel.length + 1),
            message: { kind: 'scheduled', message: kind, flow, slots, ...(cart ? { cart } : {}) },
          },
          { extraQueries: [markScheduledSentQuery(db, row.id, nowIso)], ...(this.deps.delivery ? { sender: this.deps.delivery } : {}) },
        );
        if (outcome.status === 'duplicate') {
          // Said already by an earlier run that died before its lease ended.
          await cancelScheduled(db, row.id, 'already sent');
          continue;
        }
        result.sent++;
        log.info('scheduled message sent', { kind, customer: row.customer_id });
        if (this.deps.delivery) await this.deps.delivery.deliverTo(outcome.outboxChats).catch((error) => log.error('delivery failed; the outbox will retry', { error: String(error) }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error('scheduled message failed', { kind, error: message });
        if (row.attempts + 1 >= MAX_ATTEMPTS) {
          await cancelScheduled(db, row.id, `gave up: ${message}`);
          result.cancelled++;
        } else {
          await postponeScheduled(db, row.id, new Date(now.getTime() + RETRY_MS).toISOString(), message);
          result.postponed++;
        }
      }
    }
    return result;
  }

  /** Whether a due message still makes sense: the shop's settings, the customer's wishes, the order's fate, the platforms' rules. */
  private async verdict(
    customerId: string,
    kind: ScheduledKind,
    payload: ScheduledPayload,
    now: Date,
  ): Promise<
    | { action: 'cancel'; reason: string }
    | { action: 'postpone'; until: string; reason: string }
    | { action: 'send'; customer: { channel: string; chat_id: string }; flow: string }
  > {
    const db = this.deps.store.db;
    const flows = this.deps.engine().flows;
    const settings = flows.shop.after_sale[SETTINGS_OF[kind] ?? 'checkin'];
    if (!SETTINGS_OF[kind]) return { action: 'cancel', reason: `unknown kind ${kind}` };
    if (!settings.enabled) return { action: 'cancel', reason: 'turned off in shop.yaml' };
    if (!flows.flows.has(settings.flow)) return { action: 'cancel', reason: `no flow ${settings.flow}` };
    const customer = await db.selectFrom('customers').select(['channel', 'chat_id', 'blocked', 'opted_out', 'last_seen_at']).where('id', '=', customerId).executeTakeFirst();
    if (!customer) return { action: 'cancel', reason: 'unknown customer' };
    if (customer.opted_out) return { action: 'cancel', reason: 'opted out' };
    if (customer.blocked) return { action: 'cancel', reason: 'blocked the bot' };
    const open = await db.selectFrom('conversations').select(['last_activity_at', 'mode']).where('customer_id', '=', customerId).where('status', '=', 'open').executeTakeFirst();
    const idleMs = this.deps.idleMinutes * 60_000;
    if (open && (open.mode === 'human' || now.getTime() - Date.parse(open.last_activity_at) <= idleMs)) {
      // The customer is talking to the shop right now: ask later, in a conversation of its own.
      return { action: 'postpone', until: new Date(Math.max(Date.parse(open.last_activity_at), now.getTime()) + idleMs + 60_000).toISOString(), reason: 'conversation in progress' };
    }
    if (kind === 'checkin' || kind === 'reorder') {
      const order = payload.order_code ? await db.selectFrom('orders').select(['shipping_status']).where('code', '=', payload.order_code).executeTakeFirst() : undefined;
      if (!order) return { action: 'cancel', reason: 'order not found' };
      if (order.shipping_status === 'cancelled' || (kind === 'checkin' && order.shipping_status === 'returned')) return { action: 'cancel', reason: `order ${order.shipping_status}` };
    }
    if (kind === 'abandoned_cart') {
      const since = payload.last_activity_at ?? '';
      if (customer.last_seen_at > since) return { action: 'cancel', reason: 'the customer wrote again' };
      if (now.getTime() - Date.parse(since) > MESSAGING_WINDOW_MS) return { action: 'cancel', reason: 'more than 24 hours after the last message' };
      const ordered = await db.selectFrom('orders').select('code').where('customer_id', '=', customerId).where('created_at', '>=', since).executeTakeFirst();
      if (ordered) return { action: 'cancel', reason: 'ordered since' };
    }
    return { action: 'send', customer, flow: settings.flow };
  }
}
