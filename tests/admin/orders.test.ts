import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop, type SeededShop } from './seed';
import { logIn, mountAdmin, openTestStore, toldCustomers, type TestAdmin } from './support';

let store: Store;
let close: () => Promise<void>;
let shop: SeededShop;
let admin: TestAdmin;
let session: { cookie: string; csrf: string };

beforeEach(async () => {
  ({ store, close } = await openTestStore());
  admin = mountAdmin(store);
  shop = generateShop(fixtureFlows(), { now: admin.clock.now(), days: 10 });
  await insertShop(store, shop);
  session = await logIn(admin.app);
});

afterEach(() => close());

const post = (path: string, fields: Record<string, string>) =>
  admin.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: session.cookie },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
  });
const orderRow = (code: string) => store.db.selectFrom('orders').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

describe('the owner changes an order', () => {
  it('ships an order with a tracking code: the order is saved and the customer is told in their own chat', async () => {
    const order = shop.orders.find((o) => o.shippingStatus !== 'shipped' && o.paymentStatus === 'paid')!;
    const response = await post(`/admin/orders/${order.code}/status`, { payment_status: 'paid', shipping_status: 'shipped', tracking_code: 'GHN123456', back: '/admin/orders?shipping=confirmed' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/orders?shipping=confirmed&saved=${order.code}&told=told#order-${order.code}`);
    expect(await orderRow(order.code)).toMatchObject({ payment_status: 'paid', shipping_status: 'shipped', tracking_code: 'GHN123456', updated_at: admin.clock.now().toISOString() });
    const [channel, chatId] = order.customerId.split(':');
    expect(await toldCustomers(store)).toEqual([
      { channel, chatId, text: `Dạ đơn ${order.code}: đã giao cho đơn vị vận chuyển` },
      { channel, chatId, text: `Dạ đơn ${order.code}: mã vận đơn GHN123456` },
    ]);
    const page = await (await admin.app.request(response.headers.get('location')!, { headers: { cookie: session.cookie } })).text();
    expect(page).toContain(`Đã lưu đơn ${order.code} và đã nhắn cho khách.`);
  });

  it('tells about a payment and a shipping change together, and nothing when the status goes back to unpaid', async () => {
    const order = shop.orders.find((o) => o.paymentStatus !== 'paid' && o.paymentStatus !== 'unpaid' && o.shippingStatus !== 'confirmed') ?? shop.orders[0]!;
    await post(`/admin/orders/${order.code}/status`, { payment_status: 'paid', shipping_status: 'confirmed' });
    expect((await toldCustomers(store)).map((told) => told.text)).toEqual([`Dạ đơn ${order.code}: đã nhận tiền, shop đang chuẩn bị hàng`, `Dạ đơn ${order.code}: đơn đã xác nhận, shop đang chuẩn bị hàng`]);

    const quiet = await post(`/admin/orders/${order.code}/status`, { payment_status: 'unpaid', shipping_status: 'confirmed' });
    expect(quiet.headers.get('location')).toContain('told=quiet');
    expect((await orderRow(order.code)).payment_status).toBe('unpaid');
    expect(await toldCustomers(store)).toHaveLength(2);
  });

  it('says so when the customer could not be told (they blocked the bot)', async () => {
    const order = shop.orders.find((o) => o.shippingStatus !== 'delivered')!;
    await store.db.updateTable('customers').set({ blocked: 1 }).where('id', '=', order.customerId).execute();
    const response = await post(`/admin/orders/${order.code}/status`, { payment_status: order.paymentStatus, shipping_status: 'delivered' });
    expect(response.headers.get('location')).toContain('told=not-told');
    expect((await orderRow(order.code)).shipping_status).toBe('delivered');
    const page = await (await admin.app.request(response.headers.get('location')!, { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('không nhắn được cho khách');
  });

  it('refuses an unknown status or order with a message the owner can act on', async () => {
    const order = shop.orders[0]!;
    const bad = await post(`/admin/orders/${order.code}/status`, { payment_status: 'gone', shipping_status: 'new' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Quay lại và sửa');
    const badTracking = await post(`/admin/orders/${order.code}/status`, { payment_status: 'paid', shipping_status: 'new', tracking_code: '<script>' });
    expect(badTracking.status).toBe(400);
    expect((await post('/admin/orders/ZZ999/status', { payment_status: 'paid', shipping_status: 'new' })).status).toBe(404);
    expect(await toldCustomers(store)).toEqual([]);
    expect(await orderRow(order.code)).toMatchObject({ payment_status: order.paymentStatus, shipping_status: order.shippingStatus });
  });

  it('never goes back to a page outside the order list', async () => {
    const order = shop.orders[0]!;
    const response = await post(`/admin/orders/${order.code}/status`, { payment_status: order.paymentStatus, shipping_status: order.shippingStatus, back: 'https://evil.example/' });
    expect(response.headers.get('location')).toBe(`/admin/orders?saved=${order.code}&told=quiet#order-${order.code}`);
  });
});

describe('the owner decides a return request', () => {
  it('accepts a request: saved, and the customer is told', async () => {
    const request = shop.returns.find((r) => r.status === 'open')!;
    const response = await post(`/admin/returns/${request.id}/status`, { status: 'accepted', back: '/admin/returns?status=open' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/returns?status=open&saved=${request.orderCode}&told=told#return-${request.id}`);
    expect((await store.db.selectFrom('return_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow()).status).toBe('accepted');
    const [channel, chatId] = request.customerId.split(':');
    expect(await toldCustomers(store)).toEqual([{ channel, chatId, text: `Dạ yêu cầu đổi trả đơn ${request.orderCode}: shop đồng ý đổi/hoàn cho anh/chị, shop sẽ liên hệ ngay để làm tiếp` }]);
  });

  it('does not message the customer again when nothing changed', async () => {
    const request = shop.returns[0]!;
    const response = await post(`/admin/returns/${request.id}/status`, { status: request.status });
    expect(response.headers.get('location')).toContain('told=quiet');
    expect(await toldCustomers(store)).toEqual([]);
  });
});
