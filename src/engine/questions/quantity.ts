import type { Product } from '../../flows/schema';
import { amountIn } from '../parse/order-lines';
import { parseQuantity } from '../parse/quantity';
import { isShort, retry, skipButtons, textOf, type Asking, type QuestionKind } from './kind';

function productOf(asking: Asking): Product | undefined {
  return asking.flows.shop.catalog.find((candidate) => candidate.id === asking.state.slots.product);
}

export const quantity: QuestionKind = {
  readsNumbers: true,
  read(inbound, asking) {
    const typed = textOf(inbound);
    const facts = asking.facts(typed);
    const item = productOf(asking);
    const named = facts.items.find((line) => line.productId === item?.id)?.quantity;
    const loose = facts.quantity ?? (facts.items.length === 0 ? parseQuantity(typed) : null);
    // "địa chỉ khác nhé: 12 đường 30/4, …": a bare number that stands in the address given is its house number, no amount.
    const houseNumber = loose !== null && loose.unit === null && facts.address !== null && facts.address.split(/\D+/).includes(String(loose.amount));
    const amount = named ?? (loose && !houseNumber ? amountIn(loose, item) : null);
    if (amount === null || amount === undefined) return retry(asking, asking.flows.shop.texts.retry_quantity);
    return { ok: true, value: { amount, unit: item?.unit ?? loose?.unit ?? null }, plain: isShort(typed, 4) };
  },
  buttons: skipButtons,
  fromTap: () => undefined,
  validate(value, asking) {
    const item = productOf(asking);
    if (!item || typeof value !== 'object' || Array.isArray(value)) return null;
    const texts = asking.flows.shop.texts;
    if (value.amount <= 0) return { text: texts.retry_quantity };
    if (value.amount < item.min_quantity) return { text: texts.below_minimum };
    if (typeof item.stock === 'number' && value.amount > item.stock) return { text: texts.stock_short };
    return null;
  },
};
