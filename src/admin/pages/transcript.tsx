import type { FC } from 'hono/jsx';
import { formatCount, formatDuration, formatMoney } from '../format';
import { CHANNEL_LABELS, EVENT_LABELS, label, OUTCOME_LABELS, PAYMENT_LABELS, PHASE_LABELS, RETURN_LABELS, SHIPPING_LABELS, STAGE_LABELS } from '../../labels';
import type { Transcript } from '../reports/transcript';
import { formatLocalTime } from '../zoned-time';
import { customerHref, href, orderHref } from './href';
import { Badge, Stars } from './parts';

type Message = Transcript['messages'][number];

/** Where the web chat's photos are served (src/channels/web/photo-api.ts). */
const STORED_PHOTOS = '/media/photos/';
type ShownButton = { label: string; value: string };

export interface TranscriptPageProps {
  transcript: Transcript;
  flowTitle: (id: string | null) => string;
  timeZone: string;
}

export const TranscriptPage: FC<TranscriptPageProps> = ({ transcript, flowTitle, timeZone }) => {
  const { conversation: c, customer, messages, events, orders, returns } = transcript;
  const pressed = pressedLabels(messages);
  // The heading gives the day; messages and events of that day show only the time.
  const startDay = formatLocalTime(c.started_at, timeZone).slice(0, 10);
  const at = (iso: string) => {
    const full = formatLocalTime(iso, timeZone);
    return full.startsWith(startDay) ? full.slice(11) : full;
  };
  return (
    <>
      <h1>Hội thoại {formatLocalTime(c.started_at, timeZone)}</h1>
      <div class="grid2">
        <section class="panel">
          <dl class="facts">
            <dt>Khách</dt>
            <dd>
              <a href={customerHref(c.customer_id)}>{customer?.name ?? customer?.display_name ?? 'Khách'}</a> · {label(CHANNEL_LABELS, c.channel)}
            </dd>
            <dt>Luồng bắt đầu</dt>
            <dd>{flowTitle(c.entry_flow)}</dd>
            <dt>Giai đoạn</dt>
            <dd>
              {label(STAGE_LABELS, c.stage)} · {label(PHASE_LABELS, c.phase)}
            </dd>
            <dt>Kết quả</dt>
            <dd>
              <Badge value={c.status === 'open' ? 'open' : c.outcome} labels={OUTCOME_LABELS} />
              {c.mode === 'human' ? <span class="muted small"> · đang do người thật trả lời</span> : null}
            </dd>
            <dt>Thời gian</dt>
            <dd>
              {formatLocalTime(c.started_at, timeZone)} → {c.ended_at ? formatLocalTime(c.ended_at, timeZone) : 'chưa kết thúc'}
            </dd>
            <dt>Phản hồi đầu</dt>
            <dd>{formatDuration(c.first_response_ms)}</dd>
            <dt>Tin nhắn</dt>
            <dd>{formatCount(c.message_count)}</dd>
            <dt>Hài lòng</dt>
            <dd>
              <Stars score={c.satisfaction_score} />
              {c.satisfaction_score === null && c.satisfaction_asked ? <span class="muted small"> đã hỏi, khách không chấm</span> : null}
              {c.satisfaction_comment ? <div>“{c.satisfaction_comment}”</div> : null}
            </dd>
          </dl>
        </section>
        <section class="panel">
          <h3>Đơn hàng và đổi trả từ hội thoại này</h3>
          {orders.length + returns.length === 0 ? <p class="muted small">Không có.</p> : null}
          <ul>
            {orders.map((order) => (
              <li>
                Đơn <a href={orderHref(order.code)}>{order.code}</a>: {formatMoney(order.total)} · <Badge value={order.payment_status} labels={PAYMENT_LABELS} />{' '}
                <Badge value={order.shipping_status} labels={SHIPPING_LABELS} />
              </li>
            ))}
            {returns.map((request) => (
              <li>
                Đổi trả đơn <a href={href('/returns', { q: request.order_code })}>{request.order_code}</a>: <Badge value={request.status} labels={RETURN_LABELS} />
              </li>
            ))}
          </ul>
        </section>
      </div>

      <h2>Tin nhắn</h2>
      <div class="panel transcript">
        {messages.length === 0 ? <p class="muted">Không có tin nhắn.</p> : null}
        {messages.map((message) => (
          <TranscriptMessage message={message} pressed={pressed.get(message.id)} at={at} />
        ))}
      </div>

      <h2>Sự kiện</h2>
      <div class="scroll panel">
        <table>
          <thead>
            <tr>
              <th>Lúc</th>
              <th>Sự kiện</th>
              <th>Luồng · bước</th>
              <th>Chi tiết</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr>
                <td class="small">{at(event.created_at)}</td>
                <td>{label(EVENT_LABELS, event.type)}</td>
                <td class="small">{[event.flow, event.step].filter(Boolean).join(' · ')}</td>
                <td class="small">{describeDetail(event.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

/** Who wrote a message, as the owner reads it. */
function authorOf(message: Message): string {
  if (message.direction === 'in') return 'Khách';
  return message.kind === 'owner' || message.kind === 'owner_image' ? 'Chủ shop' : 'Bot';
}

/** One message of a transcript, with who wrote it and when; the inbox appends these as they come. */
export const TranscriptMessage: FC<{ message: Message; pressed?: string | undefined; at: (iso: string) => string }> = ({ message, pressed, at }) => (
  <div class={`msg ${message.direction === 'in' ? 'in' : message.kind.startsWith('owner') ? 'out owner' : 'out'}`} data-id={String(message.id)}>
    <MessageBody message={message} pressed={pressed} />
    <span class="meta">
      {authorOf(message)} · {at(message.created_at)}
    </span>
  </div>
);

/** One message as the owner needs to read it. */
const MessageBody: FC<{ message: Message; pressed: string | undefined }> = ({ message, pressed }) => {
  const payload = parse(message.payload);
  switch (message.kind) {
    case 'button':
      return <span>🔘 Bấm nút: {pressed ?? String(payload.value ?? '')}</span>;
    case 'contact':
      return <span>📞 Gửi số điện thoại: {message.text}</span>;
    case 'photo':
      return (
        <span>
          📷 Ảnh: <PhotoReference reference={String(payload.ref ?? '')} />
          {message.text ? <div>{message.text}</div> : null}
        </span>
      );
    case 'location':
      return (
        <span>
          📍 Vị trí: {String(payload.latitude)}, {String(payload.longitude)}
        </span>
      );
    case 'handback':
      return <span>↩️ Chủ shop trả hội thoại lại cho bot</span>;
    case 'owner_image':
    case 'image':
      return (
        <span>
          🖼️ <PhotoReference reference={String(payload.url ?? '')} />
          {message.text ? <div>{message.text}</div> : null}
        </span>
      );
    case 'payment_qr':
      return (
        <span>
          💳 Mã QR chuyển khoản đơn {String(payload.orderCode ?? '')}: {formatMoney(Number(payload.amount ?? 0))}
          {message.text ? <div>{message.text}</div> : null}
        </span>
      );
    default: {
      const buttons = buttonsOf(payload);
      return (
        <span>
          {message.text}
          {buttons.length > 0 ? (
            <span class="chips">
              {buttons.map((button) => (
                <span class="chip">{button.label}</span>
              ))}
            </span>
          ) : null}
        </span>
      );
    }
  }
};

/** A photo the shop stored (the web chat's) is shown; a web address becomes a link; a Telegram file id is shown as the reference it is. */
export const PhotoReference: FC<{ reference: string }> = ({ reference }) =>
  reference.startsWith(STORED_PHOTOS) ? (
    <a href={reference} target="_blank" rel="noopener noreferrer" class="photo">
      <img src={reference} alt="Ảnh khách gửi" loading="lazy" />
    </a>
  ) : /^https?:\/\//i.test(reference) ? (
    <a href={reference} target="_blank" rel="noopener noreferrer">
      mở ảnh
    </a>
  ) : (
    <code title="Mã ảnh Telegram: xem trong chat Telegram của shop">{reference || '–'}</code>
  );

/** A pressed button is stored as its value; its label is the one the bot showed last with that value. */
export function pressedLabels(messages: readonly Message[]): Map<number, string> {
  const shown = new Map<string, string>();
  const pressed = new Map<number, string>();
  for (const message of messages) {
    const payload = parse(message.payload);
    if (message.direction === 'out') for (const button of buttonsOf(payload)) shown.set(button.value, button.label);
    else if (message.kind === 'button') {
      const label = shown.get(String(payload.value ?? ''));
      if (label) pressed.set(message.id, label);
    }
  }
  return pressed;
}

function buttonsOf(payload: Record<string, unknown>): ShownButton[] {
  return Array.isArray(payload.buttons) ? (payload.buttons as ShownButton[]) : [];
}

function parse(payload: string | null): Record<string, unknown> {
  if (!payload) return {};
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function describeDetail(detail: string | null): string {
  const value = parse(detail);
  return Object.entries(value)
    .map(([key, item]) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`)
    .join(' · ');
}
