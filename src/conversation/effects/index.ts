import type { Effect } from '../../engine/index';
import { conversationEnded } from './conversation-ended';
import { createOrder } from './create-order';
import { customerProfile } from './customer-profile';
import type { EffectContext, EffectEntry, EffectRows, EffectTable } from './effect';
import { handover } from './handover';
import { notifyOwner } from './notify-owner';
import { openReturn } from './open-return';
import { optOut } from './opt-out';
import { paymentClaimed } from './payment-claimed';
import { personalData } from './personal-data';

export type { EffectContext, EffectRows } from './effect';

/** What the conversation layer does for each thing the engine asks for. */
export const EFFECTS: EffectTable = {
  create_order: createOrder,
  open_return: openReturn,
  payment_claimed: paymentClaimed,
  notify_owner: notifyOwner,
  handover,
  customer_profile: customerProfile,
  conversation_ended: conversationEnded,
  opt_out: optOut,
  personal_data: personalData,
};

/** The rows of every effect of a turn, in the order the engine asked for them. */
export function effectRows(effects: readonly Effect[], context: EffectContext): EffectRows[] {
  return effects.map((effect) => (EFFECTS[effect.type] as EffectEntry<typeof effect.type>)(effect as never, context));
}
