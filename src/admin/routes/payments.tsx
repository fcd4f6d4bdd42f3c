import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ADMIN_BASE, type AdminDeps, type AdminEnv } from '../deps';
import { messagePage } from '../pages/message';
import { PaymentsPage } from '../pages/payments';
import { transfersReceived } from '../../store/index';
import { renderAdmin, shopView } from './render';

const MatchForm = z.object({ order_code: z.string().trim().min(1, 'nhập mã đơn').max(20) });

const LISTED = 100;

/** The banner after a manual match, by its outcome or problem. */
const NOTICES: Record<string, (code: string) => { tone: 'ok' | 'error'; text: string }> = {
  paid: (code) => ({ tone: 'ok', text: `Đã ghép vào đơn ${code}: đủ tiền, đã báo khách và đánh dấu đã thanh toán.` }),
  partly_paid: (code) => ({ tone: 'ok', text: `Đã ghép vào đơn ${code}: còn thiếu tiền, đã báo khách số còn thiếu.` }),
  overpaid: (code) => ({ tone: 'ok', text: `Đã ghép vào đơn ${code}: khách chuyển dư, nhớ hoàn lại phần dư.` }),
  unknown_order: (code) => ({ tone: 'error', text: `Không có đơn ${code}. Kiểm tra lại mã đơn trên trang Đơn hàng.` }),
  already_matched: () => ({ tone: 'error', text: 'Khoản này đã được ghép đơn rồi (có thể từ một thẻ khác); trang đã tải lại.' }),
  unknown_transfer: () => ({ tone: 'error', text: 'Không tìm thấy khoản tiền này; trang đã tải lại.' }),
};

/** "Tiền về": the transfers the bank reported, and the owner's manual match of an unmatched one. */
export function paymentRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  app.get('/payments', async (c) => {
    const db = deps.store.db;
    const [unmatched, matched] = await Promise.all([transfersReceived(db, { matched: false, limit: LISTED }), transfersReceived(db, { matched: true, limit: LISTED })]);
    return renderAdmin(
      c,
      deps,
      { title: 'Tiền về', active: 'payments' },
      <PaymentsPage unmatched={unmatched} matched={matched} session={c.get('session')} notice={noticeOf(c)} timeZone={shopView(deps).timeZone} />,
    );
  });

  app.post('/payments/:id/match', async (c) => {
    if (!deps.transfers) return c.html(messagePage('Chưa bật SePay', 'Đặt SEPAY_API_KEY (xem README, phần SePay) rồi khởi động lại để ghép tiền về với đơn.'), 404);
    const form = MatchForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.html(messagePage('Chưa ghép được', 'Nhập mã đơn (ví dụ XB128) rồi bấm lại.'), 400);
    const result = await deps.transfers.matchByHand(c.req.param('id'), form.data.order_code);
    const code = form.data.order_code.toUpperCase();
    return c.redirect(`${ADMIN_BASE}/payments?${new URLSearchParams({ result: result.ok ? result.outcome : result.problem, code })}`, 303);
  });
}

function noticeOf(c: Context) {
  const result = c.req.query('result');
  const code = c.req.query('code') ?? '';
  return result && result in NOTICES ? NOTICES[result]!(code) : undefined;
}
