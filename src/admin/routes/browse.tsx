import type { Hono } from 'hono';
import type { AdminDeps, AdminEnv } from '../deps';
import { readConversationQuery, readCustomerQuery } from '../filters';
import { messagePage } from '../pages/message';
import { ConversationsPage } from '../pages/conversations';
import { CustomerPage } from '../pages/customer';
import { CustomersPage } from '../pages/customers';
import { TranscriptPage } from '../pages/transcript';
import { listConversations } from '../reports/conversations';
import { customerJourney, listCustomers } from '../reports/customers';
import { transcript } from '../reports/transcript';
import { PAGE_SIZE, pageOf, renderAdmin, shopView } from './render';
import { erasePersonalData } from '../../conversation/conversations';
import { personalData } from '../../store/index';

/** Conversations and customers: lists with filters, a transcript, a customer's journey. */
export function browseRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;

  app.get('/conversations', async (c) => {
    const shop = shopView(deps);
    const { query, filter } = readConversationQuery(c.req.query(), shop.timeZone);
    const { rows, hasNext } = pageOf(await listConversations(db, filter, { limit: PAGE_SIZE + 1, offset: (query.page - 1) * PAGE_SIZE }), PAGE_SIZE);
    return renderAdmin(
      c,
      deps,
      { title: 'Hội thoại', active: 'conversations' },
      <ConversationsPage query={query} rows={rows} hasNext={hasNext} flows={shop.flowList} flowTitle={shop.flowTitle} timeZone={shop.timeZone} />,
    );
  });

  app.get('/conversations/:id', async (c) => {
    const shop = shopView(deps);
    const found = await transcript(db, c.req.param('id'));
    if (!found) return c.html(messagePage('Không tìm thấy hội thoại', 'Hội thoại này không có trong dữ liệu (có thể đường dẫn bị cắt). Quay lại danh sách hội thoại để tìm.'), 404);
    return renderAdmin(c, deps, { title: 'Hội thoại', active: 'conversations' }, <TranscriptPage transcript={found} flowTitle={shop.flowTitle} timeZone={shop.timeZone} />);
  });

  app.get('/customers', async (c) => {
    const query = readCustomerQuery(c.req.query());
    const { rows, hasNext } = pageOf(await listCustomers(db, { text: query.q, limit: PAGE_SIZE + 1, offset: (query.page - 1) * PAGE_SIZE }), PAGE_SIZE);
    return renderAdmin(c, deps, { title: 'Khách hàng', active: 'customers' }, <CustomersPage query={query} rows={rows} hasNext={hasNext} timeZone={shopView(deps).timeZone} />);
  });

  app.get('/customers/:id', async (c) => {
    const shop = shopView(deps);
    const journey = await customerJourney(db, c.req.param('id'));
    if (!journey) return c.html(messagePage('Không tìm thấy khách', 'Khách này không có trong dữ liệu. Quay lại danh sách khách hàng để tìm.'), 404);
    const erased = c.req.query('erased') === '1';
    return renderAdmin(
      c,
      deps,
      { title: journey.name ?? 'Khách hàng', active: 'customers' },
      <CustomerPage journey={journey} flowTitle={shop.flowTitle} timeZone={shop.timeZone} session={c.get('session')} erased={erased} />,
    );
  });

  // Personal data on request: everything the shop holds about a customer, as JSON.
  app.get('/customers/:id/data.json', async (c) => {
    const id = c.req.param('id');
    const data = await personalData(db, id);
    if (!data) return c.html(messagePage('Không tìm thấy khách', 'Khách này không có trong dữ liệu. Quay lại danh sách khách hàng để tìm.'), 404);
    c.header('content-disposition', `attachment; filename="du-lieu-khach-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}.json"`);
    c.header('cache-control', 'no-store');
    return c.json(data);
  });

  // Erases a customer's personal data and keeps the anonymous statistics (a CSRF-checked form post).
  app.post('/customers/:id/erase', async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    if (form.confirm !== 'yes') return c.html(messagePage('Chưa xoá', 'Đánh dấu ô "Tôi chắc chắn muốn xoá" rồi bấm lại nút xoá.'), 400);
    const data = await personalData(db, id);
    if (!data) return c.html(messagePage('Không tìm thấy khách', 'Khách này không có trong dữ liệu. Quay lại danh sách khách hàng để tìm.'), 404);
    await erasePersonalData(deps.store, id);
    deps.log.info('personal data erased by the owner', { customer: id });
    return c.redirect(`/admin/customers/${encodeURIComponent(id)}?erased=1`, 303);
  });
}
