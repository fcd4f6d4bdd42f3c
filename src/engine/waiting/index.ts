import type { TurnMoves } from './moves';
import type { Inbound, Waiting } from '../types';
import { onAsk } from './ask';
import { onComment } from './comment';
import { onFree } from './free';
import { onResume } from './resume';
import { onSatisfaction } from './satisfaction';

/** What a message means in each waiting state; taps are decoded before these run. */
export const WAITING: Record<Waiting['kind'], (turn: TurnMoves, inbound: Inbound) => void> = {
  none: onFree,
  buttons: onFree,
  resume: onResume,
  ask: onAsk,
  satisfaction: onSatisfaction,
  satisfaction_comment: onComment,
};
