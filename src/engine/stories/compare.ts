import type { OrderExpectation, ReturnExpectation, StoryLine, TurnExpectation } from '../../flows/story-schema';
import { formatVnd } from '../format';
import { fold } from '../../text/fold';
import type { CartItem, ConversationState, NewOrder, NewReturnRequest, SlotValue, TurnResult } from '../types';

/** What one turn did, in the terms a story's `expect` speaks. */
export interface ObservedTurn {
  state: ConversationState;
  replies: string[];
  buttons: string[];
  result: TurnResult;
  /** The owner hears of something this turn (order, return, payment, handover, low score, relayed message). */
  ownerAlerted: boolean;
  /** After this turn the bot waits for the answer to one of a flow's questions. */
  asked: boolean;
}

/** One expectation that did not hold, in words for the owner: what, what was expected, what happened. */
export interface Difference {
  what: string;
  expected: string;
  got: string;
}

const NONE = '(không có)';

/** Every expectation of a turn that the observed turn does not meet; empty when it passes. */
export function compareTurn(expect: TurnExpectation, observed: ObservedTurn): Difference[] {
  const differences: Difference[] = [];
  const differ = (what: string, expected: unknown, got: unknown) => differences.push({ what, expected: shown(expected), got: shown(got) });
  const { state, result } = observed;

  if (expect.flow !== undefined && expect.flow !== state.flow) differ('luồng sau lượt này', expect.flow, state.flow);
  if (expect.step !== undefined && expect.step !== state.step) differ('bước sau lượt này', expect.step, state.step);
  for (const [slot, wanted] of Object.entries(expect.slots ?? {})) {
    if (!slotMatches(wanted, state.slots[slot])) differ(`thông tin "${slot}" bot ghi nhận`, wanted, state.slots[slot]);
  }
  if (expect.cart && !sameLines(expect.cart, state.cart)) differ('giỏ hàng', linesText(expect.cart), cartText(state.cart));

  const said = loose(observed.replies.join('\n'));
  for (const text of expect.reply ?? []) {
    if (!said.includes(loose(text))) differences.push({ what: 'câu trả lời của bot', expected: `có "${text}"`, got: 'không có câu này' });
  }
  for (const text of expect.not_reply ?? []) {
    if (said.includes(loose(text))) differences.push({ what: 'câu trả lời của bot', expected: `không có "${text}"`, got: 'lại có câu này' });
  }
  const labels = observed.buttons.map(loose);
  const shownButtons = observed.buttons.length > 0 ? observed.buttons.map((label) => `"${label}"`).join(', ') : 'không có nút nào';
  for (const label of expect.buttons ?? []) {
    if (!labels.some((shown) => shown.includes(loose(label)))) differences.push({ what: 'các nút bot hiện', expected: `có nút "${label}"`, got: shownButtons });
  }
  for (const label of expect.no_buttons ?? []) {
    if (labels.some((shown) => shown.includes(loose(label)))) differences.push({ what: 'các nút bot hiện', expected: `không có nút "${label}"`, got: shownButtons });
  }

  const orders = result.effects.flatMap((effect) => (effect.type === 'create_order' ? [effect.order] : []));
  if (expect.order === null && orders.length > 0) differ('đơn hàng tạo trong lượt này', NONE, orders.map((order) => order.code).join(', '));
  if (expect.order) {
    const order = orders[0];
    if (!order) differ('đơn hàng tạo trong lượt này', 'một đơn mới', NONE);
    else differences.push(...orderDifferences(expect.order, order));
  }

  const returns = result.effects.flatMap((effect) => (effect.type === 'open_return' ? [effect.request] : []));
  if (expect.return_request === null && returns.length > 0) differ('yêu cầu đổi trả mở trong lượt này', NONE, returns.map((request) => request.orderCode).join(', '));
  if (expect.return_request) {
    const request = returns[0];
    if (!request) differ('yêu cầu đổi trả mở trong lượt này', 'một yêu cầu mới', NONE);
    else differences.push(...returnDifferences(expect.return_request, request));
  }

  if (expect.score !== undefined) {
    const scores = result.events.flatMap((event) => (event.type === 'satisfaction_answered' ? [event.score] : []));
    const score = scores.at(-1) ?? null;
    if (score !== expect.score) differ('số sao khách chấm ghi nhận trong lượt này', expect.score === null ? NONE : `${expect.score} sao`, score === null ? NONE : `${score} sao`);
  }
  if (expect.owner_alerted !== undefined && expect.owner_alerted !== observed.ownerAlerted) differ('chủ shop được báo trong lượt này', yesNo(expect.owner_alerted), yesNo(observed.ownerAlerted));
  if (expect.handover !== undefined) {
    const handedOver = result.effects.some((effect) => effect.type === 'handover');
    if (handedOver !== expect.handover) differ('chuyển cho người thật trong lượt này', yesNo(expect.handover), yesNo(handedOver));
  }
  if (expect.ended !== undefined && expect.ended !== state.ended) differ('cuộc trò chuyện kết thúc', outcomeText(expect.ended), outcomeText(state.ended));
  return differences;
}

