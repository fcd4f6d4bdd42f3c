import type { FC } from 'hono/jsx';
import { ScoreDistribution } from '../charts/score-distribution';
import { WeeklyScores } from '../charts/weekly-scores';
import { formatCount, formatScore, formatShare, ratio } from '../format';
import { CHANNEL_LABELS, label } from '../../labels';
import { periodLabel, periodParams, type Period } from '../period';
import { LOW_SCORE, type SatisfactionComment, type ScoreGroup, type WeekScores } from '../reports/satisfaction';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref } from './href';
import { conversationsLink, Pager, PeriodPicker, Stars } from './parts';

export interface SatisfactionPageProps {
  period: Period;
  problem?: string | undefined;
  weeks: WeekScores[];
  distribution: number[];
  byFlow: ScoreGroup[];
  byChannel: ScoreGroup[];
  /** Product scores from the after-sale check-ins, apart from the conversations' scores. */
  products?: (ScoreGroup & { name: string })[];
  flowTitle: (id: string | null) => string;
  comments: SatisfactionComment[];
  page: number;
  hasNext: boolean;
  timeZone: string;
}

export const SatisfactionPage: FC<SatisfactionPageProps> = (props) => {
  const { period, weeks, byFlow, byChannel, comments, timeZone } = props;
  return (
    <>
      <h1>Mức hài lòng · {periodLabel(period)}</h1>
      <PeriodPicker path="/satisfaction" period={period} problem={props.problem} />
      <div class="grid2">
        <section>
          <h2>Theo tuần (12 tuần tới hết khoảng đã chọn)</h2>
          <div class="panel">
            <WeeklyScores weeks={weeks} />
            <p class="small muted">Cột: điểm trung bình của tuần (bắt đầu thứ Hai). Số dưới cột: lượt chấm.</p>
          </div>
        </section>
        <section>
          <h2>Phân bố điểm</h2>
          <div class="panel">
            <ScoreDistribution counts={props.distribution} />
          </div>
        </section>
      </div>
      <div class="grid2">
        <section>
          <h2>Theo luồng bắt đầu</h2>
          <ScoreTable groups={byFlow} name={props.flowTitle} filter={(key) => conversationsLink(period, key ? { flow: key } : {})} />
        </section>
        <section>
          <h2>Theo kênh</h2>
          <ScoreTable groups={byChannel} name={(key) => label(CHANNEL_LABELS, key)} filter={(key) => conversationsLink(period, key ? { channel: key } : {})} />
        </section>
      </div>
      {props.products ? (
        <section>
          <h2>Điểm sản phẩm (hỏi thăm sau khi giao)</h2>
          {props.products.length === 0 ? (
            <p class="muted">Chưa có khách nào chấm sản phẩm trong khoảng này.</p>
          ) : (
            <div class="scroll panel">
              <table>
                <thead>
                  <tr>
                    <th></th>
                    <th class="num">Điểm TB</th>
                    <th class="num">Lượt chấm</th>
                    <th class="num">Điểm thấp</th>
                  </tr>
                </thead>
                <tbody>
                  {props.products.map((row) => (
                    <tr>
                      <td class="name">{row.name}</td>
                      <td class="num">{formatScore(row.average)}</td>
                      <td class="num">{formatCount(row.scored)}</td>
                      <td class="num">{formatCount(row.low)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p class="small muted">Điểm khách chấm sản phẩm khi bot hỏi thăm sau ngày giao; không tính vào điểm hài lòng của cuộc trò chuyện ở trên.</p>
        </section>
      ) : null}
      <h2>Góp ý của khách (mới nhất trước)</h2>
      {comments.length === 0 ? <p class="muted">Chưa có góp ý nào trong khoảng này.</p> : null}
      <div class="list">
        {comments.map((comment) => {
          const low = comment.score !== null && comment.score <= LOW_SCORE;
          return (
            <article class={low ? 'item low' : 'item'}>
              <header>
                <Stars score={comment.score} />
                {low ? <span class="badge low">điểm thấp</span> : null}
                <a href={customerHref(comment.customerId)}>{comment.customerName ?? 'Khách'}</a>
                <span class="muted small">
                  {label(CHANNEL_LABELS, comment.channel)} · {props.flowTitle(comment.entryFlow)} · {formatLocalTime(comment.at, timeZone)}
                </span>
              </header>
              <p style="margin:4px 0">“{comment.comment}”</p>
              <a href={conversationHref(comment.conversationId)}>Xem hội thoại →</a>
            </article>
          );
        })}
      </div>
      <Pager path="/satisfaction" params={periodParams(period)} page={props.page} hasNext={props.hasNext} />
    </>
  );
};

const ScoreTable: FC<{ groups: ScoreGroup[]; name: (key: string | null) => string; filter: (key: string | null) => string }> = ({ groups, name, filter }) =>
  groups.length === 0 ? (
    <p class="muted">Chưa có dữ liệu.</p>
  ) : (
    <div class="scroll panel">
      <table>
        <thead>
          <tr>
            <th></th>
            <th class="num">Điểm TB</th>
            <th class="num">Lượt chấm</th>
            <th class="num">Tỉ lệ chấm</th>
            <th class="num">Điểm thấp</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr>
              <td class="name">
                <a href={filter(group.key)}>{name(group.key)}</a>
              </td>
              <td class="num">{formatScore(group.average)}</td>
              <td class="num">{formatCount(group.scored)}</td>
              <td class="num">{formatShare(ratio(group.answered, group.closed))}</td>
              <td class="num">{formatCount(group.low)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
