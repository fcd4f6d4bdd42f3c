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
    return code ? { ok: true, value: code, plain: true } : retry(asking, asking.flows.shop.texts.retry_order_code);
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

/** Products the customer's message names ("xoài bị dập"). */
function namedIn(asking: Asking): Set<string> {
  return new Set(asking.said ? asking.facts(asking.said).items.map((item) => item.productId) : []);
}

function holds(order: KnownOrder, products: ReadonlySet<string>): boolean {
  return (order.items ?? []).some((item) => products.has(item.productId));
}
