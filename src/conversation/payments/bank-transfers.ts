import type { CompiledQuery } from 'kysely';
import { formatVnd, renderTemplate } from '../../engine/index';
import type { ShopFlows } from '../../flows/schema';
import type { Logger } from '../../log';
import { type OutboxMessage, orderCodesSince, orderToSettle, settlementQueries, transferById, transferExists, unmatchedQueries, type NewBankTransfer, type OrderToSettle, type TransferOutcome, ConstraintError, type Store } from '../../store/index';
import { OWNER_LOG_CHANNEL, type OwnerChannel } from '../owner-channel';
import { newId } from '../ids';
import type { OutboxDelivery } from '../outbox-delivery';
import type { Defer } from '../receiver';
import type { OwnerNotice } from '../owner-notices';
import { compactCode, findOrderCode } from './order-code-in-note';

/** A transfer as the bank-notification service reported it, parsed at its route. */
export interface ReportedTransfer {
  source: string;
  externalId: string;
  bank: string;
  accountNumber: string;
  subAccount: string | null;
  direction: 'in' | 'out';
  amount: number;
  /** The transfer note as the bank passed it on. */
  content: string;
  /** The payment code the service itself recognized in the note, if any. */
  serviceCode: string | null;
  referenceCode: string | null;
  transferredAt: string;
}

export type UnmatchedReason = 'outgoing' | 'other_account' | 'no_order' | 'ambiguous';

export type TransferReceipt = { stored: true; outcome: TransferOutcome; orderCode: string | null } | { stored: false; duplicate: true };

export type ManualMatch = { ok: true; outcome: TransferOutcome } | { ok: false; problem: 'unknown_transfer' | 'already_matched' | 'unknown_order' };

/** Tries before a settlement gives up on an order other transfers keep paying at the same moment. */
const MAX_SETTLE_ATTEMPTS = 5;

/** Orders older than this are not looked for in a transfer note (a late transfer is matched by hand). */
const MATCH_WINDOW_DAYS = 120;

export interface BankTransfersDeps {
  store: Store;
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  delivery: OutboxDelivery;
  /** The owner's chat; without one the owner's notices become log lines. */
  owner: OwnerChannel | null;
}

/**
 * Money the bank reported: matched to an order by the code in its note (or by the owner's hand
 * from the dashboard, the same settlement), stored with the order's new payment status and
 * the messages to the customer and the owner in one batch. A report seen before changes nothing.
 */
export class BankTransfers {
  constructor(private readonly deps: BankTransfersDeps) {}

  /** Stores one reported transfer; the messages it causes are delivered through `defer` (after the answer to SePay). */
  async receive(transfer: ReportedTransfer, defer: Defer = (work) => void work): Promise<TransferReceipt> {
    const { db } = this.deps.store;
    if (await transferExists(db, transfer.source, transfer.externalId)) return { stored: false, duplicate: true };
    const row = this.rowOf(transfer);
    const problem = this.problemWith(transfer);
    if (problem) return this.keepUnmatched(row, problem, defer);
    const since = new Date(this.deps.clock().getTime() - MATCH_WINDOW_DAYS * 86_400_000).toISOString();
    const found = findOrderCode(transfer.content, await orderCodesSince(db, since), transfer.serviceCode);
    if (found.kind !== 'found') return this.keepUnmatched(row, found.kind === 'ambiguous' ? 'ambiguous' : 'no_order', defer);
    return this.guard(async () => {
      const outcome = await this.settleFresh(found.code, transfer.amount, { kind: 'new', row }, defer);
      if (!outcome) return this.keepUnmatched(row, 'no_order', defer);
      this.deps.log.info('bank transfer matched an order', { source: transfer.source, order: found.code, outcome });
      return { stored: true, outcome, orderCode: found.code };
    });
  }

  /** The owner names the order an unmatched incoming transfer paid. */
  async matchByHand(transferId: string, orderCode: string): Promise<ManualMatch> {
    const { db } = this.deps.store;
    const transfer = await transferById(db, transferId);
    if (!transfer) return { ok: false, problem: 'unknown_transfer' };
    if (transfer.order_code !== null || transfer.direction !== 'in') return { ok: false, problem: 'already_matched' };
    try {
      const outcome = await this.settleFresh(compactCode(orderCode), transfer.amount, { kind: 'by_hand', id: transfer.id }, (work) => void work);
      if (!outcome) return { ok: false, problem: 'unknown_order' };
      this.deps.log.info('bank transfer matched by the owner', { outcome });
      return { ok: true, outcome };
    } catch (error) {
      if (error instanceof ConstraintError) return { ok: false, problem: 'already_matched' };
      throw error;
    }
  }

  /** Reads the order and settles; a transfer for the same order stored in between makes it read again. Null: no such order. */
  private async settleFresh(code: string, amount: number, transfer: Parameters<typeof settlementQueries>[1]['transfer'], defer: Defer): Promise<TransferOutcome | null> {
    for (let attempt = 1; ; attempt++) {
      const order = await orderToSettle(this.deps.store.db, code);
      if (!order) return null;
      try {
        return await this.settle(order, amount, transfer, defer);
      } catch (error) {
        const raced = error instanceof ConstraintError && error.message.includes('orders.payment_status');
        if (!raced || attempt >= MAX_SETTLE_ATTEMPTS) throw error;
      }
    }
  }

