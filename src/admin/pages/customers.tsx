import type { FC } from 'hono/jsx';
import { formatCount, formatScore } from '../format';
import type { CustomerQuery } from '../filters';
import { CHANNEL_LABELS, label } from '../../labels';
import type { CustomerRow } from '../reports/customers';
import { formatLocalTime } from '../zoned-time';
import { customerHref, href } from './href';
import { Pager } from './parts';

export const CustomersPage: FC<{ query: CustomerQuery; rows: CustomerRow[]; hasNext: boolean; timeZone: string }> = ({ query, rows, hasNext, timeZone }) => (
  <>
    <h1>Khách hàng</h1>
    <form method="get" action={href('/customers')} class="filters">
      <label>
        Tên hoặc số điện thoại
        <input type="search" name="q" value={query.q ?? ''} maxlength={100} />
      </label>
      <div class="actions" style="margin:0">
        <button type="submit">Tìm</button>
      </div>
    </form>
    {rows.length === 0 ? (
      <p class="muted">Không có khách nào.</p>
    ) : (
      <div class="scroll panel">
        <table>
          <thead>
            <tr>
              <th>Khách</th>
              <th>Kênh</th>
              <th>Lần đầu</th>
              <th>Gần nhất</th>
              <th class="num">Hội thoại</th>
              <th class="num">Đơn</th>
              <th class="num">Điểm TB</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <a href={customerHref(row.id)}>{row.name ?? row.id}</a>
                </td>
                <td>{label(CHANNEL_LABELS, row.channel)}</td>
                <td class="small">{formatLocalTime(row.firstSeenAt, timeZone)}</td>
                <td class="small">{formatLocalTime(row.lastSeenAt, timeZone)}</td>
                <td class="num">{formatCount(row.conversations)}</td>
                <td class="num">{formatCount(row.orders)}</td>
                <td class="num">{formatScore(row.averageScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pager path="/customers" params={{ q: query.q }} page={query.page} hasNext={hasNext} />
  </>
);
