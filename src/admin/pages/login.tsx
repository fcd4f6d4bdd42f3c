import { href } from './href';
import { Document, renderPage } from './layout';

/** The owner's login: one password field, no script. */
export function loginPage(props: { shopName: string; next: string; error?: string | undefined }): string {
  return renderPage(
    <Document title={`Đăng nhập · ${props.shopName}`}>
      <main class="login">
        <h1>{props.shopName}</h1>
        <p class="muted">Trang quản lý của chủ shop</p>
        {props.error ? (
          <p class="banner error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action={href('/login')}>
          <input type="hidden" name="next" value={props.next} />
          <label>
            Mật khẩu
            <input type="password" name="password" autocomplete="current-password" required autofocus maxlength={200} />
          </label>
          <button type="submit">Đăng nhập</button>
        </form>
      </main>
    </Document>,
  );
}
