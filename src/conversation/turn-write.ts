import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import { serializeState, type ConversationState, type EngineEvent, type Inbound, type Outbound, type TurnResult } from '../engine/index';
import type { ShopFlows } from '../flows/schema';
import { type ClaimInBatch, type ConversationTable, type Database, handoverQueries, turnQueries, type ConversationFields, type TurnSnapshot, type TurnWrite } from '../store/index';
import { abandonedCartQuery } from './after-sale';
import { effectRows, type EffectRows } from './effects/index';
import type { InboundEvent } from './inbound';
import { lowScoreNotice, type NoticeContext } from './owner-notices';
import { OWNER_LOG_CHANNEL, type OwnerChannel } from './owner-channel';
import { relayToOwner, withHandBack, type NoticeForOwner } from './owner-relay';

/** What the turn's batch is: every statement, and what the caller needs after the commit. */
export interface TurnPlan {
  write: TurnWrite;
  queries: CompiledQuery[];
  /** The outbox rows the batch claims for their sender, each with its claim's place in `queries`. */
  claims: ClaimInBatch[];
  /** The conversation's state the batch stores (as the JSON of `write.conversation.fields.state`). */
  state: ConversationState;
  /** Personal data was erased: checkpoint SQLite's WAL after the commit. */
  erasesPersonalData: boolean;
}

/** What both a customer's turn and the idle close are built from. */
interface WriteBasis {
  /** Compiles statements; nothing is executed while the plan is built. */
  db: Kysely<Database>;
  flows: ShopFlows;
  now: Date;
  /** The state before the engine ran, and what it returned. */
  before: ConversationState;
  result: TurnResult;
  owner: OwnerChannel | null;
  /** The server's public address: low-score alerts link to the transcript. */
  publicUrl?: string | undefined;
  newId: () => string;
}

export interface CustomerTurn extends WriteBasis {
  event: InboundEvent;
  snapshot: TurnSnapshot;
  receivedAt: Date;
  /** The lease of the sender that takes this turn's rows of a channel right after the commit; none: they wait, pending. */
  leaseFor?: ((channel: string) => string | undefined) | undefined;
}

/** A customer's turn as one batch: transcript, touchpoint, events, each effect's rows, the outbox. Pure. */
export function buildTurnWrite(turn: CustomerTurn): TurnPlan {
  const { event, snapshot, result, now, flows } = turn;
  const customerId = `${event.channel}:${event.userId}`;
  const open = snapshot.conversation;
  const conversationId = open?.id ?? turn.newId();
  const customerName = snapshot.customer?.name ?? snapshot.customer?.display_name ?? event.displayName ?? null;
  const context: NoticeContext = { customer: customerName ?? event.chatId, channel: event.channel };
  const rows = effectRows(result.effects, { db: turn.db, flows, now, customerId, notice: context, snapshot, newId: turn.newId, message: event.message });
  const replies = [...result.replies, ...rows.flatMap((row) => row.replies ?? [])];
  const scheduled = event.message.kind === 'scheduled';
  const nowIso = now.toISOString();

  const notices = [...rows.flatMap((row) => row.notices ?? []), ...lowScore(turn, context, conversationId)];
  // While a person has the conversation, what the customer says goes to the owner.
  if (turn.before.mode === 'human' && result.state.mode === 'human') notices.push(...relayToOwner(flows.shop.owner_texts, event.message, context));
  const forOwner = result.state.mode === 'human' ? withHandBack(notices, flows.shop.owner_texts, conversationId) : notices;

  const write: TurnWrite = {
    now: nowIso,
    update: { channel: event.channel, id: event.updateId },
    // A scheduled message is not the customer writing: their row (last seen) stays as it is.
    ...(scheduled ? {} : { customer: { id: customerId, channel: event.channel, chatId: event.chatId, displayName: event.displayName ?? null, profile: profileOf(rows) } }),
    conversation: {
      id: conversationId,
      customerId,
      channel: event.channel,
      startedAt: open?.started_at ?? nowIso,
      expectedVersion: open?.version ?? null,
      stored: open,
      fields: {
        ...touchpointFields(result, flows.version, nowIso),
        message_count: (open?.message_count ?? 0) + 1 + replies.length,
        first_response_ms: open ? open.first_response_ms : replies.length > 0 && !scheduled ? now.getTime() - turn.receivedAt.getTime() : null,
      },
    },
    messages: [inboundMessage(event.message), ...replies.map(outboundMessage)],
    events: result.events.map(eventRow),
    orders: rows.flatMap((row) => row.orders ?? []),
    returnRequests: rows.flatMap((row) => row.returnRequests ?? []),
    paymentClaims: rows.flatMap((row) => row.paymentClaims ?? []),
    outbox: claimingFirstOfEachChat(
      [...replies.map((reply) => ({ id: turn.newId(), recipient: 'customer' as const, channel: event.channel, chatId: event.chatId, payload: reply })), ...forOwner.map((notice) => ownerRow(turn, notice))],
      turn.leaseFor,
    ),
  };
  return planOf(turn.db, write, rows, result.state);
}

