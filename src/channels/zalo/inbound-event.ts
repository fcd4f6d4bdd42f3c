import type { CourtesyReply } from '../../conversation/courtesy-reply';
import type { InboundEvent } from '../../conversation/inbound';
import { ZALO_EVENTS, type ZaloUpdate } from './types.js';

/** What an update asks of the shop: a turn, or one short fixed answer. */
export type ZaloInbound = { kind: 'turn'; event: InboundEvent } | { kind: 'courtesy'; reply: CourtesyReply };

/** Zalo sends these, and the bot can read none of them: the customer is asked to type. */
const UNREADABLE: ReadonlySet<string> = new Set([ZALO_EVENTS.voice, ZALO_EVENTS.sticker, ZALO_EVENTS.unsupported]);

/**
 * Maps a Zalo update to what the shop does with it; null for updates it does not answer
 * (an empty text, unknown events), which the caller logs and drops. A group chat (the bot
 * hears only mentions and replies to it there) is asked to write privately: ordering needs a
 * phone number and an address, which other members should not read.
 */
export function zaloInboundEvent(update: ZaloUpdate): ZaloInbound | null {
  const { message } = update;
  const courtesy = (text: CourtesyReply['text']): ZaloInbound => ({ kind: 'courtesy', reply: { channel: 'zalo', updateId: message.message_id, chatId: message.chat.id, text } });
  if (message.chat.chat_type?.toUpperCase() === 'GROUP') return courtesy('group_chat');
  if (UNREADABLE.has(update.event_name)) return courtesy('please_type');
  const base = {
    channel: 'zalo' as const,
    updateId: message.message_id,
    chatId: message.chat.id,
    userId: message.from.id,
    ...(message.from.display_name ? { displayName: message.from.display_name } : {}),
  };
  switch (update.event_name) {
    case ZALO_EVENTS.text:
      return message.text?.trim() ? { kind: 'turn', event: { ...base, message: { kind: 'text', text: message.text } } } : null;
    case ZALO_EVENTS.image:
      return message.photo_url ? { kind: 'turn', event: { ...base, message: { kind: 'photo', ref: message.photo_url, ...(message.caption ? { caption: message.caption } : {}) } } } : null;
    default:
      return null;
  }
}
