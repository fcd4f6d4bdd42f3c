import { parseYesNo } from '../nlu/answers';
import { isShort, textOf } from '../questions/kind';
import type { TurnMoves } from './moves';
import type { Inbound } from '../types';

/** "Continue the order?": a short yes or no answers it; anything else is a message of its own. */
export function onResume(turn: TurnMoves, inbound: Inbound): void {
  const text = textOf(inbound);
  const yes = text && isShort(text, 3) ? parseYesNo(text) : null;
  if (yes === true) return turn.resume();
  if (yes === false) return turn.declineResume();
  turn.onFreeInput(inbound);
}
