import type { Turn } from '../turn';
import type { Inbound } from '../types';

/** Nothing asked (or a menu shown): the message is about whatever it says. */
export function onFree(turn: Turn, inbound: Inbound): void {
  turn.onFreeInput(inbound);
}
