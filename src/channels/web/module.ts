import { Hono } from 'hono';
import type { ChannelModule } from '../channel';
import { webChatApi } from './api';
import { chatPage } from './page';

/** The web chat: the page at `/` and its JSON API; the page pulls its replies, so it is always on. */
export const webChannel: ChannelModule = {
  name: 'web',
  enabled: () => true,
  pulled: true,
  async open(shop) {
    const page = new Hono().get('/', (c) => {
      const { shop: profile, texts } = shop.flows().shop;
      return c.html(
        chatPage({ shopName: profile.name, tagline: profile.tagline, placeholder: texts.web_placeholder, sendLabel: texts.web_send, offlineText: texts.web_offline }),
      );
    });
    const api = webChatApi({ store: shop.store, conversations: shop.conversations, clock: shop.clock, qrMedia: shop.qr });
    return { routes: [{ path: '/', route: page }, { path: '/api/chat', route: api }] };
  },
};
