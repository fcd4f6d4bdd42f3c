import type { EffectEntry } from './effect';

/** The conversation's outcome is written with its state (status, ended_at, outcome): no row of its own. */
export const conversationEnded: EffectEntry<'conversation_ended'> = () => ({});
