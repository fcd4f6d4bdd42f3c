import type { Button } from '../types';
import { retry, textOf, type QuestionKind } from './kind';

/**
 * A score from 1 to 5 stars. The buttons run from 1★ up, so the number a channel puts in
 * front of a button (Zalo numbers its choices) is its number of stars, and a typed number is
 * always the stars, never a button's position.
 */
export function ratingButtons(labels: readonly string[]): Button[] {
  return labels.map((label, i) => ({ label: `${'⭐'.repeat(i + 1)} ${label}`, value: `csat:${i + 1}` }));
}

export const rating: QuestionKind = {
  readsNumbers: true,
  read(inbound, asking) {
    const score = asking.facts(textOf(inbound)).rating;
    return score === null ? retry(asking, asking.flows.shop.texts.retry_choice) : { ok: true, value: score, plain: true };
  },
  buttons: (asking) => ratingButtons((asking.step.choices ?? []).length === 5 ? asking.step.choices!.map((c) => c.label) : asking.flows.shop.texts.satisfaction_labels).map((button, i) => ({ ...button, value: `answer:${i + 1}` })),
  fromTap(encoded) {
    const score = Number(encoded);
    return Number.isInteger(score) && score >= 1 && score <= 5 ? score : undefined;
  },
};
