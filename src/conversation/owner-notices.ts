import type { OwnerTexts } from '../flows/schema';
import { formatVnd } from '../engine/format';
import { renderTemplate } from '../engine/template';
import type { Effect } from '../engine/types';

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

/** What the owner must hear about after a turn: orders, return requests, payments, handovers. */
export function ownerNotices(texts: OwnerTexts, effects: readonly Effect[], context: NoticeContext): OwnerNotice[] {
  const notices: OwnerNotice[] = [];
  const render = (template: string, values: Record<string, string>) => renderTemplate(template, (root) => values[root] ?? '');
  for (const effect of effects) {
    switch (effect.type) {
      case 'create_order': {
        const { order } = effect;
        const items = order.quote.lines.map((line) => `• ${line.name} × ${line.quantity} ${line.unit} = ${formatVnd(line.amount)}`).join('\n');
        notices.push({
          kind: 'text',
          notice: `new order ${order.code} (${formatVnd(order.quote.total)}) from ${context.channel}`,
          text: render(texts.new_order, {
            ...context,
            code: order.code,
            total: formatVnd(order.quote.total),
            items,
            name: order.contactName,
            phone: order.phone,
            address: order.address,
            payment: order.paymentMethod,
            note: order.note ?? '',
          }),
        });
        break;
      }
      case 'open_return':
        notices.push({
          kind: 'text',
          notice: `return request for order ${effect.request.orderCode} from ${context.channel}`,
          text: render(texts.return_request, {
            ...context,
            code: effect.request.orderCode,
            problem: effect.request.problem,
            resolution: effect.request.resolution,
            photos: effect.request.photos.length > 0 ? String(effect.request.photos.length) : '',
          }),
        });
        break;
      case 'payment_claimed':
        notices.push({ kind: 'text', notice: `payment claimed for order ${effect.orderCode}`, text: render(texts.payment_claimed, { ...context, code: effect.orderCode }) });
        break;
      case 'notify_owner':
        notices.push({ kind: 'text', notice: `flow ${effect.flow} asked to notify the owner`, text: render(texts.notify, { ...context, flow: effect.flow, summary: effect.summary }) });
        break;
      case 'handover':
        notices.push({ kind: 'text', notice: `customer asked for a person on ${context.channel}`, text: render(texts.handover, context) });
        break;
      default:
        break;
    }
  }
  return notices;
}

export function lowScoreNotice(texts: OwnerTexts, score: number, comment: string | null, context: NoticeContext): OwnerNotice {
  return {
    kind: 'text',
    notice: `low satisfaction score ${score}/5 on ${context.channel}`,
    text: renderTemplate(texts.low_score, (root) => ({ ...context, score: String(score), comment: comment ?? '' })[root] ?? ''),
  };
}
