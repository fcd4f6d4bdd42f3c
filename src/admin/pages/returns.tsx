import type { FC } from 'hono/jsx';
import type { AdminSession } from '../auth/session';
import { filterParams, type ReturnQuery } from '../filters';
import { CHANNEL_LABELS, label, PROBLEM_LABELS, RESOLUTION_LABELS, RETURN_LABELS } from '../../labels';
import { RETURN_STATUSES, type ReturnRequestRow } from '../reports/returns';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref, href, orderHref } from './href';
import { Badge, Options, Pager, DateRangeFields } from './parts';
import { PhotoReference } from './transcript';

export interface ReturnsPageProps {
  query: ReturnQuery;
  rows: ReturnRequestRow[];
  hasNext: boolean;
  session: AdminSession;
  back: string;
  notice?: { tone: 'ok' | 'error'; text: string } | undefined;
  timeZone: string;
}

export const ReturnsPage: FC<ReturnsPageProps> = ({ query, rows, hasNext, session, back, notice, timeZone }) => {
  const params = filterParams(query);
  return (
    <>
      <h1>Yêu cầu đổi trả</h1>
      {notice ? (
        <p class={`banner ${notice.tone}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <form method="get" action={href('/returns')} class="filters">
        <label>
          Trạng thái
          <select name="status">
            <Options values={RETURN_STATUSES} labels={RETURN_LABELS} selected={query.status} all="Tất cả" />
          </select>
        </label>
        <DateRangeFields from={query.from} to={query.to} />
        <label>
          Mã đơn
          <input type="search" name="q" value={query.q ?? ''} maxlength={20} />
        </label>
        <div class="actions" style="margin:0">
          <button type="submit">Lọc</button>
          <a class="button secondary" href={href('/export/returns.csv', params)} download>
            Tải CSV
          </a>
        </div>
      </form>
      {rows.length === 0 ? <p class="muted">Không có yêu cầu nào khớp bộ lọc.</p> : null}
      <div class="list">
        {rows.map((request) => (
          <article class={request.status === 'open' ? 'item low' : 'item'} id={`return-${request.id}`}>
            <header>
              <strong>
                Đơn <a href={orderHref(request.order_code)}>{request.order_code}</a>
              </strong>
              <Badge value={request.status} labels={RETURN_LABELS} />
              <span class="muted small">
                {formatLocalTime(request.created_at, timeZone)} · <a href={customerHref(request.customer_id)}>{request.customer_name ?? 'Khách'}</a> ·{' '}
                {label(CHANNEL_LABELS, request.channel)}
              </span>
            </header>
            <div>
              <strong>Vấn đề:</strong> {label(PROBLEM_LABELS, request.problem)}
            </div>
            <div>
              <strong>Khách muốn:</strong> {label(RESOLUTION_LABELS, request.resolution)}
            </div>
            <div class="small">
              Ảnh:{' '}
              {photosOf(request.photos).length === 0
                ? 'không có'
                : photosOf(request.photos).map((photo, index) => (
                    <>
                      {index > 0 ? ', ' : ''}
                      <PhotoReference reference={photo} />
                    </>
                  ))}
              {request.conversation_id ? (
                <>
                  {' '}
                  · <a href={conversationHref(request.conversation_id)}>hội thoại</a>
                </>
              ) : null}
            </div>
            <form method="post" action={href(`/returns/${encodeURIComponent(request.id)}/status`)} class="status-form">
              <input type="hidden" name="_csrf" value={session.csrf} />
              <input type="hidden" name="back" value={back} />
              <label>
                Trạng thái
                <select name="status">
                  {RETURN_STATUSES.map((status) => (
                    <option value={status} selected={status === request.status}>
                      {RETURN_LABELS[status]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">Lưu và báo khách</button>
            </form>
          </article>
        ))}
      </div>
      <Pager path="/returns" params={params} page={query.page} hasNext={hasNext} />
    </>
  );
};

export function photosOf(photos: string): string[] {
  try {
    const list: unknown = JSON.parse(photos);
    return Array.isArray(list) ? list.map(String) : [];
  } catch {
    return [];
  }
}
