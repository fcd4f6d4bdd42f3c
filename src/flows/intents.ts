/**
 * The standard intents every shop shares: the labels of the shipped corpus
 * (`src/engine/nlu/corpus/*.tsv`) and what a flow's `intent:` names. A shop's own flows and
 * FAQ entries may add labels of their own.
 */
export const STANDARD_INTENTS = [
  'greeting',
  'product_info',
  'catalog',
  'order',
  'reorder',
  'payment',
  'payment_claimed',
  'shipping',
  'order_status',
  'returns',
  'promotion',
  'human',
  'cancel_order',
  'privacy',
  'thanks',
  'acknowledge',
  'goodbye',
  'shop_location',
  'opening_hours',
  'out_of_scope',
] as const;

export type StandardIntent = (typeof STANDARD_INTENTS)[number];

/** Messages that are not for the shop: the class the bot answers with its fallback. */
export const OUT_OF_SCOPE = 'out_of_scope';
