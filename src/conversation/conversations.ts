import type { CompiledQuery, Selectable } from 'kysely';
import { initialState, parseState, settleState, type ConversationState, type Engine, type TurnContext, type TurnResult } from '../engine/index';
import type { Logger } from '../log';
import { type BatchChanges, type ConversationTable, erasePersonalDataQueries, type OutboxRow, remindedCart, type Store, ConstraintError, idleConversations, readTurn, type TurnSnapshot } from '../store/index';
import { MESSAGING_WINDOW_MS } from './after-sale';
import { TurnQueue } from './turn-queue';
import { newId, newOrderCode } from './ids';
import { WrittenStates } from './written-states';
import type { InboundEvent } from './inbound';
import type { ImmediateSender, OutboxChat } from './outbox-delivery';
import type { OwnerChannel } from './owner-channel';
import { buildIdleCloseWrite, buildTurnWrite, type TurnPlan } from './turn-write';

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
  /** The chats those rows are for, each once. */
  outboxChats: OutboxChat[];
}

export interface HandleOptions {
  /** Statements to commit with the turn's own batch (the scheduler marks its message sent). */
  extraQueries?: readonly CompiledQuery[];
  /** Who sends the turn's rows right after the commit: the batch claims them for it. */
  sender?: ImmediateSender;
}

/** What a returning customer's turn knows beyond the snapshot. */
type ReturningCustomer = Pick<TurnContext['customer'], 'lastOrder' | 'remindedCart'>;

/** Tries before a turn gives up on a conversation another writer keeps changing. */
const MAX_ATTEMPTS = 5;
/** Turns of different chats run side by side (and commit together) up to this many; more wait their turn. */
const TURNS_AT_ONCE = 64;
/** Conversations whose last written state this process keeps, so their next turn need not parse it. */
const STATES_KEPT = 256;

/**
 * The turn: read → compute → one atomic batch of writes, then the caller delivers the
 * outbox. Duplicates are recognized by update id; a lost race is retried from the read.
 */
