import type { CompiledQuery } from 'kysely';
import type { Outbound } from '../engine/index';
import { enqueueCustomerMessage, type Store } from '../store/index';
import { newId } from './ids';
import type { OutboxDelivery } from './outbox-delivery';

/** Tells a customer something in their own chat, outside a turn, through the outbox. */
export class CustomerMessenger {
  constructor(private readonly deps: { store: Store; delivery: OutboxDelivery; clock: () => Date }) {}

  /** Returns false when the customer is unknown or has blocked the bot. */
  async tell(customerId: string, message: Outbound): Promise<boolean> {
    const now = this.deps.clock();
    const id = newId(now);
    const target = await enqueueCustomerMessage(this.deps.store.db, { id, customerId, payload: message, now: now.toISOString() });
    if (!target) return false;
    await this.deps.delivery.deliver([id]);
    return true;
  }

  /**
   * Writes an owner's action as one atomic batch (the change and the customer's outbox rows
   * together, like a turn), then delivers those rows; a crash after the batch leaves them to
   * the outbox retry, a crash before it leaves nothing.
   */
  async commit(queries: readonly CompiledQuery[], outboxIds: readonly string[]): Promise<void> {
    await this.deps.store.batch(queries);
    if (outboxIds.length > 0) await this.deps.delivery.deliver([...outboxIds]);
  }

  /** An id for an outbox row, in the order rows are written. */
  newId(): string {
    return newId(this.deps.clock());
  }
}
