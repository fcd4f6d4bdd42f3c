import { parseYesNo } from '../nlu/answers';
import { expandShorthand } from '../nlu/shorthand';
import { toWords } from '../nlu/words';
import type { Step } from '../../flows/schema';
import { foldKey } from '../../text/fold';
import { choicesNamedIn } from './choice';
import { isShort, looksLikeQuestion, opensWithYesOrNo, retry, textOf, type Asking, type QuestionKind } from './kind';

/** Words too common to make an echo of the question ("cho", "về", "không"). */
const COMMON = new Set(['anh', 'chi', 'em', 'a', 'da', 'nhe', 'nha', 'khong', 'phai', 'co', 'cho', 'minh', 'shop', 've', 'cua', 'la', 'va', 'voi', 'nay', 'thi', 'duoc', 'roi', 'gi', 'nao', 'o', 'di', 'giup', 'xin']);
/** Any of these in the reply and it is no plain echo ("địa chỉ cũ không dùng nữa"). */
const NEGATIONS = new Set(['khong', 'chua', 'dung', 'hong', 'hok', 'thoi', 'khac', 'doi', 'huy']);

/**
 * A Vietnamese "yes" said by repeating the question's words ("giao về địa chỉ cũ … phải không?"
 * → "địa chỉ cũ nhưng sđt mới là …"): three words in a row of the question, two of them not
 * common, and no word of refusal anywhere in the reply.
 */
function echoesQuestion(typed: string, step: Step): boolean {
  const say = Array.isArray(step.say) ? step.say.at(-1) : step.say;
  if (!say) return false;
  const words = (text: string) => expandShorthand(toWords(text.replace(/\{\{[^}]*\}\}/g, ' · ')));
  const reply = words(typed);
  if (reply.some((word) => NEGATIONS.has(word))) return false;
  const question = words(say);
  const runs = new Set(question.slice(2).map((word, i) => `${question[i]} ${question[i + 1]} ${word}`));
  return reply.slice(2).some((word, i) => {
    const run = [reply[i]!, reply[i + 1]!, word];
    return runs.has(run.join(' ')) && run.filter((part) => !COMMON.has(part)).length >= 2;
  });
}

/** "da nhan roi" to "Anh/chị đã nhận được hàng chưa?": "đã" with a verb of the question says yes. */
function alreadyDid(typed: string, step: Step): boolean {
  const say = Array.isArray(step.say) ? step.say.at(-1) : step.say;
  const reply = foldKey(typed).split(' ');
  if (!say || reply[0] !== 'da' || reply.some((word) => NEGATIONS.has(word))) return false;
  const asked = new Set(foldKey(say).split(' '));
  return reply.slice(1).some((word) => !COMMON.has(word) && asked.has(word));
}

/**
 * "thôi ck nhé", "thôi không ck nữa, cod nhé", "ko, chuyển khoản đi": a refusal that goes on to
 * name one of this flow's choices (not turned down) changes that choice; it does not refuse.
 */
function insteadOfChoice(typed: string, asking: Asking): boolean {
  const flow = asking.state.flow ? asking.flows.flows.get(asking.state.flow) : undefined;
  return flow !== undefined && Object.keys(choicesNamedIn(flow, typed)).length > 0;
}

/** "có hạt điều không shop": "có … không" around other words asks whether there is something; it opens with no yes. */
function asksWhetherThereIs(typed: string): boolean {
  const first = foldKey(typed.split(/[,.;!]/)[0]!).split(' ');
  return first.length > 2 && first[0] === 'co' && looksLikeQuestion(typed.split(/[,.;!]/)[0]!);
}

/**
 * "thôi cho mình nói chuyện với chủ shop": an opening "thôi" before a sentence of its own is
 * "well then", not a plain no; the request it opens may be another topic.
 */
function thenAsks(typed: string): boolean {
  const first = foldKey(typed.split(/[,.;!]/)[0]!).split(' ');
  return first[0] === 'thoi' && first.length > 4;
}

export const yesNo: QuestionKind = {
  read(inbound, asking) {
    const typed = textOf(inbound);
    // "có bơ sáp không em": a question of its own, not a "no"; what it asks is answered, then this question again.
    if (asksWhetherThereIs(typed)) return retry(asking, asking.flows.shop.texts.retry_yes_no);
    // "ko, lần này giao cho em gái mình ở Hà Nội": the opening word answers, the rest goes on.
    const yes = parseYesNo(typed) ?? (opensWithYesOrNo(typed) ? parseYesNo(typed.split(/[,.;!]/)[0]!) : null);
    // "thôi ck nhé" at the confirmation: a "no" that names one of this flow's choices means "instead".
    if (yes === false && insteadOfChoice(typed, asking)) return retry(asking, asking.flows.shop.texts.retry_yes_no);
    // "ko", "dạ có", "ok chốt" answer the question; a longer sentence may be asking something else.
    if (yes !== null) return { ok: true, value: yes, plain: isShort(typed, 3) || (opensWithYesOrNo(typed) && !thenAsks(typed)) };
    if (echoesQuestion(typed, asking.step) || alreadyDid(typed, asking.step)) return { ok: true, value: true, plain: !looksLikeQuestion(typed) };
    return retry(asking, asking.flows.shop.texts.retry_yes_no);
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