export class Conversations {
  private readonly queue = new TurnQueue(TURNS_AT_ONCE);
  private readonly written = new WrittenStates(STATES_KEPT);

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
      if (snapshot.processed) return { status: 'duplicate', conversationId: snapshot.conversation?.id ?? null, outboxIds: [], outboxChats: [] };
      if (snapshot.conversation && this.isIdle(snapshot.conversation.last_activity_at)) {
        await this.closeIdleConversation(snapshot.conversation);
        continue;
      }
      const returning = await this.readReturning(snapshot, customerId, event);
      const plan = this.compute(event, snapshot, receivedAt, returning, options.sender);
      try {
        const changes = await this.commit(plan, options.extraQueries ?? []);
        const { outbox, conversation } = plan.write;
        this.written.set(conversation.id, conversation.fields.state, plan.state);
        return {
          status: 'processed',
          conversationId: conversation.id,
          outboxIds: outbox.map((row) => row.id),
          outboxChats: chatsOf(outbox, plan.claims.filter((claim) => changes[claim.at] === 1).map((claim) => claim.row)),
        };
      } catch (error) {
        if (!(error instanceof ConstraintError)) throw error;
        if (error.message.includes('processed_updates')) return { status: 'duplicate', conversationId: null, outboxIds: [], outboxChats: [] };
        log.warn('turn lost a race; retrying from the read', { channel: event.channel, attempt, constraint: error.constraint });
      }
    }
    throw new Error(`conversation ${customerId} kept changing under ${MAX_ATTEMPTS} attempts; the update was not processed and the platform will retry it`);
  }

  /** A returning customer's last order (read with the snapshot) and a cart the bot reminded them of, read only after a tap on a flow button. */
  private async readReturning(snapshot: TurnSnapshot, customerId: string, event: InboundEvent): Promise<ReturningCustomer> {
    const lastOrder = snapshot.lastOrder ?? null;
    const tapped = event.message.kind === 'button' && event.message.value.includes('flow:');
    if (!tapped || !snapshot.customer) return { lastOrder, remindedCart: null };
    const since = new Date(this.deps.clock().getTime() - MESSAGING_WINDOW_MS).toISOString();
    const reminded = await remindedCart(this.deps.store.db, customerId, since);
    const fresher = reminded && (!lastOrder || reminded.sentAt > lastOrder.createdAt) ? reminded.items : null;
    return { lastOrder, remindedCart: fresher };
  }

  /** Runs the engine on what was read, and builds the batch with the pure builder: nothing is read from here on. */
  private compute(event: InboundEvent, snapshot: TurnSnapshot, receivedAt: Date, returning: ReturningCustomer, sender: ImmediateSender | undefined): TurnPlan {
    const now = this.deps.clock();
    const engine = this.deps.engine();
    const leaseFor = sender ? (channel: string) => sender.leaseFor(channel, now) : undefined;
    const before = snapshot.conversation ? this.storedState(snapshot.conversation) : initialState();
    // The owner may have edited the flows since this state was written.
    const settled = settleState(before, engine.flows);
    // A reminder the shop scheduled or the owner's hand-back starts afresh without a word about it.
    const customerWrote = event.message.kind !== 'scheduled' && event.message.kind !== 'handback';
    if (settled.answeredNothing && customerWrote) {
      const result: TurnResult = { state: settled.state, replies: settled.replies, events: [], effects: [] };
      return buildTurnWrite({ ...this.basis(now, engine), before, result, event, snapshot, receivedAt, leaseFor });
    }
    const computed = engine.turn(settled.state, event.message, {
      now,
      orderCode: (this.deps.orderCode ?? newOrderCode)(),
      customer: {
        name: snapshot.customer?.name ?? snapshot.customer?.display_name ?? event.displayName ?? null,
        orders: snapshot.recentOrders,
        phone: snapshot.customer?.phone ?? null,
        address: snapshot.customer?.address ?? null,
        ...returning,
      },
    });
    const result = customerWrote ? { ...computed, replies: [...settled.replies, ...computed.replies] } : computed;
    return buildTurnWrite({ ...this.basis(now, engine), before, result, event, snapshot, receivedAt, leaseFor });
  }

  /** The stored state, parsed; one that cannot be read starts the conversation afresh, with a log line for the operator. */
  private storedState(conversation: Selectable<ConversationTable>): ConversationState {
    const written = this.written.get(conversation.id, conversation.state);
    if (written) return written;
    const stored = parseState(conversation.state);
    if (!stored.ok) this.deps.log.warn('conversation state unreadable; the conversation starts afresh', { conversation: conversation.id, problem: stored.problem });
    return stored.state;
  }

  private basis(now: Date, engine: Engine) {
    return { db: this.deps.store.db, flows: engine.flows, now, owner: this.deps.owner, publicUrl: this.deps.publicUrl, newId: () => newId(now) };
  }

  /** One atomic batch (a turn running alone does not wait for others to join it); an erase also leaves SQLite's WAL, so the old bytes are gone from the disk. */
  private async commit(plan: TurnPlan, extraQueries: readonly CompiledQuery[]): Promise<BatchChanges> {
    const changes = await this.deps.store.batch([...plan.queries, ...extraQueries], { alone: this.queue.alone });
    if (plan.erasesPersonalData) await this.deps.store.checkpoint?.();
    return changes;
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
    const before = this.storedState(conversation);
    const result = engine.closeIdle(settleState(before, engine.flows).state, { now, orderCode: '', customer: { name: null, orders: [] } });
    try {
      await this.commit(buildIdleCloseWrite({ ...this.basis(now, engine), before, result, conversation, remindLater }), []);
      this.deps.log.info('closed idle conversation', { conversation: conversation.id, outcome: result.state.ended });
      return true;
    } catch (error) {
      if (error instanceof ConstraintError) return false;
      throw error;
    }
  }
}

/** The chats the turn wrote to, each with its row the batch claimed for the sender when the claim took. */
function chatsOf(rows: TurnPlan['write']['outbox'], claimed: readonly OutboxRow[]): OutboxChat[] {
  const chats = new Map<string, OutboxChat>();
  for (const row of rows) {
    const key = `${row.channel}:${row.chatId}`;
    if (chats.has(key)) continue;
    const taken = claimed.find((claim) => claim.id === row.id);
    chats.set(key, { channel: row.channel, chatId: row.chatId, ...(taken ? { claimed: taken } : {}) });
  }
  return [...chats.values()];
}

/** The owner's "erase this customer's data" (dashboard): one batch, the conversation reset. */
export async function erasePersonalData(store: Store, customerId: string): Promise<void> {
  await store.batch(erasePersonalDataQueries(store.db, customerId, { keepPending: false, erasedState: JSON.stringify(initialState()) }));
  await store.checkpoint?.();
}
