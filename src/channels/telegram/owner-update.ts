import type { Update } from 'grammy/types';
import type { OwnerMessage } from '../../conversation/owner-desk';

/** What an update from the owner's chat asks of the owner desk. */
export type OwnerUpdate = { kind: 'message'; message: OwnerMessage } | { kind: 'button'; updateId: string; value: string } | { kind: 'ignored'; reason: string };

/** The chat an update comes from, if it has one. */
export function chatIdOf(update: Update): string | undefined {
  const chat = update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat ?? update.my_chat_member?.chat;
  return chat ? String(chat.id) : undefined;
}

/** Maps an update from the owner's chat: a message (a command, a reply to a relayed message) or a button tap. */
export function ownerUpdateOf(update: Update): OwnerUpdate {
  const updateId = String(update.update_id);
  if (update.message) {
    const { message } = update;
    if (message.from?.is_bot) return { kind: 'ignored', reason: 'message from another bot in the owner chat' };
    return {
      kind: 'message',
      message: {
        updateId,
        text: message.text ?? null,
        replyTo: message.reply_to_message ? String(message.reply_to_message.message_id) : null,
        inGroup: message.chat.type !== 'private',
      },
    };
  }
  if (update.callback_query?.data !== undefined) return { kind: 'button', updateId, value: update.callback_query.data };
  if (update.edited_message) return { kind: 'ignored', reason: 'edited message in the owner chat (the original was handled)' };
  const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  return { kind: 'ignored', reason: `update type ${type} in the owner chat` };
}
