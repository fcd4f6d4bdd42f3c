import type { Outbound } from '../engine/types';
import type { Logger } from '../log';
import { setCustomerBlocked } from '../store/customers';
import { claimForSending, dueOutboxRows, failPendingForChat, markFailed, markRetry, markSent, outboxRows, type OutboxRow } from '../store/outbox';
import { recordOwnerRelays } from '../store/relays';
import type { Store } from '../store/store';
import { OWNER_LOG_CHANNEL } from './conversations';
import { DeliveryError, RecipientUnreachable, type ChannelSender } from './inbound';
import type { OwnerNotice } from './owner-notices';

export interface DeliveryDeps {
  store: Store;
  senders: Partial<Record<string, ChannelSender>>;
  clock: () => Date;
  log: Logger;
  /** Channels whose readers pull their own messages (the web chat). */
  pulledChannels?: readonly string[];
}

/** Attempts before a message is given up as failed. */
const MAX_ATTEMPTS = 10;
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** How long one attempt may take before another sender may try the same row. */
const SEND_LEASE_MS = 60_000;

/**
 * Sends what turns wrote to the outbox. Messages to one chat go in order, and a chat
 * whose message failed waits for the retry instead of skipping ahead.
 */
export class OutboxDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  /** Delivers the rows one turn wrote, right after its commit. */
  async deliver(ids: readonly string[]): Promise<void> {
    await this.sendInOrder(await outboxRows(this.deps.store.db, ids));
  }

  /** Retries whatever is due; run periodically. Returns how many were sent. */
  async retryDue(): Promise<number> {
    const rows = await dueOutboxRows(this.deps.store.db, this.deps.clock().toISOString(), this.deps.pulledChannels ?? []);
    return this.sendInOrder(rows);
  }

  private async sendInOrder(rows: readonly OutboxRow[]): Promise<number> {
    const pulled = new Set(this.deps.pulledChannels ?? []);
    const blockedChats = new Set<string>();
    let sent = 0;
    for (const row of rows) {
      const chat = `${row.channel}:${row.chat_id}`;
      if (pulled.has(row.channel) || blockedChats.has(chat)) continue;
      if (await this.send(row)) sent++;
      else blockedChats.add(chat);
    }
    return sent;
  }

  private async send(row: OutboxRow): Promise<boolean> {
    const { store, log, clock } = this.deps;
    const now = clock();
    // Another sender holds this row: leave it, and keep this chat's later rows behind it.
    if (!(await claimForSending(store.db, row.id, now.toISOString(), new Date(now.getTime() + SEND_LEASE_MS).toISOString()))) return false;
    const attempts = row.attempts + 1;
    try {
      if (row.channel === OWNER_LOG_CHANNEL) {
        log.info('owner notice (no owner chat configured)', { notice: (JSON.parse(row.payload) as OwnerNotice).notice });
      } else {
        const sender = this.deps.senders[row.channel];
        if (!sender) throw new DeliveryError(`no ${row.channel} channel is running to send this message`, 'later');
        const sent = await sender.send(row.chat_id, JSON.parse(row.payload) as Outbound);
        // Owner relay (issue 6): the owner's reply to this message must reach the conversation's customer.
        if (sent && row.recipient === 'owner' && row.conversation_id) {
          await recordOwnerRelays(store.db, { channel: row.channel, chatId: row.chat_id, messageIds: sent.messageIds, conversationId: row.conversation_id, now: clock().toISOString() });
        }
      }
      await markSent(store.db, [row.id], clock().toISOString());
      return true;
    } catch (error) {
      if (error instanceof RecipientUnreachable) {
        await this.giveUpChat(row, error);
        return false;
      }
      const reason = error instanceof Error ? error.message : String(error);
      const retry = error instanceof DeliveryError ? error.retry : 'later';
      if (retry === 'never' || attempts >= MAX_ATTEMPTS) {
        await markFailed(store.db, row.id, attempts, reason);
        log.error('message not delivered, gave up', { outbox: row.id, channel: row.channel, attempts, reason });
        return false;
      }
      const waitMs =
        error instanceof DeliveryError && error.retryAfterSeconds !== undefined
          ? error.retryAfterSeconds * 1000
          : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempts - 1));
      await markRetry(store.db, row.id, attempts, new Date(clock().getTime() + waitMs).toISOString(), reason);
      log.warn('message not delivered yet, will retry', { outbox: row.id, channel: row.channel, attempts, waitMs, reason });
      return false;
    }
  }

  /** A chat that blocked the bot gets nothing more: its customer is marked blocked and its waiting messages are given up. */
  private async giveUpChat(row: OutboxRow, error: RecipientUnreachable): Promise<void> {
    const { store, log } = this.deps;
    await markFailed(store.db, row.id, row.attempts + 1, error.message);
    const dropped = await failPendingForChat(store.db, row.channel, row.chat_id, `not sent: ${error.message}`);
    if (row.recipient === 'owner') {
      log.error('the owner chat cannot be reached; add the bot back to the owner chat (or press Start in its chat) and check OWNER_TELEGRAM_CHAT_ID', { outbox: row.id, channel: row.channel, reason: error.message, alsoNotSent: dropped });
      return;
    }
    await setCustomerBlocked(store.db, row.channel, row.chat_id, true);
    log.warn('customer blocked the bot; nothing more is sent to them', { outbox: row.id, channel: row.channel, reason: error.message, alsoNotSent: dropped });
  }
}
