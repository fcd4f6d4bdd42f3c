import type { FC } from 'hono/jsx';
import type { AdminSession } from '../auth/session';
import { formatDuration } from '../format';
import { CHANNEL_LABELS, label } from '../../labels';
import type { InboxRow } from '../reports/inbox';
import type { Transcript } from '../reports/transcript';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, customerHref, href } from './href';
import { pressedLabels, TranscriptMessage } from './transcript';

/** The script that keeps an open conversation live (served by the dashboard itself: no inline script). */
export const INBOX_SCRIPT_PATH = '/inbox/live.js';
/** How often the list of waiting customers reloads itself, in seconds. */
const LIST_REFRESH_SECONDS = 20;

export const inboxHref = (conversationId: string) => href(`/inbox/${encodeURIComponent(conversationId)}`);

export interface InboxListProps {
  rows: InboxRow[];
  now: Date;
  timeZone: string;
}

/** Every conversation waiting for a person, newest first, then the ones the bot has. */
export const InboxListPage: FC<InboxListProps> = ({ rows, now, timeZone }) => {
  const waiting = rows.filter((row) => row.waitingSince !== null);
  const live = rows.filter((row) => row.waitingSince === null);
  return (
    <>
      <h1>Hộp thư</h1>
      <p class="muted small" data-refresh={String(LIST_REFRESH_SECONDS)}>
        Trang tự tải lại sau {LIST_REFRESH_SECONDS} giây. Mở một cuộc trò chuyện để trả lời khách ngay trên kênh của khách.
      </p>
      <h2>Khách đang chờ người thật ({waiting.length})</h2>
      {waiting.length === 0 ? <p class="muted">Không có khách nào đang chờ.</p> : <InboxTable rows={waiting} now={now} timeZone={timeZone} waiting />}
      <h2>Đang trò chuyện với bot ({live.length})</h2>
      {live.length === 0 ? <p class="muted">Không có cuộc trò chuyện nào đang mở.</p> : <InboxTable rows={live} now={now} timeZone={timeZone} waiting={false} />}
      <script src={href(INBOX_SCRIPT_PATH)} defer />
    </>
  );
};

