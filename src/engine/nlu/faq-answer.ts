import type { FaqEntry } from '../../flows/faq';

/**
 * The answer template for an FAQ entry: the product's own answer, else the answer built from
 * the product's facts when the message names a product, else the general answer.
 */
export function faqAnswer(entry: FaqEntry, product: string | undefined): string {
  if (product !== undefined) {
    const own = entry.products && Object.hasOwn(entry.products, product) ? entry.products[product] : undefined;
    if (own !== undefined) return own;
    if (entry.product_answer) return entry.product_answer;
  }
  return entry.answer;
}
