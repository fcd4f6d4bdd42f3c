import type { Bot } from 'grammy';
import { Hono, type Context } from 'hono';
import { adminRoutes } from './admin/index';
import { chatPage } from './channels/web/page';
import { webChatApi } from './channels/web/api';
import { QrMedia, qrMediaRoute, qrSigningKey } from './channels/media/qr-media';
import { zaloWebhookRoute } from './channels/zalo/webhook-route';
import { telegramWebhookRoute } from './channels/telegram/webhook-route';
import type { Conversations } from './conversation/conversations';
import type { CustomerMessenger } from './conversation/customer-messenger';
import type { Receive } from './conversation/receiver';
import type { OutboxDelivery } from './conversation/outbox-delivery';
import type { ShopFlows } from './flows/schema';
import type { Logger } from './log';
import { databaseIsReachable } from './store/migrate';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  conversations: Conversations;
  delivery: OutboxDelivery;
  /** The flows in force now; a reload swaps them without restarting. */
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  /** Runs a turn for a platform update; webhooks call it. */
  receive: Receive;
  /** Webhook secrets of the channels that receive by webhook (and Telegram's bot, which runs the update); absent ones get no route. */
  webhooks?: { zalo?: { secret: string }; telegram?: { bot: Bot; secret: string } };
  /** The owner's dashboard: its password (none: localhost only) and how to tell the customer. */
  admin: { password: string | undefined; messenger: CustomerMessenger; clientAddress?: (c: Context) => string | undefined };
  /** VietQR images for bank transfers (`/media/qr/…`); share it with the senders. Absent: one with a random key. */
  qrMedia?: QrMedia;
}

/** The whole HTTP surface, built from what the entry (Node or Workers) hands it. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    deps.log.error('request failed', { path: c.req.path, method: c.req.method, error: error.message });
    return c.json({ error: 'internal error; the operator can find it in the server log' }, 500);
  });

  app.get('/', (c) => {
    const { shop } = deps.flows();
    return c.html(
      chatPage({
        shopName: shop.shop.name,
        tagline: shop.shop.tagline,
        placeholder: shop.texts.web_placeholder,
        sendLabel: shop.texts.web_send,
        offlineText: shop.texts.web_offline,
      }),
    );
  });

  const qrMedia = deps.qrMedia ?? new QrMedia({ store: deps.store, flows: deps.flows, key: qrSigningKey([]) });
  app.route('/media', qrMediaRoute(qrMedia));

  app.route('/api/chat', webChatApi({ ...deps, qrMedia }));

  app.route(
    '/admin',
    adminRoutes({
      store: deps.store,
      flows: deps.flows,
      clock: deps.clock,
      log: deps.log,
      password: deps.admin.password,
      messenger: deps.admin.messenger,
      ...(deps.admin.clientAddress ? { clientAddress: deps.admin.clientAddress } : {}),
    }),
  );

  if (deps.webhooks?.zalo) {
    app.route('/zalo/webhook', zaloWebhookRoute({ secret: deps.webhooks.zalo.secret, log: deps.log, onEvent: (event) => deps.receive(event) }));
  }

  if (deps.webhooks?.telegram) {
    app.route('/telegram/webhook', telegramWebhookRoute({ ...deps.webhooks.telegram, log: deps.log }));
  }

  app.get('/healthz', async (c) => {
    const database = await databaseIsReachable(deps.store);
    const flows = deps.flows();
    return c.json({ ok: database, flows: { version: flows.version, count: flows.flows.size }, database: { kind: deps.store.kind, reachable: database } }, database ? 200 : 503);
  });

  return app;
}
