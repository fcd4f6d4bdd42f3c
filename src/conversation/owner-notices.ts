import type { OwnerTexts } from '../flows/schema';
import { renderTemplate } from '../engine/index';
import { CHANNEL_LABELS, label } from '../labels';

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

/**
 * Fills a text of shop.yaml's `owner_texts` with named values (a missing one is left empty). The
 * values hold what the store holds; the channel is said here in the owner's words ("Thử trong
 * máy", not "terminal"), so no caller can hand the owner a stored name.
 */
export function ownerText(template: string, values: Record<string, string>): string {
  const said = values.channel === undefined ? values : { ...values, channel: label(CHANNEL_LABELS, values.channel) };
  return renderTemplate(template, (root) => said[root] ?? '');
}

export function lowScoreNotice(texts: OwnerTexts, score: number, comment: string | null, context: NoticeContext): OwnerNotice {
  return {
    kind: 'text',
    notice: `low satisfaction score ${score}/5 on ${context.channel}`,
    text: ownerText(texts.low_score, { ...context, score: String(score), comment: comment ?? '' }),
  };
}
