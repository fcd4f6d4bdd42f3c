/** Numbers the way a Vietnamese owner reads them: "1.250.000 ₫", "4,3", "62%". */
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatMoney(value: number): string {
  return `${integer.format(value)} ₫`;
}

/** A CSAT average on the 1–5 scale; "–" when nobody answered. */
export function formatScore(value: number | null): string {
  return value === null ? '–' : oneDecimal.format(value);
}

/** A share 0–1 as a whole percentage; "–" when there was nothing to share. */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${integer.format(Math.round(value * 100))}%`;
}

/** A first-response time: "0,8 giây", "12 giây", "3 phút 5 giây". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 10_000) return `${oneDecimal.format(ms / 1000)} giây`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} giây`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} phút` : `${minutes} phút ${seconds % 60} giây`;
  return `${Math.floor(minutes / 60)} giờ ${minutes % 60} phút`;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A phone number in groups ("0987 654 321"): easier to read out, and Excel keeps the leading 0. */
export function formatPhone(phone: string): string {
  return /^0\d{9}$/.test(phone) ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;
}
