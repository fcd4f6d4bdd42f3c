import { renderTemplate, initialState, parseState, serializeState, type ConversationState, type Outbound, variablesFor } from '../engine/index';
import type { ShopFlows } from '../flows/schema';
import type { Logger } from '../log';
import { newPhoto, ownerMessageQueries, ownerTarget, savePhotoQuery, takeOverQueries, type OutboxMessage, type OwnerClaim, type OwnerTarget, ConstraintError, type Store } from '../store/index';
import type { OwnerChannel } from './owner-channel';
import type { CustomerMessenger } from './customer-messenger';
import { ownerText } from './owner-notices';
import type { ChannelName } from './inbound';
import { changeOrderStatus, type OrderStatus, type OrderStatusChange } from './order-status';
import type { Receive } from './receiver';

/** Where the owner acted: their Telegram chat, or the dashboard's inbox. */
export type OwnerDeskName = 'telegram' | 'inbox';

export interface OwnerActionsDeps {
  store: Store;
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  /** The owner's chat (Telegram); null when only the dashboard's inbox answers customers. */
  owner: OwnerChannel | null;
  messenger: CustomerMessenger;
  /** Runs the hand-back turn like any update, and delivers its replies. */
  receive: Receive;
}

export interface ActionOptions {
  from: OwnerDeskName;
  /** The owner's update or form post: a retry of it is acted on once. */
  claim?: OwnerClaim;
}

export type ActionResult =
  | { ok: true; target: OwnerTarget }
  | { ok: false; problem: 'unknown' | 'closed' | 'unreachable' | 'duplicate' | 'busy' | 'not_waiting'; target?: OwnerTarget };

/** What the owner may send a customer from either desk. */
export type OwnerSend =
  | { kind: 'text'; text: string }
  | { kind: 'image'; url: string; caption?: string }
  /** A photo the owner uploads (already checked): stored in the same batch, then sent by its address. */
  | { kind: 'photo'; bytes: Uint8Array; contentType: string; caption?: string }
  | { kind: 'product'; productId: string };

/**
 * Everything the owner does to a customer's conversation, for both desks: the Telegram owner
 * chat and the dashboard's inbox call these, so a reply from either lands in the same
 * transcript and reaches the customer the same way. Each action is one batch with the
 * customer's outbox rows.
 */
export class OwnerActions {
  constructor(private readonly deps: OwnerActionsDeps) {}

  /** Sends the customer a text, a photo or a product card on their own channel. */
  async send(conversationId: string, what: OwnerSend, options: ActionOptions): Promise<ActionResult> {
    const target = await ownerTarget(this.deps.store.db, conversationId);
    if (!target) return { ok: false, problem: 'unknown' };
    if (target.blocked) return { ok: false, problem: 'unreachable', target };
    const now = this.deps.clock().toISOString();
    const photo = what.kind === 'photo' ? newPhoto() : null;
    const message: Outbound | null = what.kind === 'photo' ? { kind: 'image', url: photo!.ref, ...(what.caption ? { caption: what.caption } : {}) } : this.outboundOf(what);
    if (!message) return { ok: false, problem: 'unknown', target };
    const stored = photo && what.kind === 'photo' ? [savePhotoQuery(this.deps.store.db, { id: photo.id, customerId: target.customerId, contentType: what.contentType, bytes: what.bytes, now })] : [];
    const outbox: OutboxMessage[] = [{ id: this.deps.messenger.newId(), recipient: 'customer', channel: target.channel, chatId: target.chatId, payload: message }];
    const echo = options.from === 'inbox' ? this.echoForOwnerChat(target, message) : null;
    if (echo) outbox.push(echo);
    const transcript =
      message.kind === 'image'
        ? { kind: 'owner_image', text: message.caption ?? null, payload: { url: message.url } }
        : { kind: 'owner', text: message.kind === 'text' ? message.text : null, payload: null };
    return this.commit(target, [...ownerMessageQueries(this.deps.store.db, { now, claim: options.claim ?? null, conversationId, outbox, transcript }), ...stored], outbox);
  }

