import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { checkPhoto, type PhotoProblem } from '../../channels/web/photo';
import type { ActionResult } from '../../conversation/owner-actions';
import { randomToken } from '../auth/session';
import type { AdminDeps, AdminEnv } from '../deps';
import { INBOX_SCRIPT, INBOX_SCRIPT_PATH, InboxConversationPage, InboxListPage, inboxHref } from '../pages/inbox';
import { messagePage } from '../pages/message';
import { TranscriptMessage } from '../pages/transcript';
import { inboxConversations, messagesAfter } from '../reports/inbox';
import { transcript } from '../reports/transcript';
import { formatLocalTime } from '../zoned-time';
import { renderAdmin, shopView } from './render';

/** What the owner just did, carried in the redirect back to the conversation (post/redirect/get). */
const DONE: Record<string, { tone: 'ok' | 'error'; text: string }> = {
  sent: { tone: 'ok', text: 'Đã gửi cho khách.' },
  taken: { tone: 'ok', text: 'Bạn đã nhận cuộc trò chuyện: bot ngừng trả lời, khách nhắn gì sẽ hiện ở đây.' },
  handed: { tone: 'ok', text: 'Đã trả khách cho bot; bot đang hỏi khách chấm điểm hài lòng.' },
  duplicate: { tone: 'ok', text: 'Thao tác này đã làm rồi (biểu mẫu gửi hai lần).' },
  unreachable: { tone: 'error', text: 'Không nhắn được cho khách: khách đã chặn bot hoặc không còn liên lạc được. Hãy gọi điện cho khách.' },
  busy: { tone: 'error', text: 'Khách vừa nhắn thêm trong lúc bạn thao tác; xem tin mới rồi làm lại.' },
  closed: { tone: 'error', text: 'Cuộc trò chuyện đã kết thúc; khách nhắn lại thì sẽ hiện trong hộp thư.' },
  not_waiting: { tone: 'error', text: 'Cuộc trò chuyện không còn ở chỗ bạn (bot đang trả lời hoặc đã kết thúc).' },
  unknown: { tone: 'error', text: 'Không tìm thấy cuộc trò chuyện hoặc sản phẩm này. Tải lại trang rồi làm lại.' },
};

const Key = z.string().min(8).max(64);
const ReplyForm = z.object({ key: Key, text: z.string().trim().min(1, 'câu trả lời đang trống').max(2000, 'câu trả lời dài quá 2000 chữ') });
const ProductForm = z.object({ key: Key, product: z.string().min(1).max(100) });
const KeyForm = z.object({ key: Key });
const PhotoForm = z.object({ key: Key, photo: z.instanceof(File), caption: z.string().trim().max(500).optional() });

const PHOTO_PROBLEMS: Record<PhotoProblem, string> = {
  wrong_type: 'tệp này không phải ảnh JPG; chụp hoặc lưu ảnh dạng JPG rồi gửi lại',
  too_big: 'ảnh nặng quá 1 MB; chọn ảnh nhỏ hơn',
  broken: 'ảnh bị lỗi hoặc chưa tải hết; gửi lại',
};

