import { Hono, type MiddlewareHandler } from 'hono';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { requireOwner, type OwnerCheck } from './auth/guard';
import { LoginLockout } from './auth/lockout';
import { ownerSecret } from './auth/owner-secret';
import { randomToken } from './auth/session';
import type { AdminDeps, AdminEnv } from './deps';
import { messagePage } from './pages/message';
import { browseRoutes } from './routes/browse';
import { exportRoutes } from './routes/export';
import { inboxRoutes, inboxScriptRoute } from './routes/inbox';
import { journeyRoutes } from './routes/journey';
import { loginRoutes } from './routes/login';
import { orderRoutes } from './routes/orders';
import { paymentRoutes } from './routes/payments';
import { reportRoutes } from './routes/reports';
import { teachRoutes } from './routes/teach';

export type { AdminDeps, AdminEnv } from './deps';

/**
 * The owner's dashboard, to be mounted at `/admin`: `app.route('/admin', adminRoutes(deps))`.
 * Every route but the login page needs the owner: with ADMIN_PASSWORD a signed session
 * cookie, without it a request from this very machine.
 */
export function adminRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const check: OwnerCheck = deps.password ? { kind: 'password', secret: ownerSecret(deps.password) } : { kind: 'local', csrf: randomToken() };
  if (!deps.password) deps.log.warn('ADMIN_PASSWORD is not set: the dashboard answers only requests from this machine');

  app.use('*', privatePages);
  // The inbox's script holds no data: served before the guard.
  inboxScriptRoute(app);
  app.use('*', requireOwner(deps, check));
  // "/admin/" typed by hand is the overview, not a missing page.
  app.use('*', trimTrailingSlash());
  loginRoutes(app, deps, check, new LoginLockout());
  reportRoutes(app, deps);
  browseRoutes(app, deps);
  orderRoutes(app, deps);
  paymentRoutes(app, deps);
  inboxRoutes(app, deps);
  journeyRoutes(app, deps);
  teachRoutes(app, deps);
  exportRoutes(app, deps);
  app.all('*', (c) => c.html(messagePage('Không có trang này', 'Đường dẫn này không có trong trang quản lý. Mở /admin để về trang tổng quan.'), 404));
  return app;
}

/** Owner's data: never cached, never framed by another site, no inline or foreign script (the inbox's own file only). */
const privatePages: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('Content-Security-Policy', "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('X-Frame-Options', 'DENY');
  c.res.headers.set('Referrer-Policy', 'same-origin');
};
