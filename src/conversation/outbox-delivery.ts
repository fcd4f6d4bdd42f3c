import type { Outbound } from '../engine/index';
import type { Logger } from '../log';
import { setCustomerBlocked, chatsOfRows, hasUndelivered, chatsWithDueRows, claimHeadOfChat, failPendingForChat, markFailed, markRetry, markSent, resumeInterruptedSends, type OutboxRow, recordOwnerRelays, type Store } from '../store/index';
import { OWNER_LOG_CHANNEL } from './owner-channel';
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
/**
 * How long a "sending" row is another sender's before it may be tried again: a little over
 * the longest platform call (grammY and the Zalo client give up after 60 s and 30 s), so a
 * slow call is not raced by a second copy. A restart of the Node process does not wait for it.
 */
const SEND_LEASE_MS = 65_000;
/** When a sending lease taken at `now` ends. */
const leaseFrom = (now: Date) => new Date(now.getTime() + SEND_LEASE_MS).toISOString();
/** Chats the retry timer works on side by side; each chat still sends one row at a time. */
const CHATS_IN_PARALLEL = 8;

/** The delivery that sends a turn's rows right after its commit. */
export interface ImmediateSender {
  /** The lease on a row of this channel the sender takes at once; none for channels whose readers pull their rows (the web chat). */
  leaseFor(channel: string, now: Date): string | undefined;
}

/** A chat some outbox rows are for. */
export interface OutboxChat {
  channel: string;
  chatId: string;
  /** Its first row of the turn, as stored, when the batch claimed it for this sender (nothing older of the chat was waiting): sent without a claim or a read of its own. */
  claimed?: OutboxRow;
}

/** A chat being sent to in this process; `again` asks it to look for new rows before it stops; `claimed`: rows turns' batches claimed for it. */
interface ChatDrain {
  again: boolean;
  claimed: OutboxRow[];
  done: Promise<number>;
}

/**
 * Sends what turns wrote to the outbox. Each chat gets its rows strictly in the order they
 * were written, one at a time: the next row goes only after the one before it was sent, and
 * a failing row holds back the later rows of its chat (never other chats) until its retry.
 */
export class OutboxDelivery implements ImmediateSender {
  private readonly drains = new Map<string, ChatDrain>();

  constructor(private readonly deps: DeliveryDeps) {}

  /** A turn's row for a channel this process sends to is claimed in the turn's own batch, with the lease a claim here would take. */
  leaseFor(channel: string, now: Date): string | undefined {
    return (this.deps.pulledChannels ?? []).includes(channel) ? undefined : leaseFrom(now);
  }

  /** Delivers to the chats some rows were written for, right after their commit. */
  async deliver(ids: readonly string[]): Promise<void> {
    const chats = await chatsOfRows(this.deps.store.db, ids);
    await this.deliverTo(chats.map((chat) => ({ channel: chat.channel, chatId: chat.chat_id })));
  }

  /** Delivers to chats a turn wrote to (it knows them: nothing to look up). */
  async deliverTo(chats: readonly OutboxChat[]): Promise<void> {
    await Promise.all(chats.map((chat) => this.drain(chat.channel, chat.chatId, chat.claimed)));
  }

  /**
   * At start-up, when this process is the only sender (Node): what it was sending when it
   * stopped goes first, without waiting out the lease. Returns how many rows (each may reach
   * the customer twice, as the call may have gone through just before the stop).
   */
  async resumeInterrupted(): Promise<number> {
    const resumed = await resumeInterruptedSends(this.deps.store.db, this.deps.clock().toISOString());
    if (resumed > 0) this.deps.log.warn('resending messages that were being sent when the bot stopped; a customer may get one of them twice', { resumed });
    return resumed;
  }

  /**
   * Sends whatever is due, chat by chat; run periodically. Returns how many were sent. It also
   * waits for the chats this process is sending to already (their rows are claimed, so not due):
   * when it resolves, nothing due before the call is still on its way.
   */
  async retryDue(): Promise<number> {
    const sending = [...this.drains.values()].map((drain) => drain.done);
    const chats = await chatsWithDueRows(this.deps.store.db, this.deps.clock().toISOString(), this.deps.pulledChannels ?? []);
    let sent = 0;
    let next = 0;
    const worker = async () => {
      while (next < chats.length) {
        const chat = chats[next++]!;
        sent += await this.drain(chat.channel, chat.chat_id);
      }
    };
    await Promise.all([...Array.from({ length: Math.min(CHATS_IN_PARALLEL, chats.length) }, worker), ...sending]);
    return sent;
  }

