import type { ChannelModule } from '../channel';
import { startZaloChannel } from './channel';
import { ZaloBotClient } from './client';
import { ZaloSender, zaloButtons } from './sender';
import type { ZaloInbound } from './inbound-event';
import type { Defer } from '../../conversation/receiver';
import { zaloWebhookRoute } from './webhook-route';

/** Zalo (our own client): polling on Node without PUBLIC_URL, `/zalo/webhook` otherwise. */
export const zaloChannel: ChannelModule = {
  name: 'zalo',
  enabled: (env) => Boolean(env.ZALO_BOT_TOKEN),
  buttons: zaloButtons,
  async open(shop) {
    const { env, log } = shop;
    const arrive = (inbound: ZaloInbound, defer?: Defer) => (inbound.kind === 'turn' ? shop.receive(inbound.event, defer) : shop.courtesy(inbound.reply, defer));
    const token = env.ZALO_BOT_TOKEN!;
    let sender: ZaloSender;
    let stop: (() => Promise<void>) | undefined;
    if (shop.verify) {
      const channel = await startZaloChannel({ token, apiUrl: env.ZALO_API_URL, publicUrl: env.PUBLIC_URL, qr: shop.qr, receive: shop.receive, courtesy: shop.courtesy, log, poll: shop.poll });
      if (!channel) return null;
      sender = channel.sender;
      stop = () => channel.stop();
    } else {
      sender = new ZaloSender(new ZaloBotClient(token, env.ZALO_API_URL ? { apiUrl: env.ZALO_API_URL } : {}), env.PUBLIC_URL, shop.qr);
    }
    const secret = env.ZALO_WEBHOOK_SECRET;
    const routes = secret ? [{ path: '/zalo/webhook', route: zaloWebhookRoute({ secret, log, onEvent: arrive }) }] : [];
    return { sender, routes, ...(stop ? { stop } : {}) };
  },
};
