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
    return renderAdmin(c, deps, { title: journey.name ?? 'Khách hàng', active: 'customers' }, <CustomerPage journey={journey} flowTitle={shop.flowTitle} timeZone={shop.timeZone} />);
  });
}
