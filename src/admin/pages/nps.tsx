import type { FC } from 'hono/jsx';
import { formatCount, formatShare, ratio } from '../format';
import { npsGroupOf, npsScore, type NpsAnswer, type NpsMonth, type NpsReason } from '../reports/nps';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref, href } from './href';
import { Pager } from './parts';

export interface NpsPageProps {
  months: NpsMonth[];
  answers: NpsAnswer[];
  /** The reasons grouped by their words, unhappy customers' first. */
  reasons: NpsReason[];
  page: number;
  hasNext: boolean;
  timeZone: string;
  /** Whether shop.yaml asks the question at all (after_sale.nps.enabled). */
  asking: boolean;
  periodDays: number;
}

const GROUP_WORDS = { promoter: 'Ủng hộ (9–10)', passive: 'Trung lập (7–8)', detractor: 'Không hài lòng (0–6)' } as const;

export function formatNps(score: number | null): string {
  return score === null ? '–' : `${score > 0 ? '+' : ''}${Math.round(score)}`;
}

export const NpsPage: FC<NpsPageProps> = ({ months, answers, reasons, page, hasNext, timeZone, asking, periodDays }) => {
  const total = months.reduce((sum, month) => ({ answers: sum.answers + month.answers, promoters: sum.promoters + month.promoters, detractors: sum.detractors + month.detractors }), { answers: 0, promoters: 0, detractors: 0 });
  return (
    <>
      <h1>Khách có giới thiệu shop không (NPS)</h1>
      <p class="small muted">
        {asking
          ? `Bot hỏi “có giới thiệu shop cho người quen không, 0–10 điểm” trong tin hỏi thăm sau khi giao, mỗi khách nhiều nhất một lần trong ${periodDays} ngày.`
          : 'Câu hỏi NPS đang tắt trong shop.yaml (after_sale.nps.enabled).'}{' '}
        NPS = % khách ủng hộ (9–10) − % khách không hài lòng (0–6), từ −100 đến +100. <a href={href('/export/nps.csv')}>Tải CSV các câu trả lời</a>
      </p>
      <div class="cards">
        <div class="card">
          <div class="name">NPS 12 tháng</div>
          <div class="value">{formatNps(npsScore(total.promoters, total.detractors, total.answers))}</div>
          <div class="before">{formatCount(total.answers)} câu trả lời</div>
        </div>
      </div>
      <h2>Theo tháng</h2>
      <div class="scroll panel">
        <table>
          <thead>
            <tr>
              <th>Tháng</th>
              <th class="num">Trả lời</th>
              <th class="num">{GROUP_WORDS.promoter}</th>
              <th class="num">{GROUP_WORDS.passive}</th>
              <th class="num">{GROUP_WORDS.detractor}</th>
              <th class="num">NPS</th>
              <th style="min-width:160px"></th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr>
                <td class="name">{month.month.slice(5)}/{month.month.slice(0, 4)}</td>
                <td class="num">{formatCount(month.answers)}</td>
                <td class="num">
                  {formatCount(month.promoters)} <span class="muted small">{formatShare(ratio(month.promoters, month.answers))}</span>
                </td>
                <td class="num">
                  {formatCount(month.passives)} <span class="muted small">{formatShare(ratio(month.passives, month.answers))}</span>
                </td>
                <td class="num">
                  {formatCount(month.detractors)} <span class="muted small">{formatShare(ratio(month.detractors, month.answers))}</span>
                </td>
                <td class="num">
                  <b>{formatNps(month.score)}</b>
                </td>
                <td>
                  <Bar month={month} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Lý do thường gặp (12 tháng)</h2>
      {reasons.length === 0 ? (
        <p class="muted">Chưa có khách nào nêu lý do.</p>
      ) : (
        <div class="scroll panel">
          <table>
            <thead>
              <tr>
                <th>Lý do</th>
                <th class="num">Lượt</th>
                <th class="num">{GROUP_WORDS.detractor}</th>
                <th class="num">{GROUP_WORDS.passive}</th>
                <th class="num">{GROUP_WORDS.promoter}</th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((reason) => (
                <tr class={reason.detractors > reason.promoters ? 'low' : undefined}>
                  <td>“{reason.text}”</td>
                  <td class="num">{formatCount(reason.answers)}</td>
                  <td class="num">{formatCount(reason.detractors)}</td>
                  <td class="num">{formatCount(reason.passives)}</td>
                  <td class="num">{formatCount(reason.promoters)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Từng câu trả lời có lý do (mới nhất trước)</h2>
      {answers.length === 0 ? <p class="muted">Chưa có khách nào nêu lý do.</p> : null}
      <div class="list">
        {answers.map((answer) => {
          const group = npsGroupOf(answer.score);
          return (
            <article class={group === 'detractor' ? 'item low' : 'item'}>
              <header>
                <b>{answer.score}/10</b>
                <span class={`badge ${group === 'promoter' ? 'completed' : group === 'detractor' ? 'low' : 'open'}`}>{GROUP_WORDS[group]}</span>
                <a href={customerHref(answer.customerId)}>{answer.customerName ?? 'Khách'}</a>
                <span class="muted small">{formatLocalTime(answer.at, timeZone)}</span>
              </header>
              {answer.reason ? <p style="margin:4px 0">“{answer.reason}”</p> : null}
              <a href={conversationHref(answer.conversationId)}>Xem hội thoại →</a>
            </article>
          );
        })}
      </div>
      <Pager path="/nps" params={{}} page={page} hasNext={hasNext} />
    </>
  );
};

/** Promoters, passives and detractors of a month as one bar, green–grey–red. */
const Bar: FC<{ month: NpsMonth }> = ({ month }) => {
  if (month.answers === 0) return <span class="muted small">chưa có</span>;
  const width = (part: number) => `${(part / month.answers) * 100}%`;
  return (
    <div style="display:flex;height:14px;border-radius:4px;overflow:hidden;background:#eee" role="img" aria-label={`${month.promoters} ủng hộ, ${month.passives} trung lập, ${month.detractors} không hài lòng`}>
      <span style={`width:${width(month.promoters)};background:#1f7a4d`}></span>
      <span style={`width:${width(month.passives)};background:#c9c4b5`}></span>
      <span style={`width:${width(month.detractors)};background:#b3261e`}></span>
    </div>
  );
};