export function inboxScriptRoute(app: Hono<AdminEnv>): void {
  app.get(INBOX_SCRIPT_PATH, (c) => c.body(INBOX_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
}

/** The owner's inbox: customers waiting for a person, and any live conversation, answered from here. */
export function inboxRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;

  app.get('/inbox', async (c) => {
    const { timeZone } = shopView(deps);
    const rows = await inboxConversations(db);
    return renderAdmin(c, deps, { title: 'Hộp thư', active: 'inbox' }, <InboxListPage rows={rows} now={deps.clock()} timeZone={timeZone} />);
  });

  app.get('/inbox/:id', async (c) => {
    const found = await transcript(db, c.req.param('id'));
    if (!found) return c.html(messagePage('Không tìm thấy', 'Cuộc trò chuyện này không có trong dữ liệu. Quay lại hộp thư.'), 404);
    const { timeZone } = shopView(deps);
    const done = c.req.query('done');
    return renderAdmin(
      c,
      deps,
      { title: 'Hộp thư', active: 'inbox' },
      <InboxConversationPage
        transcript={found}
        session={c.get('session')}
        timeZone={timeZone}
        formKey={randomToken()}
        products={deps.desk?.products() ?? []}
        canAct={deps.desk !== undefined}
        notice={done ? DONE[done] : undefined}
      />,
    );
  });

  app.get('/inbox/:id/messages', async (c) => {
    const id = c.req.param('id');
    const after = Math.max(0, Number(c.req.query('after')) || 0);
    const [rows, conversation] = await Promise.all([messagesAfter(db, id, after), db.selectFrom('conversations').select(['status', 'mode']).where('id', '=', id).executeTakeFirst()]);
    if (!conversation) return c.json({ error: 'không tìm thấy cuộc trò chuyện' }, 404);
    const { timeZone } = shopView(deps);
    const at = (iso: string) => formatLocalTime(iso, timeZone).slice(11);
    const html = rows.map((message) => String(<TranscriptMessage message={message} at={at} />)).join('');
    return c.json({ html, after: rows.at(-1)?.id ?? after, mode: `${conversation.status}:${conversation.mode}` });
  });

  app.post('/inbox/:id/reply', async (c) => {
    const form = ReplyForm.safeParse(await c.req.parseBody());
    if (!form.success) return refused(c, form.error.issues.map((issue) => issue.message).join('; '));
    return act(c, 'sent', (desk, id) => desk.send(id, { kind: 'text', text: form.data.text }, { from: 'inbox', claim: claimOf(form.data.key) }));
  });

  app.post('/inbox/:id/product', async (c) => {
    const form = ProductForm.safeParse(await c.req.parseBody());
    if (!form.success) return refused(c, 'chưa chọn sản phẩm');
    return act(c, 'sent', (desk, id) => desk.send(id, { kind: 'product', productId: form.data.product }, { from: 'inbox', claim: claimOf(form.data.key) }));
  });

  app.post('/inbox/:id/photo', async (c) => {
    const form = PhotoForm.safeParse(await c.req.parseBody());
    if (!form.success) return refused(c, 'chưa chọn ảnh');
    const checked = checkPhoto(new Uint8Array(await form.data.photo.arrayBuffer()));
    if (!checked.ok) return refused(c, PHOTO_PROBLEMS[checked.problem]);
    const { bytes, contentType } = checked;
    return act(c, 'sent', (desk, id) => desk.send(id, { kind: 'photo', bytes, contentType, ...(form.data.caption ? { caption: form.data.caption } : {}) }, { from: 'inbox', claim: claimOf(form.data.key) }));
  });

  app.post('/inbox/:id/takeover', async (c) => {
    const form = KeyForm.safeParse(await c.req.parseBody());
    if (!form.success) return refused(c, 'biểu mẫu thiếu mã');
    return act(c, 'taken', (desk, id) => desk.takeOver(id, { from: 'inbox', claim: claimOf(form.data.key) }));
  });

  app.post('/inbox/:id/handback', async (c) => {
    const form = KeyForm.safeParse(await c.req.parseBody());
    if (!form.success) return refused(c, 'biểu mẫu thiếu mã');
    return act(c, 'handed', (desk, id) => desk.handBack(id, { from: 'inbox', updateId: form.data.key }));
  });

  async function act(c: Context<AdminEnv>, done: string, run: (desk: NonNullable<AdminDeps['desk']>, id: string) => Promise<ActionResult>) {
    const id = c.req.param('id')!;
    if (!deps.desk) return c.html(messagePage('Chưa làm được', 'Máy chủ này chưa bật phần trả lời khách từ trang quản lý; hãy trả lời từ chat Telegram của shop.'), 503);
    const result = await run(deps.desk, id);
    const outcome = result.ok ? done : result.problem;
    deps.log.info('owner acted from the inbox', { conversation: id, outcome });
    return c.redirect(`${inboxHref(id)}?done=${outcome}`, 303);
  }
}

/** Form posts from the inbox are one per render; the key is the form's own. */
function claimOf(key: string) {
  return { channel: 'inbox', updateId: key };
}

function refused(c: Context, problem: string) {
  return c.html(messagePage('Chưa gửi được', `${problem.charAt(0).toUpperCase()}${problem.slice(1)}. Quay lại và sửa.`), 400);
}
