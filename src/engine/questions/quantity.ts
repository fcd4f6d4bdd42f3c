import type { Product } from '../../flows/schema';
import type { Quantity } from '../parse/quantity';
import { parseQuantity } from '../parse/quantity';
import { isShort, retry, skipButtons, textOf, type Asking, type QuestionKind } from './kind';

/**
 * The amount in the product's own unit: a bare number counts the product's unit, "1 thùng
 * 10kg" of a product sold by the kg is 10, and "3 chai" of one sold by the kg is no amount.
 */
export function amountIn(quantity: Quantity, item: Product | undefined): number | null {
  if (!item || quantity.unit === null || quantity.unit === item.unit) return quantity.amount;
  if (quantity.per && (quantity.per.unit === item.unit || quantity.per.unit === null)) return quantity.amount * quantity.per.amount;
  // Counting words ("2 trái", "1 hộp") of a product sold by the piece count that piece.
  if (quantity.unit !== 'kg' && item.unit !== 'kg') return quantity.amount;
  return null;
}

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
    // "địa chỉ khác nhé: 12 đường 30/4, …": a bare number beside an address or a phone is a house number or digits of it, no amount.
    const contactOnly = loose !== null && loose.unit === null && (facts.address !== null || facts.phone !== null);
    const amount = named ?? (loose && !contactOnly ? amountIn(loose, item) : null);
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
