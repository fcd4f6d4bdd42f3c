import type { FC } from 'hono/jsx';
import type { AdminSession } from '../auth/session';
import { formatMoney } from '../format';
import type { BankTransferRow } from '../../store/index';
import { formatLocalTime } from '../zoned-time';
import { href, orderHref } from './href';
import { Badge } from './parts';

const OUTCOME_LABELS: Record<string, string> = {
  paid: 'Đủ tiền',
  partly_paid: 'Còn thiếu',
  overpaid: 'Chuyển dư',
  unmatched: 'Chưa khớp đơn',
};

const REASON_LABELS: Record<string, string> = {
  no_order: 'nội dung không có mã đơn nào của shop',
  ambiguous: 'nội dung có mã của nhiều đơn',
  other_account: 'vào tài khoản khác với tài khoản trong shop.yaml',
  outgoing: 'tiền ra',
};

export interface PaymentsPageProps {
  unmatched: BankTransferRow[];
  matched: BankTransferRow[];
  session: AdminSession;
  notice?: { tone: 'ok' | 'error'; text: string } | undefined;
  timeZone: string;
}

/** "Tiền về": what the bank reported, the transfers no order claimed first, each with a form to name its order. */
export const PaymentsPage: FC<PaymentsPageProps> = ({ unmatched, matched, session, notice, timeZone }) => (
  <>
    <h1>Tiền về</h1>
    {notice ? (
      <p class={`banner ${notice.tone}`} role="status">
        {notice.text}
      </p>
    ) : null}
    <h2>Chưa khớp đơn ({unmatched.length})</h2>
    {unmatched.length === 0 ? <p class="muted">Không có khoản nào chờ ghép đơn.</p> : null}
    <div class="list">
      {unmatched.map((transfer) => (
        <article class="item" id={`transfer-${transfer.id}`}>
          <TransferLine transfer={transfer} timeZone={timeZone} />
          <div class="small muted">{REASON_LABELS[transfer.unmatched_reason ?? ''] ?? transfer.unmatched_reason}</div>
          {transfer.direction === 'in' ? (
            <form method="post" action={href(`/payments/${encodeURIComponent(transfer.id)}/match`)} class="status-form">
              <input type="hidden" name="_csrf" value={session.csrf} />
              <label>
                Mã đơn
                <input name="order_code" required maxlength={20} autocomplete="off" />
              </label>
              <button type="submit">Ghép đơn và báo khách</button>
            </form>
          ) : null}
        </article>
      ))}
    </div>
    <h2>Đã khớp đơn</h2>
    {matched.length === 0 ? <p class="muted">Chưa có khoản nào khớp đơn.</p> : null}
    <div class="list">
      {matched.map((transfer) => (
        <article class="item" id={`transfer-${transfer.id}`}>
          <TransferLine transfer={transfer} timeZone={timeZone} />
          <div class="small">
            Đơn <a href={orderHref(transfer.order_code ?? '')}>{transfer.order_code}</a> · {transfer.matched_by === 'owner' ? 'ghép tay' : 'tự khớp'}
          </div>
        </article>
      ))}
    </div>
  </>
);

const TransferLine: FC<{ transfer: BankTransferRow; timeZone: string }> = ({ transfer, timeZone }) => (
  <>
    <header>
      <strong>
        {transfer.direction === 'out' ? '−' : '+'}
        {formatMoney(transfer.amount)}
      </strong>
      <Badge value={transfer.outcome} labels={OUTCOME_LABELS} />
      <span class="muted small">
        {formatLocalTime(transfer.transferred_at, timeZone)} · {transfer.bank} · {transfer.account_number}
      </span>
    </header>
    <div class="small">Nội dung: {transfer.content || '(trống)'}</div>
  </>
);
