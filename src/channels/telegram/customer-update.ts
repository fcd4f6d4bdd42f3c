import type { Message, Update, User } from 'grammy/types';
import type { InboundEvent } from '../../conversation/inbound';
import type { Inbound } from '../../engine/index';
import { provinceNear } from '../../vietnam/province-centres';
import { inboundOfCallbackData } from './callback-data';

/** What a customer's update means to the shop. */
export type CustomerUpdate =
  | { kind: 'event'; event: InboundEvent }
  /** The customer blocked the bot (kicked) or started it again (member). */
  | { kind: 'membership'; chatId: string; blocked: boolean }
  | { kind: 'ignored'; reason: string };

/**
 * Maps an update from a customer's private chat to the channel-agnostic event. Groups other
 * than the owner's are not a shop counter: their updates are ignored, as are edits (the
 * original was answered already), stickers, voice notes and update types the shop does not use.
 */
export function customerUpdateOf(update: Update): CustomerUpdate {
  const updateId = String(update.update_id);
  if (update.message) {
    const { message } = update;
    if (message.chat.type !== 'private' || !message.from) return { kind: 'ignored', reason: `message in a ${message.chat.type} chat` };
    const inbound = inboundOfMessage(message);
    if (!inbound) return { kind: 'ignored', reason: `unsupported message (${contentOf(message)})` };
    return { kind: 'event', event: eventOf(updateId, String(message.chat.id), message.from, inbound) };
  }
  if (update.callback_query) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    if (chat && chat.type !== 'private') return { kind: 'ignored', reason: `button in a ${chat.type} chat` };
    if (query.data === undefined) return { kind: 'ignored', reason: 'button without callback data' };
    return { kind: 'event', event: eventOf(updateId, String(chat?.id ?? query.from.id), query.from, inboundOfCallbackData(query.data)) };
  }
  if (update.my_chat_member) {
    const { chat, new_chat_member: member } = update.my_chat_member;
    if (chat.type === 'private' && (member.status === 'kicked' || member.status === 'member')) {
      return { kind: 'membership', chatId: String(chat.id), blocked: member.status === 'kicked' };
    }
    return { kind: 'ignored', reason: `bot became ${member.status} in a ${chat.type} chat` };
  }
  if (update.edited_message) return { kind: 'ignored', reason: 'edited message (the original was answered)' };
  const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  return { kind: 'ignored', reason: `update type ${type}` };
}

function inboundOfMessage(message: Message): Inbound | null {
  if (message.text !== undefined) {
    const text = withoutBotName(message.text.trim());
    return text ? { kind: 'text', text } : null;
  }
  if (message.contact) {
    const name = [message.contact.first_name, message.contact.last_name].filter(Boolean).join(' ');
    return { kind: 'contact', phone: message.contact.phone_number, ...(name ? { name } : {}) };
  }
  if (message.photo && message.photo.length > 0) {
    // Telegram sends one photo in several sizes; the largest is the one worth keeping as evidence.
    const largest = message.photo.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));
    return { kind: 'photo', ref: largest.file_id, ...(message.caption ? { caption: message.caption } : {}) };
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    const province = provinceNear(latitude, longitude);
    return { kind: 'location', latitude, longitude, ...(province ? { province: province.name } : {}) };
  }
  return null;
}

/** `/start@VuonNhaTuBot` (a command picked from the list in a group-capable client) reads as `/start`. */
function withoutBotName(text: string): string {
  return text.replace(/^(\/[A-Za-z0-9_]+)@\w+/, '$1');
}

function eventOf(updateId: string, chatId: string, from: User, message: Inbound): InboundEvent {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return { channel: 'telegram', updateId, chatId, userId: String(from.id), ...(displayName ? { displayName } : {}), message };
}

function contentOf(message: Message): string {
  const kinds = ['sticker', 'voice', 'audio', 'video', 'video_note', 'document', 'animation', 'poll', 'dice'] as const;
  return kinds.find((kind) => message[kind] !== undefined) ?? 'other';
}
