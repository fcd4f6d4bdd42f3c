import type { BotTexts } from '../flows/schema';
import type { ReturnStatus } from './reports/returns';

/**
 * Words for what shop.yaml has no text for yet: a new tracking code and the owner's
 * decision on a return request. Order statuses themselves are worded by shop.yaml
 * (`texts.order_status`) through conversation/order-status.ts, as for the `/don` command.
 */
const RETURN_TEXT: Record<ReturnStatus, string> = {
  open: 'shop đang xem xét yêu cầu của anh/chị',
  accepted: 'shop đồng ý đổi/hoàn cho anh/chị, shop sẽ liên hệ ngay để làm tiếp',
  rejected: 'shop rất tiếc chưa nhận đổi trả lần này, shop sẽ nhắn rõ lý do cho anh/chị',
  resolved: 'shop đã xử lý xong, cảm ơn anh/chị đã thông cảm',
};

/** "📦 Đơn XB128: mã vận đơn GHN123.", in the shop's own `order_status_changed` wording. */
export function trackingMessage(texts: Pick<BotTexts, 'order_status_changed'>, orderCode: string, trackingCode: string): string {
  const values: Record<string, string> = { code: orderCode, status: `mã vận đơn ${trackingCode}` };
  return texts.order_status_changed.replace(/\{\{\s*(code|status)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** "Dạ yêu cầu đổi trả đơn XB128: shop đồng ý đổi/hoàn cho anh/chị, …". */
export function returnStatusMessage(orderCode: string, status: ReturnStatus): string {
  return `Dạ yêu cầu đổi trả đơn ${orderCode}: ${RETURN_TEXT[status]}`;
}
