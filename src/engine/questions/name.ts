import { answeredName } from '../parse/contact';
import { retry, skipButtons, textOf, type QuestionKind } from './kind';

/**
 * A person's name, the recipient's: the one in a longer line ("tên Lê Thị Hoa sđt 09…", read
 * with the facts), or the answer itself when it reads as a name. "giao chậm quá" at this
 * question is something else said, not who receives the parcel.
 */
export const name: QuestionKind = {
  // Text the customer types freely: another topic interrupts it only when clearly asked.
  freeText: true,
  read(inbound, asking) {
    const typed = textOf(inbound);
    const found = asking.facts(typed).name ?? answeredName(typed);
    return found ? { ok: true, value: found, plain: true } : retry(asking, asking.flows.shop.texts.retry_name);
  },
  names: ['ten', 'nguoi nhan'],
  buttons: skipButtons,
  fromTap: () => undefined,
};
