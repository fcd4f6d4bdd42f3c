import type { Bot } from 'grammy';
import type { Hono } from 'hono';
import { createApp } from '../../../src/app';
import { createTelegramBot } from '../../../src/channels/telegram/bot';
import { telegramRouter } from '../../../src/channels/telegram/router';
import { TelegramSender } from '../../../src/channels/telegram/sender';
import { QrMedia, qrSigningKey } from '../../../src/channels/media/qr-media';
import { TELEGRAM_SECRET_HEADER } from '../../../src/channels/telegram/webhook-route';
import { Conversations } from '../../../src/conversation/conversations';
import { CustomerMessenger } from '../../../src/conversation/customer-messenger';
import { OutboxDelivery } from '../../../src/conversation/outbox-delivery';
import { OwnerDesk } from '../../../src/conversation/owner-desk';
import { createReceiver, type Receive } from '../../../src/conversation/receiver';
import { createEngine, type Engine } from '../../../src/engine/engine';
import { memoryLogger } from '../../../src/log';
import { openDatabase } from '../../../src/runtime.node.ts';
import { setCustomerBlocked } from '../../../src/store/customers';
import type { Store } from '../../../src/store/store';
import { FakeTelegramApi, TelegramUpdates } from '../../fakes/telegram-api-server';
import { eventually } from '../../support/eventually';
import { TestClock, tempDatabasePath } from '../../support/harness';
import { sampleFlows } from '../../support/sample-flows';

export const WEBHOOK_SECRET = 'telegram-webhook-secret-0123456789';
export const OWNER_CHAT = -1001234567890;
export const PUBLIC_URL = 'https://shop.example.vn';

/**
 * The shop as `npm start` wires it with a public URL: the real grammY bot behind
 * `/telegram/webhook`, pointed at a fake Bot API on 127.0.0.1, the owner desk on a group chat,
 * a real SQLite file and a test clock.
 */
export interface TelegramShop {
  api: FakeTelegramApi;
  updates: TelegramUpdates;
  bot: Bot;
  app: Hono;
  store: Store;
  engine: Engine;
  delivery: OutboxDelivery;
  receive: Receive;
  desk: OwnerDesk;
  clock: TestClock;
  log: ReturnType<typeof memoryLogger>;
  /** Posts an update to the webhook as Telegram does; returns the HTTP status. */
  post(update: unknown, secret?: string | null): Promise<number>;
  /** Posts an update and waits until every message it caused reached the fake API; returns their texts. */
  send(update: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function startTelegramShop(options: { clock?: TestClock } = {}): Promise<TelegramShop> {
  const api = new FakeTelegramApi({ maxPollWaitMs: 200 });
  await api.start();
  const database = tempDatabasePath();
  const { store } = await openDatabase(database.path);
  const engine = createEngine(await sampleFlows());
  const clock = options.clock ?? new TestClock();
  const log = memoryLogger();
  const owner = { channel: 'telegram', chatId: String(OWNER_CHAT) };
  let codes = 0;
  const conversations = new Conversations({
    store,
    engine: () => engine,
    clock: clock.now,
    idleMinutes: 30,
    owner,
    log,
    orderCode: () => `XB${String(++codes).padStart(3, '0')}`,
    publicUrl: PUBLIC_URL,
  });
  const bot = createTelegramBot({ token: api.token, apiRoot: api.url });
  // VietQR images: the senders link to the same /media route the app serves.
  const qrMedia = new QrMedia({ store, flows: () => engine.flows, key: qrSigningKey(['telegram-shop-test-secret']), publicUrl: PUBLIC_URL });
  const sender = new TelegramSender(bot.api, { publicUrl: PUBLIC_URL, sharePhoneLabel: () => engine.flows.shop.texts.share_phone_button, qr: qrMedia });
  const delivery = new OutboxDelivery({ store, senders: { telegram: sender }, clock: clock.now, log, pulledChannels: ['web', 'terminal'] });
  const receive = createReceiver(conversations, delivery, log);
  const messenger = new CustomerMessenger({ store, delivery, clock: clock.now });
  const desk = new OwnerDesk({ store, flows: () => engine.flows, clock: clock.now, log, owner, delivery, messenger, receive, humanReplyMinutes: 10 });
  bot.use(
    telegramRouter({
      receive,
      owner: { chatId: owner.chatId, desk },
      markBlocked: async (chatId, blocked) => void (await setCustomerBlocked(store.db, 'telegram', chatId, blocked)),
      log,
    }),
  );
  const app = createApp({ store, conversations, delivery, flows: () => engine.flows, clock: clock.now, log, receive, webhooks: { telegram: { bot, secret: WEBHOOK_SECRET } }, admin: { password: undefined, messenger }, qrMedia });

  const post = async (update: unknown, secret: string | null = WEBHOOK_SECRET) => {
    const response = await app.request('/telegram/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [TELEGRAM_SECRET_HEADER]: secret }) },
      body: typeof update === 'string' ? update : JSON.stringify(update),
    });
    return response.status;
  };
  const pending = async () => (await store.db.selectFrom('outbox').select('id').where('status', '=', 'pending').where('channel', '=', 'telegram').execute()).length;
  return {
    api,
    updates: new TelegramUpdates(api.bot),
    bot,
    app,
    store,
    engine,
    delivery,
    receive,
    desk,
    clock,
    log,
    post,
    async send(update) {
      const before = api.calls.filter((call) => call.method === 'sendMessage' || call.method === 'sendPhoto').length;
      const status = await post(update);
      if (status !== 200) throw new Error(`webhook answered ${status}`);
      await eventually(async () => (await pending()) === 0, 'the outbox to empty');
      return api.calls
        .filter((call) => call.method === 'sendMessage' || call.method === 'sendPhoto')
        .slice(before)
        .map((call) => String(call.body['text'] ?? call.body['caption'] ?? ''))
        .join('\n');
    },
    async close() {
      await store.close();
      await api.close();
      database.cleanup();
    },
  };
}

/** The inline buttons of the latest message the bot sent to a chat: label → callback data. */
export function lastButtons(api: FakeTelegramApi, chatId: number | string): { text: string; callback_data: string }[] {
  const withKeyboard = api.sentTo(chatId).filter((body) => (body['reply_markup'] as { inline_keyboard?: unknown } | undefined)?.inline_keyboard);
  const markup = withKeyboard.at(-1)?.['reply_markup'] as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
  return markup?.inline_keyboard.flat() ?? [];
}

/** The callback data of the latest button whose label contains `label`. */
export function buttonData(api: FakeTelegramApi, chatId: number | string, label: string): string {
  const button = lastButtons(api, chatId).find((candidate) => candidate.text.includes(label));
  if (!button) throw new Error(`no button "${label}" among ${JSON.stringify(lastButtons(api, chatId).map((b) => b.text))}`);
  return button.callback_data;
}
