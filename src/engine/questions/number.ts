import { isShort, retry, skipButtons, textOf, type QuestionKind } from './kind';

export const number: QuestionKind = {
  readsNumbers: true,
  read(inbound, asking) {
    const typed = textOf(inbound);
    const match = /-?\d+(?:[.,]\d+)?/.exec(typed);
    if (!match) return retry(asking, asking.flows.shop.texts.retry_number);
    return { ok: true, value: Number(match[0].replace(',', '.')), plain: isShort(typed, 2) };
  },
  buttons: skipButtons,
  fromTap: () => undefined,
};