/** Only a chat's first row can be its head: the batch claims that one for the sender, the others follow it, pending. */
function claimingFirstOfEachChat(rows: TurnWrite['outbox'], leaseFor: CustomerTurn['leaseFor']): TurnWrite['outbox'] {
  if (!leaseFor) return rows;
  const chats = new Set<string>();
  return rows.map((row) => {
    const chat = `${row.channel}:${row.chatId}`;
    if (chats.has(chat)) return row;
    chats.add(chat);
    const leaseUntil = leaseFor(row.channel);
    return leaseUntil ? { ...row, leaseUntil } : row;
  });
}

export interface IdleClose extends WriteBasis {
  conversation: Selectable<ConversationTable>;
  /** The idle sweep (not a customer writing again) schedules the one reminder of an unfinished order. */
  remindLater: boolean;
}

/** A conversation closed for idleness, through the same effect table and touchpoint fields as a turn. Pure. */
export function buildIdleCloseWrite(close: IdleClose): TurnPlan {
  const { conversation, result, now, flows } = close;
  const nowIso = now.toISOString();
  const context: NoticeContext = { customer: conversation.customer_id, channel: conversation.channel };
  const snapshot: TurnSnapshot = { processed: false, customer: undefined, conversation, recentOrders: [], orders: [], conversationCount: 0 };
  const rows = effectRows(result.effects, { db: close.db, flows, now, customerId: conversation.customer_id, notice: context, snapshot, newId: close.newId });
  const reminder = close.remindLater ? abandonedCartQuery(close.db, flows, close.before, conversation, now) : null;
  const write: TurnWrite = {
    now: nowIso,
    conversation: {
      id: conversation.id,
      customerId: conversation.customer_id,
      channel: conversation.channel,
      startedAt: conversation.started_at,
      expectedVersion: conversation.version,
      stored: conversation,
      fields: {
        ...touchpointFields(result, flows.version, nowIso),
        // Closing is not activity: keep the time the customer last wrote.
        last_activity_at: conversation.last_activity_at,
        message_count: conversation.message_count,
        first_response_ms: conversation.first_response_ms,
      },
    },
    messages: [],
    events: result.events.map(eventRow),
    orders: rows.flatMap((row) => row.orders ?? []),
    returnRequests: rows.flatMap((row) => row.returnRequests ?? []),
    paymentClaims: rows.flatMap((row) => row.paymentClaims ?? []),
    outbox: [...rows.flatMap((row) => row.notices ?? []), ...lowScore(close, context, conversation.id)].map((notice) => ownerRow(close, notice)),
  };
  const plan = planOf(close.db, write, rows, result.state);
  return reminder ? { ...plan, queries: [...plan.queries, reminder] } : plan;
}

function planOf(db: Kysely<Database>, write: TurnWrite, rows: readonly EffectRows[], state: ConversationState): TurnPlan {
  // The turn's own statements come first: the claims' places in them stay their places in the batch.
  const { queries, claims } = turnQueries(db, write);
  return {
    write,
    queries: [...queries, ...handoverQueries(db, write), ...rows.flatMap((row) => row.queries ?? [])],
    claims,
    state,
    erasesPersonalData: rows.some((row) => row.erasesPersonalData),
  };
}

/** A score at or below the shop's alert level, once the conversation ended, alerts the owner with a link to it. */
function lowScore(basis: WriteBasis, context: NoticeContext, conversationId: string): NoticeForOwner[] {
  const { score, comment } = basis.result.state.satisfaction;
  const { shop } = basis.flows;
  if (!basis.result.state.ended || score === null || score > shop.satisfaction.alert_owner_at_or_below) return [];
  const link = basis.publicUrl ? `${basis.publicUrl.replace(/\/+$/, '')}/admin/conversations/${conversationId}` : '';
  return [lowScoreNotice(shop.owner_texts, score, comment, { ...context, link })];
}

function ownerRow(basis: WriteBasis, notice: NoticeForOwner): TurnWrite['outbox'][number] {
  return { id: basis.newId(), recipient: 'owner', channel: basis.owner?.channel ?? OWNER_LOG_CHANNEL, chatId: basis.owner?.chatId ?? 'owner', payload: notice };
}

function profileOf(rows: readonly EffectRows[]): { name?: string; phone?: string; address?: string } {
  return Object.assign({}, ...rows.map((row) => row.profile ?? {}));
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
    state: serializeState(state),
    flows_version: flowsVersion,
  };
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
