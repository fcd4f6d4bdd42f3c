import type { Outbound } from '../engine/types';
import { enqueueCustomerMessage } from '../store/outbox';
import type { Store } from '../store/store';
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
}