function orderDifferences(expect: OrderExpectation, order: NewOrder): Difference[] {
  const differences: Difference[] = [];
  const differ = (what: string, expected: unknown, got: unknown) => differences.push({ what: `đơn hàng: ${what}`, expected: shown(expected), got: shown(got) });
  const { quote } = order;
  if (expect.code !== undefined && expect.code.toUpperCase() !== order.code.toUpperCase()) differ('mã đơn', expect.code, order.code);
  if (expect.lines && !sameLines(expect.lines, quote.lines)) differ('các món', linesText(expect.lines), cartText(quote.lines));
  if (expect.subtotal !== undefined && expect.subtotal !== quote.subtotal) differ('tiền hàng', formatVnd(expect.subtotal), formatVnd(quote.subtotal));
  if (expect.shipping_fee !== undefined && expect.shipping_fee !== quote.shippingFee) differ('phí ship', formatVnd(expect.shipping_fee), formatVnd(quote.shippingFee));
  if (expect.discount !== undefined && expect.discount !== quote.discountTotal) differ('giảm giá', formatVnd(expect.discount), formatVnd(quote.discountTotal));
  if (expect.total !== undefined && expect.total !== quote.total) differ('tổng cộng', formatVnd(expect.total), formatVnd(quote.total));
  if (expect.payment !== undefined && expect.payment !== order.paymentMethod) differ('cách thanh toán', expect.payment, order.paymentMethod);
  if (expect.promo !== undefined && (expect.promo?.toUpperCase() ?? null) !== (order.promoCode?.toUpperCase() ?? null)) differ('mã khuyến mãi', expect.promo, order.promoCode);
  if (expect.name !== undefined && loose(expect.name) !== loose(order.contactName)) differ('tên người nhận', expect.name, order.contactName);
  if (expect.phone !== undefined && expect.phone.replace(/\D/g, '') !== order.phone.replace(/\D/g, '')) differ('số điện thoại', expect.phone, order.phone);
  if (expect.address !== undefined && loose(expect.address) !== loose(order.address)) differ('địa chỉ', expect.address, order.address);
  if (expect.province !== undefined && loose(expect.province ?? '') !== loose(order.province ?? '')) differ('tỉnh/thành', expect.province, order.province);
  if (expect.note !== undefined && loose(expect.note ?? '') !== loose(order.note ?? '')) differ('ghi chú', expect.note, order.note);
  return differences;
}

function returnDifferences(expect: ReturnExpectation, request: NewReturnRequest): Difference[] {
  const differences: Difference[] = [];
  const differ = (what: string, expected: unknown, got: unknown) => differences.push({ what: `yêu cầu đổi trả: ${what}`, expected: shown(expected), got: shown(got) });
  if (expect.order !== undefined && expect.order.toUpperCase() !== request.orderCode.toUpperCase()) differ('mã đơn', expect.order, request.orderCode);
  if (expect.problem !== undefined && expect.problem !== request.problem) differ('vấn đề', expect.problem, request.problem);
  if (expect.resolution !== undefined && expect.resolution !== request.resolution) differ('cách xử lý', expect.resolution, request.resolution);
  if (expect.photos !== undefined && expect.photos !== request.photos.length) differ('số ảnh', expect.photos, request.photos.length);
  return differences;
}

/** A slot as written in a story: `quantity: 2` matches 2 kg, text matches with or without tone marks. */
function slotMatches(wanted: unknown, got: SlotValue | undefined): boolean {
  if (wanted === null) return got === undefined;
  if (got === undefined) return false;
  if (Array.isArray(wanted)) return Array.isArray(got) && wanted.length === got.length && wanted.every((item, i) => slotMatches(item, got[i]));
  if (typeof got === 'object' && !Array.isArray(got)) {
    if (typeof wanted === 'number') return got.amount === wanted;
    if (typeof wanted === 'string') return [`${got.amount} ${got.unit ?? ''}`, `${got.amount}${got.unit ?? ''}`].some((text) => loose(text) === loose(wanted));
    const object = wanted as { amount?: unknown; unit?: unknown };
    return object.amount === got.amount && (object.unit === undefined || object.unit === got.unit);
  }
  if (typeof wanted === 'string' || typeof wanted === 'number') return loose(String(wanted)) === loose(String(got));
  return wanted === got;
}

function sameLines(expected: readonly StoryLine[], got: readonly CartItem[]): boolean {
  const key = (lines: { product: string; quantity: number }[]) => lines.map((line) => `${line.product}×${line.quantity}`).sort().join(',');
  return key([...expected]) === key(got.map((item) => ({ product: item.productId, quantity: item.quantity })));
}

function linesText(lines: readonly StoryLine[]): string {
  return lines.length > 0 ? lines.map((line) => `${line.product} × ${line.quantity}`).join(', ') : '(trống)';
}

function cartText(items: readonly CartItem[]): string {
  return items.length > 0 ? items.map((item) => `${item.productId} × ${item.quantity}`).join(', ') : '(trống)';
}

/** Case, tone marks and spacing do not count. */
function loose(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return NONE;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value) && 'amount' in value) {
    const quantity = value as { amount: unknown; unit?: unknown };
    return `${String(quantity.amount)} ${String(quantity.unit ?? '')}`.trim();
  }
  return JSON.stringify(value);
}

function yesNo(value: boolean): string {
  return value ? 'có' : 'không';
}

function outcomeText(outcome: string | null): string {
  switch (outcome) {
    case 'completed':
      return 'xong (completed)';
    case 'abandoned':
      return 'khách bỏ dở (abandoned)';
    case 'handed_over':
      return 'chuyển cho người thật (handed_over)';
    default:
      return 'chưa kết thúc';
  }
}