  /** The owner takes a live conversation from the bot; the bot stays quiet until it is handed back. */
  async takeOver(conversationId: string, options: ActionOptions): Promise<ActionResult> {
    const target = await ownerTarget(this.deps.store.db, conversationId);
    if (!target) return { ok: false, problem: 'unknown' };
    if (target.status !== 'open') return { ok: false, problem: 'closed', target };
    const { state } = parseState(target.state);
    const queries = takeOverQueries(this.deps.store.db, { now: this.deps.clock().toISOString(), claim: options.claim ?? null, target, state: serializeState({ ...state, mode: 'human' }) });
    return this.commit(target, queries, []);
  }

  /** Ends the pause: a turn with Inbound `handback` resumes the bot, which asks how satisfied the customer was. */
  async handBack(conversationId: string, options: { from: OwnerDeskName; updateId: string }): Promise<ActionResult> {
    const target = await ownerTarget(this.deps.store.db, conversationId);
    if (!target) return { ok: false, problem: 'unknown' };
    if (target.status !== 'open' || target.mode !== 'human') return { ok: false, problem: 'not_waiting', target };
    const channel = target.channel as ChannelName;
    await this.deps.receive({
      channel,
      // Derived from the owner's update or form, so a retried hand-back is one turn.
      updateId: `owner-${options.from}:${options.updateId}`,
      chatId: target.chatId,
      userId: target.customerId.slice(channel.length + 1),
      message: { kind: 'handback' },
    });
    return { ok: true, target };
  }

  changeOrderStatus(code: string, status: OrderStatus, claim: OwnerClaim | null = null): Promise<OrderStatusChange> {
    return changeOrderStatus(this.deps, code, status, claim);
  }

  /** The product cards the owner can send: only with `texts.product_card` in shop.yaml. */
  products(): { id: string; name: string }[] {
    const { shop } = this.deps.flows();
    return shop.texts.product_card ? shop.catalog.map((product) => ({ id: product.id, name: product.name })) : [];
  }

  private async commit(target: OwnerTarget, queries: Parameters<CustomerMessenger['commit']>[0], outbox: readonly OutboxMessage[]): Promise<ActionResult> {
    try {
      await this.deps.messenger.commit(queries, outbox.map((row) => row.id));
      return { ok: true, target };
    } catch (error) {
      if (!(error instanceof ConstraintError)) throw error;
      if (error.message.includes('processed_updates')) return { ok: false, problem: 'duplicate', target };
      // The version guard: the customer wrote in the meantime; the owner tries again.
      this.deps.log.info('owner action lost a race with the customer', { conversation: target.conversationId, constraint: error.constraint });
      return { ok: false, problem: 'busy', target };
    }
  }

  private outboundOf(what: Exclude<OwnerSend, { kind: 'photo' }>): Outbound | null {
    if (what.kind === 'text') return { kind: 'text', text: what.text };
    if (what.kind === 'image') return { kind: 'image', url: what.url, ...(what.caption ? { caption: what.caption } : {}) };
    const flows = this.deps.flows();
    const product = flows.shop.catalog.find((candidate) => candidate.id === what.productId);
    const template = flows.shop.texts.product_card;
    if (!product || !template) return null;
    const state: ConversationState = { ...initialState(), slots: { product: product.id } };
    const text = renderTemplate(template, variablesFor(flows, state, { now: this.deps.clock(), orderCode: '', customer: { name: null, orders: [] } }));
    return product.image ? { kind: 'image', url: product.image, caption: text } : { kind: 'text', text };
  }

  /** A reply written in the inbox shows in the owner's Telegram chat too, when shop.yaml words it. */
  private echoForOwnerChat(target: OwnerTarget, message: Outbound): OutboxMessage | null {
    const { owner } = this.deps;
    const template = this.deps.flows().shop.owner_texts.inbox_reply;
    if (!owner || !template) return null;
    const said = message.kind === 'text' ? message.text : message.kind === 'image' ? `🖼️ ${message.caption ?? ''}`.trim() : '';
    // A customer without a name is called by their chat, as the turn's own notices call them; their stored id starts with the channel's stored name.
    const text = ownerText(template, { customer: target.customerName ?? target.chatId, channel: target.channel, message: said });
    return { id: this.deps.messenger.newId(), recipient: 'owner', channel: owner.channel, chatId: owner.chatId, payload: { kind: 'text', text, notice: 'owner reply written in the inbox' } };
  }
}
