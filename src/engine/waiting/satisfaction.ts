import { commentBeside } from '../parse/rating';
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

