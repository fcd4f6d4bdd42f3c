import type { Context, MiddlewareFn } from 'grammy';
import type { OwnerDesk } from '../../conversation/owner-desk';
import type { Receive } from '../../conversation/receiver';
import type { Logger } from '../../log';
import { isOwnerOnlyCommand } from './commands';
import { customerUpdateOf } from './customer-update';
import { chatIdOf, ownerUpdateOf } from './owner-update';

export interface TelegramRouting {
  /** Runs a customer's turn; its replies go through the outbox, never as the webhook's answer. */
  receive: Receive;
  /** The owner's chat and its desk; absent when OWNER_TELEGRAM_CHAT_ID is not set. */
  owner?: { chatId: string; desk: OwnerDesk } | undefined;
  /** Records that a customer's chat blocked the bot, or started it again. */
  markBlocked: (chatId: string, blocked: boolean) => Promise<void>;
  log: Logger;
}

/** The bot's one middleware: the owner's chat goes to the owner desk, every other chat is a customer. */
export function telegramRouter(routing: TelegramRouting): MiddlewareFn<Context> {
  const { log } = routing;
  return async (ctx) => {
    const { update } = ctx;
    if (update.callback_query) {
      // Answered first, so the button stops spinning whatever the turn does; a failed answer loses nothing.
      await ctx.answerCallbackQuery().catch((error: unknown) => log.warn('telegram answerCallbackQuery failed', { update: update.update_id, error: String(error) }));
    }
    const owner = routing.owner;
    if (owner && chatIdOf(update) === owner.chatId) {
      const mapped = ownerUpdateOf(update);
      if (mapped.kind === 'message') return owner.desk.onMessage(mapped.message);
      if (mapped.kind === 'button') return owner.desk.onButton(mapped.updateId, mapped.value);
      return log.info('telegram update ignored', { update: update.update_id, reason: mapped.reason });
    }
    const mapped = customerUpdateOf(update);
    switch (mapped.kind) {
      case 'ignored':
        return log.info('telegram update ignored', { update: update.update_id, reason: mapped.reason });
      case 'membership':
        await routing.markBlocked(mapped.chatId, mapped.blocked);
        return log.info(mapped.blocked ? 'telegram customer blocked the bot' : 'telegram customer started the bot again', { update: update.update_id });
      case 'event': {
        const { message } = mapped.event;
        if (message.kind === 'text' && isOwnerOnlyCommand(message.text)) {
          return log.info('owner command refused: it did not come from the owner chat', { update: update.update_id, command: message.text.split(/\s/)[0] });
        }
        return routing.receive(mapped.event);
      }
    }
  };
}
