import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../src/admin/auth/client-address';
import type { Store } from '../../src/store/index';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop } from './seed';
import { logIn, mountAdmin, openTestStore, PASSWORD, TestClock } from './support';

let store: Store;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ store, close } = await openTestStore());
  await insertShop(store, generateShop(fixtureFlows(), { now: new TestClock().now(), days: 2 }));
});

afterEach(() => close());

const login = (password: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers },
  body: new URLSearchParams({ password, next: '/admin' }),
});

describe('the owner always gets in, and a session ends when the owner says so', () => {
  it('behind a reverse proxy (TRUST_PROXY=1) wrong guesses from one address never refuse the right password from another', async () => {
    // Every connection comes from the proxy on this machine; the proxy says who the client is.
    const clock = new TestClock();
    const { app } = mountAdmin(store, { clock, clientAddress: clientAddressOf({ trustProxy: true, connection: () => '127.0.0.1' }) });
    const guesser = { 'x-forwarded-for': '198.51.100.66' };
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      statuses.push((await app.request('/admin/login', login(`doan-${attempt}`, guesser))).status);
      clock.current = new Date(clock.current.getTime() + 10_000);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    // The owner, from home, meanwhile.
    const home = await app.request('/admin/login', login(PASSWORD, { 'x-forwarded-for': '203.0.113.9' }));
    expect(home.status).toBe(303);
    // The guesser cannot make the proxy's own entry look like the owner's by writing one in front of it.
    expect((await app.request('/admin/login', login(PASSWORD, { 'x-forwarded-for': '203.0.113.7, 198.51.100.66' }))).status).toBe(429);
    const owner = await app.request('/admin/login', login(PASSWORD, { 'x-forwarded-for': '203.0.113.7' }));
    expect(owner.status).toBe(303);
    expect(owner.headers.get('set-cookie')).toMatch(/^admin_session=v1\./);
  });

  it('wrong guesses slow the guessing address down before they block it: a try right after a wrong one waits and is not checked', async () => {
    const clock = new TestClock();
    const { app } = mountAdmin(store, { clock, clientAddress: () => '198.51.100.70' });
    expect((await app.request('/admin/login', login('doan-1'))).status).toBe(401);
    const second = await app.request('/admin/login', login('doan-2'));
    expect(second.status).toBe(401);
    expect(second.headers.get('retry-after')).toBe('1');
    const hurried = await app.request('/admin/login', login(PASSWORD));
    expect(hurried.status).toBe(429);
    expect(await hurried.text()).toContain('Đợi 1 giây');
    clock.current = new Date(clock.current.getTime() + 1_000);
    expect((await app.request('/admin/login', login(PASSWORD))).status).toBe(303);
  });

  it('logging out ends the session on the server: the same cookie no longer opens the dashboard', async () => {
    const { app } = mountAdmin(store);
    const { cookie, csrf } = await logIn(app);
    expect((await app.request('/admin', { headers: { cookie } })).status).toBe(200);
    const logout = await app.request('/admin/logout', { ...login(''), body: new URLSearchParams({ _csrf: csrf }), headers: { ...login('').headers, cookie } });
    expect(logout.status).toBe(303);
    // A copy of the cookie (another device, a stolen one) is refused as well.
    const again = await app.request('/admin', { headers: { cookie } });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/admin/login?next=%2Fadmin');
    expect((await app.request('/admin/export/orders.csv', { headers: { cookie } })).status).toBe(401);
  });

  it('logging out on one device ends the sessions on the others too', async () => {
    const { app } = mountAdmin(store);
    const phone = await logIn(app);
    const laptop = await logIn(app);
    await app.request('/admin/logout', { ...login(''), body: new URLSearchParams({ _csrf: laptop.csrf }), headers: { ...login('').headers, cookie: laptop.cookie } });
    expect((await app.request('/admin', { headers: { cookie: phone.cookie } })).status).toBe(302);
  });

  it('a new ADMIN_PASSWORD ends every session signed under the old one, on every server sharing the database', async () => {
    const before = mountAdmin(store);
    const { cookie } = await logIn(before.app);
    const after = mountAdmin(store, { password: 'mat-khau-moi-2026' });
    expect((await after.app.request('/admin', { headers: { cookie } })).status).toBe(302);
    expect(await store.db.selectFrom('admin_sessions').select('id').execute()).toHaveLength(1);
    await logIn(after.app, 'mat-khau-moi-2026');
    // The session of the old password is gone from the table, not only refused.
    expect(await store.db.selectFrom('admin_sessions').select('id').execute()).toHaveLength(1);
  });
});
