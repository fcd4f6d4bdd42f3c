import type { ShopFlows } from '../flows/schema';
import type { Logger } from '../log';
import { courtesyReplyQueries, ConstraintError, type Store } from '../store/index';
import { newId } from './ids';
import type { OutboxDelivery } from './outbox-delivery';
import type { Defer } from './receiver';

/** Which of shop.yaml's texts answers: `please_type` (what the bot cannot read), `group_chat` (a group). */
export type CourtesyText = 'please_type' | 'group_chat';

/** An update the shop answers with one fixed text instead of a turn. */
export interface CourtesyReply {
  channel: string;
  updateId: string;
  chatId: string;
  text: CourtesyText;
}

export type Courtesy = (reply: CourtesyReply, defer?: Defer) => Promise<void>;

/**
 * Answers a voice note, a sticker, a message the platform hides from bots or a group mention
 * with a short polite text from shop.yaml, through the outbox like every reply; the
 * conversation's state is left as it was, so an order in progress goes on after it.
 */
export function createCourtesy(deps: { store: Store; flows: () => ShopFlows; clock: () => Date; delivery: OutboxDelivery; log: Logger }): Courtesy {
  return async (reply, defer = (work) => void work) => {
    const now = deps.clock();
    const outboxId = newId(now);
    const text = deps.flows().shop.texts[reply.text];
    try {
      await deps.store.batch(courtesyReplyQueries(deps.store.db, { ...reply, outboxId, payload: { kind: 'text', text }, now: now.toISOString() }));
    } catch (error) {
      if (error instanceof ConstraintError && error.message.includes('processed_updates')) {
        deps.log.info('duplicate update ignored', { channel: reply.channel, update: reply.updateId });
        return;
      }
      throw error;
    }
    defer(deps.delivery.deliver([outboxId]).catch((error) => deps.log.error('delivery failed; the outbox will retry', { channel: reply.channel, error: String(error) })));
  };
}
