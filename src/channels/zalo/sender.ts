import { DeliveryError, type ChannelSender } from '../../conversation/inbound';
import type { Outbound } from '../../engine/index';
import type { ZaloBotClient } from './client.js';
import { isFatalAuthError, isRetryableError, ZaloApiError } from './error.js';
import { splitText } from './split-text.js';
import { numberedButtons } from '../button-display';

/** Zalo bots have no inline keyboards: buttons become a numbered list under the text. */
export const zaloButtons = numberedButtons({ gap: '\n\n' });

/** Sends bot replies on Zalo, buttons as `zaloButtons` shows them; the engine accepts the number, the label or free text as the answer. */
export class ZaloSender implements ChannelSender {
  constructor(
    private readonly client: ZaloBotClient,
    /** The server's public address, to turn the bot's own image paths into absolute URLs. */
    private readonly publicUrl: string | undefined,
    /** The public URL of a payment_qr reply's image (src/channels/media/qr-media.ts). */
    private readonly qr?: { url(orderCode: string, amount: number): Promise<string | null>; bankDetails(orderCode: string, amount: number): string },
  ) {}

  async send(chatId: string, message: Outbound): Promise<void> {
    try {
      if (message.kind === 'text') {
        for (const part of splitText(zaloButtons(message.text, message.buttons ?? []).text)) {
          await this.client.sendMessage({ chat_id: chatId, text: part });
        }
        return;
      }
      if (message.kind === 'payment_qr') {
        // Zalo fetches photos by URL: without PUBLIC_URL, the caption and the bank details as text.
        const photo = this.publicUrl ? await this.qr?.url(message.orderCode, message.amount) : null;
        if (photo) {
          await this.client.sendPhoto({ chat_id: chatId, photo, caption: message.caption.slice(0, 2000) });
          return;
        }
        const details = this.qr?.bankDetails(message.orderCode, message.amount) ?? '';
        for (const part of splitText([message.caption, details].filter(Boolean).join('\n'))) await this.client.sendMessage({ chat_id: chatId, text: part });
        return;
      }
      const url = message.url;
      const photo = /^https?:\/\//.test(url) ? url : this.publicUrl ? new URL(url, this.publicUrl).toString() : null;
      const caption = message.caption ?? '';
      if (!photo) {
        // Without a public URL Zalo cannot fetch our image: send the caption alone rather than nothing.
        if (caption) await this.client.sendMessage({ chat_id: chatId, text: caption });
        return;
      }
      await this.client.sendPhoto({ chat_id: chatId, photo, ...(caption ? { caption: caption.slice(0, 2000) } : {}) });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}

function toDeliveryError(error: unknown): DeliveryError {
  if (!(error instanceof ZaloApiError)) return new DeliveryError(error instanceof Error ? error.message : String(error), 'later');
  if (isRetryableError(error)) return new DeliveryError(error.message, 'later');
  // A revoked token fixes itself only when the operator sets a new one: keep the message.
  if (isFatalAuthError(error)) return new DeliveryError(error.message, 'later');
  return new DeliveryError(error.message, 'never');
}
