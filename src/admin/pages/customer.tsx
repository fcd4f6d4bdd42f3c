import type { FC } from 'hono/jsx';
import { formatMoney, formatPhone } from '../format';
import { CHANNEL_LABELS, label, OUTCOME_LABELS, PAYMENT_LABELS, PHASE_LABELS, PROBLEM_LABELS, RETURN_LABELS, SHIPPING_LABELS, STAGE_LABELS } from '../../labels';
import type { CustomerJourney, JourneyMoment } from '../reports/customers';
import { formatLocalTime } from '../zoned-time';
import { conversationHref, href, orderHref } from './href';
import { Badge, Stars } from './parts';

/** Where a moment sits in the customer's journey, in the owner's words. */
function journeyStep(moment: JourneyMoment, isFirstConversation: boolean): { name: string; tone: string } {
  if (moment.kind === 'order') return { name: 'Mua hàng', tone: 'order' };
  if (moment.kind === 'return') return { name: 'Sau bán · đổi trả', tone: 'return' };
  if (isFirstConversation) return { name: 'Lần đầu liên hệ', tone: 'first' };
  if (moment.phase === 'after') return { name: 'Sau bán', tone: 'after' };
  return { name: 'Quay lại', tone: 'again' };
}

export const CustomerPage: FC<{
  journey: CustomerJourney;
  flowTitle: (id: string | null) => string;
  timeZone: string;
  /** With a session: the personal-data panel (export, erase) with the form's CSRF token. */
  session?: { csrf: string };
  erased?: boolean;
}> = ({ journey, flowTitle, timeZone, session, erased }) => {
  const firstConversation = journey.moments.find((moment) => moment.kind === 'conversation');
  return (
    <>
      <h1>{journey.name ?? 'Khách'}</h1>
      <section class="panel">
        <dl class="facts">
          <dt>Mã khách</dt>
          <dd>
            <code>{journey.id}</code>
          </dd>
          <dt>Kênh</dt>
          <dd>
            {label(CHANNEL_LABELS, journey.channel)}
            {journey.blocked ? <span class="badge cancelled"> đã chặn bot</span> : null}
            {journey.optedOut ? <span class="badge"> không nhận tin tự động</span> : null}
          </dd>
          <dt>Số điện thoại</dt>
          <dd>{journey.phone ? formatPhone(journey.phone) : '–'}</dd>
          <dt>Địa chỉ</dt>
          <dd>{journey.address ?? '–'}</dd>
          <dt>Lần đầu</dt>
          <dd>{formatLocalTime(journey.firstSeenAt, timeZone)}</dd>
          <dt>Gần nhất</dt>
          <dd>{formatLocalTime(journey.lastSeenAt, timeZone)}</dd>
        </dl>
      </section>
      <h2>Hành trình</h2>
      {journey.moments.length === 0 ? <p class="muted">Chưa có gì.</p> : null}
      <ol class="timeline">
        {journey.moments.map((moment) => {
          const step = journeyStep(moment, moment === firstConversation);
          return (
            <li class={step.tone}>
              <div class="kind">
                {step.name} · {formatLocalTime(moment.at, timeZone)}
              </div>
              <Moment moment={moment} flowTitle={flowTitle} />
            </li>
          );
        })}
      </ol>
      {session ? <PersonalDataPanel id={journey.id} csrf={session.csrf} erased={erased ?? false} /> : null}
    </>
  );
};

const Moment: FC<{ moment: JourneyMoment; flowTitle: (id: string | null) => string }> = ({ moment, flowTitle }) => {
  switch (moment.kind) {
    case 'conversation':
      return (
        <div>
          <a href={conversationHref(moment.id)}>{flowTitle(moment.entryFlow)}</a>
          {[moment.stage && label(STAGE_LABELS, moment.stage), moment.phase && label(PHASE_LABELS, moment.phase)].filter(Boolean).map((part) => ` · ${part}`)} ·{' '}
          <Badge value={moment.outcome ?? 'open'} labels={OUTCOME_LABELS} /> <Stars score={moment.score} />
          {moment.comment ? <div class="small">“{moment.comment}”</div> : null}
          {moment.productScore ? (
            <div class="small">
              Điểm sản phẩm{moment.productScore.orderCode ? ` (đơn ${moment.productScore.orderCode})` : ''}: <Stars score={moment.productScore.score} />
            </div>
          ) : null}
        </div>
      );
    case 'order':
      return (
        <div>
          Đơn <a href={orderHref(moment.code)}>{moment.code}</a> · {formatMoney(moment.total)} · <Badge value={moment.paymentStatus} labels={PAYMENT_LABELS} />{' '}
          <Badge value={moment.shippingStatus} labels={SHIPPING_LABELS} />
        </div>
      );
    case 'return':
      return (
        <div>
          Đổi trả đơn <a href={href('/returns', { q: moment.orderCode })}>{moment.orderCode}</a> · <Badge value={moment.status} labels={RETURN_LABELS} />
          <div class="small">{label(PROBLEM_LABELS, moment.problem)}</div>
        </div>
      );
  }
};

/** Personal data on request: download what the shop holds, or erase it (scores, counts and totals stay). */
const PersonalDataPanel: FC<{ id: string; csrf: string; erased: boolean }> = ({ id, csrf, erased }) => (
  <section class="panel">
    <h2>Dữ liệu cá nhân</h2>
    {erased ? <p class="notice ok">Đã xoá tên, số điện thoại, địa chỉ và nội dung trò chuyện của khách; số liệu thống kê vẫn giữ.</p> : null}
    <p>
      <a href={`${href(`/customers/${encodeURIComponent(id)}`)}/data.json`}>⬇️ Tải dữ liệu của khách (JSON)</a>
    </p>
    <form method="post" action={`${href(`/customers/${encodeURIComponent(id)}`)}/erase`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <label>
        <input type="checkbox" name="confirm" value="yes" required /> Tôi chắc chắn muốn xoá (không hoàn tác được)
      </label>{' '}
      <button type="submit">🗑️ Xoá dữ liệu cá nhân</button>
      <span class="small muted"> Xoá tên, số điện thoại, địa chỉ, nội dung trò chuyện; giữ điểm hài lòng, số đơn và tổng tiền. Khách không nhận tin tự động nữa.</span>
    </form>
  </section>
);
