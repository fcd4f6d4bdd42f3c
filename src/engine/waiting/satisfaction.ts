import { foldKey } from '../../text/fold';
import { rating } from '../questions/rating';
import { looksLikeQuestion, textOf } from '../questions/kind';
import type { TurnMoves } from './moves';
import type { Inbound } from '../types';

/** The closing question: a typed number, stars or words are the score; a new question is answered. */
export function onSatisfaction(turn: TurnMoves, inbound: Inbound): void {
  const text = textOf(inbound);
  const step = { ask: 'rating' as const, save: 'satisfaction' };
  const answer = rating.read(inbound, turn.asking(step));
  if (answer.ok && typeof answer.value === 'number') return turn.onScore(answer.value, commentBeside(text));
  const topic = turn.topicOf(turn.understand(text), null);
  if (topic?.kind === 'flow') {
    turn.unanswered();
    return turn.switchTopic(topic);
  }
  // Everyday talk ("shop ở đâu vậy") is answered in passing and the closing question stays open, as at any question.
  if (topic?.kind === 'aside') {
    turn.say(topic.text);
    return turn.repeatPrompt();
  }
  // "bao giờ mình nhận được tiền?": a question the bot cannot answer is not met with "choose a button": the person is offered at once.
  if (turn.state.retries < 1 && !looksLikeQuestion(text)) {
    turn.state.retries++;
    return turn.repeatPrompt(turn.flows.shop.texts.retry_choice);
  }
  turn.unanswered();
  turn.fallback(text);
}

/** Words that say nothing about the shop when they follow a score ("5 sao nha shop"). */
const COURTESY = new Set(['a', 'nha', 'nhe', 'shop', 'oi', 'em', 'e', 'nhen', 'ne', 'thoi', 'roi', 'r', 'luon', 'di']);

/** "1 sao, giao sai mà còn phải chờ thêm mấy ngày": what follows the score's clause, when it says something. */
export function commentBeside(text: string): string | undefined {
  const clauses = text.split(/[,.;!\n]+/).map((clause) => clause.trim()).filter(Boolean);
  const rest = clauses.slice(1).join(', ');
  const words = foldKey(rest).split(' ').filter((word) => word && !COURTESY.has(word));
  return words.length >= 2 ? rest : undefined;
}
