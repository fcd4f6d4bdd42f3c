import type { EffectEntry } from './effect';
import { ownerText } from '../owner-notices';

/** A flow's own `notify owner` action: its summary in the owner's chat. */
export const notifyOwner: EffectEntry<'notify_owner'> = (effect, context) => ({
  notices: [{ kind: 'text', notice: `flow ${effect.flow} asked to notify the owner`, text: ownerText(context.flows.shop.owner_texts.notify, { ...context.notice, flow: effect.flow, summary: effect.summary }) }],
});
