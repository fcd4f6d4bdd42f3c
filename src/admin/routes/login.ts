import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LOGIN_PATH, refuseCrossSite, safeNext, type OwnerCheck } from '../auth/guard';
import type { LoginLockout } from '../auth/lockout';
import { isCrossSite } from '../auth/request-origin';
import { issueSession, readSession, SESSION_COOKIE, SESSION_HOURS } from '../auth/session';
import { endAdminSessions } from '../../store/index';
import { ADMIN_BASE, type AdminDeps, type AdminEnv } from '../deps';
import { loginPage } from '../pages/login';

/** Logging in and out. The guard lets /login through; everything else here checks for itself. */
export function loginRoutes(app: Hono<AdminEnv>, deps: AdminDeps, check: OwnerCheck, lockout: LoginLockout): void {
  const shopName = () => deps.flows().shop.shop.name;

  app.get('/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    if (check.kind === 'password') {
      const secret = await check.secret;
      if (await readSession(deps.store.db, secret, getCookie(c, SESSION_COOKIE), deps.clock())) return c.redirect(next, 303);
    }
    return c.html(loginPage({ shopName: shopName(), next }));
  });

  app.post('/login', async (c) => {
    if (check.kind !== 'password') return c.redirect(ADMIN_BASE, 303);
    if (isCrossSite(c)) return refuseCrossSite(c);
    const address = deps.clientAddress?.(c) ?? 'unknown';
    const now = deps.clock();
    const form = await c.req.parseBody();
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    const locked = (waitMs: number) => {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      const error = lockout.isBlocked(address, now)
        ? `Nhập sai mật khẩu quá ${lockout.limit} lần. Thử lại sau ${Math.ceil(waitMs / 60_000)} phút.`
        : `Vừa nhập sai mật khẩu. Đợi ${Math.ceil(waitMs / 1000)} giây rồi thử lại.`;
      return c.html(loginPage({ shopName: shopName(), next, error }), 429);
    };
    const wait = lockout.waitFor(address, now);
    if (wait > 0) return locked(wait);

    const secret = await check.secret;
    const password = typeof form.password === 'string' ? form.password : '';
    if (!(await secret.passwordMatches(password))) {
      lockout.recordFailure(address, now);
      const waitNow = lockout.waitFor(address, now);
      if (lockout.isBlocked(address, now)) {
        deps.log.warn('admin login locked after repeated wrong passwords', { client: address, minutes: Math.ceil(waitNow / 60_000) });
        return locked(waitNow);
      }
      const left = lockout.triesLeft(address, now);
      const pause = waitNow > 0 ? ` Đợi ${Math.ceil(waitNow / 1000)} giây rồi thử lại.` : '';
      if (waitNow > 0) c.header('Retry-After', String(Math.ceil(waitNow / 1000)));
      return c.html(loginPage({ shopName: shopName(), next, error: `Sai mật khẩu. Còn ${left} lần thử trước khi phải đợi ${lockout.windowMs / 60_000} phút.${pause}` }), 401);
    }
    lockout.clear(address);
    const { cookie } = await issueSession(deps.store.db, secret, now);
    setCookie(c, SESSION_COOKIE, cookie, { path: ADMIN_BASE, httpOnly: true, sameSite: 'Strict', secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')), maxAge: SESSION_HOURS * 3600 });
    deps.log.info('admin logged in');
    return c.redirect(next, 303);
  });

  // Reached only through the guard: a logged-in owner with the form's token.
  app.post('/logout', async (c) => {
    await endAdminSessions(deps.store.db);
    deleteCookie(c, SESSION_COOKIE, { path: ADMIN_BASE, secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')) });
    return c.redirect(LOGIN_PATH, 303);
  });
}

/** Behind a TLS-terminating proxy the app sees http; the proxy says https in X-Forwarded-Proto. */
function isHttps(url: string, forwardedProto: string | undefined): boolean {
  return new URL(url).protocol === 'https:' || forwardedProto === 'https';
}
