import type { FC } from 'hono/jsx';
import type { AdminSession } from '../auth/session';
import { formatMoney, formatPhone } from '../format';
import { filterParams, type OrderQuery } from '../filters';
import { CHANNEL_LABELS, label, PAYMENT_LABELS, PAYMENT_METHOD_LABELS, SHIPPING_LABELS } from '../../labels';
import { PAYMENT_STATUSES, SHIPPING_STATUSES, type OrderRow } from '../reports/orders';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref, href } from './href';
import { Badge, Options, Pager, DateRangeFields } from './parts';

export interface OrdersPageProps {
  query: OrderQuery;
  rows: OrderRow[];
  hasNext: boolean;
  session: AdminSession;
  /** The page itself with its filters, where a status change comes back to. */
  back: string;
  notice?: { tone: 'ok' | 'error'; text: string } | undefined;
  timeZone: string;
}

export const OrdersPage: FC<OrdersPageProps> = ({ query, rows, hasNext, session, back, notice, timeZone }) => {
  const params = filterParams(query);
  return (
    <>
      <h1>Đơn hàng</h1>
      {notice ? (
        <p class={`banner ${notice.tone}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <form method="get" action={href('/orders')} class="filters">
        <label>
          Thanh toán
          <select name="payment">
            <Options values={PAYMENT_STATUSES} labels={PAYMENT_LABELS} selected={query.payment} all="Tất cả" />
          </select>
        </label>
        <label>
          Giao hàng
          <select name="shipping">
            <Options values={SHIPPING_STATUSES} labels={SHIPPING_LABELS} selected={query.shipping} all="Tất cả" />
          </select>
        </label>
        <DateRangeFields from={query.from} to={query.to} />
        <label>
          Mã đơn hoặc tên người nhận
          <input type="search" name="q" value={query.q ?? ''} maxlength={100} />
        </label>
        <div class="actions" style="margin:0">
          <button type="submit">Lọc</button>
          <a class="button secondary" href={href('/export/orders.csv', params)} download>
            Tải CSV
          </a>
        </div>
      </form>
      {rows.length === 0 ? <p class="muted">Không có đơn nào khớp bộ lọc.</p> : null}
      <div class="list">
        {rows.map((order) => (
          <article class="item" id={`order-${order.code}`}>
            <header>
              <strong>{order.code}</strong>
              <span>{formatMoney(order.total)}</span>
              <Badge value={order.payment_status} labels={PAYMENT_LABELS} />
              <Badge value={order.shipping_status} labels={SHIPPING_LABELS} />
              <span class="muted small">
                {formatLocalTime(order.created_at, timeZone)} · {label(CHANNEL_LABELS, order.channel)}
              </span>
            </header>
            <div class="small">
              {itemsOf(order.items)} · tiền hàng {formatMoney(order.subtotal)}
              {order.discount > 0 ? ` · giảm ${formatMoney(order.discount)}` : ''} · ship {formatMoney(order.shipping_fee)}
              {order.promo_code ? ` · mã ${order.promo_code}` : ''}
            </div>
            <div class="small">
              <a href={customerHref(order.customer_id)}>{order.contact_name}</a> · {formatPhone(order.phone)} · {order.address}
              {order.province ? `, ${order.province}` : ''} · {label(PAYMENT_METHOD_LABELS, order.payment_method)}
              {order.note ? ` · ghi chú: ${order.note}` : ''}
              {order.conversation_id ? (
                <>
                  {' '}
                  · <a href={conversationHref(order.conversation_id)}>hội thoại</a>
                </>
              ) : null}
            </div>
            <form method="post" action={href(`/orders/${encodeURIComponent(order.code)}/status`)} class="status-form">
              <input type="hidden" name="_csrf" value={session.csrf} />
              <input type="hidden" name="back" value={back} />
              <label>
                Thanh toán
                <select name="payment_status">
                  {PAYMENT_STATUSES.map((status) => (
                    <option value={status} selected={status === order.payment_status}>
                      {PAYMENT_LABELS[status]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Giao hàng
                <select name="shipping_status">
                  {SHIPPING_STATUSES.map((status) => (
                    <option value={status} selected={status === order.shipping_status}>
                      {SHIPPING_LABELS[status]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Mã vận đơn
                <input name="tracking_code" value={order.tracking_code ?? ''} maxlength={64} />
              </label>
              <button type="submit">Lưu và báo khách</button>
            </form>
          </article>
        ))}
      </div>
      <Pager path="/orders" params={params} page={query.page} hasNext={hasNext} />
    </>
  );
};

/** "2 kg Xoài cát Hòa Lộc, 1 chai Mật ong" from the stored order lines. */
export function itemsOf(items: string): string {
  try {
    const lines = JSON.parse(items) as { name?: string; quantity?: number; unit?: string }[];
    return lines.map((line) => `${String(line.quantity ?? '').replace('.', ',')} ${line.unit ?? ''} ${line.name ?? ''}`.replace(/\s+/g, ' ').trim()).join(', ');
  } catch {
    return '';
  }
}
