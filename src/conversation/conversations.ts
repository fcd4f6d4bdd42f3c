import type { CompiledQuery, Selectable } from 'kysely';
import type { Engine } from '../engine/engine';
import { initialState, type ConversationState, type Effect, type EngineEvent, type Inbound, type Outbound, type TurnResult } from '../engine/types';
import type { Logger } from '../log';
import type { ConversationTable } from '../store/database';
import type { Store } from '../store/store';
import { ConstraintError } from '../store/store';
import { handoverQueries } from '../store/relays';
import { idleConversations, readTurn, turnQueries, type ConversationFields, type TurnSnapshot, type TurnWrite } from '../store/turns';
import { ChatQueue } from './chat-queue';
import { newId, newOrderCode } from './ids';
import type { InboundEvent } from './inbound';
import { lowScoreNotice, ownerNotices, type NoticeContext } from './owner-notices';
import { relayToOwner, returnPhotos, withHandBack, type NoticeForOwner } from './owner-relay';
import { abandonedCartQuery, afterSaleQueries, MESSAGING_WINDOW_MS } from './after-sale';
import { erasePersonalDataQueries, personalData } from '../store/personal-data';
import { lastOrderDetails, remindedCart } from '../store/scheduled';
import { renderTemplate } from '../engine/template';
import { formatVnd } from '../engine/format';

/** Where the owner hears about orders and requests; null writes a log line instead. */
export interface OwnerChannel {
  channel: string;
  chatId: string;
}

export interface ConversationDeps {
  store: Store;
  /** The engine for the flows in force now (flows can be reloaded while running). */
  engine: () => Engine;
  clock: () => Date;
  idleMinutes: number;
  owner: OwnerChannel | null;
  log: Logger;
  orderCode?: () => string;
  /** The server's public address: low-score alerts link to the transcript in the dashboard. */
  publicUrl?: string | undefined;
}

export interface TurnOutcome {
  status: 'processed' | 'duplicate';
  conversationId: string | null;
  /** Outbox rows written by this turn, in the order they are to be sent. */
  outboxIds: string[];
}

export interface HandleOptions {
  /** Statements to commit with the turn's own batch (the scheduler marks its message sent). */
  extraQueries?: readonly CompiledQuery[];
}

/** What a returning customer's turn knows beyond the snapshot (issue 10). */
interface ReturningCustomer {
  lastOrder: Awaited<ReturnType<typeof lastOrderDetails>>;
  remindedCart: { productId: string; quantity: number }[] | null;
}

/** What a turn adds to its batch after the sale (issue 10): schedules, opt-out, erasure, an export to read. */
interface AfterSaleWrite {
  queries: CompiledQuery[];
  exportRequested: boolean;
  /** The customer's personal data is erased in this batch: the WAL is checkpointed after it. */
  erased: boolean;
}

/** Tries before a turn gives up on a conversation another writer keeps changing. */
const MAX_ATTEMPTS = 5;
/** Where owner notices go when no owner chat is configured: delivered as a log line. */
export const OWNER_LOG_CHANNEL = 'owner-log';

/**
 * The turn: read → compute → one atomic batch of writes, then the caller delivers the
 * outbox. Duplicates are recognized by update id; a lost race is retried from the read.
 */
export class Conversations {
  private readonly queue = new ChatQueue();

  constructor(private readonly deps: ConversationDeps) {}

  handle(event: InboundEvent, options: HandleOptions = {}): Promise<TurnOutcome> {
    return this.queue.run(`${event.channel}:${event.userId}`, () => this.process(event, options));
  }

