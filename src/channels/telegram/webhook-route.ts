import { BotError, webhookCallback, type Bot } from 'grammy';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Defer } from '../../conversation/receiver';
import type { Logger } from '../../log';
import { repeatedWarning } from '../repeated-warning';
import { deferOf } from '../request-defer';
import { unusableParts } from './update-shape';

/** The header Telegram signs webhook calls with (the `secret_token` given to setWebhook). */
export const TELEGRAM_SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** A text message is at most 4096 characters; with its envelope an update is a few KB. */
const MAX_BODY_BYTES = 256 * 1024;

export interface TelegramWebhookDeps {
  /** The bot that runs one update, its turns deferring delivery to this request (Workers' waitUntil). */
  bot: (defer: Defer) => Promise<Bot>;
  secret: string;
  log: Logger;
}

/**
 * `POST /telegram/webhook`: 413 for an oversized body, 401 for a wrong secret; then grammY's
 * Hono adapter runs the update. The turn is stored before the 200 (so Telegram's retry of a
 * failed one is safe), and replies go through the outbox, never as the webhook's answer.
 * A signed body the shop cannot use gets 200 and one log line: Telegram retries any other
 * answer and holds back the chat's later updates, and the same body would fail again. Only
 * a failure that a retry can cure (the database) answers 5xx.
 */
export function telegramWebhookRoute(deps: TelegramWebhookDeps): Hono {
  const route = new Hono();
  const wrongSecret = repeatedWarning(deps.log, 'telegram webhook refused: wrong or missing secret token; if this is Telegram, run npm run telegram:setup again');
  const unusable = (c: Context, reason: string, update?: unknown) => {
    deps.log.warn('telegram update not usable; answered 200 so Telegram does not retry it', { reason, ...(update === undefined ? {} : { update }) });
    return c.json({ ok: true });
  };
  route.post('/', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ ok: false, description: 'body too large' }, 413) }), async (c) => {
    if (!sameSecret(c.req.header(TELEGRAM_SECRET_HEADER), deps.secret)) {
      wrongSecret();
      return c.json({ ok: false, description: `wrong or missing ${TELEGRAM_SECRET_HEADER}` }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return unusable(c, 'body is not JSON');
    }
    if (!isUpdate(body)) return unusable(c, 'body is not a Telegram update (no update_id)');
    const problem = unusableParts(body);
    if (problem) return unusable(c, problem, body.update_id);
    const bot = await deps.bot(deferOf(c));
    try {
      return await webhookCallback(bot, 'hono', { secretToken: deps.secret, onTimeout: 'throw', timeoutMilliseconds: 20_000 })(c);
    } catch (error) {
      // A TypeError is this update meeting a shape the code did not expect: retrying cannot help.
      const cause = error instanceof BotError ? error.error : error;
      if (cause instanceof TypeError) return unusable(c, cause.message, body.update_id);
      throw error;
    }
  });
  return route;
}

function isUpdate(body: unknown): body is { update_id: number } {
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
