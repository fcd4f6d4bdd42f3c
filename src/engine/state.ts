import { z } from 'zod';
import { JOURNEY_PHASES, JOURNEY_STAGES, type ShopFlows } from '../flows/schema';
import { menuButtons } from './buttons';
import { initialState, type ConversationState, type Outbound } from './types';

/**
 * The stored conversation state, parsed where it is read instead of cast. Every field has a
 * default, so a state stored before a field existed still reads: a new field of
 * ConversationState is one line here (the `satisfies` below refuses to compile without it).
 * STATE_VERSION goes up only when a field changes meaning; `upgrade` then rewrites older states.
 */
export const STATE_VERSION = 1;

const Button = z.object({ label: z.string(), value: z.string() });
const SlotValue = z.union([z.string(), z.number(), z.boolean(), z.object({ amount: z.number(), unit: z.string().nullable() }), z.array(z.string())]);
const Waiting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('ask'), flow: z.string(), step: z.string() }),
  z.object({ kind: z.literal('buttons'), flow: z.string().nullable(), step: z.string().nullable() }),
  z.object({ kind: z.literal('resume') }),
  z.object({ kind: z.literal('satisfaction') }),
  z.object({ kind: z.literal('satisfaction_comment') }),
]);

const fresh = initialState();

export const ConversationStateSchema = z.object({
  flow: z.string().nullable().default(fresh.flow),
  step: z.string().nullable().default(fresh.step),
  waiting: Waiting.default(fresh.waiting),
  slots: z.record(z.string(), SlotValue).default({}),
  cart: z.array(z.object({ productId: z.string(), quantity: z.number().positive() })).default([]),
  suspended: z.array(z.object({ flow: z.string(), step: z.string() })).default([]),
  buttons: z.array(Button).default([]),
  retries: z.number().int().min(0).default(0),
  fallbacks: z.number().int().min(0).default(0),
  mode: z.enum(['bot', 'human']).default(fresh.mode),
  entryFlow: z.string().nullable().default(null),
  stage: z.enum(JOURNEY_STAGES).nullable().default(null),
  phase: z.enum(JOURNEY_PHASES).nullable().default(null),
  satisfaction: z.object({ asked: z.boolean(), score: z.number().nullable(), comment: z.string().nullable() }).default(fresh.satisfaction),
  lastOrder: z.object({ code: z.string(), total: z.number() }).nullable().default(null),
  ended: z.enum(['completed', 'abandoned', 'handed_over']).nullable().default(null),
}) satisfies z.ZodType<ConversationState, unknown>;

export type StoredState = { ok: true; state: ConversationState } | { ok: false; state: ConversationState; problem: string };

/** The state column as it is written: versioned JSON. */
export function serializeState(state: ConversationState): string {
  return JSON.stringify({ v: STATE_VERSION, ...state });
}

/**
 * Reads a stored state. One that cannot be read (hand-edited, from a newer version, cut off)
 * gives a fresh conversation and the problem, so the caller logs it and the customer is still answered.
 */
export function parseState(stored: string): StoredState {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { ok: false, state: initialState(), problem: 'the stored state is not JSON' };
  }
  // The envelope is checked by hand: a second schema pass over every turn's state costs as much as the state's own.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, state: initialState(), problem: 'the stored state is not an object' };
  const { v: version = 1, ...state } = json as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, state: initialState(), problem: 'the stored state has no valid version number' };
  if (version > STATE_VERSION) return { ok: false, state: initialState(), problem: `the stored state has version ${version}, newer than this code (${STATE_VERSION})` };
  const parsed = ConversationStateSchema.safeParse(upgrade(version, state));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, state: initialState(), problem: `state.${issue.path.join('.')}: ${issue.message}` };
  }
  return { ok: true, state: parsed.data };
}

/** Rewrites a state of an older version into the current shape (none yet: version 1 is the first). */
function upgrade(_version: number, state: Record<string, unknown>): Record<string, unknown> {
  return state;
}

export interface SettledState {
  state: ConversationState;
  /** What the customer is told about it, before anything else the turn says. */
  replies: Outbound[];
  /** The step the customer was answering is gone: their message answered nothing and is not read further. */
  answeredNothing: boolean;
}

/**
 * Squares a stored state with the flows in force now: the owner may have removed or renamed
 * the step the conversation waits on, or removed a product from the catalog while it sat in a
 * cart. The customer is told, and offered the menu (step gone) or goes on with the rest of
 * the cart, instead of landing on a step that no longer exists.
 */
export function settleState(state: ConversationState, flows: ShopFlows): SettledState {
  const { texts } = flows.shop;
  const replies: Outbound[] = [];
  let settled = state;

  const products = new Set(flows.shop.catalog.map((product) => product.id));
  const cart = settled.cart.filter((item) => products.has(item.productId));
  if (cart.length < settled.cart.length) {
    settled = { ...settled, cart };
    replies.push({ kind: 'text', text: texts.cart_item_discontinued });
  }

  const stepExists = (flow: string | null, step: string | null) => flow !== null && step !== null && flows.flows.get(flow)?.steps[step] !== undefined;
  const suspended = settled.suspended.filter((entry) => stepExists(entry.flow, entry.step));
  if (suspended.length < settled.suspended.length) settled = { ...settled, suspended };

  const waitingOn = settled.waiting.kind === 'ask' || (settled.waiting.kind === 'buttons' && settled.waiting.step !== null) ? settled.waiting : null;
  const lost = (settled.flow !== null && !flows.flows.has(settled.flow)) || (settled.step !== null && !stepExists(settled.flow, settled.step)) || (waitingOn !== null && !stepExists(waitingOn.flow, waitingOn.step));
  if (!lost) return { state: settled, replies, answeredNothing: false };
  // While a person has the conversation the bot says nothing; it simply no longer points at the step.
  if (settled.mode === 'human') return { state: { ...settled, flow: null, step: null, waiting: { kind: 'none' } }, replies, answeredNothing: false };

  const menu = menuButtons(flows.shop);
  return {
    state: { ...settled, flow: null, step: null, waiting: { kind: 'buttons', flow: null, step: null }, buttons: menu, retries: 0 },
    replies: [...replies, { kind: 'text', text: texts.flow_changed, buttons: menu }],
    answeredNothing: true,
  };
}
