import { sameFamily } from '../catalog';
import { isShort, retry, textOf, type Asking, type QuestionKind } from './kind';

/** The products to choose from: the family a message named by what they share ("mua cà phê": the two coffees), else the whole catalog. */
function choosable(asking: Asking) {
  const { catalog } = asking.flows.shop;
  const named = asking.said ? asking.facts(asking.said).items : [];
  const family = named.map((item) => sameFamily(asking.flows.shop, asking.said, item.productId)).find((ids) => ids.length > 0) ?? [];
  return family.length > 0 ? catalog.filter((item) => family.includes(item.id)) : catalog;
}

export const product: QuestionKind = {
  read(inbound, asking) {
    const typed = textOf(inbound);
    const named = asking.facts(typed).items[0];
    if (!named) return retry(asking, asking.flows.shop.texts.retry_product);
    // "xoài" is the answer; a longer line may be a question about it, and a quantity an order.
    return { ok: true, value: named.productId, plain: isShort(typed, 4) && named.quantity === null };
  },
  buttons: (asking) => choosable(asking).map((item) => ({ label: item.name, value: `answer:${item.id}` })),
  fromTap: (encoded, asking) => (asking.flows.shop.catalog.some((item) => item.id === encoded) ? encoded : undefined),
  validate(value, asking) {
    const item = asking.flows.shop.catalog.find((candidate) => candidate.id === value);
    if (item && (item.stock === 'out_of_stock' || item.stock === 0)) return { text: asking.flows.shop.texts.out_of_stock, slots: { product: item.id } };
    return null;
  },
};
