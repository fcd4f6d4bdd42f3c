import { retry, skipButtons, textOf, type QuestionKind } from './kind';

/** Free text: a name, a note, a code the shop cannot check. */
export const text: QuestionKind = {
  freeText: true,
  read(inbound, asking) {
    const typed = textOf(inbound);
    return typed ? { ok: true, value: typed } : retry(asking, asking.flows.shop.texts.retry);
  },
  buttons: skipButtons,
  fromTap: () => undefined,
};
