import type { FC } from 'hono/jsx';
import { ScoreDistribution } from '../charts/score-distribution';
import { formatCount } from '../format';
import { CHANNEL_LABELS, label } from '../../labels';
import { periodLabel, type Period } from '../period';
import { ALL_CHANNELS, figuresOf, type Overview } from '../reports/overview';
import { formatDay } from '../zoned-time';
import { href } from './href';
import { changeOf, OVERVIEW_METRICS, type Metric } from './overview-metrics';
import { conversationsLink, PeriodPicker, periodLink } from './parts';

export interface OverviewPageProps {
  period: Period;
  previous: Period;
  problem?: string | undefined;
  now: Overview;
  before: Overview;
  openReturns: number;
}

export const OverviewPage: FC<OverviewPageProps> = ({ period, previous, problem, now, before, openReturns }) => {
  const all = figuresOf(now, ALL_CHANNELS);
  const allBefore = figuresOf(before, ALL_CHANNELS);
  const channels = [...new Set([...now.channels, ...before.channels])].filter((channel) => figuresOf(now, channel).conversations + figuresOf(before, channel).conversations + figuresOf(now, channel).orders > 0);
  return (
    <>
      <h1>Tổng quan · {periodLabel(period)}</h1>
      <PeriodPicker path="" period={period} problem={problem} />
      <p class="muted small">
        So với {formatDay(previous.firstDay)}
        {previous.firstDay === previous.lastDay ? '' : ` – ${formatDay(previous.lastDay)}`} (cùng độ dài, ▲▼ xanh là tốt lên, đỏ là kém đi).
      </p>
      <div class="cards">
        {OVERVIEW_METRICS.map((metric) => (
          <MetricCard metric={metric} now={metric.value(all)} before={metric.value(allBefore)} />
        ))}
        <div class="card">
          <div class="name">Đổi trả đang chờ xử lý</div>
          <div class="value">
            <a href={href('/returns', { status: 'open' })}>{formatCount(openReturns)}</a>
          </div>
          <div class="before">tính đến bây giờ</div>
        </div>
      </div>

      <div class="grid2">
        <section>
          <h2>Điểm hài lòng (1–5 sao)</h2>
          <div class="panel">
            <ScoreDistribution counts={all.distribution} />
            <p class="small muted">
              {formatCount(all.scored)} lượt chấm · <a href={periodLink('/satisfaction', period)}>xem chi tiết và góp ý</a>
            </p>
          </div>
        </section>
        <section>
          <h2>Hội thoại theo kết quả</h2>
          <div class="panel">
            <ul>
              <li>
                <a href={conversationsLink(period, { outcome: 'completed' })}>Hoàn tất</a>: {formatCount(all.completed)}
              </li>
              <li>
                <a href={conversationsLink(period, { outcome: 'abandoned' })}>Bỏ dở</a>: {formatCount(all.abandoned)} ·{' '}
                <a href={periodLink('/flows', period)}>xem khách bỏ ở bước nào</a>
              </li>
              <li>
                <a href={conversationsLink(period, { outcome: 'handed_over' })}>Chuyển người thật</a>: {formatCount(all.handedOver)}
              </li>
              <li>
                <a href={conversationsLink(period, { outcome: 'open' })}>Đang diễn ra</a>: {formatCount(all.conversations - all.closed)}
              </li>
            </ul>
          </div>
        </section>
      </div>

      <h2>Theo kênh</h2>
      {channels.length === 0 ? (
        <p class="muted">Chưa có hội thoại nào trong khoảng này.</p>
      ) : (
        <div class="scroll panel">
          <table>
            <thead>
              <tr>
                <th></th>
                {[...channels, ALL_CHANNELS].map((channel) => (
                  <th class="num">{label(CHANNEL_LABELS, channel)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {OVERVIEW_METRICS.map((metric) => (
                <tr>
                  <th>{metric.name}</th>
                  {[...channels, ALL_CHANNELS].map((channel) => {
                    const value = metric.value(figuresOf(now, channel));
                    const change = changeOf(metric, value, metric.value(figuresOf(before, channel)));
                    return (
                      <td class="num">
                        {metric.format(value)}
                        <br />
                        <span class={`delta ${change.tone}`}>{change.text}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

const MetricCard: FC<{ metric: Metric; now: number | null; before: number | null }> = ({ metric, now, before }) => {
  const change = changeOf(metric, now, before);
  return (
    <div class="card">
      <div class="name">{metric.name}</div>
      <div class="value">{metric.format(now)}</div>
      <div class={`delta ${change.tone}`}>{change.text}</div>
      <div class="before">trước: {metric.format(before)}</div>
    </div>
  );
};
