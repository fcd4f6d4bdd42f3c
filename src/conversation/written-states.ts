import type { ConversationState } from '../engine/index';

/**
 * The states this process wrote last, by conversation, each with the JSON it was stored as. A
 * turn whose conversation still holds that JSON takes the state as it was instead of parsing and
 * checking it again: a state reads back from its JSON exactly as written, and the engine never
 * changes a state it is given (tests/engine/state-round-trip.test.ts). A state another process
 * wrote is other JSON, so it is parsed.
 */
export class WrittenStates {
  private readonly states = new Map<string, { json: string; state: ConversationState }>();

  constructor(private readonly limit: number) {}

  get(conversationId: string, json: string): ConversationState | undefined {
    const written = this.states.get(conversationId);
    return written && written.json === json ? written.state : undefined;
  }

  set(conversationId: string, json: string, state: ConversationState): void {
    // Re-inserted, so the oldest written is the first to go.
    this.states.delete(conversationId);
    this.states.set(conversationId, { json, state });
    if (this.states.size > this.limit) this.states.delete(this.states.keys().next().value!);
  }
}
