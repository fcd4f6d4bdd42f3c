import { HTTPException } from 'hono/http-exception';
import { Hono, type Context } from 'hono';
import { adminRoutes } from './admin/index';
import type { ChannelRoute } from './channels/channel';
import { qrMediaRoute, type QrMedia } from './channels/media/qr-media';
import { sepayRoute } from './channels/sepay/route';
import type { CustomerMessenger } from './conversation/customer-messenger';
import type { BankTransfers } from './conversation/payments/bank-transfers';
import type { OwnerActions } from './conversation/owner-actions';
import type { ShopFlows } from './flows/schema';
import type { FlowStatus } from './flows/status';
import type { Logger } from './log';
import { databaseIsReachable, type Store } from './store/index';

export interface AppDeps {
  store: Store;
  /** The flows in force now; a reload swaps them without restarting. */
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  /** The channels' routes (webhooks, the web chat), mounted the same way on Node and Workers. */
  routes: readonly ChannelRoute[];
  /** The owner's dashboard: its password (none: localhost only) and how to tell the customer. */
  admin: { password: string | undefined; messenger: CustomerMessenger; desk?: OwnerActions; clientAddress?: (c: Context) => string | undefined; relearn?: () => Promise<void> };
  /** VietQR images for bank transfers (`/media/qr/…`), the same the senders link to. */
  qrMedia: QrMedia;
  /** Whether the last edit of the flow files was refused; /healthz and the dashboard say so. */
  flowStatus?: FlowStatus;
  /** Bank transfers: SePay's webhook at /payments/sepay when SEPAY_API_KEY is set, and the dashboard's manual match. */
  payments?: { transfers: BankTransfers; apiKey: string | undefined };
}

/** The whole HTTP surface, built by composeShop from the shop's parts. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    // A request refused on purpose (400 for an impossible date): its own answer, not a failure.
    if (error instanceof HTTPException) return error.getResponse();
    deps.log.error('request failed', { path: c.req.path, method: c.req.method, error: error.message });
    return c.json({ error: 'internal error; the operator can find it in the server log' }, 500);
  });

  app.route('/media', qrMediaRoute(deps.qrMedia));

  app.route(
    '/admin',
    adminRoutes({
      store: deps.store,
      flows: deps.flows,
      clock: deps.clock,
      log: deps.log,
      password: deps.admin.password,
      messenger: deps.admin.messenger,
      ...(deps.admin.desk ? { desk: deps.admin.desk } : {}),
      ...(deps.admin.clientAddress ? { clientAddress: deps.admin.clientAddress } : {}),
      ...(deps.admin.relearn ? { relearn: deps.admin.relearn } : {}),
      ...(deps.payments ? { transfers: deps.payments.transfers } : {}),
      ...(deps.flowStatus ? { flowStatus: deps.flowStatus } : {}),
    }),
  );

  for (const { path, route } of deps.routes) app.route(path, route);
  if (deps.payments?.apiKey) app.route('/payments/sepay', sepayRoute({ apiKey: deps.payments.apiKey, transfers: deps.payments.transfers, log: deps.log, clock: deps.clock }));

  app.get('/healthz', async (c) => {
    const database = await databaseIsReachable(deps.store);
    const flows = deps.flows();
    // An edit the server refused: the bot runs on the last good flows, the owner must fix the files.
    const refused = deps.flowStatus?.refusal;
    return c.json(
      {
        ok: database,
        status: !database ? 'down' : refused ? 'degraded' : 'ok',
        flows: { version: flows.version, count: flows.flows.size, ...(refused ? { refused: { at: refused.at, errors: refused.errors.length, warnings: refused.warnings.length } } : {}) },
        database: { kind: deps.store.kind, reachable: database },
      },
      database ? 200 : 503,
    );
  });

  return app;
}
