import type { Hono } from 'hono';
import { TELEGRAM_SECRET_HEADER } from '../../../src/channels/telegram/webhook-route';
import type { OutboxDelivery } from '../../../src/conversation/outbox-delivery';
import type { OwnerDesk } from '../../../src/conversation/owner-desk';
import type { Receive } from '../../../src/conversation/receiver';
import type { Engine } from '../../../src/engine/index';
import type { memoryLogger } from '../../../src/log';
import type { Store } from '../../../src/store/index';
import { FakeTelegramApi, TelegramUpdates } from '../../fakes/telegram-api-server';
import { eventually } from '../../support/eventually';
import { startHarness, TestClock, tempDatabasePath } from '../../support/harness';

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
  const harness = await startHarness({
    path: database.path,
    ...(options.clock ? { clock: options.clock } : {}),
    env: {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      OWNER_TELEGRAM_CHAT_ID: String(OWNER_CHAT),
      PUBLIC_URL,
      // The VietQR links the senders make and the /media route the app serves share this key.
      ADMIN_PASSWORD: 'telegram-shop-test-secret',
    },
  });
  const { app, store, engine, delivery, receive, clock, log } = harness;
  const desk = harness.shop.ownerDesk!;

  const post = async (update: unknown, secret: string | null = WEBHOOK_SECRET) => {
    const response = await app.request('/telegram/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [TELEGRAM_SECRET_HEADER]: secret }) },
      body: typeof update === 'string' ? update : JSON.stringify(update),
    });
    return response.status;
  };
  const pending = async () => (await store.db.selectFrom('outbox').select('id').where('status', 'in', ['pending', 'sending']).where('channel', '=', 'telegram').execute()).length;
  return {
    api,
    updates: new TelegramUpdates(api.bot),
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
      await harness.close();
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
