import { formatVnd, renderTemplate, type Outbound } from '../engine/index';
import { label, PAYMENT_METHOD_LABELS, PROBLEM_LABELS, RESOLUTION_LABELS } from '../labels';
import { problemInWords } from '../flows/path-words';
import type { ShopFlows } from '../flows/schema';
import type { RefusedEdit } from '../flows/status';
import type { Logger } from '../log';
import { ordersPlaced, enqueueOwnerMessage, conversationCount, openReturnRequests, scoreDistribution, claimOwnerUpdate, conversationForOwner, relayedConversation, type RelayedConversation, type Store } from '../store/index';
import type { OwnerChannel } from './owner-channel';
import type { CustomerMessenger } from './customer-messenger';
import { newId } from './ids';
import { OwnerActions } from './owner-actions';
import { ownerText } from './owner-notices';
import { ORDER_STATUS_WORDS, ORDER_STATUSES, parseOrderStatus, type OrderStatus } from './order-status';
import type { OutboxDelivery } from './outbox-delivery';
import { HAND_BACK } from './owner-relay';
import type { Receive } from './receiver';
import { reportWindows } from './shop-calendar';
import { WaitingCustomers } from './waiting-customers';

export interface OwnerDeskDeps {
  store: Store;
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  /** The owner's chat: where answers go, and the only chat whose messages reach the desk. */
  owner: OwnerChannel;
  delivery: OutboxDelivery;
  messenger: CustomerMessenger;
  /** Runs the hand-back turn like any update, and delivers its replies. */
  receive: Receive;
  /** Minutes a customer waits for a person before being told when the shop will reply. */
  humanReplyMinutes: number;
  /** The owner's actions, shared with the dashboard's inbox; built from these deps when not given. */
  actions?: OwnerActions;
}

/** Something the owner wrote in the owner's chat, already mapped by the channel. */
export interface OwnerMessage {
  /** The platform's id of this update: a retry carries the same id and is not acted on twice. */
  updateId: string;
  /** The text, or null for a photo, a sticker, a file. */
  text: string | null;
  /** The id of the bot's message this one replies to, if it is a reply. */
  replyTo: string | null;
  /** In a group the owner's family chat among themselves: only commands and replies are for the bot. */
  inGroup: boolean;
}

/** A chat message is no place for fifty lines: the dashboard's banner lists them all. */
const FLOW_PROBLEMS_SHOWN = 10;

/** The owner's words for each status, the ones `/don` accepts (moi, dang_giao, da_giao, …). */
const STATUS_WORD = Object.fromEntries(Object.entries(ORDER_STATUS_WORDS).reverse().map(([word, status]) => [status, word])) as Record<OrderStatus, string | undefined>;

/**
 * The owner works the shop from their chat: replies reach the customer on the customer's own
 * channel, `/xong` hands a conversation back to the bot, and commands report on the day and
 * change orders. Platform-neutral: a channel maps its owner-chat updates to these calls.
 */
export class OwnerDesk {
  private readonly actions: OwnerActions;

  constructor(private readonly deps: OwnerDeskDeps) {
    this.actions = deps.actions ?? new OwnerActions({ ...deps, owner: deps.owner });
  }

  /**
   * Replies, `/xong` and `/don` claim the owner's update inside their own batch (a retry is
   * acted on once, and a crash before the batch leaves the update to be retried); what only
   * answers the owner claims it first.
   */
  async onMessage(message: OwnerMessage): Promise<void> {
    const command = message.text === null ? null : /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(message.text.trim());
    if (command) return this.onCommand(command[1]!.toLowerCase(), (command[2] ?? '').trim(), message);
    const relay = message.replyTo === null ? undefined : await this.relayOf(message.replyTo);
    if (!relay || message.text === null) {
      if (!(await this.claim(message.updateId))) return;
      if (message.replyTo === null) return message.inGroup ? undefined : this.tellOwner(this.texts().reply_not_relay);
      return this.tellOwner(relay ? this.texts().reply_text_only : this.texts().reply_not_relay);
    }
    await this.replyToCustomer(relay, message.text, message.updateId);
  }

