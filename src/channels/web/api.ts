import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Conversations } from '../../conversation/conversations';
import type { Outbound } from '../../engine/index';
import { type Store, takePendingForChat } from '../../store/index';
import type { QrMedia } from '../media/qr-media';
import { RateLimit } from './rate-limit';
import { tappableButtons } from '../button-display';

/**
 * A random (version 4) UUID, as the page makes it: whoever holds a visitor id reads that
 * visitor's replies, so it must not be guessable ("12345678" is refused).
 */
const VisitorId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'visitorId must be a random UUID (crypto.randomUUID()); reload the chat page to get one');

/** A person types and taps far slower than this; a script making new visitors is held here. */
const PER_VISITOR = { limit: 30, windowMs: 60_000 };
/** Generous: many customers share one address behind a mobile carrier's NAT. */
const PER_ADDRESS = { limit: 120, windowMs: 60_000 };
/** Each new visitor id costs rows on disk; one address opening more chats than this is a script. */
const NEW_VISITORS_PER_ADDRESS = { limit: 30, windowMs: 10 * 60_000 };

const ChatPost = z.strictObject({
  visitorId: VisitorId,
  /** Made by the page for each message, so a resend after a network error is not answered twice. */
  messageId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  text: z.string().trim().min(1).max(2000).optional(),
  button: z.string().min(1).max(64).optional(),
  name: z.string().trim().max(80).optional(),
}).refine((body) => (body.text === undefined) !== (body.button === undefined), 'send exactly one of text or button');

export interface WebChatDeps {
  store: Store;
  conversations: Conversations;
  clock: () => Date;
  /** Turns a payment_qr reply into an image the page can show. */
  qrMedia?: QrMedia;
  /** The client's address (the same reading the dashboard's lockout uses, behind a proxy too); unknown addresses are limited per visitor only. */
  clientAddress?: ((c: Context) => string | undefined) | undefined;
}

export interface WebReply {
  id: string;
  /** A payment_qr reply carries `url`, the path of its PNG (GET /media/qr/…). */
  message: Outbound | (Extract<Outbound, { kind: 'payment_qr' }> & { url?: string });
}

/** The page draws a reply's buttons as chips the visitor taps. */
export const webButtons = tappableButtons;

/** A reply as the page receives it: its buttons as `webButtons` shows them. */
function shownOnPage(message: Outbound): Outbound {
  if (message.kind !== 'text' || !message.buttons) return message;
  const shown = webButtons(message.text, message.buttons);
  return { ...message, text: shown.text, buttons: [...shown.buttons] };
}

/** The web chat's JSON API: the page posts what the visitor did and pulls the bot's replies. */
export function webChatApi(deps: WebChatDeps): Hono {
  const api = new Hono();
  const perVisitor = new RateLimit(PER_VISITOR.limit, PER_VISITOR.windowMs);
  const perAddress = new RateLimit(PER_ADDRESS.limit, PER_ADDRESS.windowMs);
  const newVisitors = new RateLimit(NEW_VISITORS_PER_ADDRESS.limit, NEW_VISITORS_PER_ADDRESS.windowMs);
  /** 429 with Retry-After when this visitor or this address sends faster than a person would. */
  const tooFast = (c: Context, visitorId: string) => {
    const now = deps.clock().getTime();
    const address = deps.clientAddress?.(c);
    const isNew = !perVisitor.seen(visitorId, now);
    const waitMs = Math.max(address ? perAddress.waitFor(address, now) : 0, address && isNew ? newVisitors.waitFor(address, now) : 0, perVisitor.waitFor(visitorId, now));
    if (waitMs === 0) {
      // Only what goes ahead is counted: a refused id stays new, so sending it again does not get past the new-visitor limit.
      perVisitor.record(visitorId, now);
      if (address) perAddress.record(address, now);
      if (address && isNew) newVisitors.record(address, now);
      return undefined;
    }
    const seconds = Math.ceil(waitMs / 1000);
    c.header('Retry-After', String(seconds));
    return c.json({ error: `too many messages; wait ${seconds} s`, retryAfter: seconds }, 429);
  };
  const pull = async (visitorId: string): Promise<WebReply[]> => {
    const rows = await takePendingForChat(deps.store.db, 'web', visitorId, deps.clock().toISOString());
    if (rows.some((row) => row.erase_after_send === 1)) await deps.store.checkpoint?.();
    return Promise.all(
      rows.map(async (row) => {
        const message = shownOnPage(JSON.parse(row.payload) as Outbound);
        if (message.kind !== 'payment_qr' || !deps.qrMedia) return { id: row.id, message };
        return { id: row.id, message: { ...message, url: await deps.qrMedia.path(message.orderCode, message.amount) } };
      }),
    );
  };

  api.post(
    '/',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: 'message too large (16 KB at most)' }, 413) }),
    async (c) => {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return c.json({ error: 'body must be JSON: {"visitorId", "messageId", "text" or "button"}' }, 400);
      }
      const parsed = ChatPost.safeParse(raw);
      if (!parsed.success) return c.json({ error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') }, 400);
      const body = parsed.data;
      const refused = tooFast(c, body.visitorId);
      if (refused) return refused;
      await deps.conversations.handle({
        channel: 'web',
        updateId: body.messageId,
        chatId: body.visitorId,
        userId: body.visitorId,
        ...(body.name ? { displayName: body.name } : {}),
        message: body.text !== undefined ? { kind: 'text', text: body.text } : { kind: 'button', value: body.button! },
      });
      return c.json({ replies: await pull(body.visitorId) });
    },
  );

  /** Replies that arrived without a post (a person answering while the bot is paused). */
  api.get('/', async (c) => {
    const visitor = VisitorId.safeParse(c.req.query('visitorId'));
    if (!visitor.success) return c.json({ error: visitor.error.issues[0]!.message }, 400);
    return c.json({ replies: await pull(visitor.data) });
  });

  return api;
}
