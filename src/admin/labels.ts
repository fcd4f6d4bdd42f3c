/** The owner's words for the values stored in English in the database. */
export const CHANNEL_LABELS: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'Web chat', all: 'Tất cả kênh' };

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
};

export function label(labels: Record<string, string>, value: string | null | undefined, none = '–'): string {
  if (value === null || value === undefined) return none;
  return labels[value] ?? value;
}
