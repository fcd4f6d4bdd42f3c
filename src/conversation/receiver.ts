import type { Logger } from '../log';
import type { Conversations } from './conversations';
import type { InboundEvent } from './inbound';
import type { OutboxDelivery } from './outbox-delivery';

/** Hands work that may finish after the response (Workers: `waitUntil`; Node: just runs). */
export type Defer = (work: Promise<unknown>) => void;

export type Receive = (event: InboundEvent, defer?: Defer) => Promise<void>;

/**
 * What every channel calls with an update: the turn is stored before this resolves (so a
 * webhook may answer 200), and delivery runs after it; whatever delivery misses, the
 * outbox retry picks up.
 */
export function createReceiver(conversations: Conversations, delivery: OutboxDelivery, log: Logger): Receive {
  return async (event, defer = (work) => void work) => {
    const outcome = await conversations.handle(event, { sender: delivery });
    if (outcome.status === 'duplicate') {
      log.info('duplicate update ignored', { channel: event.channel, update: event.updateId });
      return;
    }
    defer(delivery.deliverTo(outcome.outboxChats).catch((error) => log.error('delivery failed; the outbox will retry', { channel: event.channel, error: String(error) })));
  };
}

/** `receive` whose deliveries go to `defer` unless a caller gives its own (one webhook request's turns). */
export function withDefer(receive: Receive, defer: Defer): Receive {
  return (event, given) => receive(event, given ?? defer);
}
