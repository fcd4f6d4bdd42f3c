import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ADMIN_BASE, type AdminDeps, type AdminEnv } from '../deps';
import { messagePage } from '../pages/message';
import type { OwnerSecret } from './owner-secret';
import { isCrossSite, isLocalRequest } from './request-origin';
import { readSession, SESSION_COOKIE } from './session';

export const LOGIN_PATH = `${ADMIN_BASE}/login`;
const EXPORT_PREFIX = `${ADMIN_BASE}/export/`;

/** How the dashboard decides who the owner is: a password, or (without one) this machine. */
export type OwnerCheck = { kind: 'password'; secret: Promise<OwnerSecret> } | { kind: 'local'; csrf: string };

/**
 * Lets only the owner through. Pages answer an anonymous visitor with the login page;
 * exports and form posts answer 401, so a script or a forged form gets nothing. Every
 * form post must come from the dashboard's own pages and carry the session's token.
 */
export function requireOwner(deps: AdminDeps, check: OwnerCheck): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const isLogin = c.req.path === LOGIN_PATH;
    if (check.kind === 'local') {
      if (!isLocalRequest(c, deps.clientAddress?.(c))) {
        return c.html(
          messagePage(
            'Chưa mở được bảng điều khiển',
            'Bảng điều khiển chưa có mật khẩu nên chỉ mở được trên chính máy chạy bot (http://localhost). Đặt biến môi trường ADMIN_PASSWORD (ít nhất 8 ký tự) rồi khởi động lại bot để mở từ điện thoại hoặc máy khác.',
          ),
          403,
        );
      }
      c.set('session', { csrf: check.csrf, expiresAt: 0, local: true });
      if (isLogin) return c.redirect(ADMIN_BASE, 303);
    } else {
      if (isLogin) return next();
      const secret = await check.secret;
      const session = await readSession(deps.store.db, secret, getCookie(c, SESSION_COOKIE), deps.clock());
      if (!session) return refuseAnonymous(c);
      c.set('session', session);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (isCrossSite(c)) return refuseCrossSite(c);
      const form = await c.req.parseBody();
      if (form._csrf !== c.get('session').csrf) {
        return c.html(messagePage('Biểu mẫu đã cũ', 'Trang này đã mở quá lâu hoặc từ phiên đăng nhập trước. Quay lại, tải lại trang rồi làm lại.'), 403);
      }
    }
    await next();
  };
}

export function refuseCrossSite(c: Context) {
  return c.html(messagePage('Yêu cầu bị từ chối', 'Yêu cầu này không gửi từ trang quản lý của shop nên không được thực hiện. Hãy thao tác trực tiếp trên trang quản lý.'), 403);
}

function refuseAnonymous(c: Context) {
  if (c.req.method === 'GET' && !c.req.path.startsWith(EXPORT_PREFIX)) {
    const url = new URL(c.req.url);
    return c.redirect(`${LOGIN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  return c.text('Cần đăng nhập trang quản lý trước (mở /admin/login).', 401);
}

/** Where to go after logging in: only a page of the dashboard itself, never another site. */
export function safeNext(next: string | undefined): string {
  if (next && /^\/admin(?:[/?]|$)/.test(next) && !next.includes('//') && !next.includes('\\')) return next;
  return ADMIN_BASE;
}
