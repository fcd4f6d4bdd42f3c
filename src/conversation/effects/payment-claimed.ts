import type { EffectEntry } from './effect';
import { ownerText } from '../owner-notices';

/** The order waits for the owner to confirm the transfer, and the owner hears of it. */
export const paymentClaimed: EffectEntry<'payment_claimed'> = (effect, context) => ({
  paymentClaims: [effect.orderCode],
  notices: [{ kind: 'text', notice: `payment claimed for order ${effect.orderCode}`, text: ownerText(context.flows.shop.owner_texts.payment_claimed, { ...context.notice, code: effect.orderCode }) }],
});
