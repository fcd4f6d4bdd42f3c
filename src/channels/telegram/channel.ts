import { GrammyError, type Bot } from 'grammy';
import type { Logger } from '../../log';
import { ALLOWED_UPDATES, createTelegramBot, POLL_TIMEOUT_SECONDS } from './bot';
import { telegramRouter, type TelegramRouting } from './router';
import { TelegramSender, type TelegramSenderOptions } from './sender';

export interface TelegramChannelOptions {
  token: string;
  apiRoot?: string | undefined;
  publicUrl?: string | undefined;
  routing: Omit<TelegramRouting, 'log'>;
  /** The label of the "share my phone number" button (shop.yaml texts.share_phone_button). */
  sharePhoneLabel: () => string;
  /** Draws VietQR codes for payment_qr replies (src/channels/media/qr-media.ts). */
  qr?: TelegramSenderOptions['qr'];
  log: Logger;
  /** Long polling (no public URL); with a public URL the webhook route receives the updates. */
  poll: boolean;
  /** Long-poll window in seconds (tests shorten it). */
  pollTimeoutSeconds?: number;
}

export interface TelegramChannel {
  /** The bot with the shop's router installed; the webhook route runs updates through it. */
  bot: Bot;
  sender: TelegramSender;
  stop(): Promise<void>;
}

/**
 * Checks the token with getMe and starts receiving. A wrong or revoked token stops only the
 * Telegram channel, with a message that says what to do; the rest of the server keeps running.
 */
export async function startTelegramChannel(options: TelegramChannelOptions): Promise<TelegramChannel | null> {
  const { log } = options;
  const bot = createTelegramBot({ token: options.token, apiRoot: options.apiRoot });
  try {
    await bot.init();
  } catch (error) {
    log.error(`telegram channel not started: ${whyTelegramFailed(error, options.apiRoot)}`);
    return null;
  }
  log.info('telegram bot connected', { bot: bot.botInfo.username, mode: options.poll ? 'polling' : 'webhook' });
  bot.use(telegramRouter({ ...options.routing, log }));
  // Polling only: a webhook hands the error back to Telegram (500), which sends the update again.
  bot.catch((error) => log.error('telegram update not processed', { update: error.ctx.update.update_id, error: String(error.error) }));

  let polling: Promise<void> | undefined;
  if (options.poll) {
    polling = bot
      .start({ allowed_updates: [...ALLOWED_UPDATES], timeout: options.pollTimeoutSeconds ?? POLL_TIMEOUT_SECONDS, drop_pending_updates: false })
      .catch((error: unknown) => log.error(`telegram polling stopped: ${whyTelegramFailed(error, options.apiRoot)}`));
  }
  return {
    bot,
    sender: new TelegramSender(bot.api, { publicUrl: options.publicUrl, sharePhoneLabel: options.sharePhoneLabel, qr: options.qr }),
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await polling;
    },
  };
}

/** What the operator should do about a failed Bot API call at start-up. */
export function whyTelegramFailed(error: unknown, apiRoot: string | undefined): string {
  if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
    return 'TELEGRAM_BOT_TOKEN is wrong or revoked: copy the token again from @BotFather and restart';
  }
  if (error instanceof GrammyError && error.error_code === 409) {
    return 'another copy of the bot is polling with this token (or a webhook was set meanwhile): stop the other copy, or set PUBLIC_URL to use the webhook';
  }
  const where = apiRoot ? `TELEGRAM_API_ROOT (${apiRoot})` : 'api.telegram.org';
  return `Telegram did not answer (${error instanceof Error ? error.message : String(error)}); check the network and ${where}, then restart`;
}
