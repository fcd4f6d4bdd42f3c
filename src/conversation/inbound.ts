import type { ChannelName } from '../channel-names';
import type { Inbound, Outbound } from '../engine/index';

export type { ChannelName };

/** One platform update, already mapped by its channel adapter. */
export interface InboundEvent {
  /** The shop's own channels by name; any registered channel module by its own. */
  channel: ChannelName | (string & {});
  /** The platform's identity of this update: a retry of it carries the same id. */
  updateId: string;
  chatId: string;
  userId: string;
  displayName?: string;
  message: Inbound;
}

/** Delivers one message to one chat on one platform. */
export interface ChannelSender {
  /** Resolves with the platform's ids of what was sent, when it gives them (the owner replies to one). */
  send(chatId: string, message: Outbound): Promise<SentMessages | void>;
}

export interface SentMessages {
  messageIds: string[];
}

/** A send that failed, saying whether and when to try again. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retry: 'later' | 'never',
    /** Seconds the platform asked us to wait (Telegram's and Zalo's 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The chat can no longer be reached (the customer blocked the bot, the bot left the group): never retried. */
export class RecipientUnreachable extends DeliveryError {
  constructor(message: string) {
    super(message, 'never');
    this.name = 'RecipientUnreachable';
  }
}
