import type { EffectEntry } from './effect';
import { ownerText } from '../owner-notices';

/** The owner is asked to take the conversation (the wait for a person is started with the handover event's row). */
export const handover: EffectEntry<'handover'> = (_effect, context) => ({
  notices: [{ kind: 'text', notice: `customer asked for a person on ${context.notice.channel}`, text: ownerText(context.flows.shop.owner_texts.handover, context.notice) }],
});
