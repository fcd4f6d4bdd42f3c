import { textOf } from '../questions/kind';
import type { TurnMoves } from './moves';
import type { Inbound } from '../types';

/** After a low score: whatever the customer writes is the comment, never a new topic. */
export function onComment(turn: TurnMoves, inbound: Inbound): void {
  const text = textOf(inbound);
  if (!text) return turn.repeatPrompt();
  turn.onComment(text);
}
