import type { FC } from 'hono/jsx';
import { JOURNEY_STAGES } from '../../flows/schema';
import { formatCount, formatDuration, formatScore, formatShare, ratio } from '../format';
import { CHANNEL_LABELS, label, OUTCOME_LABELS, PHASE_LABELS, STAGE_LABELS } from '../../labels';
import { periodLabel, periodParams, type Period } from '../period';
import type { AbandonmentReasons } from '../reports/abandonment';
import { MIN_CLOSED, MIN_GROUP, MIN_SCORES, RETURN_DAYS, type JourneyReport, type Touchpoint } from '../reports/journey';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref, href } from './href';
import { Pager, PeriodPicker, Stars } from './parts';

export interface JourneyPageProps {
  period: Period;
  problem?: string | undefined;
  report: JourneyReport;
  abandonment: AbandonmentReasons[];
  /** The shop's words for each cart-abandonment reason (shop.yaml). */
  reasons: { id: string; label: string }[];
  flowTitle: (id: string | null) => string;
  /** The step's title in its flow file, or its id. */
  stepTitle: (flow: string | null, step: string | null) => string;
}

const stageOrder = (stage: string | null) => {
  const index = (JOURNEY_STAGES as readonly string[]).indexOf(stage ?? '');
  return index < 0 ? JOURNEY_STAGES.length : index;
};

export function touchpointName(row: Pick<Touchpoint, 'stage' | 'phase' | 'channel'>): string {
  return `${label(STAGE_LABELS, row.stage, 'Chưa vào luồng')} · ${label(PHASE_LABELS, row.phase, 'không rõ pha')} · ${label(CHANNEL_LABELS, row.channel)}`;
}

export function touchpointHref(period: Period, row: Pick<Touchpoint, 'stage' | 'phase' | 'channel'>): string {
  return href('/journey/touchpoint', { ...periodParams(period), stage: row.stage ?? 'none', phase: row.phase ?? 'none', channel: row.channel });
}

