import type { FC } from 'hono/jsx';
import { formatCount, formatMoney, formatShare, ratio } from '../format';
import { CHANNEL_LABELS, label } from '../../labels';
import type { LapsedCustomer, Reach } from '../reports/churn';
import type { Cohort } from '../reports/cohorts';
import { formatLocalTime } from '../zoned-time';
import { customerHref, href } from './href';

export interface ChurnPageProps {
  cohorts: Cohort[];
  lapsed: LapsedCustomer[];
  timeZone: string;
  csrf: string;
  /** What the last reminder tap did, in words for the owner. */
  notice?: { ok: boolean; text: string } | undefined;
}

/** Why the bot cannot write first, in the owner's words. */
export const REACH_WORDS: Record<Reach, string> = {
  reachable: 'Nhắn được',
  opted_out: 'Khách đã xin dừng nhận tin',
  blocked: 'Khách đã chặn bot',
  outside_window: 'Quá 24 giờ từ tin cuối của khách: nền tảng không cho bot nhắn trước',
  no_channel: 'Kênh này không nhắn trước được',
};

/** The list is sorted with the best customers first; the rest are counted, not shown. */
const SHOWN = 50;

export const ChurnPage: FC<ChurnPageProps> = ({ cohorts, lapsed, timeZone, csrf, notice }) => (
  <>
    <h1>Mua lại và khách lâu chưa quay lại</h1>
    {notice ? <p class={notice.ok ? 'banner ok' : 'banner error'}>{notice.text}</p> : null}
    <h2>Lâu chưa quay lại ({formatCount(lapsed.length)})</h2>
    <p class="small muted">
      Khách đã quá 1,5 lần khoảng cách mua quen thuộc: khoảng giữa các đơn của chính khách (từ 3 đơn trở lên), nếu chưa đủ thì số ngày dùng hết của sản phẩm (reorder_days trong shop.yaml). Bấm “Nhắc mua lại” để bot gửi tin nhắc như đơn trước.
    </p>
    {lapsed.length === 0 ? (
      <p class="muted">Không có khách nào quá hạn mua lại.</p>
    ) : (
      <div class="scroll panel">
        <table>
          <thead>
            <tr>
              <th>Khách</th>
              <th>Kênh</th>
              <th class="num">Đơn</th>
              <th class="num">Đã mua</th>
              <th>Đơn gần nhất</th>
              <th class="num">Thường mua lại sau</th>
              <th class="num">Đã qua</th>
              <th>Nhắc</th>
            </tr>
          </thead>
          <tbody>
            {lapsed.slice(0, SHOWN).map((row) => (
              <tr>
                <td class="name">
                  <a href={customerHref(row.id)}>{row.name ?? 'Khách'}</a>
                </td>
                <td>{label(CHANNEL_LABELS, row.channel)}</td>
                <td class="num">{formatCount(row.orders)}</td>
                <td class="num">{formatMoney(row.spent)}</td>
                <td class="name">
                  {row.lastOrderCode} <span class="muted small">{formatLocalTime(row.lastOrderAt, timeZone).slice(0, 10)}</span>
                </td>
                <td class="num">
                  {formatCount(row.usualDays)} ngày <span class="muted small">{row.usualFrom === 'history' ? '(theo khách)' : '(theo sản phẩm)'}</span>
                </td>
                <td class="num">{formatCount(row.daysSince)} ngày</td>
                <td>
                  {row.reminded ? (
                    <span class="badge completed">Đã hẹn nhắc</span>
                  ) : row.reach === 'reachable' ? (
                    <form method="post" action={href('/churn/remind')} style="margin:0">
                      <input type="hidden" name="_csrf" value={csrf} />
                      <input type="hidden" name="customer" value={row.id} />
                      <button type="submit">Nhắc mua lại</button>
                    </form>
                  ) : (
                    <span class="small muted">{REACH_WORDS[row.reach]}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {lapsed.length > SHOWN ? <p class="small muted">Và {formatCount(lapsed.length - SHOWN)} khách mua ít hơn hoặc mới quá hạn ít hơn.</p> : null}
      </div>
    )}
    <h2>Mua lại theo tháng đơn đầu tiên</h2>
    <p class="small muted">Mỗi dòng là những khách đặt đơn đầu tiên trong tháng đó; các cột là tỉ lệ đã đặt đơn thứ hai. Tháng gần đây chưa đủ thời gian nên tỉ lệ còn thấp.</p>
    {cohorts.length === 0 ? (
      <p class="muted">Chưa có đơn hàng nào.</p>
    ) : (
      <div class="scroll panel">
        <table>
          <thead>
            <tr>
              <th>Tháng đơn đầu</th>
              <th class="num">Khách</th>
              <th class="num">Mua lại ≤30 ngày</th>
              <th class="num">≤60 ngày</th>
              <th class="num">≤90 ngày</th>
              <th class="num">Đến nay</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((row) => (
              <tr>
                <td class="name">
                  {row.month.slice(5)}/{row.month.slice(0, 4)}
                </td>
                <td class="num">{formatCount(row.customers)}</td>
                <td class="num">{formatShare(ratio(row.within30, row.customers))}</td>
                <td class="num">{formatShare(ratio(row.within60, row.customers))}</td>
                <td class="num">{formatShare(ratio(row.within90, row.customers))}</td>
                <td class="num">{formatShare(ratio(row.ever, row.customers))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);
