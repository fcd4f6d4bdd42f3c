import { textOf } from '../questions/kind';
import type { Turn } from '../turn';
import type { Inbound } from '../types';

/** After a low score: whatever the customer writes is the comment, never a new topic. */
export function onComment(turn: Turn, inbound: Inbound): void {
  const text = textOf(inbound);
  if (!text) return turn.repeatPrompt();
  turn.onComment(text);
}
