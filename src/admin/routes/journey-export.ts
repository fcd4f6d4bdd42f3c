import type { Hono } from 'hono';
import { csvStream, type CsvCell } from '../csv';
import type { AdminDeps, AdminEnv } from '../deps';
import { CHANNEL_LABELS, label, PHASE_LABELS, STAGE_LABELS } from '../../labels';
import { journeyReport } from '../reports/journey';
import { monthsUpTo } from '../reports/months';
import { npsAnswerPages, npsGroupOf } from '../reports/nps';
import { formatLocalTime, localDayOf } from '../zoned-time';
import { journeyPeriod } from './journey-period';
import { shopView } from './render';

const NPS_MONTHS = 12;
const GROUP_WORDS = { promoter: 'Ủng hộ', passive: 'Trung lập', detractor: 'Không hài lòng' } as const;

/** CSV of the journey's touchpoints (same period as the page) and of the NPS answers of the last 12 months. */
export function journeyExportRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;
  const download = (name: string, timeZone: string, header: string[], pages: AsyncIterable<CsvCell[][]>) =>
    new Response(csvStream(header, pages), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}-${localDayOf(deps.clock(), timeZone)}.csv"` },
    });
  const once = async function* (rows: CsvCell[][]) {
    yield rows;
  };

  app.get('/export/touchpoints.csv', async (c) => {
    const { timeZone } = shopView(deps);
    const now = deps.clock();
    const { period } = journeyPeriod(c.req.query(), now, timeZone);
    const report = await journeyReport(db, period, now);
    const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
    const header = ['Giai đoạn', 'Pha', 'Kênh', 'Hội thoại', 'Đã kết thúc', 'Bỏ dở', 'Tỉ lệ bỏ dở (%)', 'Lượt chấm', 'Tỉ lệ chấm (%)', 'Điểm TB', 'Hài lòng 4–5★ (%)', 'Cận dưới 95% Wilson (%)', 'Cận trên 95% Wilson (%)', 'Phản hồi đầu trung vị (giây)', 'Khách đã đủ 60 ngày', 'Mua lại trong 60 ngày', 'Yếu', 'Quan trọng nhất'];
    const rows = report.touchpoints.map((row): CsvCell[] => [
      label(STAGE_LABELS, row.stage, 'Chưa vào luồng'),
      label(PHASE_LABELS, row.phase, ''),
      label(CHANNEL_LABELS, row.channel),
      row.conversations,
      row.closed,
      row.abandoned,
      share(row.abandoned, row.closed),
      row.scored,
      share(row.scored, row.closed),
      row.average === null ? null : Math.round(row.average * 100) / 100,
      share(row.satisfied, row.scored),
      row.satisfiedInterval ? Math.round(row.satisfiedInterval.low * 1000) / 10 : null,
      row.satisfiedInterval ? Math.round(row.satisfiedInterval.high * 1000) / 10 : null,
      row.medianFirstResponseMs === null ? null : Math.round(row.medianFirstResponseMs / 100) / 10,
      row.customers,
      row.returned,
      row.weak.map((reason) => (reason === 'low_csat' ? 'hài lòng thấp' : 'bỏ dở nhiều')).join(', '),
      row.mattersMost ? 'có' : '',
    ]);
    return download('diem-cham', timeZone, header, once(rows));
  });

  app.get('/export/nps.csv', () => {
    const { timeZone } = shopView(deps);
    const months = monthsUpTo(deps.clock(), NPS_MONTHS, timeZone);
    const range = { from: months[0]!.from, to: months[months.length - 1]!.to };
    const header = ['Thời gian', 'Mã khách', 'Khách', 'Điểm (0–10)', 'Nhóm', 'Lý do', 'Mã hội thoại'];
    const pages = (async function* () {
      for await (const page of npsAnswerPages(db, range)) {
        yield page.map((answer): CsvCell[] => [formatLocalTime(answer.at, timeZone), answer.customerId, answer.customerName, answer.score, GROUP_WORDS[npsGroupOf(answer.score)], answer.reason, answer.conversationId]);
      }
    })();
    return download('nps', timeZone, header, pages);
  });
}
