import { initialState, personalDataText } from '../../engine/index';
import { erasePersonalDataQueries } from '../../store/index';
import type { EffectEntry } from './effect';

/**
 * "dữ liệu của tôi": what the shop holds, said after the flow's own words, from what the turn
 * read; "xoá dữ liệu": erased in the turn's batch (pending messages kept until they are sent).
 */
export const personalData: EffectEntry<'personal_data'> = (effect, context) => {
  if (effect.request === 'delete') {
    return { queries: erasePersonalDataQueries(context.db, context.customerId, { keepPending: true, erasedState: JSON.stringify(initialState()) }), erasesPersonalData: true };
  }
  const { customer, orders, conversationCount } = context.snapshot;
  const held = {
    name: customer?.name ?? customer?.display_name ?? null,
    phone: customer?.phone ?? null,
    address: customer?.address ?? null,
    orders,
    // The conversation this turn opens is counted too.
    conversations: conversationCount + (context.snapshot.conversation ? 0 : 1),
  };
  return { replies: [{ kind: 'text', text: personalDataText(context.flows, held, { channel: context.notice.channel, message: context.message }) }] };
};