export const JourneyPage: FC<JourneyPageProps> = ({ period, problem, report, abandonment, reasons, flowTitle, stepTitle }) => {
  const stages = [...new Set(report.touchpoints.map((row) => row.stage))].sort((a, b) => stageOrder(a) - stageOrder(b));
  const flagged = report.touchpoints.filter((row) => row.weak.length > 0 || row.mattersMost).sort((a, b) => Number(b.mattersMost) - Number(a.mattersMost) || b.conversations - a.conversations);
  const shopCsat = ratio(report.shop.satisfied, report.shop.scored);
  const shopDropOff = ratio(report.shop.abandoned, report.shop.closed);
  return (
    <>
      <h1>Hành trình khách · {periodLabel(period)}</h1>
      <PeriodPicker path="/journey" period={period} problem={problem} />
      <p class="small muted">
        Cả shop: {formatShare(shopCsat)} lượt chấm 4–5 sao, {formatShare(shopDropOff)} hội thoại bỏ dở. <a href={href('/export/touchpoints.csv', periodParams(period))}>Tải CSV các điểm chạm</a>
      </p>

      <section>
        <h2>Nên sửa trước</h2>
        {flagged.length === 0 ? (
          <p class="muted">Chưa có điểm chạm nào chắc chắn kém hơn mức chung của shop (cần đủ lượt chấm hoặc đủ hội thoại mới kết luận).</p>
        ) : (
          <div class="list">
            {flagged.map((row) => (
              <article class={row.mattersMost ? 'item low' : 'item'}>
                <header>
                  <strong>{touchpointName(row)}</strong>
                  <Flags row={row} />
                </header>
                <p class="small" style="margin:4px 0">
                  {row.weak.includes('low_csat') ? `Hài lòng 4–5★: ${formatShare(ratio(row.satisfied, row.scored))} (95%: ${intervalText(row)}) so với ${formatShare(ratio(row.yardstick.satisfied, row.yardstick.scored))} ở phần còn lại của shop. ` : ''}
                  {row.weak.includes('high_drop_off') ? `Bỏ dở ${formatShare(ratio(row.abandoned, row.closed))} so với ${formatShare(ratio(row.yardstick.abandoned, row.yardstick.closed))} ở cùng giai đoạn trên các kênh khác. ` : ''}
                  {row.mattersMost
                    ? `Khách chấm 4–5★ quay lại mua trong ${RETURN_DAYS} ngày: ${formatShare(ratio(row.returnAfterHigh.yes, row.returnAfterHigh.of))}; khách chấm 1–3★: ${formatShare(ratio(row.returnAfterLow.yes, row.returnAfterLow.of))}.`
                    : ''}
                </p>
                <a href={touchpointHref(period, row)}>Xem {formatCount(row.conversations)} hội thoại →</a>
              </article>
            ))}
          </div>
        )}
        <details class="small muted" style="margin-top:8px">
          <summary>Cách bot chọn</summary>
          <p>
            <b>Yếu</b>: (1) có ít nhất {MIN_SCORES} lượt chấm và cả cận trên của khoảng tin cậy 95% (khoảng Wilson) của tỉ lệ chấm 4–5 sao vẫn thấp hơn tỉ lệ đó ở phần còn lại của shop; hoặc (2) có ít nhất {MIN_CLOSED} hội thoại đã kết thúc và cận dưới khoảng Wilson 95% của tỉ lệ bỏ dở vẫn cao hơn tỉ lệ bỏ dở của cùng giai đoạn trên các kênh khác (bước mua hàng dài hơn nên kênh nào cũng bỏ dở nhiều hơn bước chào hỏi). Vài lượt chấm chưa đủ để kết luận.
          </p>
          <p>
            <b>Quan trọng nhất</b>: khách chấm 1–3 sao ở điểm chạm này quay lại mua trong {RETURN_DAYS} ngày ít hơn hẳn khách chấm 4–5 sao (kiểm định hai tỉ lệ một phía, độ tin cậy 99,5% vì nhiều điểm chạm được xét cùng lúc, mỗi nhóm ít nhất {MIN_GROUP} khách). Chỉ tính hội thoại đã qua đủ {RETURN_DAYS} ngày.
          </p>
        </details>
      </section>

      <section>
        <h2>Các điểm chạm theo giai đoạn, pha và kênh</h2>
        {stages.length === 0 ? <p class="muted">Chưa có hội thoại nào trong khoảng này.</p> : null}
        {stages.map((stage) => {
          const rows = report.touchpoints.filter((row) => row.stage === stage).sort((a, b) => (a.phase ?? '').localeCompare(b.phase ?? '') || b.conversations - a.conversations);
          return (
            <div class="panel scroll">
              <h3>
                {label(STAGE_LABELS, stage, 'Chưa vào luồng')} <span class="muted small">· {[...new Set(rows.map((row) => label(PHASE_LABELS, row.phase, 'không rõ pha')))].join(', ')}</span>
              </h3>
              <table>
                <thead>
                  <tr>
                    <th>Kênh</th>
                    <th class="num">Hội thoại</th>
                    <th class="num">Điểm TB</th>
                    <th class="num">Hài lòng 4–5★ (95%)</th>
                    <th class="num">Tỉ lệ chấm</th>
                    <th class="num">Bỏ dở</th>
                    <th class="num">Phản hồi đầu (trung vị)</th>
                    <th class="num">Mua lại ≤{RETURN_DAYS} ngày</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr class={row.weak.length > 0 ? 'low' : undefined}>
                      <td class="name">
                        <a href={touchpointHref(period, row)}>{label(CHANNEL_LABELS, row.channel)}</a>
                        {stage === null || rows.some((other) => other.phase !== row.phase) ? <span class="muted small"> · {label(PHASE_LABELS, row.phase, 'không rõ pha')}</span> : null}
                      </td>
                      <td class="num">{formatCount(row.conversations)}</td>
                      <td class="num">{formatScore(row.average)}</td>
                      <td class="num">
                        {formatShare(ratio(row.satisfied, row.scored))} <span class="muted small">{intervalText(row)}</span>
                      </td>
                      <td class="num">{formatShare(ratio(row.scored, row.closed))}</td>
                      <td class="num">{formatShare(ratio(row.abandoned, row.closed))}</td>
                      <td class="num">{formatDuration(row.medianFirstResponseMs)}</td>
                      <td class="num">
                        {formatShare(ratio(row.returned, row.customers))} <span class="muted small">/{formatCount(row.customers)} khách</span>
                      </td>
                      <td>
                        <Flags row={row} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
        <p class="small muted">
          Khoảng trong ngoặc: khoảng tin cậy 95% (Wilson) của tỉ lệ chấm 4–5 sao; khoảng càng rộng thì càng ít lượt chấm. “Mua lại”: trong số khách có hội thoại đầu tiên ở điểm chạm này đã qua {RETURN_DAYS} ngày, bao nhiêu người đặt đơn mới (không tính đơn của chính hội thoại đó, không tính đơn hủy).
        </p>
      </section>

      <section>
        <h2>Vì sao khách bỏ giỏ</h2>
        {abandonment.length === 0 ? (
          <p class="muted">Chưa có khách nào trả lời tin nhắc giỏ hàng trong khoảng này.</p>
        ) : (
          <div class="scroll panel">
            <table>
              <thead>
                <tr>
                  <th>Bỏ ở bước</th>
                  {reasons.map((reason) => (
                    <th class="num">{reason.label}</th>
                  ))}
                  <th class="num">Tổng</th>
                </tr>
              </thead>
              <tbody>
                {abandonment.map((row) => (
                  <tr>
                    <td class="name">
                      {flowTitle(row.flow)} <span class="muted small">· {stepTitle(row.flow, row.step)}</span>
                    </td>
                    {reasons.map((reason) => (
                      <td class="num">{formatCount(row.reasons[reason.id] ?? 0)}</td>
                    ))}
                    <td class="num">{formatCount(row.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
};

const Flags: FC<{ row: Touchpoint }> = ({ row }) => (
  <>
    {row.weak.includes('low_csat') ? <span class="badge low">hài lòng thấp</span> : null}
    {row.weak.includes('high_drop_off') ? <span class="badge low">bỏ dở nhiều</span> : null}
    {row.mattersMost ? <span class="badge handed_over">quan trọng nhất</span> : null}
  </>
);

function intervalText(row: Touchpoint): string {
  if (!row.satisfiedInterval) return '';
  return `${formatShare(row.satisfiedInterval.low)}–${formatShare(row.satisfiedInterval.high)}`;
}

export interface TouchpointConversation {
  id: string;
  customerId: string;
  customerName: string | null;
  startedAt: string;
  entryFlow: string | null;
  status: string;
  outcome: string | null;
  score: number | null;
  comment: string | null;
  firstResponseMs: number | null;
}

/** The conversations behind one touchpoint of the journey page. */
export const TouchpointPage: FC<{
  period: Period;
  touchpoint: Pick<Touchpoint, 'stage' | 'phase' | 'channel'>;
  rows: TouchpointConversation[];
  page: number;
  hasNext: boolean;
  timeZone: string;
  flowTitle: (id: string | null) => string;
}> = ({ period, touchpoint, rows, page, hasNext, timeZone, flowTitle }) => (
  <>
    <h1>{touchpointName(touchpoint)}</h1>
    <p>
      <a href={href('/journey', periodParams(period))}>← Về hành trình khách</a> <span class="muted small">· {periodLabel(period)}</span>
    </p>
    {rows.length === 0 ? <p class="muted">Không có hội thoại nào.</p> : null}
    <div class="scroll panel">
      <table>
        <thead>
          <tr>
            <th>Bắt đầu</th>
            <th>Khách</th>
            <th>Luồng</th>
            <th>Kết quả</th>
            <th>Điểm</th>
            <th class="num">Phản hồi đầu</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr class={row.score !== null && row.score <= 2 ? 'low' : undefined}>
              <td class="name">{formatLocalTime(row.startedAt, timeZone)}</td>
              <td>
                <a href={customerHref(row.customerId)}>{row.customerName ?? 'Khách'}</a>
              </td>
              <td>{flowTitle(row.entryFlow)}</td>
              <td>{row.status === 'open' ? OUTCOME_LABELS.open : label(OUTCOME_LABELS, row.outcome)}</td>
              <td>
                <Stars score={row.score} />
                {row.comment ? <div class="small">“{row.comment}”</div> : null}
              </td>
              <td class="num">{formatDuration(row.firstResponseMs)}</td>
              <td>
                <a href={conversationHref(row.id)}>Xem →</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <Pager path="/journey/touchpoint" params={{ ...periodParams(period), stage: touchpoint.stage ?? 'none', phase: touchpoint.phase ?? 'none', channel: touchpoint.channel }} page={page} hasNext={hasNext} />
  </>
);