  /** A tap on a button under one of the bot's messages in the owner's chat. */
  async onButton(updateId: string, value: string): Promise<void> {
    if (!value.startsWith(HAND_BACK)) {
      if (await this.claim(updateId)) this.deps.log.info('owner button ignored', { value });
      return;
    }
    const conversation = await conversationForOwner(this.deps.store.db, value.slice(HAND_BACK.length));
    if (!conversation) return (await this.claim(updateId)) ? this.tellOwner(this.texts().reply_not_relay) : undefined;
    await this.handBack(conversation, updateId);
  }

  /** Tells every customer nobody answered in time when the shop will reply (the same sweep runs without an owner chat). */
  remindWaitingCustomers(): Promise<number> {
    return new WaitingCustomers(this.deps).remind();
  }

  /** A flow edit the running server refused: the owner hears it in their chat, in words, with what to fix. */
  async tellFlowsRefused(edit: RefusedEdit): Promise<void> {
    const template = this.texts().flows_refused;
    if (!template) return;
    const problems = [...edit.errors, ...edit.warnings].slice(0, FLOW_PROBLEMS_SHOWN).map((problem) => `• ${problemInWords(problem)}`);
    const more = edit.errors.length + edit.warnings.length - problems.length;
    await this.tellOwner(ownerText(template, { errors: String(edit.errors.length), warnings: String(edit.warnings.length), problems: [...problems, ...(more > 0 ? [`… +${more}`] : [])].join('\n') }));
  }

  private async onCommand(name: string, args: string, message: OwnerMessage): Promise<void> {
    if (name === 'xong') {
      const relay = message.replyTo === null ? undefined : await this.relayOf(message.replyTo);
      if (relay) return this.handBack(relay, message.updateId);
    }
    if (name === 'don') return this.tellOwner(await this.changeOrder(args, message.updateId));
    if (!(await this.claim(message.updateId))) return;
    switch (name) {
      case 'xong':
        return this.tellOwner(this.texts().reply_not_relay);
      case 'donhang':
        return this.tellOwner(await this.ordersToday());
      case 'baocao':
        return this.tellOwner(await this.report());
      default:
        return this.tellOwner(this.texts().help);
    }
  }

  private async replyToCustomer(relay: RelayedConversation, text: string, updateId: string): Promise<void> {
    const result = await this.actions.send(relay.conversationId, { kind: 'text', text }, { from: 'telegram', claim: this.claimOf(updateId) });
    if (result.ok) return;
    if (result.problem === 'duplicate') return this.deps.log.info('duplicate owner update ignored', { update: updateId });
    this.deps.log.warn('owner reply not delivered', { conversation: relay.conversationId, problem: result.problem });
    if (result.problem === 'unreachable' || result.problem === 'unknown') return this.tellOwner(ownerText(this.texts().reply_not_delivered, { customer: this.nameOf(relay) }));
  }

  /** The hand-back is a turn whose update id comes from the owner's, so a retried /xong is one hand-back. */
  private async handBack(relay: RelayedConversation, updateId: string): Promise<void> {
    const texts = this.texts();
    const result = await this.actions.handBack(relay.conversationId, { from: 'telegram', updateId: `${this.deps.owner.channel}:${updateId}` });
    if (!result.ok) return (await this.claim(updateId)) ? this.tellOwner(ownerText(texts.not_waiting, { customer: this.nameOf(relay) })) : undefined;
    if (await this.claim(updateId)) await this.tellOwner(ownerText(texts.handed_back, { customer: this.nameOf(relay) }));
  }

  private async ordersToday(): Promise<string> {
    const { store, clock } = this.deps;
    const flows = this.deps.flows();
    const { today } = reportWindows(clock(), flows.shop.shop.timezone);
    const orders = await ordersPlaced(store.db, today.from, today.to);
    if (orders.length === 0) return this.texts().orders_none;
    const lines = orders.map((order) => {
      const payment = STATUS_WORD[order.payment_status as OrderStatus] ?? order.payment_status;
      const shipping = STATUS_WORD[order.shipping_status as OrderStatus] ?? order.shipping_status;
      return `• ${order.code} · ${formatVnd(order.total)} · ${order.contact_name} · ${label(PAYMENT_METHOD_LABELS, order.payment_method)} · ${payment}, ${shipping}`;
    });
    const total = orders.reduce((sum, order) => sum + order.total, 0);
    return ownerText(this.texts().orders_today, { count: String(orders.length), total: formatVnd(total), orders: lines.join('\n') });
  }

