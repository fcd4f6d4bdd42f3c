import { formatCount, formatDuration, formatMoney, formatScore, formatShare, ratio } from '../format';
import type { ChannelFigures } from '../reports/overview';

/** How a change against the previous period is told: a percentage, points of a share, or points of a score. */
export type ChangeKind = 'percent' | 'share' | 'score';

export interface Metric {
  name: string;
  value: (figures: ChannelFigures) => number | null;
  format: (value: number | null) => string;
  change: ChangeKind;
  /** Whether a rise is good news (first-response time and drop-offs are better when they fall). */
  better: 'up' | 'down';
}

const count = (value: number | null) => formatCount(value ?? 0);

/** The overview's figures, in the order the owner reads them; shared by the page and `npm run report`. */
export const OVERVIEW_METRICS: Metric[] = [
  { name: 'Hội thoại', value: (f) => f.conversations, format: count, change: 'percent', better: 'up' },
  { name: 'Hoàn tất', value: (f) => f.completed, format: count, change: 'percent', better: 'up' },
  { name: 'Bỏ dở', value: (f) => f.abandoned, format: count, change: 'percent', better: 'down' },
  { name: 'Chuyển người thật', value: (f) => f.handedOver, format: count, change: 'percent', better: 'down' },
  { name: 'Điểm hài lòng TB', value: (f) => (f.scored === 0 ? null : f.scoreSum / f.scored), format: formatScore, change: 'score', better: 'up' },
  { name: 'Tỉ lệ chấm điểm', value: (f) => ratio(f.answered, f.closed), format: formatShare, change: 'share', better: 'up' },
  { name: 'Phản hồi đầu (trung vị)', value: (f) => f.firstResponseMedianMs, format: formatDuration, change: 'percent', better: 'down' },
  { name: 'Đơn hàng', value: (f) => f.orders, format: count, change: 'percent', better: 'up' },
  { name: 'Doanh thu', value: (f) => f.revenue, format: (value) => formatMoney(value ?? 0), change: 'percent', better: 'up' },
  { name: 'Khách quay lại', value: (f) => f.repeatCustomers, format: count, change: 'percent', better: 'up' },
  { name: 'Tỉ lệ khách quay lại', value: (f) => ratio(f.repeatCustomers, f.customers), format: formatShare, change: 'share', better: 'up' },
  { name: 'Yêu cầu đổi trả mới', value: (f) => f.newReturns, format: count, change: 'percent', better: 'down' },
];

export interface Change {
  text: string;
  tone: 'good' | 'bad' | 'same';
}

/** "▲ 12%", "▼ 0,3", "+5 điểm %": the change from the previous period and whether it is good news. */
export function changeOf(metric: Metric, now: number | null, before: number | null): Change {
  if (now === null || before === null) return { text: before === null && now !== null ? 'mới' : '–', tone: 'same' };
  if (metric.change === 'percent' && before === 0) return now === 0 ? SAME : { text: 'mới', tone: metric.better === 'up' ? 'good' : 'bad' };
  // Compare what is shown: a change that rounds to nothing is no change.
  const shown = metric.change === 'score' ? round(now - before, 1) : metric.change === 'share' ? Math.round((now - before) * 100) : Math.round(((now - before) / before) * 100);
  if (shown === 0) return SAME;
  const tone = shown > 0 === (metric.better === 'up') ? 'good' : 'bad';
  const arrow = shown > 0 ? '▲' : '▼';
  if (metric.change === 'score') return { text: `${arrow} ${formatScore(Math.abs(shown))}`, tone };
  if (metric.change === 'share') return { text: `${arrow} ${formatCount(Math.abs(shown))} điểm %`, tone };
  return { text: `${arrow} ${formatCount(Math.abs(shown))}%`, tone };
}

const SAME: Change = { text: '=', tone: 'same' };

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
