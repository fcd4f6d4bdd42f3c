import { isSkip } from '../nlu/answers';
import { questionOf } from '../questions';
import { declines, goesAhead, isShort, looksLikeQuestion, textOf } from '../questions/kind';
import { saysNoPhoto } from '../questions/photo';
import { runsAction } from '../step-paths';
import type { TurnMoves } from './moves';
import type { Inbound } from '../types';

/** Questions about who receives the order: answering one means the goods are chosen. */
const RECIPIENT: ReadonlySet<string> = new Set(['name', 'phone', 'address']);

/**
 * A question is open. The message is first read as a form (every fact it states fills its
 * slot), then as the answer. An answer that plainly fits wins over a topic switch ("ck" at
 * the payment question chooses); a clear new question switches and the flow waits to resume;
 * everyday talk is answered in passing and the question asked again.
 */
export function onAsk(turn: TurnMoves, inbound: Inbound): void {
  const waiting = turn.state.waiting;
  if (waiting.kind !== 'ask') return;
  const step = turn.stepOf(waiting.flow, waiting.step);
  const kind = step && questionOf(step);
  if (!step?.save || !kind) return turn.onFreeInput(inbound);
  // Photos sent one after another: the ones after the first arrive at the next question and join it.
  if (inbound.kind === 'photo' && step.ask !== 'photo' && addsToPhotos(turn, waiting.flow, inbound.ref)) return turn.repeatPrompt();
  const text = textOf(inbound);
  const skipping = Boolean(text) && isSkip(text, turn.flows.shop.texts.skip_word);
  if (step.optional && (skipping || (text && (declines(text) || goesAhead(text) || (step.ask === 'photo' && saysNoPhoto(text)))))) {
    // "ko co ma, ck nha": what else the message says is kept for the questions after this one.
    if (text && !skipping) turn.fillFrom(waiting.flow);
    return turn.skip(waiting.flow, waiting.step, step);
  }
  // "bỏ qua" at a question that cannot be passed is asked again, never read as a topic ("bo" is also "bơ").
  if (skipping) {
    const answer = kind.read(inbound, turn.asking(step));
    if (!answer.ok) return turn.retry(waiting.flow, waiting.step, step, turn.render(answer.retryText, answer.variables));
  }
  // "đổi địa chỉ giúp mình": the answer given before is asked again.
  const change = turn.changeRequested(waiting.flow);
  if (change) return turn.askAgain(waiting.flow, change);

  // A change to the cart said at a later question: made, shown, and the question asked again.
  if (step.ask !== 'product' && step.ask !== 'quantity' && turn.editCart(waiting.flow)) {
    // At the confirmation the new total is quoted again with the whole order, not the changed lines alone.
    if (!turn.quoteAgain(waiting.flow, waiting.step, true)) turn.repeatPrompt();
    return;
  }
  // "cod", "ship cod nha" at the promotion-code or name question is the payment: a free-text question is not
  // answered by a short message that is only another question's fact (an optional one is passed).
  if (kind.freeText && text && isShort(text, 3)) {
    turn.fillFrom(waiting.flow);
    if (turn.saidOtherThan(step.save) && !turn.saidNow(step.save)) return step.optional ? turn.skip(waiting.flow, waiting.step, step) : turn.repeatPrompt();
  }
  // "ok chốt đơn" at "mua thêm không?" is a "no", at "xác nhận đặt đơn?" a "yes": the answer that goes on to placing the order.
  if (step.ask === 'yes_no' && text && goesAhead(text)) {
    const onwards = turn.answerLeadingTo(waiting.flow, waiting.step, (later) => later.action === 'create_order');
    if (onwards !== null) return turn.answer(waiting.flow, waiting.step, step, onwards);
  }
  const answer = kind.read(inbound, turn.asking(step));
  // A short message that is no answer is asked again, unless it is another question's fact of this flow ("KHACHMOI" at "mua thêm không?").
  if (!answer.ok && answer.plain && !turn.statesOwnFacts(waiting.flow, step.save)) return turn.retry(waiting.flow, waiting.step, step, turn.render(answer.retryText, answer.variables));
  const topic = turn.topicOf(turn.understand(text), waiting.flow, kind.freeText);
  const cancelling = topic?.kind === 'flow' && answer.ok && answer.value === false && turn.cancels(topic.flow);
  // "vậy lấy 40 bịch, lấy nhiều vậy có giá sỉ không" at the quantity question: the aside answered in passing, the answer taken.
  const answeredAside = answer.ok && !answer.plain && topic?.kind === 'aside' && !kind.freeText;
  if (answeredAside) turn.say(topic.text);
  if (answer.ok && (answer.plain || !topic || answeredAside) && !cancelling) {
    turn.fillFrom(waiting.flow);
    // The form may have read this very slot better than the whole line (a name beside a phone).
    const value = turn.saidNow(step.save) && kind.freeText ? turn.state.slots[step.save]! : answer.value;
    delete turn.state.slots[step.save];
    return turn.answer(waiting.flow, waiting.step, step, value, answer.also);
  }
  // "Trần Thị Mai 0912…, 88 Nguyễn Trãi, Hà Nội, ck nhé" or "ck nhé" at "anything else?": this flow's own facts, not another topic.
  // "lấy 2 hũ mật ong với nửa ký arabica, bao nhiêu tiền" at "sản phẩm nào?": the order's lines (priced in the cart), even asked as a question.
  const ordered = runsAction(turn.flows.flows.get(waiting.flow), 'add_to_cart') && step.ask === 'product' && turn.facts(text).items.some((item) => item.quantity !== null);
  const ownFacts = topic?.kind === 'flow' && !turn.cancels(topic.flow) && (ordered || (!looksLikeQuestion(text) && turn.statesOwnFacts(waiting.flow, step.save)));
  if (topic?.kind === 'flow' && !ownFacts) return turn.switchTopic(topic);
  if (topic?.kind === 'aside') return turn.aside(topic.text);
  turn.fillFrom(waiting.flow);
  // A promotion code said at another question is kept for the code step, and said back.
  const codeKept = step.save !== 'promo_code' && turn.saidNow('promo_code');
  if (codeKept) turn.say(turn.flows.shop.texts.promotion_noted);
  // The recipient's name, phone or address at "mua thêm không?": the customer has gone on, so the answer is the one leading to those questions.
  if (step.ask === 'yes_no' && !answer.ok) {
    const onwards = turn.answerLeadingTo(waiting.flow, waiting.step, (later) => RECIPIENT.has(later.ask ?? '') && later.save !== undefined && turn.saidNow(later.save));
    if (onwards !== null) return turn.answer(waiting.flow, waiting.step, step, onwards);
  }
  if (ownFacts && !turn.saidNow(step.save)) {
    if (!turn.quoteAgain(waiting.flow, waiting.step)) turn.repeatPrompt();
    return;
  }
  if (turn.saidNow(step.save)) {
    const value = turn.state.slots[step.save]!;
    delete turn.state.slots[step.save];
    return turn.answer(waiting.flow, waiting.step, step, value);
  }
  if (answer.ok) return;
  if (codeKept) return turn.repeatPrompt();
  turn.retry(waiting.flow, waiting.step, step, turn.render(answer.retryText, answer.variables));
}

/** Keeps a photo with the ones this flow's photo question already took; false when it took none. */
function addsToPhotos(turn: TurnMoves, flowId: string, ref: string): boolean {
  const photoStep = Object.values(turn.flows.flows.get(flowId)?.steps ?? {}).find((candidate) => candidate.ask === 'photo' && candidate.save);
  const taken = photoStep?.save ? turn.state.slots[photoStep.save] : undefined;
  if (!photoStep?.save || !Array.isArray(taken) || taken.length === 0) return false;
  turn.state.slots[photoStep.save] = [...taken, ref];
  return true;
}
