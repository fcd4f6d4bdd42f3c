import type { Story, StoryInput, StoryTurn } from '../../flows/story-schema';
import type { Engine } from '../engine';
import { fold } from '../../text/fold';
import { initialState, type Button, type ConversationState, type Inbound, type Outbound, type TurnContext, type TurnResult } from '../types';
import { compareTurn, type Difference, type ObservedTurn } from './compare';
import { humanWaitText } from './human-wait';
import { ShopperRecord } from './shopper';
import { personalDataText } from '../personal-data';

export interface TurnReplay {
  turn: StoryTurn;
  /** 0-based position among the story's turns. */
  index: number;
  observed: ObservedTurn | null;
  differences: Difference[];
}

export interface StoryReplay {
  story: Story;
  /** The turns played, up to and including the first that differs. */
  turns: TurnReplay[];
  questions: number;
  passed: boolean;
  /** The first turn that differs; null when the story fails only on `max_questions` or passes. */
  failedTurn: TurnReplay | null;
  /** Story-wide differences (`max_questions`). */
  differences: Difference[];
}

export interface ReplayOptions {
  /** Minutes of silence after which the conversation layer closes a conversation (IDLE_MINUTES). */
  idleMinutes: number;
  /** Minutes a customer waits for a person before being told when the shop will answer (HUMAN_REPLY_MINUTES). */
  humanReplyMinutes: number;
}

export const DEFAULT_REPLAY_OPTIONS: ReplayOptions = { idleMinutes: 30, humanReplyMinutes: 10 };

/**
 * Plays one story through the pure engine with the story's fixed clock, doing between turns what
 * the conversation layer does: a closed conversation is followed by a fresh one, orders created
 * join the customer's orders, profile effects update the stored contact, a customer waiting for a
 * person past the reply time is told when the shop will answer, silence past the idle time closes
 * the conversation. Stops at the first turn that differs from its expectation.
 */
export function replayStory(engine: Engine, story: Story, options: ReplayOptions = DEFAULT_REPLAY_OPTIONS): StoryReplay {
  const shopper = new ShopperRecord(story.customer);
  const conversation = { state: initialState(), open: false, buttons: [] as Button[], photos: 0, handedOverAt: null as number | null };
  let now = story.now.getTime();
  let lastActivity = now;
  let questions = 0;
  /** Conversations the customer has had with the shop, the open one included. */
  let conversations = 0;
  const turns: TurnReplay[] = [];
  for (const [index, turn] of story.turns.entries()) {
    const context = (): TurnContext => ({ now: new Date(now), orderCode: shopper.nextOrderCode(), customer: shopper.context() });
    let result: TurnResult | null = null;
    let problem: Difference | null = null;
    if (turn.input.kind === 'wait_minutes') {
      now += turn.input.minutes * 60_000;
      const told = waitedForPerson(conversation, now, options) ? humanWaitText(engine.flows, context()) : null;
      if (told !== null) conversation.handedOverAt = null;
      const closed = conversation.open && now - lastActivity > options.idleMinutes * 60_000 ? engine.closeIdle(conversation.state, context()) : null;
      if (told !== null || closed) {
        const quiet: TurnResult = { state: conversation.state, replies: [], events: [], effects: [] };
        result = { ...(closed ?? quiet), replies: [...(told === null ? [] : [{ kind: 'text' as const, text: told }]), ...(closed?.replies ?? [])] };
      }
    } else {
      const inbound = inboundOf(turn.input, conversation);
      if ('missing' in inbound) problem = inbound.missing;
      else {
        if (!conversation.open) {
          conversation.state = initialState();
          conversations++;
        }
        result = engine.turn(conversation.state, inbound, context());
        // "dữ liệu của tôi": the conversation layer says what the store holds after the flow's words.
        if (result.effects.some((effect) => effect.type === 'personal_data' && effect.request === 'export')) {
          const text = personalDataText(engine.flows, shopper.held(conversations), { channel: story.channel, message: inbound });
          result = { ...result, replies: [...result.replies, { kind: 'text', text }] };
        }
        lastActivity = now;
      }
    }
    const before = conversation.state;
    if (result) {
      conversation.state = result.state;
      conversation.open = result.state.ended === null;
      if (result.effects.some((effect) => effect.type === 'handover')) conversation.handedOverAt = now;
      if (result.state.mode !== 'human') conversation.handedOverAt = null;
      shopper.record(result.effects, new Date(now));
      if (result.replies.length > 0) conversation.buttons = buttonsOf(result.replies);
    }
    const observed = problem ? null : observe(result, before, conversation.state, engine, story, turn.input);
    if (observed?.asked) questions++;
    const differences = problem ? [problem] : compareTurn(turn.expect, observed!);
    const played: TurnReplay = { turn, index, observed, differences };
    turns.push(played);
    if (differences.length > 0) return { story, turns, questions, passed: false, failedTurn: played, differences: [] };
  }
  const differences: Difference[] =
    story.maxQuestions !== null && questions > story.maxQuestions
      ? [{ what: 'số câu bot hỏi khách trong cả câu chuyện', expected: `nhiều nhất ${story.maxQuestions}`, got: String(questions) }]
      : [];
  return { story, turns, questions, passed: differences.length === 0, failedTurn: null, differences };
}

