import type { ShopFlows, Step } from '../../flows/schema';
import type { FactReader } from '../facts';
import type { Understanding } from '../nlu/intent';
import type { Asking } from '../questions';
import type { Button, ConversationState, Inbound, Outcome, SlotValue } from '../types';

/** What a message is about besides the question asked: another flow, or a short aside. */
export type Topic = { kind: 'flow'; flow: string; step: string | null; understanding: Understanding } | { kind: 'aside'; text: string; buttons?: Button[] };

/**
 * The moves of a turn that the waiting states choose between. They depend on this, not on the
 * turn itself, so the turn can dispatch to them without an import running in a circle.
 */
export interface TurnMoves {
  readonly state: ConversationState;
  readonly flows: ShopFlows;
  readonly facts: FactReader;
  asking(step: Step): Asking;
  answer(flowId: string, stepId: string, step: Step, value: SlotValue, also?: Record<string, SlotValue>): void;
  skip(flowId: string, stepId: string, step: Step): void;
  retry(flowId: string, stepId: string, step: Step, text: string): void;
  fillFrom(flowId: string): void;
  editCart(flowId: string): boolean;
  changeRequested(flowId: string): { stepId: string; step: Step } | null;
  askAgain(flowId: string, change: { stepId: string; step: Step }): void;
  cancels(flowId: string): boolean;
  saidNow(slot: string): boolean;
  quoteAgain(flowId: string, stepId: string, cartChanged?: boolean): boolean;
  saidOtherThan(slot: string): boolean;
  statesOwnFacts(flowId: string, slot: string): boolean;
  /** The yes/no answer at this step whose way through the flow reaches a step `wanted` accepts sooner (null: neither, or both alike). */
  answerLeadingTo(flowId: string, stepId: string, wanted: (step: Step) => boolean): boolean | null;
  understand(text: string): Understanding | null;
  topicOf(understanding: Understanding | null, currentFlow: string | null, freeText?: boolean): Topic | null;
  aside(text: string): void;
  switchTopic(topic: Extract<Topic, { kind: 'flow' }>): void;
  onFreeInput(inbound: Inbound): void;
  resume(): void;
  declineResume(): void;
  onScore(score: number, comment?: string): void;
  onComment(comment: string): void;
  unanswered(): void;
  endConversation(outcome: Outcome): void;
  fallback(text: string): void;
  repeatPrompt(prefix?: string): void;
  say(template: string, extras?: Record<string, string>, slots?: Record<string, SlotValue>): void;
  render(template: string, extras?: Record<string, string>): string;
  stepOf(flowId: string, stepId: string): Step | undefined;
}
