import type { OwnerTexts } from '../flows/schema';
import { renderTemplate } from '../engine/index';

/** A message for the owner: the full text, and a one-line notice without personal data for logs. */
export interface OwnerNotice {
  kind: 'text';
  text: string;
  notice: string;
}

export interface NoticeContext extends Record<string, string> {
  customer: string;
  channel: string;
}

export function lowScoreNotice(texts: OwnerTexts, score: number, comment: string | null, context: NoticeContext): OwnerNotice {
  return {
    kind: 'text',
    notice: `low satisfaction score ${score}/5 on ${context.channel}`,
    text: renderTemplate(texts.low_score, (root) => ({ ...context, score: String(score), comment: comment ?? '' })[root] ?? ''),
  };
}
