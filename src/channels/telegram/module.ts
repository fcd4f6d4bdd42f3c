import type { UserFromGetMe } from 'grammy/types';
import { withDefer, type Receive } from '../../conversation/receiver';
import type { Logger } from '../../log';
import { setCustomerBlocked } from '../../store/index';
import type { ChannelModule, ChannelShop } from '../channel';
import { createTelegramBot } from './bot';
import { startTelegramChannel, whyTelegramFailed } from './channel';
import { telegramRouter, type TelegramRouting } from './router';
import { telegramButtons } from './keyboard';
import { TelegramSender } from './sender';
import { telegramWebhookRoute } from './webhook-route';

/** Telegram (grammY): long polling on Node without PUBLIC_URL, `/telegram/webhook` otherwise; the owner's desk lives here. */
export const telegramChannel: ChannelModule = {
  name: 'telegram',
  enabled: (env) => Boolean(env.TELEGRAM_BOT_TOKEN),
  buttons: telegramButtons,
  ownerChat: (env, log) => {
    if (env.OWNER_TELEGRAM_CHAT_ID && !env.TELEGRAM_BOT_TOKEN) log.warn('OWNER_TELEGRAM_CHAT_ID is set but TELEGRAM_BOT_TOKEN is not: owner notices go to this log instead');
    return env.TELEGRAM_BOT_TOKEN ? (env.OWNER_TELEGRAM_CHAT_ID ?? null) : null;
  },
  async open(shop) {
    const { env, log } = shop;
    const token = env.TELEGRAM_BOT_TOKEN!;
    const apiRoot = env.TELEGRAM_API_ROOT;
    const sharePhoneLabel = () => shop.flows().shop.texts.share_phone_button;
    if (shop.poll) {
      const channel = await startTelegramChannel({ token, apiRoot, publicUrl: env.PUBLIC_URL, routing: routing(shop, shop.receive), sharePhoneLabel, qr: shop.qr, log, poll: true });
      return channel && { sender: channel.sender, stop: () => channel.stop() };
    }
    const identity = botIdentity(token, apiRoot, log);
    if (shop.verify) {
      try {
        const me = await identity();
        log.info('telegram bot connected', { bot: me.username, mode: 'webhook' });
      } catch (error) {
        log.error(`telegram channel not started: ${whyTelegramFailed(error, apiRoot)}`);
        return null;
      }
    }
    const sender = new TelegramSender(createTelegramBot({ token, apiRoot }).api, { publicUrl: env.PUBLIC_URL, sharePhoneLabel, qr: shop.qr });
    const secret = env.TELEGRAM_WEBHOOK_SECRET;
    if (!secret) return { sender };
    // A fresh bot per update (cheap once the identity is known), so its turns defer delivery to that request.
    const bot = async (defer: Parameters<typeof withDefer>[1]) => {
      const perRequest = createTelegramBot({ token, apiRoot, botInfo: await identity() });
      perRequest.use(telegramRouter({ ...routing(shop, withDefer(shop.receive, defer)), log }));
      return perRequest;
    };
    return { sender, routes: [{ path: '/telegram/webhook', route: telegramWebhookRoute({ bot, secret, log }) }] };
  },
};

/** Customers' turns through `receive`; the owner's chat to the owner's desk. */
function routing(shop: ChannelShop, receive: Receive): Omit<TelegramRouting, 'log'> {
  const desk = shop.ownerDesk(receive);
  return {
    receive,
    owner: desk && shop.owner ? { chatId: shop.owner.chatId, desk } : undefined,
    markBlocked: async (chatId, blocked) => void (await setCustomerBlocked(shop.store.db, 'telegram', chatId, blocked)),
  };
}

/** getMe once per process or isolate; a failure is tried again by the next update. */
function botIdentity(token: string, apiRoot: string | undefined, log: Logger): () => Promise<UserFromGetMe> {
  let botInfo: Promise<UserFromGetMe> | undefined;
  return () => {
    botInfo ??= createTelegramBot({ token, apiRoot })
      .api.getMe()
      .catch((error: unknown) => {
        botInfo = undefined;
        log.error('telegram getMe failed; check TELEGRAM_BOT_TOKEN', { error: String(error) });
        throw error;
      });
    return botInfo;
  };
}
