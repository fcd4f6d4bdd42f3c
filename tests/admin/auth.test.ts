import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop } from './seed';
import { logIn, mountAdmin, openTestStore, PASSWORD, TestClock } from './support';

let store: Store;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ store, close } = await openTestStore());
  await insertShop(store, generateShop(fixtureFlows(), { now: new TestClock().now(), days: 3 }));
});

afterEach(() => close());

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers },
  body: new URLSearchParams(fields),
});

/** Every route of the dashboard: pages, downloads and form posts. */
const PAGES = [
  '/admin',
  '/admin?period=30d',
  '/admin/satisfaction',
  '/admin/flows',
  '/admin/conversations',
  '/admin/conversations/c00001',
  '/admin/customers',
  '/admin/customers/telegram%3A1000',
  '/admin/orders',
  '/admin/returns',
  '/admin/no-such-page',
];
const EXPORTS = ['/admin/export/conversations.csv', '/admin/export/orders.csv', '/admin/export/returns.csv'];
const POSTS = ['/admin/orders/XB100/status', '/admin/returns/r1/status', '/admin/logout'];

describe('nobody but the owner gets in', () => {
  it('sends an anonymous visitor of any page to the login page, and answers downloads and form posts with 401', async () => {
    const { app } = mountAdmin(store);
    for (const path of PAGES) {
      const response = await app.request(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location'), path).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of EXPORTS) {
      const response = await app.request(path);
      expect(response.status, path).toBe(401);
      expect(await response.text(), path).not.toContain('Mã hội thoại');
    }
    for (const path of POSTS) expect((await app.request(path, form({ _csrf: 'guess', payment_status: 'paid', shipping_status: 'new', status: 'accepted' }))).status, path).toBe(401);
    const order = await store.db.selectFrom('orders').select('payment_status').where('code', '=', 'XB100').executeTakeFirst();
    expect(order?.payment_status).not.toBe('paid');
  });

  it('refuses a cookie someone made up or changed', async () => {
    const { app } = mountAdmin(store);
    const { cookie } = await logIn(app);
    const [, value] = cookie.split('=') as [string, string];
    const parts = value.split('.');
    parts[1] = String(Number(parts[1]) + 86_400_000); // a longer session, same signature
    for (const forged of [`admin_session=${parts.join('.')}`, 'admin_session=v1.9999999999999.AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(43), 'admin_session=owner']) {
      expect((await app.request('/admin', { headers: { cookie: forged } })).status, forged).toBe(302);
      expect((await app.request(EXPORTS[0]!, { headers: { cookie: forged } })).status, forged).toBe(401);
    }
  });

  it('lets the owner in with the password: a signed, HttpOnly, SameSite=Strict cookie for 12 hours', async () => {
    const { app, log } = mountAdmin(store);
    const response = await app.request('/admin/login', form({ password: PASSWORD, next: '/admin/flows?period=30d' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/flows?period=30d');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^admin_session=v1\.\d+\.[\w-]{22}\.[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/admin');
    expect(cookie).toContain('Max-Age=43200');
    const session = cookie.split(';')[0]!;
    for (const path of [...PAGES.slice(0, -1), ...EXPORTS]) expect((await app.request(path, { headers: { cookie: session } })).status, path).toBe(200);
    expect(JSON.stringify(log.lines)).not.toContain(PASSWORD);
  });

  it('never sends the owner to another site after logging in', async () => {
    const { app } = mountAdmin(store);
    for (const next of ['//evil.example/admin', 'https://evil.example', '/admin\\@evil', '/other']) {
      const response = await app.request('/admin/login', form({ password: PASSWORD, next }));
      expect(response.headers.get('location'), next).toBe('/admin');
    }
  });

  it('ends the session after 12 hours', async () => {
    const clock = new TestClock();
    const { app } = mountAdmin(store, { clock });
    const { cookie } = await logIn(app);
    clock.advance(12 * 60 - 1);
    expect((await app.request('/admin', { headers: { cookie } })).status).toBe(200);
    clock.advance(2);
    const response = await app.request('/admin', { headers: { cookie } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/login?next=%2Fadmin');
  });

  it('logs out: the cookie is cleared', async () => {
    const { app } = mountAdmin(store);
    const { cookie, csrf } = await logIn(app);
    const response = await app.request('/admin/logout', form({ _csrf: csrf }, { cookie }));
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^admin_session=; Max-Age=0; Path=\/admin/);
  });
});

describe('guessing the password', () => {
  it('tells how many tries are left, then makes the address wait after 5 wrong passwords in 15 minutes', async () => {
    const clock = new TestClock();
    const { app, log } = mountAdmin(store, { clock });
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await app.request('/admin/login', form({ password: `wrong-${attempt}` }));
      expect(response.status).toBe(401);
      expect(await response.text()).toContain(`Còn ${5 - attempt} lần thử`);
      clock.advance(1);
    }
    const fifth = await app.request('/admin/login', form({ password: 'wrong-5' }));
    expect(fifth.status).toBe(429);
    // The first wrong password was 4 minutes ago: it leaves the 15-minute window in 11.
    expect(await fifth.text()).toContain('Thử lại sau 11 phút');
    expect(fifth.headers.get('retry-after')).toBe(String(11 * 60));
    expect(log.lines.some((line) => line.message.includes('locked'))).toBe(true);

    const right = await app.request('/admin/login', form({ password: PASSWORD }));
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();

    clock.advance(11);
    expect((await app.request('/admin/login', form({ password: PASSWORD }))).status).toBe(303);
  });

  it('locks only the address that guessed', async () => {
    let address = '198.51.100.1';
    const { app } = mountAdmin(store, { clientAddress: () => address });
    for (let attempt = 1; attempt <= 5; attempt++) await app.request('/admin/login', form({ password: 'wrong' }));
    expect((await app.request('/admin/login', form({ password: PASSWORD }))).status).toBe(429);
    address = '198.51.100.2';
    expect((await app.request('/admin/login', form({ password: PASSWORD }))).status).toBe(303);
  });
});

describe('forms from other sites', () => {
  const change = (csrf: string) => ({ _csrf: csrf, payment_status: 'paid', shipping_status: 'confirmed', tracking_code: '' });
  const paymentOf = async (code: string) => (await store.db.selectFrom('orders').select('payment_status').where('code', '=', code).executeTakeFirstOrThrow()).payment_status;

  it('refuses a status change sent by another site, or without the form token of this session', async () => {
    const { app } = mountAdmin(store);
    const { cookie, csrf } = await logIn(app);
    const order = await store.db.selectFrom('orders').select(['code', 'payment_status']).where('payment_status', '!=', 'paid').executeTakeFirstOrThrow();
    const path = `/admin/orders/${order.code}/status`;
    const attempts: [string, RequestInit][] = [
      ['Sec-Fetch-Site cross-site', form(change(csrf), { cookie, 'sec-fetch-site': 'cross-site' })],
      ['Sec-Fetch-Site same-site', form(change(csrf), { cookie, 'sec-fetch-site': 'same-site' })],
      // An older browser sends no Sec-Fetch-Site, only the Origin of the page that posted.
      ['another Origin', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: 'https://evil.example', host: 'shop.example.vn' }, body: new URLSearchParams(change(csrf)) }],
      ['no token', form({ payment_status: 'paid', shipping_status: 'confirmed' }, { cookie })],
      ['a wrong token', form(change('x'.repeat(22)), { cookie })],
    ];
    for (const [name, request] of attempts) {
      const response = await app.request(path, request);
      expect(response.status, name).toBe(403);
      expect(await paymentOf(order.code), name).toBe(order.payment_status);
    }
    const other = await logIn(app);
    expect((await app.request(path, form(change(other.csrf), { cookie }))).status, "another session's token").toBe(403);

    const accepted = await app.request(path, form(change(csrf), { cookie }));
    expect(accepted.status).toBe(303);
    expect(await paymentOf(order.code)).toBe('paid');
  });

  it('refuses a login form posted from another site', async () => {
    const { app } = mountAdmin(store);
    const response = await app.request('/admin/login', form({ password: PASSWORD }, { 'sec-fetch-site': 'cross-site' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('marks every answer private: not cached, not framed, no scripts', async () => {
    const { app } = mountAdmin(store);
    const { cookie } = await logIn(app);
    for (const path of ['/admin', '/admin/login', EXPORTS[0]!]) {
      const response = await app.request(path, { headers: { cookie } });
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
    }
  });
});

describe('without ADMIN_PASSWORD', () => {
  it('opens only for requests from this machine, and says so on every page', async () => {
    let address: string | undefined = '127.0.0.1';
    const { app } = mountAdmin(store, { password: undefined, clientAddress: () => address });
    for (const path of [...PAGES.slice(0, -1)]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('Chưa đặt mật khẩu');
    }
    address = '::1';
    expect((await app.request('/admin')).status).toBe(200);
    expect((await app.request('/admin/login')).status).toBe(303);

    for (const remote of ['203.0.113.7', '192.168.1.20', undefined]) {
      address = remote;
      for (const path of [...PAGES, ...EXPORTS]) {
        const response = await app.request(path);
        expect(response.status, `${remote} ${path}`).toBe(403);
        expect(await response.text()).toContain('ADMIN_PASSWORD');
      }
    }
  });

  it('does not trust "localhost" behind a reverse proxy', async () => {
    const { app } = mountAdmin(store, { password: undefined, clientAddress: () => '127.0.0.1' });
    expect((await app.request('/admin', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403);
    expect((await app.request('/admin', { headers: { forwarded: 'for=203.0.113.7' } })).status).toBe(403);
  });

  it('still wants the form token on this machine', async () => {
    const { app } = mountAdmin(store, { password: undefined, clientAddress: () => '127.0.0.1' });
    const code = (await store.db.selectFrom('orders').select('code').executeTakeFirstOrThrow()).code;
    const fields = { payment_status: 'paid', shipping_status: 'confirmed' };
    expect((await app.request(`/admin/orders/${code}/status`, form(fields))).status).toBe(403);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await app.request('/admin/orders')).text())![1]!;
    expect((await app.request(`/admin/orders/${code}/status`, form({ ...fields, _csrf: csrf }))).status).toBe(303);
  });
});