  private async process(event: InboundEvent, options: HandleOptions = {}): Promise<TurnOutcome> {
    const { store, log } = this.deps;
    const receivedAt = this.deps.clock();
    const customerId = `${event.channel}:${event.userId}`;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const snapshot = await readTurn(store.db, event.channel, event.updateId, customerId);
      if (snapshot.processed) return { status: 'duplicate', conversationId: snapshot.conversation?.id ?? null, outboxIds: [] };
      if (snapshot.conversation && this.isIdle(snapshot.conversation.last_activity_at)) {
        await this.closeIdleConversation(snapshot.conversation);
        continue;
      }
      const returning = await this.readReturning(snapshot, customerId, event);
      const after: AfterSaleWrite = { queries: [], exportRequested: false, erased: false };
      const write = this.compute(event, snapshot, customerId, receivedAt, returning, after);
      if (after.exportRequested) await this.appendPersonalData(write, customerId, event);
      try {
        await store.batch([...turnQueries(store.db, write), ...handoverQueries(store.db, write), ...after.queries, ...(options.extraQueries ?? [])]);
        if (after.erased) await store.checkpoint?.();
        return { status: 'processed', conversationId: write.conversation.id, outboxIds: write.outbox.map((row) => row.id) };
      } catch (error) {
        if (!(error instanceof ConstraintError)) throw error;
        if (error.message.includes('processed_updates')) return { status: 'duplicate', conversationId: null, outboxIds: [] };
        log.warn('turn lost a race; retrying from the read', { channel: event.channel, attempt, constraint: error.constraint });
      }
    }
    throw new Error(`conversation ${customerId} kept changing under ${MAX_ATTEMPTS} attempts; the update was not processed and the platform will retry it`);
  }

  /** A returning customer's last order (to reorder, to confirm the address) and a cart the bot reminded them of. */
  private async readReturning(snapshot: TurnSnapshot, customerId: string, event: InboundEvent): Promise<ReturningCustomer> {
    const db = this.deps.store.db;
    const tapped = event.message.kind === 'button' && event.message.value.includes('flow:');
    const since = new Date(this.deps.clock().getTime() - MESSAGING_WINDOW_MS).toISOString();
    const [lastOrder, reminded] = await Promise.all([
      snapshot.recentOrders.length > 0 ? lastOrderDetails(db, customerId) : null,
      tapped && snapshot.customer ? remindedCart(db, customerId, since) : null,
    ]);
    const fresher = reminded && (!lastOrder || reminded.sentAt > lastOrder.createdAt) ? reminded.items : null;
    return { lastOrder, remindedCart: fresher };
  }

  /** "dữ liệu của tôi": what the shop holds, read before the write and said after the flow's own words. */
  private async appendPersonalData(write: TurnWrite, customerId: string, event: InboundEvent): Promise<void> {
    const data = await personalData(this.deps.store.db, customerId);
    const texts = this.deps.engine().flows.shop.after_sale.texts;
    const none = texts.personal_data_none;
    const values: Record<string, string> = {
      name: data?.customer.name ?? data?.customer.display_name ?? none,
      phone: data?.customer.phone ?? none,
      address: data?.customer.address ?? none,
      orders: data && data.orders.length > 0 ? data.orders.map((order) => `${order.code} (${formatVnd(order.total)})`).join(', ') : none,
      conversations: String(data?.conversations.length ?? 0),
    };
    const reply = { kind: 'text' as const, text: renderTemplate(texts.personal_data, (root) => values[root] ?? '') };
    const now = this.deps.clock();
    write.messages.push(outboundMessage(reply));
    write.outbox.push({ id: newId(now), recipient: 'customer', channel: event.channel, chatId: event.chatId, payload: reply });
  }

  private compute(event: InboundEvent, snapshot: TurnSnapshot, customerId: string, receivedAt: Date, returning?: ReturningCustomer, after?: AfterSaleWrite): TurnWrite {
    const now = this.deps.clock();
    const engine = this.deps.engine();
    const open = snapshot.conversation;
    const state: ConversationState = open ? (JSON.parse(open.state) as ConversationState) : initialState();
    const customerName = snapshot.customer?.name ?? snapshot.customer?.display_name ?? event.displayName ?? null;
    const result = engine.turn(state, event.message, {
      now,
      orderCode: (this.deps.orderCode ?? newOrderCode)(),
      customer: {
        name: customerName,
        orders: snapshot.recentOrders,
        phone: snapshot.customer?.phone ?? null,
        address: snapshot.customer?.address ?? null,
        lastOrder: returning?.lastOrder ?? null,
        remindedCart: returning?.remindedCart ?? null,
      },
    });
    const scheduled = event.message.kind === 'scheduled';
    if (after) {
      after.queries.push(...afterSaleQueries(this.deps.store.db, engine.flows, result.effects, customerId, now));
      for (const effect of result.effects) {
        if (effect.type !== 'personal_data') continue;
        if (effect.request === 'export') after.exportRequested = true;
        else {
          after.queries.push(...erasePersonalDataQueries(this.deps.store.db, customerId, { keepPending: true, erasedState: JSON.stringify(initialState()) }));
          after.erased = true;
        }
      }
    }
    const conversationId = open?.id ?? newId(now);
    const nowIso = now.toISOString();
    const outbox: TurnWrite['outbox'] = result.replies.map((reply) => ({ id: newId(now), recipient: 'customer', channel: event.channel, chatId: event.chatId, payload: reply }));
    const context: NoticeContext = { customer: customerName ?? event.chatId, channel: event.channel };
    const ownerTexts = engine.flows.shop.owner_texts;
    const notices: NoticeForOwner[] = this.noticesFor(engine, result, context, conversationId);
    // Owner relay (issue 6): while a person has the conversation, what the customer says goes to the owner.
    if (state.mode === 'human' && result.state.mode === 'human') notices.push(...relayToOwner(ownerTexts, event.message, context));
    notices.push(...returnPhotos(result.effects, context));
    const forOwner = result.state.mode === 'human' ? withHandBack(notices, ownerTexts, conversationId) : notices;
    for (const notice of forOwner) outbox.push(this.ownerRow(notice, now));
    const profile = profileOf(result.effects);
    return {
      now: nowIso,
      update: { channel: event.channel, id: event.updateId },
      // A scheduled message is not the customer writing: their row (last seen) stays as it is.
      ...(scheduled ? {} : { customer: { id: customerId, channel: event.channel, chatId: event.chatId, displayName: event.displayName ?? null, profile } }),
      conversation: {
        id: conversationId,
        customerId,
        channel: event.channel,
        startedAt: open?.started_at ?? nowIso,
        expectedVersion: open?.version ?? null,
        fields: {
          ...touchpointFields(result, engine.flows.version, nowIso),
          message_count: (open?.message_count ?? 0) + 1 + result.replies.length,
          first_response_ms: open ? open.first_response_ms : result.replies.length > 0 && !scheduled ? now.getTime() - receivedAt.getTime() : null,
        },
      },
      messages: [inboundMessage(event.message), ...result.replies.map(outboundMessage)],
      events: result.events.map(eventRow),
      orders: result.effects.flatMap((effect) =>
        effect.type === 'create_order'
          ? [
              {
                id: newId(now),
                code: effect.order.code,
                items: effect.order.quote.lines,
                subtotal: effect.order.quote.subtotal,
                discount: effect.order.quote.discountTotal,
                shippingFee: effect.order.quote.shippingFee,
                total: effect.order.quote.total,
                promoCode: effect.order.promoCode,
                contactName: effect.order.contactName,
                phone: effect.order.phone,
                address: effect.order.address,
                province: effect.order.province,
                note: effect.order.note,
                paymentMethod: effect.order.paymentMethod,
              },
            ]
          : [],
      ),
      returnRequests: result.effects.flatMap((effect) => (effect.type === 'open_return' ? [{ id: newId(now), ...effect.request }] : [])),
      paymentClaims: result.effects.flatMap((effect) => (effect.type === 'payment_claimed' ? [effect.orderCode] : [])),
      outbox,
    };
  }

  private noticesFor(engine: Engine, result: TurnResult, context: NoticeContext, conversationId: string): NoticeForOwner[] {
    const texts = engine.flows.shop.owner_texts;
    const notices: NoticeForOwner[] = ownerNotices(texts, result.effects, context);
    const { score, comment } = result.state.satisfaction;
    const alertAt = engine.flows.shop.satisfaction.alert_owner_at_or_below;
    const link = this.deps.publicUrl ? `${this.deps.publicUrl.replace(/\/+$/, '')}/admin/conversations/${conversationId}` : '';
    if (result.state.ended && score !== null && score <= alertAt) notices.push(lowScoreNotice(texts, score, comment, { ...context, link }));
    return notices;
  }

  private ownerRow(notice: NoticeForOwner, now: Date): TurnWrite['outbox'][number] {
    const owner = this.deps.owner;
    return {
      id: newId(now),
      recipient: 'owner',
      channel: owner?.channel ?? OWNER_LOG_CHANNEL,
      chatId: owner?.chatId ?? 'owner',
      payload: notice,
    };
  }

  private isIdle(lastActivityAt: string): boolean {
    return this.deps.clock().getTime() - Date.parse(lastActivityAt) > this.deps.idleMinutes * 60_000;
  }

  /** Closes every conversation idle past the limit; run periodically (timer on Node, cron on Workers). */
  async sweepIdle(): Promise<number> {
    const before = new Date(this.deps.clock().getTime() - this.deps.idleMinutes * 60_000).toISOString();
    let closed = 0;
    for (const conversation of await idleConversations(this.deps.store.db, before)) {
      // Customer ids are "<channel>:<user id>", the same key `handle` serializes on.
      if (await this.queue.run(conversation.customer_id, () => this.closeIdleConversation(conversation, true))) closed++;
    }
    return closed;
  }

  /** `remindLater`: the idle sweep (not a customer writing again) schedules the one reminder of an unfinished order. */
  private async closeIdleConversation(conversation: Selectable<ConversationTable>, remindLater = false): Promise<boolean> {
    const engine = this.deps.engine();
    const now = this.deps.clock();
    const before = JSON.parse(conversation.state) as ConversationState;
    const reminder = remindLater ? abandonedCartQuery(this.deps.store.db, engine.flows, before, conversation, now) : null;
    const result = engine.closeIdle(before, {
      now,
      orderCode: '',
      customer: { name: null, orders: [] },
    });
    const nowIso = now.toISOString();
    const write: TurnWrite = {
      now: nowIso,
      conversation: {
        id: conversation.id,
        customerId: conversation.customer_id,
        channel: conversation.channel,
        startedAt: conversation.started_at,
        expectedVersion: conversation.version,
        fields: {
          ...touchpointFields(result, engine.flows.version, nowIso),
          // Closing is not activity: keep the time the customer last wrote.
          last_activity_at: conversation.last_activity_at,
          message_count: conversation.message_count,
          first_response_ms: conversation.first_response_ms,
        },
      },
      messages: [],
      events: result.events.map(eventRow),
      orders: [],
      returnRequests: [],
      paymentClaims: [],
      outbox: [],
    };
    try {
      await this.deps.store.batch([...turnQueries(this.deps.store.db, write), ...(reminder ? [reminder] : [])]);
      this.deps.log.info('closed idle conversation', { conversation: conversation.id, outcome: result.state.ended });
      return true;
    } catch (error) {
      if (error instanceof ConstraintError) return false;
      throw error;
    }
  }
}

