import type { TurnMoves } from './moves';
import type { Inbound } from '../types';

/** Nothing asked (or a menu shown): the message is about whatever it says. */
export function onFree(turn: TurnMoves, inbound: Inbound): void {
  turn.onFreeInput(inbound);
}
