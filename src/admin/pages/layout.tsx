import type { Child, FC } from 'hono/jsx';
import type { AdminSession } from '../auth/session';
import { problemInWords } from '../../flows/path-words';
import type { RefusedEdit } from '../../flows/status';
import { href } from './href';
import { ADMIN_STYLE } from './style';

export type NavKey = 'overview' | 'inbox' | 'satisfaction' | 'journey' | 'nps' | 'churn' | 'flows' | 'conversations' | 'customers' | 'orders' | 'payments' | 'returns' | 'teach';

const NAV: [NavKey, string, string][] = [
  ['overview', '', 'Tổng quan'],
  ['inbox', '/inbox', 'Hộp thư'],
  ['satisfaction', '/satisfaction', 'Hài lòng'],
  ['journey', '/journey', 'Hành trình'],
  ['nps', '/nps', 'NPS'],
  ['churn', '/churn', 'Mua lại'],
  ['flows', '/flows', 'Luồng hội thoại'],
  ['conversations', '/conversations', 'Hội thoại'],
  ['customers', '/customers', 'Khách hàng'],
  ['orders', '/orders', 'Đơn hàng'],
  ['payments', '/payments', 'Tiền về'],
  ['returns', '/returns', 'Đổi trả'],
  ['teach', '/teach', 'Dạy bot'],
];

export interface LayoutProps {
  title: string;
  active: NavKey;
  shopName: string;
  session: AdminSession;
  /** The last edit of the flow files the bot refused, with its local time; null when the files in force are the owner's latest. */
  refusedEdit?: { at: string; edit: RefusedEdit } | null;
  children?: Child;
}

/** Every dashboard page: the shop's name, the navigation, and the localhost warning when there is no password. */
export const Layout: FC<LayoutProps> = ({ title, active, shopName, session, refusedEdit, children }) => (
  <Document title={`${title} · ${shopName}`}>
    <header class="top">
      <div class="shop">
        {shopName}
        <small>Quản lý</small>
      </div>
      {session.local ? null : (
        <form method="post" action={href('/logout')}>
          <input type="hidden" name="_csrf" value={session.csrf} />
          <button type="submit">Đăng xuất</button>
        </form>
      )}
    </header>
    <nav class="main" aria-label="Các trang quản lý">
      {NAV.map(([key, path, name]) => (
        <a href={href(path)} class={key === active ? 'active' : undefined} aria-current={key === active ? 'page' : undefined}>
          {name}
        </a>
      ))}
    </nav>
    <main>
      {session.local ? (
        <p class="banner local" role="note">
          Chưa đặt mật khẩu: trang quản lý chỉ mở được trên chính máy chạy bot. Đặt biến môi trường <code>ADMIN_PASSWORD</code> rồi khởi động lại để mở từ điện thoại.
        </p>
      ) : null}
      {refusedEdit ? <RefusedEditBanner at={refusedEdit.at} edit={refusedEdit.edit} /> : null}
      {children}
    </main>
  </Document>
);

/** Every page says it until the owner fixes the files: the bot runs on the last good ones meanwhile. */
const RefusedEditBanner: FC<{ at: string; edit: RefusedEdit }> = ({ at, edit }) => (
  <section class="banner error flows" role="alert">
    <strong>
      ⚠️ Tệp luồng sửa lúc {at} chưa được áp dụng: {edit.errors.length} lỗi{edit.warnings.length > 0 ? `, ${edit.warnings.length} cảnh báo` : ''}. Bot vẫn chạy bản cũ cho tới khi sửa xong.
    </strong>
    <ul>
      {[...edit.errors, ...edit.warnings].map((problem) => (
        <li>{problemInWords(problem)}</li>
      ))}
    </ul>
    <p class="small">Sửa các dòng trên trong thư mục flows/ rồi lưu lại; trang này tự hết cảnh báo khi bot nhận bản mới.</p>
  </section>
);

export const Document: FC<{ title: string; children?: Child }> = ({ title, children }) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{title}</title>
      <style dangerouslySetInnerHTML={{ __html: ADMIN_STYLE }} />
    </head>
    <body>{children}</body>
  </html>
);

export function renderPage(node: unknown): string {
  return `<!doctype html>${String(node)}`;
}