function touchpointFields(result: TurnResult, flowsVersion: string, nowIso: string): Omit<ConversationFields, 'message_count' | 'first_response_ms'> {
  const { state } = result;
  return {
    status: state.ended ? 'closed' : 'open',
    last_activity_at: nowIso,
    ended_at: state.ended ? nowIso : null,
    outcome: state.ended,
    entry_flow: state.entryFlow,
    stage: state.stage,
    phase: state.phase,
    satisfaction_asked: state.satisfaction.asked ? 1 : 0,
    satisfaction_score: state.satisfaction.score,
    satisfaction_comment: state.satisfaction.comment,
    mode: state.mode,
    state: JSON.stringify(state),
    flows_version: flowsVersion,
  };
}

function profileOf(effects: readonly Effect[]): { name?: string; phone?: string; address?: string } {
  const profile: { name?: string; phone?: string; address?: string } = {};
  for (const effect of effects) if (effect.type === 'customer_profile') Object.assign(profile, effect);
  delete (profile as { type?: string }).type;
  return profile;
}

function inboundMessage(message: Inbound): TurnWrite['messages'][number] {
  switch (message.kind) {
    case 'text':
      return { direction: 'in', kind: 'text', text: message.text.slice(0, 4000), payload: null };
    case 'button':
      return { direction: 'in', kind: 'button', text: null, payload: { value: message.value } };
    case 'contact':
      return { direction: 'in', kind: 'contact', text: message.phone, payload: null };
    case 'photo':
      return { direction: 'in', kind: 'photo', text: message.caption ?? null, payload: { ref: message.ref } };
    case 'location':
      return { direction: 'in', kind: 'location', text: null, payload: { latitude: message.latitude, longitude: message.longitude } };
    case 'handback':
      return { direction: 'in', kind: 'handback', text: null, payload: null };
    case 'scheduled':
      return { direction: 'in', kind: 'scheduled', text: null, payload: { message: message.message, flow: message.flow } };
  }
}

