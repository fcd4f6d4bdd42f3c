import { readRecommendScore } from '../parse/recommend-score';
import { retry, textOf, type QuestionKind } from './kind';

/** "Would you recommend us", 0 to 10: eleven buttons in order; a typed number is the score, never a button's position. */
export const nps: QuestionKind = {
  readsNumbers: true,
  read(inbound, asking) {
    const score = readRecommendScore(textOf(inbound));
    return score === null ? retry(asking, asking.flows.shop.texts.retry_number) : { ok: true, value: score, plain: true };
  },
  buttons: () => Array.from({ length: 11 }, (_, score) => ({ label: String(score), value: `answer:${score}` })),
  fromTap(encoded) {
    const score = Number(encoded);
    return Number.isInteger(score) && score >= 0 && score <= 10 ? score : undefined;
  },
};
