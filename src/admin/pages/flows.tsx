import type { FC } from 'hono/jsx';
import { Funnel } from '../charts/funnel';
import { formatCount, formatScore, formatShare, ratio } from '../format';
import { periodLabel, type Period } from '../period';
import type { FallbackGroup, FlowTouchpoints, FunnelStep } from '../reports/flows';
import { conversationsLink, PeriodPicker } from './parts';

export interface FlowSummary {
  id: string;
  title: string;
  start: string;
  /** Still in flows/; older conversations may name a flow removed since. */
  known: boolean;
  touchpoints: FlowTouchpoints | undefined;
  funnel: FunnelStep[];
}

export interface FlowsPageProps {
  period: Period;
  problem?: string | undefined;
  flows: FlowSummary[];
  fallbacks: { groups: FallbackGroup[]; total: number };
}

export const FlowsPage: FC<FlowsPageProps> = ({ period, problem, flows, fallbacks }) => (
  <>
    <h1>Luồng hội thoại · {periodLabel(period)}</h1>
    <PeriodPicker path="/flows" period={period} problem={problem} />
    <p class="muted small">
      Mỗi thanh là số hội thoại đã tới bước đó (và phần trăm so với bước đầu). Số đỏ <span style="color:#b3261e">−n</span> là số khách bỏ dở ngay ở bước đó: nên xem lại câu chữ hoặc câu hỏi của bước này.
    </p>
    <div class="grid2">
      {flows.map((flow) => {
        const stats = flow.touchpoints;
        return (
          <section class="panel" id={`flow-${flow.id}`}>
            <h3>
              {flow.title} <span class="muted small">({flow.id})</span>
            </h3>
            {flow.known ? null : <p class="small muted">Luồng này không còn trong thư mục flows/.</p>}
            <p class="small">
              <a href={conversationsLink(period, { flow: flow.id })}>{formatCount(stats?.conversations ?? 0)} hội thoại bắt đầu ở đây</a> · hoàn tất{' '}
              {formatShare(ratio(stats?.completed ?? 0, stats?.closed ?? 0))} · bỏ dở {formatCount(stats?.abandoned ?? 0)} · hài lòng {formatScore(stats?.average ?? null)}
              {stats && stats.scored > 0 ? ` (${formatCount(stats.scored)} lượt)` : ''}
            </p>
            {flow.funnel.some((step) => step.reached > 0) ? <Funnel steps={flow.funnel} start={flow.start} /> : <p class="muted small">Chưa có khách nào vào luồng này trong khoảng đã chọn.</p>}
          </section>
        );
      })}
    </div>
    <h2>Câu khách viết mà bot chưa hiểu</h2>
    <p class="muted small">
      {formatCount(fallbacks.total)} lần trong khoảng này. Thêm các câu hay gặp vào <code>triggers</code> của luồng phù hợp trong <code>flows/*.yaml</code> để bot hiểu lần sau.
    </p>
    {fallbacks.groups.length === 0 ? (
      <p class="muted">Không có câu nào.</p>
    ) : (
      <div class="scroll panel">
        <table>
          <thead>
            <tr>
              <th>Khách viết</th>
              <th class="num">Số lần</th>
              <th class="num">Cách viết khác</th>
            </tr>
          </thead>
          <tbody>
            {fallbacks.groups.map((group) => (
              <tr>
                <td>
                  <a href={conversationsLink(period, { q: group.text })}>{group.text}</a>
                </td>
                <td class="num">{formatCount(group.times)}</td>
                <td class="num">{group.spellings > 1 ? formatCount(group.spellings - 1) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);