  /** One sender per chat in this process: a second caller joins the running one and makes it look again. */
  private drain(channel: string, chatId: string, claimed?: OutboxRow): Promise<number> {
    if ((this.deps.pulledChannels ?? []).includes(channel)) return Promise.resolve(0);
    const key = `${channel}:${chatId}`;
    const running = this.drains.get(key);
    if (running) {
      if (claimed) running.claimed.push(claimed);
      running.again = true;
      return running.done.then(() => 0);
    }
    const drain: ChatDrain = { again: false, claimed: claimed ? [claimed] : [], done: Promise.resolve(0) };
    drain.done = (async () => {
      let sent = 0;
      try {
        for (;;) {
          drain.again = false;
          sent += await this.sendChat(drain, channel, chatId);
          // Checked and removed in one step: a caller arriving later starts a new drain.
          if (!drain.again) return sent;
        }
      } finally {
        this.drains.delete(key);
      }
    })();
    this.drains.set(key, drain);
    return drain.done;
  }

  /** Sends a chat's rows oldest first until none is left, or the oldest is not due (waiting for its retry, or another sender's). */
  private async sendChat(drain: ChatDrain, channel: string, chatId: string): Promise<number> {
    let sent = 0;
    for (let first = true; ; first = false) {
      const head = await this.nextRow(drain, channel, chatId, first);
      if (!head) return sent;
      const outcome = await this.send(head);
      if (outcome === 'held') return sent;
      if (outcome === 'sent') sent++;
    }
  }

  /**
   * The row to send next: one a turn's batch claimed for this sender, else the chat's head claimed
   * now; after a send, a read first tells whether anything is left to claim.
   */
  private async nextRow(drain: ChatDrain, channel: string, chatId: string, first: boolean): Promise<OutboxRow | undefined> {
    const claimed = drain.claimed.shift();
    if (claimed) return claimed;
    const { db } = this.deps.store;
    if (!first && !(await hasUndelivered(db, channel, chatId))) return undefined;
    const now = this.deps.clock();
    return claimHeadOfChat(db, channel, chatId, now.toISOString(), leaseFrom(now));
  }

  /** One attempt at a row claimed for sending: sent; given up (the chat goes on with its next row); or held (the chat waits for a retry). */
  private async send(row: OutboxRow): Promise<'sent' | 'given_up' | 'held'> {
    const { store, log, clock } = this.deps;
    const attempts = row.attempts + 1;
    try {
      if (row.channel === OWNER_LOG_CHANNEL) {
        log.info('owner notice (no owner chat configured)', { notice: (JSON.parse(row.payload) as OwnerNotice).notice });
      } else {
        const sender = this.deps.senders[row.channel];
        if (!sender) throw new DeliveryError(`no ${row.channel} channel is running to send this message`, 'later');
        const sent = await sender.send(row.chat_id, JSON.parse(row.payload) as Outbound);
        // The owner's reply to this message must reach the conversation's customer.
        if (sent && row.recipient === 'owner' && row.conversation_id) {
          await recordOwnerRelays(store.db, { channel: row.channel, chatId: row.chat_id, messageIds: sent.messageIds, conversationId: row.conversation_id, now: clock().toISOString() });
        }
      }
      const { erased } = await markSent(store.db, row.id, clock().toISOString());
      // Its customer erased their data meanwhile: the text just emptied must leave the WAL too.
      if (erased) await store.checkpoint?.();
      return 'sent';
    } catch (error) {
      if (error instanceof RecipientUnreachable) {
        await this.giveUpChat(row, error);
        return 'given_up';
      }
      const reason = error instanceof Error ? error.message : String(error);
      const retry = error instanceof DeliveryError ? error.retry : 'later';
      if (retry === 'never' || attempts >= MAX_ATTEMPTS) {
        await markFailed(store.db, row.id, attempts, reason);
        log.error('message not delivered, gave up', { outbox: row.id, channel: row.channel, attempts, reason });
        return 'given_up';
      }
      const waitMs =
        error instanceof DeliveryError && error.retryAfterSeconds !== undefined
          ? error.retryAfterSeconds * 1000
          : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempts - 1));
      await markRetry(store.db, row.id, attempts, new Date(clock().getTime() + waitMs).toISOString(), reason);
      log.warn('message not delivered yet, will retry', { outbox: row.id, channel: row.channel, attempts, waitMs, reason });
      return 'held';
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
