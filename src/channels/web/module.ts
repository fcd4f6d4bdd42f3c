import { Hono } from 'hono';
import type { ChannelModule } from '../channel';
import { webButtons, webChatApi } from './api';
import { chatPage } from './page';
import { PHOTO_PATH } from '../../store/index';
import { photoMediaRoute, webPhotoApi } from './photo-api';

/** The web chat: the page at `/` and its JSON API; the page pulls its replies, so it is always on. */
export const webChannel: ChannelModule = {
  name: 'web',
  enabled: () => true,
  buttons: webButtons,
  pulled: true,
  async open(shop) {
    const page = new Hono().get('/', (c) => {
      const { shop: profile, texts } = shop.flows().shop;
      return c.html(
        chatPage({ shopName: profile.name, tagline: profile.tagline, placeholder: texts.web_placeholder, sendLabel: texts.web_send, offlineText: texts.web_offline, photoLabel: texts.web_photo }),
      );
    });
    const api = webChatApi({ store: shop.store, conversations: shop.conversations, clock: shop.clock, qrMedia: shop.qr, clientAddress: shop.clientAddress });
    const photos = webPhotoApi({ store: shop.store, conversations: shop.conversations, flows: shop.flows, clock: shop.clock, log: shop.log, clientAddress: shop.clientAddress });
    return {
      routes: [
        { path: '/', route: page },
        { path: '/api/chat', route: api },
        { path: '/api/photo', route: photos },
        { path: PHOTO_PATH, route: photoMediaRoute(shop.store) },
      ],
    };
  },
};
