import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

/** The update types the shop handles; Telegram sends no others (setWebhook and getUpdates both ask for these). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** Long-poll window of getUpdates, in seconds. */
export const POLL_TIMEOUT_SECONDS = 30;

export interface TelegramBotOptions {
  token: string;
  /** The Bot API base URL (TELEGRAM_API_ROOT): a self-hosted Bot API server, or a local fake in tests. */
  apiRoot?: string | undefined;
  /** Known bot identity, to skip getMe (Workers, where every request starts fresh). */
  botInfo?: UserFromGetMe | undefined;
}

export function createTelegramBot(options: TelegramBotOptions): Bot {
  return new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : {}),
      // Longer than a long poll, far shorter than grammY's 500 s: a hung send must not hold the outbox.
      timeoutSeconds: POLL_TIMEOUT_SECONDS + 30,
    },
  });
}