function outboundMessage(reply: Outbound): TurnWrite['messages'][number] {
  switch (reply.kind) {
    case 'text':
      return { direction: 'out', kind: 'text', text: reply.text, payload: reply.buttons ? { buttons: reply.buttons } : null };
    case 'image':
      return { direction: 'out', kind: 'image', text: reply.caption ?? null, payload: { url: reply.url } };
    case 'payment_qr':
      return { direction: 'out', kind: 'payment_qr', text: reply.caption, payload: { orderCode: reply.orderCode, amount: reply.amount } };
  }
}

function eventRow(event: EngineEvent): TurnWrite['events'][number] {
  const { type, ...detail } = event;
  const flow = 'flow' in event ? event.flow : null;
  const step = 'step' in event ? event.step : null;
  const rest = Object.fromEntries(Object.entries(detail).filter(([key]) => key !== 'flow' && key !== 'step'));
  return { type, flow, step, detail: Object.keys(rest).length > 0 ? rest : null };
}

/** The owner's "erase this customer's data" (dashboard): one batch, the conversation reset. */
export async function erasePersonalData(store: Store, customerId: string): Promise<void> {
  await store.batch(erasePersonalDataQueries(store.db, customerId, { keepPending: false, erasedState: JSON.stringify(initialState()) }));
  await store.checkpoint?.();
}