  private async report(): Promise<string> {
    const { store, clock } = this.deps;
    const { today, week } = reportWindows(clock(), this.deps.flows().shop.shop.timezone);
    const [todayCount, weekCount, scores, returns] = await Promise.all([
      conversationCount(store.db, today.from, today.to),
      conversationCount(store.db, week.from, week.to),
      scoreDistribution(store.db, week.from, week.to),
      openReturnRequests(store.db),
    ]);
    const counts = ([5, 4, 3, 2, 1] as const).map((score) => [score, scores[score]] as const);
    const scored = counts.reduce((sum, [, count]) => sum + count, 0);
    const average = scored === 0 ? '' : `${(counts.reduce((sum, [score, count]) => sum + score * count, 0) / scored).toFixed(1).replace('.', ',')}/5`;
    return ownerText(this.texts().report, {
      today: String(todayCount),
      week: String(weekCount),
      csat: average || '–',
      scored: String(scored),
      distribution: scored === 0 ? '' : counts.map(([score, count]) => `${score}⭐ ${count}`).join(' · '),
      returns: String(returns.length),
      return_list: returns.map((request) => `• ${request.order_code}: ${label(PROBLEM_LABELS, request.problem)} → ${label(RESOLUTION_LABELS, request.resolution)}`).join('\n'),
    });
  }

  private async changeOrder(args: string, updateId: string): Promise<string> {
    const texts = this.texts();
    const [code, ...words] = args.split(/\s+/).filter(Boolean);
    const status = words.length > 0 ? parseOrderStatus(words.join(' ')) : null;
    if (!code || !status) {
      if (!(await this.claim(updateId))) return '';
      const statuses = Object.keys(ORDER_STATUSES).map((known) => STATUS_WORD[known as OrderStatus] ?? known);
      return ownerText(texts.order_usage, { statuses: statuses.join(', ') });
    }
    const change = await this.actions.changeOrderStatus(code, status, this.claimOf(updateId));
    if (!change.ok) return change.problem === 'duplicate' || !(await this.claim(updateId)) ? '' : ownerText(texts.order_unknown, { code });
    const customerTexts = this.deps.flows().shop.texts;
    const statusWords = (customerTexts.order_status as Partial<Record<string, string>>)[status];
    const told = change.customerTold && statusWords ? renderTemplate(customerTexts.order_status_changed, (root) => ({ code: change.code, status: statusWords })[root] ?? '') : '';
    this.deps.log.info('order status changed by the owner', { order: change.code, status, customerTold: change.customerTold });
    return ownerText(texts.order_changed, { code: change.code, status: statusWords ?? STATUS_WORD[status] ?? status, told });
  }

  /** "Chủ shop sẽ trả lời lúc 07:00 ngày mai", from the opening hours in shop.yaml. */
  private async relayOf(messageId: string): Promise<RelayedConversation | undefined> {
    const { owner, store } = this.deps;
    return relayedConversation(store.db, owner.channel, owner.chatId, messageId);
  }

  private claimOf(updateId: string) {
    return { channel: this.deps.owner.channel, updateId };
  }

  private async claim(updateId: string): Promise<boolean> {
    const claimed = await claimOwnerUpdate(this.deps.store.db, this.deps.owner.channel, updateId, this.deps.clock().toISOString());
    if (!claimed) this.deps.log.info('duplicate owner update ignored', { update: updateId });
    return claimed;
  }

  /** Answers the owner through the outbox, like every other message, so a failed send is retried. */
  private async tellOwner(text: string): Promise<void> {
    if (!text) return;
    const { store, owner, clock, delivery } = this.deps;
    const now = clock();
    const id = newId(now);
    const message: Outbound & { notice: string } = { kind: 'text', text, notice: 'answer to an owner command' };
    await enqueueOwnerMessage(store.db, { id, channel: owner.channel, chatId: owner.chatId, conversationId: null, payload: message, now: now.toISOString() });
    await delivery.deliver([id]);
  }

  private texts() {
    return this.deps.flows().shop.owner_texts;
  }

  /** A customer without a name is called by their chat (their stored id after the channel's stored name), as the turn's notices call them. */
  private nameOf(relay: RelayedConversation): string {
    return relay.customerName ?? relay.customerId.slice(relay.customerId.indexOf(':') + 1);
  }
}
