import type { ChannelName } from './channel-names';

/**
 * The owner's words for every value stored in English in the database, in one place: pages,
 * CSV, `npm run report` and the owner's Telegram desk read them from here.
 */

/** Every channel the shop speaks on; the type makes a new channel fail to compile until it has its words. */
const CHANNEL_NAMES: Record<ChannelName, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'Web chat', terminal: 'Thử trong máy' };

/** Channels in the order the dashboard lists them. */
export const CHANNELS = Object.keys(CHANNEL_NAMES) as ChannelName[];

export const CHANNEL_LABELS: Record<string, string> = { ...CHANNEL_NAMES, all: 'Tất cả kênh' };

export const OUTCOME_LABELS: Record<string, string> = {
  completed: 'Hoàn tất',
  abandoned: 'Bỏ dở',
  handed_over: 'Chuyển người thật',
  open: 'Đang diễn ra',
};

export const STAGE_LABELS: Record<string, string> = {
  discover: 'Tìm hiểu',
  consider: 'Cân nhắc',
  buy: 'Mua hàng',
  use: 'Sử dụng',
  return: 'Đổi trả',
  loyal: 'Khách quen',
};

export const PHASE_LABELS: Record<string, string> = { before: 'Trước khi mua', during: 'Đang mua', after: 'Sau khi mua' };

export const PAYMENT_LABELS: Record<string, string> = {
  unpaid: 'Chưa thanh toán',
  awaiting_confirmation: 'Chờ xác nhận chuyển khoản',
  partly_paid: 'Mới trả một phần',
  paid: 'Đã thanh toán',
  refunded: 'Đã hoàn tiền',
};

export const SHIPPING_LABELS: Record<string, string> = {
  new: 'Mới',
  confirmed: 'Đã xác nhận',
  shipped: 'Đang giao',
  delivered: 'Đã giao',
  cancelled: 'Đã hủy',
  returned: 'Hoàn về',
};

export const RETURN_LABELS: Record<string, string> = { open: 'Chờ xử lý', accepted: 'Đã chấp nhận', rejected: 'Từ chối', resolved: 'Đã xong' };

/** What went wrong, as the returns flow stores it (flows/returns.yaml, step `problem`). */
export const PROBLEM_LABELS: Record<string, string> = {
  damaged: 'Dập, hỏng, thối',
  missing: 'Giao thiếu',
  wrong_item: 'Giao sai sản phẩm',
  late: 'Giao trễ',
  other: 'Khác',
};

/** What the customer wants done (flows/returns.yaml, step `resolution`). */
export const RESOLUTION_LABELS: Record<string, string> = { replace: 'Gửi hàng mới', refund: 'Hoàn tiền', voucher: 'Giảm giá đơn sau', exchange: 'Đổi hàng' };

export const PAYMENT_METHOD_LABELS: Record<string, string> = { cod: 'Trả khi nhận hàng (COD)', bank: 'Chuyển khoản' };

export const EVENT_LABELS: Record<string, string> = {
  flow_started: 'Bắt đầu luồng',
  step_entered: 'Vào bước',
  slot_filled: 'Ghi nhận',
  retry: 'Hỏi lại',
  fallback: 'Bot không hiểu',
  action: 'Thao tác',
  flow_suspended: 'Tạm dừng luồng',
  flow_ended: 'Kết thúc luồng',
  satisfaction_asked: 'Hỏi mức hài lòng',
  satisfaction_answered: 'Chấm điểm',
  satisfaction_comment: 'Góp ý',
  satisfaction_unanswered: 'Không chấm điểm',
  handover: 'Chuyển người thật',
  conversation_ended: 'Kết thúc hội thoại',
  product_satisfaction_answered: 'Chấm điểm sản phẩm',
  scheduled_message: 'Tin nhắn hẹn giờ',
  opted_out: 'Không nhận tin nữa',
  personal_data_requested: 'Hỏi dữ liệu cá nhân',
  owner_took_over: 'Chủ shop nhận trò chuyện',
};

export function label(labels: Record<string, string>, value: string | null | undefined, none = '–'): string {
  if (value === null || value === undefined) return none;
  return labels[value] ?? value;
}
