import type { Step } from '../../flows/schema';
import { namedChoice } from './choice';
import { isShort, retry, textOf, type Asking, type QuestionKind } from './kind';

type Choice = NonNullable<Step['choices']>[number];

/** The step's own choices ("đặt tiếp đơn này"), then the shop's reasons for leaving a cart (shop.yaml). */
function choicesOf(asking: Asking): Choice[] {
  const reasons = Object.entries(asking.flows.shop.after_sale.abandoned_cart.reasons).map(([value, label]) => ({ label, value }));
  return [...(asking.step.choices ?? []), ...reasons];
}

/** Why a cart was left: a quick choice whose words the owner writes in shop.yaml. */
export const cartReason: QuestionKind = {
  read(inbound, asking) {
    const typed = textOf(inbound);
    const named = namedChoice(choicesOf(asking), typed);
    if (!named) return retry(asking, asking.flows.shop.texts.retry_choice);
    return { ok: true, value: named.choice.value, plain: named.exact || isShort(typed, 4) };
  },
  // A choice whose value names a flow ("flow:buy_again") is a plain jump, so its button still works after the conversation closed.
  buttons: (asking) => choicesOf(asking).map((option, i) => ({ label: option.label, value: String(option.value).startsWith('flow:') ? String(option.value) : `answer:${i}` })),
  fromTap: (encoded, asking) => choicesOf(asking)[Number(encoded)]?.value,
};
