import { describe, expect, it } from 'vitest';
import { logIn } from '../admin/support';
import { afterSaleShopPerTest } from './after-sale.support';

const PASSWORD = 'vuon-nha-tu-2026';
const DAY = 24 * 60;
const { clock, shop } = afterSaleShopPerTest({ adminPassword: PASSWORD });

/** What is left of a customer after an erasure: nothing personal, the statistics intact. */
async function expectErased(customerId: string, code: string) {
  const db = shop().db;
  expect(await db.selectFrom('customers').select(['name', 'display_name', 'phone', 'address', 'opted_out']).where('id', '=', customerId).executeTakeFirstOrThrow()).toEqual({
    name: null,
    display_name: null,
    phone: null,
    address: null,
    opted_out: 1,
  });
  const order = await db.selectFrom('orders').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  expect(order).toMatchObject({ contact_name: '', phone: '', address: '', note: null, total: 190000, subtotal: 170000 });
  const texts = await db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.text', 'messages.payload'])
    .where('conversations.customer_id', '=', customerId)
    .execute();
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.every((row) => row.text === null && row.payload === null)).toBe(true);
  const conversations = await db.selectFrom('conversations').select(['satisfaction_score', 'state', 'status']).where('customer_id', '=', customerId).execute();
  expect(conversations.some((row) => row.satisfaction_score === 4)).toBe(true);
  for (const row of conversations) expect(row.state).not.toContain('0987654321');
  const leftovers = await db.selectFrom('outbox').select(['payload', 'status']).where('chat_id', '=', customerId.split(':')[1]!).where('status', '!=', 'pending').execute();
  for (const row of leftovers) expect(row.payload).not.toMatch(/Trần Thị Bích|0987654321|Nguyễn Văn Cừ/);
  expect((await shop().scheduled()).every((row) => row.status !== 'pending' && row.payload === '{}')).toBe(true);
}

describe('a customer asks for their personal data', () => {
  it('"dữ liệu của tôi" sends what the shop holds', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(60);
    await shop().say('c1', 'dữ liệu của tôi');
    const said = shop().telegram.textsTo('c1').slice(-2).join('\n');
    expect(said).toContain('những thông tin shop đang lưu');
    expect(said).toContain('Tên: Trần Thị Bích');
    expect(said).toContain('Số điện thoại: 0987654321');
    expect(said).toContain('Địa chỉ: 45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ');
    expect(said).toContain(`Đơn hàng: ${code} (190.000đ)`);
  });

  it('"xoá dữ liệu của tôi" asks first; "không" keeps everything', async () => {
    await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(60);
    await shop().say('c1', 'xoá dữ liệu của tôi');
    expect(shop().lastText('c1')).toContain('chắc chắn muốn shop xoá');
    await shop().tap('c1', 'Không');
    expect(shop().lastText('c1')).toContain('giữ nguyên');
    expect((await shop().db.selectFrom('customers').select('phone').executeTakeFirstOrThrow()).phone).toBe('0987654321');
  });

  it('"xoa du lieu cua toi" then "có" erases name, phone, address and transcript, keeps the statistics, and stops scheduled messages', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    clock.advance(60);
    await shop().say('c1', 'xoa du lieu cua toi');
    await shop().tap('c1', 'Có');
    expect(shop().lastText('c1')).toContain('đã xoá dữ liệu cá nhân');
    await expectErased('telegram:c1', code);
    const told = shop().count('c1');
    clock.advance(40 * DAY);
    expect(await shop().scheduler.runDue()).toMatchObject({ sent: 0 });
    expect(shop().count('c1')).toBe(told);
  });
});

describe('the owner handles a request from the dashboard', () => {
  it('downloads the customer data as JSON and erases it with a CSRF-protected form', async () => {
    const code = await shop().order('c1', 'xoài cát hòa lộc', '2 ký');
    // A conversation still open, remembering the address the customer is typing.
    clock.advance(60);
    await shop().say('c1', 'đặt hàng');
    await shop().say('c1', 'bưởi');
    const app = shop().harness.app;
    const session = await logIn(app, PASSWORD);
    const id = encodeURIComponent('telegram:c1');

    const page = await (await app.request(`/admin/customers/${id}`, { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('Tải dữ liệu của khách (JSON)');
    const satisfaction = await (await app.request('/admin/satisfaction', { headers: { cookie: session.cookie } })).text();
    expect(satisfaction).toContain('Điểm sản phẩm (hỏi thăm sau khi giao)');
    expect(page).toContain(`action="/admin/customers/${id}/erase"`);

    expect((await app.request(`/admin/customers/${id}/data.json`)).status).not.toBe(200);
    const exported = await app.request(`/admin/customers/${id}/data.json`, { headers: { cookie: session.cookie } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const data = (await exported.json()) as { customer: { name: string; phone: string }; orders: { code: string; address: string }[]; conversations: { messages: unknown[] }[] };
    expect(data.customer).toMatchObject({ name: 'Trần Thị Bích', phone: '0987654321' });
    expect(data.orders).toMatchObject([{ code, address: '45 Nguyễn Văn Cừ, Ninh Kiều, Cần Thơ' }]);
    expect(data.conversations[0]!.messages.length).toBeGreaterThan(10);

    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      app.request(`/admin/customers/${id}/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: session.cookie, ...headers },
        body: new URLSearchParams(fields),
      });
    expect((await post({ confirm: 'yes' })).status).toBe(403); // no form token
    expect((await post({ _csrf: session.csrf, confirm: 'yes' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ _csrf: session.csrf })).status).toBe(400); // not confirmed
    expect((await shop().db.selectFrom('customers').select('phone').executeTakeFirstOrThrow()).phone).toBe('0987654321');

    const erased = await post({ _csrf: session.csrf, confirm: 'yes' });
    expect(erased.status).toBe(303);
    expect(erased.headers.get('location')).toBe(`/admin/customers/${id}?erased=1`);
    await expectErased('telegram:c1', code);
    const open = await shop().db.selectFrom('conversations').select('state').where('status', '=', 'open').executeTakeFirstOrThrow();
    expect(JSON.parse(open.state)).toMatchObject({ slots: {}, cart: [] });
    // The customer goes on writing: the bot starts afresh and nothing breaks.
    await shop().say('c1', 'xin chào');
    expect(shop().lastText('c1')).toContain('xin chào');
    const after = await (await app.request(`/admin/customers/${id}?erased=1`, { headers: { cookie: session.cookie } })).text();
    expect(after).toContain('Đã xoá tên, số điện thoại');
    expect(after).not.toContain('0987654321');
  });
});
