import { webhookCallback, type Bot } from 'grammy';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../../log';

/** The header Telegram signs webhook calls with (the `secret_token` given to setWebhook). */
export const TELEGRAM_SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** A text message is at most 4096 characters; with its envelope an update is a few KB. */
const MAX_BODY_BYTES = 256 * 1024;

export interface TelegramWebhookDeps {
  bot: Bot;
  secret: string;
  log: Logger;
}

/**
 * `POST /telegram/webhook`: 413 for an oversized body, 401 for a wrong secret, 400 for a body
 * that is not a JSON update; then grammY's Hono adapter runs the update. The turn is stored
 * before the 200 (so Telegram's retry of a failed one is safe), and replies go through the
 * outbox, never as the webhook's answer.
 */
export function telegramWebhookRoute(deps: TelegramWebhookDeps): Hono {
  const route = new Hono();
  const handleUpdate = webhookCallback(deps.bot, 'hono', { secretToken: deps.secret, onTimeout: 'throw', timeoutMilliseconds: 20_000 });
  route.post('/', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ ok: false, description: 'body too large' }, 413) }), async (c) => {
    if (!sameSecret(c.req.header(TELEGRAM_SECRET_HEADER), deps.secret)) {
      deps.log.warn('telegram webhook refused: wrong or missing secret token; if this is Telegram, run npm run telegram:setup again');
      return c.json({ ok: false, description: `wrong or missing ${TELEGRAM_SECRET_HEADER}` }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ ok: false, description: 'body is not JSON' }, 400);
    }
    if (!isUpdate(body)) return c.json({ ok: false, description: 'body is not a Telegram update (no update_id)' }, 400);
    return handleUpdate(c);
  });
  return route;
}

function isUpdate(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

/** Constant-time comparison: the time taken does not tell how much of a guess was right. */
function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined || secret.length === 0) return false;
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(secret);
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= (a[i % Math.max(a.length, 1)] ?? 0) ^ b[i]!;
  return difference === 0;
}
