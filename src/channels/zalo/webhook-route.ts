import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../../log';
import type { InboundEvent } from '../../conversation/inbound';
import { zaloInboundEvent } from './inbound-event';
import { parseZaloUpdate } from './types.js';
import { verifySecretToken, ZALO_SECRET_HEADER } from './webhook.js';

export interface ZaloWebhookDeps {
  secret: string;
  log: Logger;
  /** Runs the turn; the route answers once the turn is stored, before delivery finishes. */
  onEvent: (event: InboundEvent) => Promise<void>;
}

/** `POST /zalo/webhook`: 401 for a wrong secret, 400 for a body that is not an update, 200 otherwise. */
export function zaloWebhookRoute(deps: ZaloWebhookDeps): Hono {
  const route = new Hono();
  route.post('/', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ ok: false, description: 'body too large' }, 413) }), async (c) => {
    if (!verifySecretToken(c.req.header(ZALO_SECRET_HEADER), deps.secret)) {
      return c.json({ ok: false, description: `wrong or missing ${ZALO_SECRET_HEADER}` }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ ok: false, description: 'body is not JSON' }, 400);
    }
    const update = parseZaloUpdate(body);
    if (!update) return c.json({ ok: false, description: 'body is not a Zalo update' }, 400);
    const event = zaloInboundEvent(update);
    if (!event) {
      deps.log.info('zalo update ignored', { event: update.event_name });
      return c.json({ ok: true });
    }
    await deps.onEvent(event);
    return c.json({ ok: true });
  });
  return route;
}
