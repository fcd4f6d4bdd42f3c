import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Conversations } from '../../conversation/conversations';
import type { Outbound } from '../../engine/types';
import type { Store } from '../../store/store';
import type { QrMedia } from '../media/qr-media';
import { markSent, pendingForChat } from '../../store/outbox';

const VisitorId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'visitorId must be 8–64 letters, digits or -');

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
}

export interface WebReply {
  id: string;
  /** A payment_qr reply carries `url`, the path of its PNG (GET /media/qr/…). */
  message: Outbound | (Extract<Outbound, { kind: 'payment_qr' }> & { url?: string });
}

/** The web chat's JSON API: the page posts what the visitor did and pulls the bot's replies. */
export function webChatApi(deps: WebChatDeps): Hono {
  const api = new Hono();
  const pull = async (visitorId: string): Promise<WebReply[]> => {
    const rows = await pendingForChat(deps.store.db, 'web', visitorId);
    await markSent(deps.store.db, rows.map((row) => row.id), deps.clock().toISOString());
    if (rows.some((row) => row.erase_after_send === 1)) await deps.store.checkpoint?.();
    return Promise.all(
      rows.map(async (row) => {
        const message = JSON.parse(row.payload) as Outbound;
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
