import type { ShopFlows } from '../flows/schema';
import type { ConversationState, Effect, EngineEvent, Outbound, TurnContext } from './types';

/** What a step's action reads and changes, and what it gives back: shared by the actions and the order rules they call. */
export interface ActionInput {
  flows: ShopFlows;
  /** Changed in place: actions move slots, the cart and the mode. */
  state: ConversationState;
  context: TurnContext;
  flowId: string;
}

export interface ActionOutcome {
  /** Texts (templates) to say before the step's own text. */
  say: string[];
  variables?: Record<string, string>;
  effects: Effect[];
  mode?: 'human';
  /** Replies other than text the action adds, after its `say` texts (the VietQR code). */
  replies?: Outbound[];
  /** Facts for the dashboard the action itself establishes (a product's score). */
  events?: EngineEvent[];
}
