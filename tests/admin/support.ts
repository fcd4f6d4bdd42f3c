import { Hono } from 'hono';
import { adminRoutes, type AdminDeps } from '../../src/admin/index';
import { CustomerMessenger } from '../../src/conversation/customer-messenger';
import type { OutboxDelivery } from '../../src/conversation/outbox-delivery';
import type { ShopFlows } from '../../src/flows/schema';
import { memoryLogger } from '../../src/log';
import { fixtureFlows } from './fixture-flows';
import { openDatabase } from '../../src/runtime.node.ts';
import type { Store } from '../../src/store/index';
import { TestClock, tempDatabasePath } from '../support/harness';
import { generateShop, insertShop, type SeededShop } from './seed';

export { TestClock };

/** A real SQLite file with every migration applied, in a folder of its own. */
export async function openTestStore(): Promise<{ store: Store; path: string; close: () => Promise<void> }> {
  const database = tempDatabasePath();
  const { store } = await openDatabase(database.path);
  return {
    store,
    path: database.path,
    close: async () => {
      await store.close();
      database.cleanup();
    },
  };
}

/**
 * The real messenger writing to the real outbox; delivery is left to the channels (none
 * run here), so what the dashboard told customers stays readable in the outbox table.
 */
export function outboxMessenger(store: Store, clock: TestClock): CustomerMessenger {
  const deliveryLeftToChannels = { deliver: async () => undefined } as unknown as OutboxDelivery;
  return new CustomerMessenger({ store, delivery: deliveryLeftToChannels, clock: clock.now });
}

/** What customers were told outside their turns, oldest first. */
export async function toldCustomers(store: Store): Promise<{ channel: string; chatId: string; text: string }[]> {
  const rows = await store.db.selectFrom('outbox').select(['channel', 'chat_id', 'payload']).where('recipient', '=', 'customer').orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ channel: row.channel, chatId: row.chat_id, text: (JSON.parse(row.payload) as { text: string }).text }));
}

export const PASSWORD = 'vuon-nha-tu-2026';

export interface TestAdmin {
  app: Hono;
  clock: TestClock;
  log: ReturnType<typeof memoryLogger>;
}

/** The dashboard mounted at /admin as the lead mounts it. */
export function mountAdmin(store: Store, options: Partial<Pick<AdminDeps, 'password' | 'clientAddress' | 'relearn'>> & { clock?: TestClock; flows?: ShopFlows } = {}): TestAdmin {
  const clock = options.clock ?? new TestClock();
  const log = memoryLogger();
  const flows = options.flows ?? fixtureFlows();
  const app = new Hono();
  app.route(
    '/admin',
    adminRoutes({
      store,
      flows: () => flows,
      clock: clock.now,
      password: 'password' in options ? options.password : PASSWORD,
      messenger: outboxMessenger(store, clock),
      log,
      clientAddress: options.clientAddress ?? (() => '203.0.113.7'),
      ...(options.relearn ? { relearn: options.relearn } : {}),
    }),
  );
  return { app, clock, log };
}

/** Logs in through the form and returns the Cookie header value and the page's form token. */
export async function logIn(app: Hono, password = PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const response = await app.request('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ password, next: '/admin' }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  if (response.status !== 303 || !cookie.startsWith('admin_session=')) throw new Error(`login failed: ${response.status}`);
  const page = await (await app.request('/admin/orders', { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no form token on the orders page');
  return { cookie, csrf };
}

/** A logged-in dashboard over a generated month of the fixture shop. */
export async function openSeededAdmin(): Promise<{ store: Store; close: () => Promise<void>; shop: SeededShop; admin: TestAdmin; cookie: string }> {
  const { store, close } = await openTestStore();
  const admin = mountAdmin(store);
  const shop = generateShop(fixtureFlows(), { now: admin.clock.now() });
  await insertShop(store, shop);
  const { cookie } = await logIn(admin.app);
  return { store, close, shop, admin, cookie };
}