  private async settle(order: OrderToSettle, amount: number, transfer: Parameters<typeof settlementQueries>[1]['transfer'], defer: Defer): Promise<TransferOutcome> {
    const paid = order.paidBefore + amount;
    const outcome = paid > order.total ? 'overpaid' : paid === order.total ? 'paid' : 'partly_paid';
    const shop = this.deps.flows().shop;
    const values: Record<string, string> = {
      code: order.code,
      amount: formatVnd(amount),
      total: formatVnd(order.total),
      paid: formatVnd(paid),
      missing: formatVnd(Math.max(0, order.total - paid)),
      extra: formatVnd(Math.max(0, paid - order.total)),
      customer: order.customerName ?? order.customerId,
    };
    const render = (template: string) => renderTemplate(template, (root) => values[root] ?? '');
    const customerText = { paid: shop.texts.payment_received, partly_paid: shop.texts.payment_partial, overpaid: shop.texts.payment_overpaid }[outcome];
    const ownerText = { paid: shop.owner_texts.payment_received, partly_paid: shop.owner_texts.payment_partial, overpaid: shop.owner_texts.payment_overpaid }[outcome];
    const outbox: OutboxMessage[] = [];
    if (!order.blocked) outbox.push({ id: this.newId(), recipient: 'customer', channel: order.channel, chatId: order.chatId, payload: { kind: 'text', text: render(customerText) } });
    outbox.push(this.ownerMessage({ kind: 'text', text: render(ownerText), notice: `bank transfer for order ${order.code}: ${outcome}` }));
    const queries = settlementQueries(this.deps.store.db, {
      now: this.deps.clock().toISOString(),
      order,
      outcome,
      // A refunded order keeps its status; the owner sees the transfer on the page.
      paymentStatus: order.paymentStatus === 'refunded' ? 'refunded' : outcome === 'partly_paid' ? 'partly_paid' : 'paid',
      transfer,
      outbox,
    });
    await this.commit(queries, outbox.map((message) => message.id), defer);
    return outcome;
  }

  private async keepUnmatched(row: NewBankTransfer, reason: UnmatchedReason, defer: Defer): Promise<TransferReceipt> {
    const shop = this.deps.flows().shop;
    // Money going out, or into another account, is the owner's own business: kept, not announced.
    const announce = reason !== 'outgoing' && reason !== 'other_account';
    const text = renderTemplate(shop.owner_texts.payment_unmatched, (root) => ({ amount: formatVnd(row.amount), content: row.content })[root] ?? '');
    const notice = announce ? this.ownerMessage({ kind: 'text', text, notice: `bank transfer of ${row.amount} VND matched no order (${reason})` }) : null;
    return this.guard(async () => {
      await this.commit(unmatchedQueries(this.deps.store.db, { now: this.deps.clock().toISOString(), row, reason, notice }), notice ? [notice.id] : [], defer);
      this.deps.log.info('bank transfer kept unmatched', { source: row.source, reason });
      return { stored: true, outcome: 'unmatched', orderCode: null };
    });
  }

  /** A retry racing its first delivery fails the batch on the unique (source, external_id). */
  private async guard(write: () => Promise<TransferReceipt>): Promise<TransferReceipt> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ConstraintError && error.message.includes('bank_transfers')) return { stored: false, duplicate: true };
      throw error;
    }
  }

  /** One atomic batch with its outbox rows, delivered afterwards; what delivery misses, the outbox retry sends. */
  private async commit(queries: CompiledQuery[], outboxIds: string[], defer: Defer): Promise<void> {
    await this.deps.store.batch(queries);
    if (outboxIds.length === 0) return;
    defer(this.deps.delivery.deliver(outboxIds).catch((error) => this.deps.log.error('delivery failed; the outbox will retry', { error: String(error) })));
  }

  private newId(): string {
    return newId(this.deps.clock());
  }

  private problemWith(transfer: ReportedTransfer): UnmatchedReason | null {
    if (transfer.direction === 'out') return 'outgoing';
    const account = this.deps.flows().shop.payment.bank_transfer?.account_number;
    const digits = (value: string | null) => (value ?? '').replace(/\D/g, '');
    if (!account || (digits(transfer.accountNumber) !== digits(account) && digits(transfer.subAccount) !== digits(account))) return 'other_account';
    return null;
  }

  private ownerMessage(notice: OwnerNotice): OutboxMessage {
    const { owner } = this.deps;
    return { id: this.newId(), recipient: 'owner', channel: owner?.channel ?? OWNER_LOG_CHANNEL, chatId: owner?.chatId ?? 'owner', payload: notice };
  }

  private rowOf(transfer: ReportedTransfer): NewBankTransfer {
    return {
      id: `${transfer.source}:${transfer.externalId}`,
      source: transfer.source,
      external_id: transfer.externalId,
      bank: transfer.bank,
      account_number: transfer.accountNumber,
      sub_account: transfer.subAccount,
      direction: transfer.direction,
      amount: transfer.amount,
      content: transfer.content,
      reference_code: transfer.referenceCode,
      transferred_at: transfer.transferredAt,
      received_at: this.deps.clock().toISOString(),
    };
  }
}
