import type { ShopFlows } from '../flows/schema';
import { FORMER_PROVINCES, PROVINCES, PROVINCE_ALIASES } from '../vietnam/provinces';
import { IntentMatcher, type Understanding } from './nlu/intent';
import { MentionIndex } from './nlu/mentions';
import { Turn } from './turn';
import type { ConversationState, Inbound, TurnContext, TurnResult } from './types';

export interface Engine {
  readonly flows: ShopFlows;
  /** One inbound event: the new state, what to say, what to log, what to do. Pure. */
  turn(state: ConversationState, inbound: Inbound, context: TurnContext): TurnResult;
  /** Closes a conversation that went quiet (the idle sweep). */
  closeIdle(state: ConversationState, context: TurnContext): TurnResult;
  /** Which flow a message is about and which product it names (`npm run nlu`). */
  understand(text: string): Understanding;
}

/** Compiles the flows once (trigger features, name indexes); every turn reuses them. */
export function createEngine(flows: ShopFlows): Engine {
  const products = new MentionIndex(
    flows.shop.catalog.flatMap((product) => [product.name, ...product.aliases].map((name) => ({ id: product.id, name }))),
  );
  const provinces = new MentionIndex([
    ...PROVINCES.map((province) => ({ id: province.id, name: province.name })),
    ...FORMER_PROVINCES.map((former) => ({ id: former.now, name: former.name })),
    ...PROVINCE_ALIASES.map((alias) => ({ id: alias.now, name: alias.alias })),
  ]);
  const matcher = new IntentMatcher(flows.flows.values(), products, provinces);
  return {
    flows,
    turn(state, inbound, context) {
      const turn = new Turn(flows, matcher, state, context);
      turn.handle(inbound);
      return turn.result();
    },
    closeIdle(state, context) {
      const turn = new Turn(flows, matcher, state, context);
      turn.closeIdle();
      return turn.result();
    },
    understand: (text) => matcher.understand(text),
  };
}
