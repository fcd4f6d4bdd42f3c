import type { ShopFlows } from '../../flows/schema';
import { nextOpening } from '../hours';
import { renderTemplate } from '../template';
import { initialState, type TurnContext } from '../types';
import { variablesFor } from '../view';

/**
 * What the conversation layer tells a customer nobody answered within HUMAN_REPLY_MINUTES of
 * asking for a person: the owner is busy, or when the shop opens (shop.yaml texts.human_wait).
 */
export function humanWaitText(flows: ShopFlows, context: TurnContext): string {
  const { human_wait: texts } = flows.shop.texts;
  const opening = nextOpening(flows.shop, context.now);
  const template = opening.openNow ? texts.open : texts.closed;
  return renderTemplate(template, variablesFor(flows, initialState(), context, { opens: `${opening.time} ${opening.day}` }));
}
