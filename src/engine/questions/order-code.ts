import { foldKey } from '../../text/fold';
import type { KnownOrder } from '../types';
import { retry, textOf, type Asking, type QuestionKind } from './kind';

/** Orders not yet delivered, cancelled or settled. */
const OPEN = new Set(['new', 'confirmed', 'awaiting_confirmation', 'paid', 'shipped']);

export function isOnItsWay(order: KnownOrder): boolean {
  return OPEN.has(order.status);
}

/** How many of the customer's own recent orders are offered as buttons. */
const RECENT_ORDERS = 3;

/** One of the customer's own order codes written as a word ("xb7"), whatever its shape. */
export function knownOrderCode(text: string, orders: readonly KnownOrder[]): string | null {
  const words = new Set(foldKey(text).split(' '));
  return orders.find((order) => words.has(foldKey(order.code).replace(/ /g, '')))?.code.toUpperCase() ?? null;
}

/** An order code ("XB12", "fp948"); the customer's recent orders are offered to tap. */
export const orderCode: QuestionKind = {
  read(inbound, asking) {
    const typed = textOf(inbound);
    const code = asking.facts(typed).orderCode ?? knownOrderCode(typed, asking.context.customer.orders);
    if (code) return { ok: true, value: code, plain: true };
    if (forgetsCode(typed)) {
      // Without a code the shop goes on where it can (the latest order, a return the owner matches); else the customer's orders are offered to tap.
      if (asking.step.optional || asking.context.customer.orders.length === 0) return { ok: true, value: '', plain: true };
      return { ok: false, retryText: asking.flows.shop.texts.order_code_forgotten, plain: true };
    }
    return retry(asking, asking.flows.shop.texts.retry_order_code);
  },
  buttons(asking) {
    // The orders with the product complained about come first.
    const orders = asking.context.customer.orders;
    const holding = orders.filter((order) => holds(order, namedIn(asking)));
    const ranked = [...holding, ...orders.filter((order) => !holding.includes(order))];
    const recent = ranked.slice(0, RECENT_ORDERS).map((order) => ({ label: order.code, value: `answer:${order.code}` }));
    return [...recent, ...(asking.step.optional ? [{ label: asking.flows.shop.texts.skip_word, value: 'skip' }] : [])];
  },
  fromTap: (encoded) => encoded.toUpperCase(),
  // A customer with one order still on its way means that one, unless the message names a product that order does not hold.
  assumed(asking) {
    const named = namedIn(asking);
    const open = asking.context.customer.orders.filter((order) => isOnItsWay(order) && (named.size === 0 || order.items === undefined || holds(order, named)));
    return open.length === 1 ? open[0]!.code : undefined;
  },
};

const NOT = new Set(['khong', 'ko', 'k', 'hok', 'hong', 'chua', 'hem', 'kg']);
const KNOWING = new Set(['nho', 'biet', 'thay', 'co', 'luu', 'giu', 'con']);
const CODE_WORDS = new Set(['ma', 'code', 'so']);

/**
 * "ko nhớ mã", "không nhớ mã đơn", "quên mã rồi", "chưa có mã": the customer has no code to
 * give. A short reply at the code question, or one that names the code it lacks.
 */
export function forgetsCode(text: string): boolean {
  const words = foldKey(text).split(' ');
  const denies = words.some((word, i) => (NOT.has(word) && KNOWING.has(words[i + 1] ?? '')) || word === 'quen');
  return denies && (words.length <= 4 || words.some((word) => CODE_WORDS.has(word)));
}

/** "… còn đơn gạo vẫn giữ nhé": a clause keeping an order does not point at it. */
const KEEPING = new Set(['giu']);

/** Products the customer's message names ("xoài bị dập"; "hủy đơn sầu riêng", which reads as taking it out), but not one kept. */
function namedIn(asking: Asking): Set<string> {
  if (!asking.said) return new Set();
  const clauses = asking.said.split(/[,.;!\n]+/).filter((clause) => !foldKey(clause).split(' ').some((word) => KEEPING.has(word)));
  return new Set(clauses.flatMap((clause) => {
    const facts = asking.facts(clause);
    return [...facts.items.map((item) => item.productId), ...facts.removed];
  }));
}

function holds(order: KnownOrder, products: ReadonlySet<string>): boolean {
  return (order.items ?? []).some((item) => products.has(item.productId));
}
