import { formatVnd } from './parse/money';
import type { BotTexts } from '../flows/schema';
import type { Quote, SlotValue } from './types';

export { formatVnd };

/** 0.5 → "0,5"; Vietnamese writes a decimal comma. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100).replace('.', ',');
}

export function formatSlot(value: SlotValue | undefined, yes: string, no: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return `${formatNumber(value.amount)}${value.unit ? ` ${value.unit}` : ''}`;
  return value;
}

export function formatQuoteLines(quote: Quote): string {
  return quote.lines.map((line) => `• ${line.name}: ${formatNumber(line.quantity)} ${line.unit} × ${formatVnd(line.unitPrice)} = ${formatVnd(line.amount)}`).join('\n');
}

export function formatQuote(quote: Quote, labels: BotTexts['labels']): string {
  const rows = [formatQuoteLines(quote), `${labels.subtotal}: ${formatVnd(quote.subtotal)}`];
  for (const discount of quote.discounts) rows.push(`${labels.discount} ${discount.code}: -${formatVnd(discount.amount)}`);
  if (quote.zoneId === null) rows.push(`${labels.shipping}: ${labels.shipping_later}`);
  else if (quote.freeShippingReason) rows.push(`${labels.shipping}: ${labels.shipping_free}`);
  else rows.push(`${labels.shipping}: ${formatVnd(quote.shippingFee)}`);
  rows.push(`${labels.total}: ${formatVnd(quote.total)}`);
  return rows.join('\n');
}