const InboxTable: FC<{ rows: InboxRow[]; now: Date; timeZone: string; waiting: boolean }> = ({ rows, now, timeZone, waiting }) => (
  <div class="scroll panel">
    <table>
      <thead>
        <tr>
          <th>Khách</th>
          <th>Kênh</th>
          <th class="num">{waiting ? 'Đã chờ' : 'Lần cuối'}</th>
          <th>Tin cuối của khách</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr class={waiting && !row.answered ? 'low' : undefined}>
            <td class="name">{row.customerName ?? 'Khách'}</td>
            <td>{label(CHANNEL_LABELS, row.channel)}</td>
            <td class="num">{waiting ? formatDuration(now.getTime() - Date.parse(row.waitingSince!)) : formatLocalTime(row.lastActivityAt, timeZone).slice(11)}</td>
            <td class="small">
              {row.lastText ?? ''}
              {waiting ? <div class="muted">{row.answered ? 'đã có người trả lời' : 'chưa ai trả lời'}</div> : null}
            </td>
            <td>
              <a class="button" href={inboxHref(row.conversationId)}>
                {waiting ? 'Trả lời' : 'Xem'}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export interface InboxConversationProps {
  transcript: Transcript;
  session: AdminSession;
  timeZone: string;
  /** A fresh key for each form: a form sent twice (a double tap, a retry) is acted on once. */
  formKey: string;
  products: { id: string; name: string }[];
  /** Whether this server can act (reply, take over); without it the inbox only reads. */
  canAct: boolean;
  notice?: { tone: 'ok' | 'error'; text: string } | undefined;
}

/** One conversation, live: the transcript grows as the customer writes, and the owner answers here. */
export const InboxConversationPage: FC<InboxConversationProps> = ({ transcript, session, timeZone, formKey, products, canAct, notice }) => {
  const { conversation: c, customer, messages } = transcript;
  const pressed = pressedLabels(messages);
  const at = (iso: string) => formatLocalTime(iso, timeZone).slice(11);
  const lastId = messages.at(-1)?.id ?? 0;
  const withPerson = c.mode === 'human';
  const open = c.status === 'open';
  const action = (path: string) => href(`/inbox/${encodeURIComponent(c.id)}/${path}`);
  const Hidden: FC = () => (
    <>
      <input type="hidden" name="_csrf" value={session.csrf} />
      <input type="hidden" name="key" value={formKey} />
    </>
  );
  return (
    <>
      <p class="small">
        <a href={href('/inbox')}>← Hộp thư</a>
      </p>
      <h1>
        {customer?.name ?? customer?.display_name ?? 'Khách'} · {label(CHANNEL_LABELS, c.channel)}
      </h1>
      <p class="muted small">
        {!open ? 'Cuộc trò chuyện đã kết thúc.' : withPerson ? 'Bạn đang trò chuyện với khách: bot im lặng đến khi bạn trả khách cho bot.' : 'Bot đang trả lời khách.'} ·{' '}
        <a href={customerHref(c.customer_id)}>hồ sơ khách</a> · <a href={conversationHref(c.id)}>chi tiết hội thoại</a>
      </p>
      {notice ? (
        <p class={`banner ${notice.tone}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <div id="transcript" class="panel transcript" data-poll={action('messages')} data-after={String(lastId)} data-mode={`${c.status}:${c.mode}`} aria-live="polite">
        {messages.map((message) => (
          <TranscriptMessage message={message} pressed={pressed.get(message.id)} at={at} />
        ))}
      </div>
      {open && canAct ? (
        <>
          <form method="post" action={action('reply')} class="panel reply">
            <Hidden />
            <label>
              Nhắn cho khách
              <textarea name="text" rows={3} maxlength={2000} required placeholder="Gõ câu trả lời…" />
            </label>
            <div class="actions">
              <button type="submit">Gửi</button>
            </div>
          </form>
          <div class="actions">
            <form method="post" action={action('photo')} enctype="multipart/form-data">
              <Hidden />
              <input type="file" name="photo" accept="image/jpeg" required aria-label="Ảnh gửi cho khách" />
              <button type="submit" class="secondary">
                Gửi ảnh
              </button>
            </form>
            {products.length > 0 ? (
              <form method="post" action={action('product')} class="inline">
                <Hidden />
                <select name="product" aria-label="Sản phẩm gửi cho khách">
                  {products.map((product) => (
                    <option value={product.id}>{product.name}</option>
                  ))}
                </select>{' '}
                <button type="submit" class="secondary">
                  Gửi sản phẩm
                </button>
              </form>
            ) : null}
            {withPerson ? (
              <form method="post" action={action('handback')}>
                <Hidden />
                <button type="submit">✅ Xong, trả khách cho bot</button>
              </form>
            ) : (
              <form method="post" action={action('takeover')}>
                <Hidden />
                <button type="submit" class="secondary">
                  🙋 Nhận trò chuyện (bot ngừng trả lời)
                </button>
              </form>
            )}
          </div>
        </>
      ) : null}
      {open && !canAct ? <p class="banner error">Máy chủ này chưa bật phần trả lời khách từ trang quản lý; hãy trả lời từ chat Telegram của shop.</p> : null}
      <script src={href(INBOX_SCRIPT_PATH)} defer />
    </>
  );
};

/**
 * Polls the open conversation for new messages (every 2 s) and appends them as the server
 * rendered them; reloads when the conversation changes hands or ends, so the buttons match.
 * The list page reloads itself. No build step, no framework.
 */
export const INBOX_SCRIPT = `(() => {
  const box = document.getElementById('transcript');
  if (box) {
    box.scrollTop = box.scrollHeight;
    const poll = async () => {
      try {
        const response = await fetch(box.dataset.poll + '?after=' + encodeURIComponent(box.dataset.after), { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const update = await response.json();
          if (update.mode !== box.dataset.mode) return location.reload();
          if (update.html) {
            box.insertAdjacentHTML('beforeend', update.html);
            box.scrollTop = box.scrollHeight;
          }
          box.dataset.after = String(update.after);
        }
      } catch (error) {
        // Offline for a moment: the next poll tries again.
      }
      setTimeout(poll, 2000);
    };
    setTimeout(poll, 2000);
  }
  const list = document.querySelector('[data-refresh]');
  if (list) setTimeout(() => location.reload(), Number(list.dataset.refresh) * 1000);
})();
`;
