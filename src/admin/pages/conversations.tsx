import type { FC } from 'hono/jsx';
import { formatCount } from '../format';
import { filterParams, type ConversationQuery } from '../filters';
import { CHANNEL_LABELS, label, OUTCOME_LABELS, STAGE_LABELS } from '../../labels';
import type { TouchpointRow } from '../reports/conversations';
import { OUTCOMES } from '../reports/conversations';
import { KNOWN_CHANNELS } from '../reports/range';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref, href } from './href';
import { Badge, Options, Pager, Stars, DateRangeFields } from './parts';

export interface ConversationsPageProps {
  query: ConversationQuery;
  rows: TouchpointRow[];
  hasNext: boolean;
  flows: { id: string; title: string }[];
  flowTitle: (id: string | null) => string;
  timeZone: string;
}

const SCORE_LABELS: Record<string, string> = { '5': '5 sao', '4': '4 sao', '3': '3 sao', '2': '2 sao', '1': '1 sao', low: 'Điểm thấp (1–2)', none: 'Không chấm' };

export const ConversationsPage: FC<ConversationsPageProps> = ({ query, rows, hasNext, flows, flowTitle, timeZone }) => {
  const params = filterParams(query);
  return (
    <>
      <h1>Hội thoại</h1>
      <form method="get" action={href('/conversations')} class="filters">
        <label>
          Kênh
          <select name="channel">
            <Options values={KNOWN_CHANNELS} labels={CHANNEL_LABELS} selected={query.channel} all="Tất cả" />
          </select>
        </label>
        <label>
          Luồng bắt đầu
          <select name="flow">
            <Options values={flows.map((flow) => flow.id)} labels={Object.fromEntries(flows.map((flow) => [flow.id, flow.title]))} selected={query.flow} all="Tất cả" />
          </select>
        </label>
        <label>
          Kết quả
          <select name="outcome">
            <Options values={OUTCOMES} labels={OUTCOME_LABELS} selected={query.outcome} all="Tất cả" />
          </select>
        </label>
        <label>
          Điểm
          <select name="score">
            <Options values={Object.keys(SCORE_LABELS)} labels={SCORE_LABELS} selected={query.score} all="Tất cả" />
          </select>
        </label>
        <DateRangeFields from={query.from} to={query.to} />
        <label>
          Có chữ
          <input type="search" name="q" value={query.q ?? ''} placeholder="vd: ship, hư, đổi" maxlength={100} />
        </label>
        <div class="actions" style="margin:0">
          <button type="submit">Lọc</button>
          <a class="button secondary" href={href('/conversations')}>
            Bỏ lọc
          </a>
        </div>
      </form>
      <p class="actions">
        <a class="button secondary" href={href('/export/conversations.csv', params)} download>
          Tải CSV (Excel)
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="muted">Không có hội thoại nào khớp bộ lọc.</p>
      ) : (
        <div class="scroll panel">
          <table>
            <thead>
              <tr>
                <th>Bắt đầu</th>
                <th>Khách</th>
                <th>Kênh</th>
                <th>Luồng</th>
                <th>Giai đoạn</th>
                <th>Kết quả</th>
                <th>Điểm</th>
                <th class="num">Tin</th>
                <th>Góp ý</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr class={row.score !== null && row.score <= 2 ? 'low' : undefined}>
                  <td>
                    <a href={conversationHref(row.id)}>{formatLocalTime(row.startedAt, timeZone)}</a>
                  </td>
                  <td>
                    <a href={customerHref(row.customerId)}>{row.customerName ?? 'Khách'}</a>
                  </td>
                  <td>{label(CHANNEL_LABELS, row.channel)}</td>
                  <td>{flowTitle(row.entryFlow)}</td>
                  <td>{label(STAGE_LABELS, row.stage)}</td>
                  <td>
                    <Badge value={row.status === 'open' ? 'open' : row.outcome} labels={OUTCOME_LABELS} />
                  </td>
                  <td>
                    <Stars score={row.score} />
                  </td>
                  <td class="num">{formatCount(row.messageCount)}</td>
                  <td class="small">{row.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/conversations" params={params} page={query.page} hasNext={hasNext} />
    </>
  );
};
