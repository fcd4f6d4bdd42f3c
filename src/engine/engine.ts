import type { ShopFlows } from '../flows/schema';
import { IntentMatcher, type Understanding } from './nlu/intent';
import { trainUnderstanding, type UnderstandingModel } from './nlu/model';
import { shopNames } from './nlu/names';
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

/**
 * Compiles the flows once (name indexes, the understanding model); every turn reuses them.
 * `understanding` is the model trained on the corpus (Node: at load; Workers: bundled);
 * without it the engine learns from the flows' own triggers and FAQ questions alone.
 */
export function createEngine(flows: ShopFlows, understanding?: UnderstandingModel): Engine {
  const names = shopNames(flows);
  const matcher = new IntentMatcher(understanding ?? trainUnderstanding(flows, names, []), flows, names);
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
