import type { Context, Hono } from 'hono';
import { csvStream, type CsvCell } from '../csv';
import type { AdminDeps, AdminEnv } from '../deps';
import { readConversationQuery, readOrderQuery, readReturnQuery } from '../filters';
import { formatPhone } from '../format';
import { CHANNEL_LABELS, label, OUTCOME_LABELS, PAYMENT_LABELS, PAYMENT_METHOD_LABELS, PHASE_LABELS, PROBLEM_LABELS, RESOLUTION_LABELS, RETURN_LABELS, SHIPPING_LABELS, STAGE_LABELS } from '../../labels';
import { itemsOf } from '../pages/orders';
import { photosOf } from '../pages/returns';
import { conversationPages } from '../reports/conversations';
import { orderPages } from '../reports/orders';
import { returnRequestPages } from '../reports/returns';
import { formatLocalTime, localDayOf } from '../zoned-time';
import { shopView } from './render';

/** CSV downloads of the lists, with the same filters as the pages. Times are in the shop's zone. */
export function exportRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;

  app.get('/export/conversations.csv', (c) => {
    const { timeZone, flowTitle } = shopView(deps);
    const { filter } = readConversationQuery(c.req.query(), timeZone);
    const time = (iso: string | null) => (iso ? formatLocalTime(iso, timeZone) : '');
    const header = ['Mã hội thoại', 'Bắt đầu', 'Kết thúc', 'Kênh', 'Mã khách', 'Khách', 'Luồng bắt đầu', 'Giai đoạn', 'Pha', 'Kết quả', 'Số tin nhắn', 'Phản hồi đầu (giây)', 'Điểm', 'Góp ý'];
    const pages = mapPages(conversationPages(db, filter), (row): CsvCell[] => [
      row.id,
      time(row.startedAt),
      time(row.endedAt),
      label(CHANNEL_LABELS, row.channel),
      row.customerId,
      row.customerName,
      row.entryFlow ? flowTitle(row.entryFlow) : '',
      label(STAGE_LABELS, row.stage, ''),
      label(PHASE_LABELS, row.phase, ''),
      row.status === 'open' ? OUTCOME_LABELS.open : label(OUTCOME_LABELS, row.outcome, ''),
      row.messageCount,
      row.firstResponseMs === null ? null : Math.round(row.firstResponseMs / 100) / 10,
      row.score,
      row.comment,
    ]);
    return download(c, deps, 'hoi-thoai', header, pages);
  });

  app.get('/export/orders.csv', (c) => {
    const { timeZone } = shopView(deps);
    const { filter } = readOrderQuery(c.req.query(), timeZone);
    const header = ['Mã đơn', 'Ngày đặt', 'Kênh', 'Mã khách', 'Người nhận', 'Số điện thoại', 'Địa chỉ', 'Tỉnh/thành', 'Hàng', 'Tiền hàng', 'Giảm giá', 'Phí ship', 'Tổng', 'Mã khuyến mãi', 'Thanh toán', 'Trạng thái thanh toán', 'Trạng thái giao', 'Mã vận đơn', 'Ghi chú'];
    const pages = mapPages(orderPages(db, filter), (order): CsvCell[] => [
      order.code,
      formatLocalTime(order.created_at, timeZone),
      label(CHANNEL_LABELS, order.channel),
      order.customer_id,
      order.contact_name,
      formatPhone(order.phone),
      order.address,
      order.province,
      itemsOf(order.items),
      order.subtotal,
      order.discount,
      order.shipping_fee,
      order.total,
      order.promo_code,
      label(PAYMENT_METHOD_LABELS, order.payment_method),
      label(PAYMENT_LABELS, order.payment_status),
      label(SHIPPING_LABELS, order.shipping_status),
      order.tracking_code,
      order.note,
    ]);
    return download(c, deps, 'don-hang', header, pages);
  });

  app.get('/export/returns.csv', (c) => {
    const { timeZone } = shopView(deps);
    const { filter } = readReturnQuery(c.req.query(), timeZone);
    const header = ['Mã yêu cầu', 'Ngày gửi', 'Mã đơn', 'Mã khách', 'Khách', 'Vấn đề', 'Khách muốn', 'Ảnh', 'Trạng thái', 'Cập nhật'];
    const pages = mapPages(returnRequestPages(db, filter), (request): CsvCell[] => [
      request.id,
      formatLocalTime(request.created_at, timeZone),
      request.order_code,
      request.customer_id,
      request.customer_name,
      label(PROBLEM_LABELS, request.problem),
      label(RESOLUTION_LABELS, request.resolution),
      photosOf(request.photos).join(' '),
      label(RETURN_LABELS, request.status),
      formatLocalTime(request.updated_at, timeZone),
    ]);
    return download(c, deps, 'doi-tra', header, pages);
  });
}

async function* mapPages<T>(pages: AsyncIterable<T[]>, toCells: (row: T) => CsvCell[]): AsyncGenerator<CsvCell[][]> {
  for await (const page of pages) yield page.map(toCells);
}

function download(c: Context<AdminEnv>, deps: AdminDeps, name: string, header: string[], pages: AsyncIterable<CsvCell[][]>) {
  const day = localDayOf(deps.clock(), shopView(deps).timeZone);
  return c.body(csvStream(header, pages), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}-${day}.csv"`,
  });
}
