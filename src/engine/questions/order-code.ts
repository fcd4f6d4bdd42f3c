import { retry, textOf, type QuestionKind } from './kind';

/** How many of the customer's own recent orders are offered as buttons. */
const RECENT_ORDERS = 3;

/** An order code ("XB12", "fp948"); the customer's recent orders are offered to tap. */
export const orderCode: QuestionKind = {
  read(inbound, asking) {
    const code = asking.facts(textOf(inbound)).orderCode;
    return code ? { ok: true, value: code, plain: true } : retry(asking, asking.flows.shop.texts.retry_order_code);
  },
  buttons(asking) {
    const recent = asking.context.customer.orders.slice(0, RECENT_ORDERS).map((order) => ({ label: order.code, value: `answer:${order.code}` }));
    return [...recent, ...(asking.step.optional ? [{ label: asking.flows.shop.texts.skip_word, value: 'skip' }] : [])];
  },
  fromTap: (encoded) => encoded.toUpperCase(),
};