/** A person was asked for, nobody has answered (a handback ends the wait), and the reply time has passed. */
function waitedForPerson(conversation: { open: boolean; state: ConversationState; handedOverAt: number | null }, now: number, options: ReplayOptions): boolean {
  const since = conversation.handedOverAt;
  return conversation.open && conversation.state.mode === 'human' && since !== null && now - since >= options.humanReplyMinutes * 60_000;
}

function inboundOf(input: Exclude<StoryInput, { kind: 'wait_minutes' }>, conversation: { buttons: Button[]; photos: number }): Inbound | { missing: Difference } {
  switch (input.kind) {
    case 'say':
      return { kind: 'text', text: input.text };
    case 'share_phone':
      return { kind: 'contact', phone: input.phone };
    case 'photo':
      conversation.photos++;
      return { kind: 'photo', ref: `anh-${conversation.photos}` };
    case 'handback':
      return { kind: 'handback' };
    case 'scheduled':
      return { kind: 'scheduled', message: input.flow, flow: input.flow, slots: input.slots, cart: input.cart.map((line) => ({ productId: line.product, quantity: line.quantity })) };
    case 'tap': {
      const wanted = fold(input.label);
      const button = conversation.buttons.find((candidate) => candidate.label.includes(input.label)) ?? conversation.buttons.find((candidate) => fold(candidate.label).includes(wanted));
      if (button) return { kind: 'button', value: button.value };
      const shown = conversation.buttons.map((candidate) => `"${candidate.label}"`).join(', ');
      return { missing: { what: 'nút để bấm', expected: `một nút có chữ "${input.label}"`, got: shown ? `các nút đang hiện: ${shown}` : 'không có nút nào đang hiện' } };
    }
  }
}

function observe(result: TurnResult | null, before: ConversationState, after: ConversationState, engine: Engine, story: Story, input: StoryInput): ObservedTurn {
  const quiet: TurnResult = { state: after, replies: [], events: [], effects: [] };
  const played = result ?? quiet;
  const waiting = after.waiting;
  // Telegram shows its own "share my phone number" button under a phone question.
  const sharePhone = story.channel === 'telegram' && played.replies.some((reply) => reply.kind === 'text' && reply.askPhone) ? [engine.flows.shop.texts.share_phone_button] : [];
  return {
    state: after,
    replies: played.replies.map(replyText),
    buttons: [...sharePhone, ...buttonsOf(played.replies).map((button) => button.label)],
    result: played,
    ownerAlerted: ownerHears(played, before, engine, input),
    // A card with buttons (the QR code, a fee, a product) offers, it asks nothing the customer must answer.
    asked: result !== null && input.kind !== 'wait_minutes' && waiting.kind === 'ask',
  };
}

/** Effects the conversation layer turns into a message for the owner. */
const OWNER_NOTICE_EFFECTS = new Set(['create_order', 'open_return', 'payment_claimed', 'notify_owner', 'handover']);

function ownerHears(result: TurnResult, before: ConversationState, engine: Engine, input: StoryInput): boolean {
  if (result.effects.some((effect) => OWNER_NOTICE_EFFECTS.has(effect.type))) return true;
  const { score } = result.state.satisfaction;
  if (result.state.ended && score !== null && score <= engine.flows.shop.satisfaction.alert_owner_at_or_below) return true;
  // While a person has the conversation, what the customer writes is relayed to the owner.
  return input.kind !== 'wait_minutes' && input.kind !== 'handback' && before.mode === 'human' && result.state.mode === 'human';
}

function buttonsOf(replies: readonly Outbound[]): Button[] {
  return replies.flatMap((reply) => (reply.kind === 'text' ? (reply.buttons ?? []) : []));
}

function replyText(reply: Outbound): string {
  if (reply.kind === 'text') return reply.text;
  if (reply.kind === 'payment_qr') return reply.caption;
  return reply.caption ?? '';
}
