import type { Button, Inbound } from '../engine/index';
import type { OwnerTexts } from '../flows/schema';
import { ownerText, type NoticeContext, type OwnerNotice } from './owner-notices';

/** A photo for the owner (a return claim's, or one a customer sent to a person), by platform file id or URL. */
export interface OwnerPhoto {
  kind: 'image';
  url: string;
  caption?: string;
  notice: string;
}

/** What goes to the owner's chat: a notice (with the hand-back button when a person has the conversation) or a photo. */
export type NoticeForOwner = (OwnerNotice & { buttons?: Button[] }) | OwnerPhoto;

/** Button value that hands a conversation back to the bot: `xong:<conversation id>`, well within Telegram's 64 bytes. */
export const HAND_BACK = 'xong:';

export function handBackButton(texts: OwnerTexts, conversationId: string): Button {
  return { label: texts.hand_back_button, value: `${HAND_BACK}${conversationId}` };
}

/** What a customer said while a person has the conversation, as the owner sees it. */
export function relayToOwner(texts: OwnerTexts, message: Inbound, context: NoticeContext): NoticeForOwner[] {
  const notice = `customer message relayed from ${context.channel}`;
  const relay = (text: string): NoticeForOwner[] => [{ kind: 'text', text: ownerText(texts.relay, { ...context, message: text }), notice }];
  switch (message.kind) {
    case 'text':
      return relay(message.text);
    case 'contact':
      return relay(`📞 ${message.phone}${message.name ? ` (${message.name})` : ''}`);
    case 'location':
      return relay(`📍 ${message.latitude.toFixed(5)}, ${message.longitude.toFixed(5)}${message.province ? ` (${message.province})` : ''}`);
    case 'photo':
      return [{ kind: 'image', url: message.ref, caption: [ownerText(texts.relay_photo, context), message.caption ?? ''].filter(Boolean).join('\n'), notice }];
    case 'button':
    case 'handback':
    case 'scheduled':
      // A tap on an old button means nothing to a person reading the chat.
      return [];
  }
}

/** Puts the hand-back button under the owner's notices of a conversation a person now has. */
export function withHandBack(messages: NoticeForOwner[], texts: OwnerTexts, conversationId: string): NoticeForOwner[] {
  return messages.map((message) => (message.kind === 'text' ? { ...message, buttons: [handBackButton(texts, conversationId)] } : message));
}
