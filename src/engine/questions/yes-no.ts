import { parseYesNo } from '../nlu/answers';
import { isShort, opensWithYesOrNo, retry, textOf, type QuestionKind } from './kind';

export const yesNo: QuestionKind = {
  read(inbound, asking) {
    const typed = textOf(inbound);
    // "ko, lần này giao cho em gái mình ở Hà Nội": the opening word answers, the rest goes on.
    const yes = parseYesNo(typed) ?? (opensWithYesOrNo(typed) ? parseYesNo(typed.split(/[,.;!]/)[0]!) : null);
    // "ko", "dạ có", "ok chốt" answer the question; a longer sentence may be asking something else.
    return yes === null ? retry(asking, asking.flows.shop.texts.retry_yes_no) : { ok: true, value: yes, plain: isShort(typed, 3) || opensWithYesOrNo(typed) };
  },
  buttons(asking) {
    const texts = asking.flows.shop.texts;
    return [
      { label: texts.yes, value: 'answer:yes' },
      { label: texts.no, value: 'answer:no' },
    ];
  },
  fromTap: (encoded) => (encoded === 'yes' ? true : encoded === 'no' ? false : undefined),
};
