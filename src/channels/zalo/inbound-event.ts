import type { InboundEvent } from '../../conversation/inbound';
import type { ZaloUpdate } from './types.js';

/**
 * Maps a Zalo update to the channel-agnostic event; null for updates the shop does not
 * answer (stickers, unsupported and unknown events), which the caller logs and drops.
 */
export function zaloInboundEvent(update: ZaloUpdate): InboundEvent | null {
  const { message } = update;
  const base = {
    channel: 'zalo' as const,
    updateId: message.message_id,
    chatId: message.chat.id,
    userId: message.from.id,
    ...(message.from.display_name ? { displayName: message.from.display_name } : {}),
  };
  switch (update.event_name) {
    case 'message.text.received':
      return message.text?.trim() ? { ...base, message: { kind: 'text', text: message.text } } : null;
    case 'message.image.received':
      return message.photo_url ? { ...base, message: { kind: 'photo', ref: message.photo_url, ...(message.caption ? { caption: message.caption } : {}) } } : null;
    default:
      return null;
  }
}
