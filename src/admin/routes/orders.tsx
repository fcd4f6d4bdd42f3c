import type { Context, Hono } from 'hono';
import { ADMIN_BASE, type AdminDeps, type AdminEnv } from '../deps';
import { OrderStatusForm, readOrderQuery, readReturnQuery, ReturnStatusForm } from '../filters';
import { messagePage } from '../pages/message';
import { OrdersPage } from '../pages/orders';
import { ReturnsPage } from '../pages/returns';
import { changeOrderStatus } from '../../conversation/order-status';
import { orderByCode } from '../../store/index';
import { listOrders, setTrackingCode } from '../reports/orders';
import { changeReturnStatus, listReturnRequests } from '../reports/returns';
import { returnStatusMessage, trackingMessage } from '../status-texts';
import { PAGE_SIZE, pageOf, renderAdmin, shopView } from './render';

/** What happened to the last change, carried in the redirect back to the list (post/redirect/get). */
type Told = 'told' | 'not-told' | 'quiet';

const NOTICES: Record<Told, (what: string) => { tone: 'ok' | 'error'; text: string }> = {
  told: (what) => ({ tone: 'ok', text: `Đã lưu ${what} và đã nhắn cho khách.` }),
  'not-told': (what) => ({ tone: 'error', text: `Đã lưu ${what} nhưng không nhắn được cho khách (khách đã chặn bot hoặc chưa từng nhắn). Hãy gọi điện báo khách.` }),
  quiet: (what) => ({ tone: 'ok', text: `Đã lưu ${what}; không có gì mới cần báo khách.` }),
};

/** Orders and return requests: lists, and the owner's status changes that tell the customer. */
export function orderRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;

  app.get('/orders', async (c) => {
    const { timeZone } = shopView(deps);
    const { query, filter } = readOrderQuery(c.req.query(), timeZone);
    const { rows, hasNext } = pageOf(await listOrders(db, filter, { limit: PAGE_SIZE + 1, offset: (query.page - 1) * PAGE_SIZE }), PAGE_SIZE);
    return renderAdmin(
      c,
      deps,
      { title: 'Đơn hàng', active: 'orders' },
      <OrdersPage query={query} rows={rows} hasNext={hasNext} session={c.get('session')} back={listUrl(c)} notice={noticeOf(c, 'đơn')} timeZone={timeZone} />,
    );
  });

  app.post('/orders/:code/status', async (c) => {
    const form = OrderStatusForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.html(messagePage('Chưa lưu được', `Thông tin đơn chưa đúng: ${form.error.issues.map((issue) => issue.message).join('; ')}. Quay lại và sửa.`), 400);
    const code = c.req.param('code');
    const order = await orderByCode(db, code);
    if (!order) return c.html(messagePage('Không tìm thấy đơn', `Không có đơn ${code}. Quay lại danh sách đơn hàng.`), 404);
    const texts = deps.flows().shop.texts;
    const statuses = [
      ...(form.data.payment_status !== order.payment_status ? [form.data.payment_status] : []),
      ...(form.data.shipping_status !== order.shipping_status ? [form.data.shipping_status] : []),
    ];
    const outcomes: Told[] = [];
    for (const status of statuses) {
      // Statuses shop.yaml has no words for (e.g. back to "unpaid") change silently, as with /don.
      const worded = Boolean((texts.order_status as Partial<Record<string, string>>)[status]);
      const change = await changeOrderStatus({ store: deps.store, messenger: deps.messenger, flows: deps.flows, clock: deps.clock }, order.code, status);
      outcomes.push(!worded ? 'quiet' : change.ok && change.customerTold ? 'told' : 'not-told');
    }
    const tracking = form.data.tracking_code;
    if (tracking !== order.tracking_code) {
      await setTrackingCode(db, order.id, tracking, deps.clock());
      if (tracking) outcomes.push(await tell(deps, order.customer_id, trackingMessage(texts, order.code, tracking), { order: order.code }));
    }
    const told = summarize(outcomes);
    deps.log.info('order changed on the dashboard', { order: order.code, payment: form.data.payment_status, shipping: form.data.shipping_status, told });
    return c.redirect(backTo(form.data.back, '/orders', { saved: order.code, told }, `order-${order.code}`), 303);
  });

  app.get('/returns', async (c) => {
    const { timeZone } = shopView(deps);
    const { query, filter } = readReturnQuery(c.req.query(), timeZone);
    const { rows, hasNext } = pageOf(await listReturnRequests(db, filter, { limit: PAGE_SIZE + 1, offset: (query.page - 1) * PAGE_SIZE }), PAGE_SIZE);
    return renderAdmin(
      c,
      deps,
      { title: 'Đổi trả', active: 'returns' },
      <ReturnsPage query={query} rows={rows} hasNext={hasNext} session={c.get('session')} back={listUrl(c)} notice={noticeOf(c, 'yêu cầu đổi trả đơn')} timeZone={timeZone} />,
    );
  });

  app.post('/returns/:id/status', async (c) => {
    const form = ReturnStatusForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.html(messagePage('Chưa lưu được', 'Trạng thái không hợp lệ. Quay lại, tải lại trang rồi chọn lại.'), 400);
    const before = await changeReturnStatus(db, c.req.param('id'), form.data.status, deps.clock());
    if (!before) return c.html(messagePage('Không tìm thấy yêu cầu', 'Yêu cầu đổi trả này không có trong dữ liệu. Quay lại danh sách đổi trả.'), 404);
    const told = before.status === form.data.status ? 'quiet' : await tell(deps, before.customer_id, returnStatusMessage(before.order_code, form.data.status), { request: before.id });
    deps.log.info('return request status changed by the owner', { request: before.id, order: before.order_code, status: form.data.status, told });
    return c.redirect(backTo(form.data.back, '/returns', { saved: before.order_code, told }, `return-${before.id}`), 303);
  });
}

/** One notice for the owner however many messages went out: any failure is what they must act on. */
function summarize(outcomes: readonly Told[]): Told {
  if (outcomes.includes('not-told')) return 'not-told';
  return outcomes.includes('told') ? 'told' : 'quiet';
}

async function tell(deps: AdminDeps, customerId: string, text: string, about: Record<string, string>): Promise<Told> {
  try {
    return (await deps.messenger.tell(customerId, { kind: 'text', text })) ? 'told' : 'not-told';
  } catch (error) {
    deps.log.error('could not tell the customer about a status change', { ...about, error: error instanceof Error ? error.message : String(error) });
    return 'not-told';
  }
}

/** The list page with its current filters, minus a notice from an earlier change. */
function listUrl(c: Context): string {
  const url = new URL(c.req.url);
  url.searchParams.delete('saved');
  url.searchParams.delete('told');
  return url.pathname + url.search;
}

function noticeOf(c: Context, what: string) {
  const saved = c.req.query('saved');
  const told = c.req.query('told') as Told | undefined;
  return saved && told && told in NOTICES ? NOTICES[told](`${what} ${saved}`) : undefined;
}

/** Back to the list the form came from (only a dashboard list, never another site), with the notice. */
function backTo(back: string | undefined, list: '/orders' | '/returns', notice: Record<string, string>, anchor: string): string {
  const base = back && back.startsWith(`${ADMIN_BASE}${list}`) && !back.includes('//') ? back : `${ADMIN_BASE}${list}`;
  const url = new URL(base, 'http://dashboard.invalid');
  for (const [key, value] of Object.entries(notice)) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}#${anchor}`;
}
