import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../../log';
import type { Defer } from '../../conversation/receiver';
import { repeatedWarning } from '../repeated-warning';
import { deferOf } from '../request-defer';
import { zaloInboundEvent, type ZaloInbound } from './inbound-event';
import { parseZaloUpdate } from './types.js';
import { verifySecretToken, ZALO_SECRET_HEADER } from './webhook.js';

export interface ZaloWebhookDeps {
  secret: string;
  log: Logger;
  /** Runs the turn (or queues the short fixed answer); the route answers once it is stored, before delivery finishes. */
  onEvent: (event: ZaloInbound, defer: Defer) => Promise<void>;
}

/**
 * `POST /zalo/webhook`: 401 for a wrong secret (logged at most once a minute), 200 otherwise.
 * A signed body that is not an update Zalo would only send again, so it gets 200 and one
 * log line; only a failure to store the turn answers 5xx, for Zalo to retry.
 */
export function zaloWebhookRoute(deps: ZaloWebhookDeps): Hono {
  const route = new Hono();
  const wrongSecret = repeatedWarning(deps.log, `zalo webhook refused: wrong or missing secret token (${ZALO_SECRET_HEADER}); if this is Zalo, run npm run zalo:setup again`);
  const unusable = (c: Context, reason: string) => {
    deps.log.warn('zalo update not usable; answered 200 so Zalo does not retry it', { reason });
    return c.json({ ok: true });
  };
  route.post('/', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ ok: false, description: 'body too large' }, 413) }), async (c) => {
    if (!verifySecretToken(c.req.header(ZALO_SECRET_HEADER), deps.secret)) {
      wrongSecret();
      return c.json({ ok: false, description: `wrong or missing ${ZALO_SECRET_HEADER}` }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return unusable(c, 'body is not JSON');
    }
    const update = parseZaloUpdate(body);
    if (!update) return unusable(c, 'body is not a Zalo update');
    const event = zaloInboundEvent(update);
    if (!event) {
      deps.log.info('zalo update ignored', { event: update.event_name });
      return c.json({ ok: true });
    }
    await deps.onEvent(event, deferOf(c));
    return c.json({ ok: true });
  });
  return route;
}
