import { retry, skipButtons, textOf, type QuestionKind } from './kind';

/**
 * What the customer thinks, in their own words (why they scored so, why they left a cart):
 * whatever they write is the answer, even a complaint that reads like another topic
 * ("giao chậm quá" is the reason, not a new return request).
 */
export const comment: QuestionKind = {
  freeText: true,
  read(inbound, asking) {
    const typed = textOf(inbound);
    return typed ? { ok: true, value: typed, plain: true } : retry(asking, asking.flows.shop.texts.retry);
  },
  buttons: skipButtons,
  fromTap: () => undefined,
};
