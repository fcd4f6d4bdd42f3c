import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { ChannelSender, SentMessages } from '../../conversation/inbound';
import type { Outbound } from '../../engine/index';
// The Zalo channel's splitter is platform-neutral (a limit parameter, line boundaries, never
// splitting an emoji); Telegram uses it with its own limit.
import { splitText } from '../zalo/split-text';
import { deliveryErrorOf } from './delivery-error';
import { keyboardOf, telegramButtons } from './keyboard';

/** Telegram's longest text message and photo caption, in characters. */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

export interface TelegramSenderOptions {
  /** The server's public address, to turn the bot's own image paths into absolute URLs. */
  publicUrl?: string | undefined;
  /** The label of the "share my phone number" button (shop.yaml texts.share_phone_button). */
  sharePhoneLabel: () => string;
  /** Draws the VietQR code of a payment_qr reply (src/channels/media/qr-media.ts). */
  qr?: PaymentQrImages | undefined;
}

/** What a sender needs to show a payment_qr reply; QrMedia has it. */
export interface PaymentQrImages {
  /** The image's public URL; null without PUBLIC_URL. */
  url(orderCode: string, amount: number): Promise<string | null>;
  png(orderCode: string, amount: number): Promise<Uint8Array | null>;
  bankDetails(orderCode: string, amount: number): string;
}

type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

/**
 * Sends bot replies (and the owner's notices) on Telegram. Text goes without parse_mode, so a
 * product name with `*` or `_` is shown as written and never breaks a message.
 */
export class TelegramSender implements ChannelSender {
  /** Chats showing the "share my phone number" keyboard, to take it away with the next reply. */
  private readonly phoneKeyboards = new Set<string>();

  constructor(
    private readonly api: Api,
    private readonly options: TelegramSenderOptions,
  ) {}

  async send(chatId: string, message: Outbound): Promise<SentMessages> {
    try {
      if (message.kind === 'payment_qr') return await this.sendPaymentQr(chatId, message);
      return message.kind === 'text' ? await this.sendText(chatId, message) : await this.sendImage(chatId, message);
    } catch (error) {
      throw deliveryErrorOf(error);
    }
  }

  private async sendText(chatId: string, message: Extract<Outbound, { kind: 'text' }>): Promise<SentMessages> {
    const shown = telegramButtons(message.text, message.buttons ?? []);
    const keyboard = keyboardOf({ buttons: shown.buttons, askPhone: message.askPhone }, this.options.sharePhoneLabel());
    const parts = splitText(shown.text, TELEGRAM_TEXT_LIMIT);
    // Telegram refuses an empty text; buttons alone still need a line to hang from.
    if (parts.length === 0 && keyboard) parts.push('👇');
    const markups: (Markup | undefined)[] = parts.map((_, i) => (i === parts.length - 1 ? keyboard : undefined));
    if (message.askPhone) this.phoneKeyboards.add(chatId);
    else if (this.phoneKeyboards.has(chatId)) {
      const free = markups.findIndex((markup) => markup === undefined);
      if (free >= 0) {
        markups[free] = { remove_keyboard: true };
        this.phoneKeyboards.delete(chatId);
      }
    }
    const messageIds: string[] = [];
    for (const [i, part] of parts.entries()) {
      const markup = markups[i];
      const sent = await this.api.sendMessage(chatId, part, markup ? { reply_markup: markup } : {});
      messageIds.push(String(sent.message_id));
    }
    return { messageIds };
  }

  /** An image by URL, by the bot's own path, or by Telegram file id (a customer's photo relayed to the owner). */
  private async sendImage(chatId: string, message: Extract<Outbound, { kind: 'image' }>): Promise<SentMessages> {
    const caption = message.caption ?? '';
    const photo = this.photoOf(message.url);
    if (photo === null) {
      // Without a public URL Telegram cannot fetch our image: send the caption alone rather than nothing.
      return caption ? this.sendText(chatId, { kind: 'text', text: caption }) : { messageIds: [] };
    }
    const fits = caption.length <= TELEGRAM_CAPTION_LIMIT;
    const sent = await this.api.sendPhoto(chatId, photo, fits && caption ? { caption } : {});
    const messageIds = [String(sent.message_id)];
    if (!fits) messageIds.push(...(await this.sendText(chatId, { kind: 'text', text: caption })).messageIds);
    return { messageIds };
  }

  /**
   * The VietQR code as a photo: by URL when the server has a public address, else the PNG's
   * bytes uploaded; without an image (no bank account in shop.yaml), the details as text.
   */
  private async sendPaymentQr(chatId: string, message: Extract<Outbound, { kind: 'payment_qr' }>): Promise<SentMessages> {
    const caption = message.caption.slice(0, TELEGRAM_CAPTION_LIMIT);
    const url = this.options.publicUrl ? await this.options.qr?.url(message.orderCode, message.amount) : null;
    if (url) {
      const sent = await this.api.sendPhoto(chatId, url, caption ? { caption } : {});
      return { messageIds: [String(sent.message_id)] };
    }
    const png = await this.options.qr?.png(message.orderCode, message.amount);
    if (!png) {
      const details = this.options.qr?.bankDetails(message.orderCode, message.amount) ?? '';
      return this.sendText(chatId, { kind: 'text', text: [message.caption, details].filter(Boolean).join('\n') });
    }
    const sent = await this.api.sendPhoto(chatId, new InputFile(png, `vietqr-${message.orderCode}.png`), caption ? { caption } : {});
    return { messageIds: [String(sent.message_id)] };
  }

  private photoOf(url: string): string | null {
    if (/^https?:\/\//i.test(url)) return url;
    if (url.startsWith('/')) return this.options.publicUrl ? new URL(url, this.options.publicUrl).toString() : null;
    return url;
  }
}
