import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Conversations } from '../../conversation/conversations';
import type { ShopFlows } from '../../flows/schema';
import type { Logger } from '../../log';
import { newPhoto, photoById, savePhotoQuery, type Store } from '../../store/index';
import type { Context } from 'hono';
import { checkPhoto, MAX_PHOTO_BYTES, type UploadProblem } from './photo';
import { RateLimit } from './rate-limit';

const PhotoPost = z.object({
  // The same random UUID the chat posts with (src/channels/web/api.ts).
  visitorId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i),
  messageId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  caption: z.string().trim().max(500).optional(),
  photo: z.instanceof(File),
});

/** A return needs a few photos; each is up to 1 MB on disk, so a visitor or an address sending more is refused for a while. */
const PHOTOS_PER_VISITOR = { limit: 10, windowMs: 60 * 60_000 };
const PHOTOS_PER_ADDRESS = { limit: 30, windowMs: 60 * 60_000 };

export interface PhotoApiDeps {
  store: Store;
  conversations: Conversations;
  flows: () => ShopFlows;
  clock: () => Date;
  log: Logger;
  /** The client's address, as the chat's own limits read it; unknown addresses are limited per visitor only. */
  clientAddress?: ((c: Context) => string | undefined) | undefined;
}

/**
 * The web chat's photo upload: the photo is checked by its bytes, stripped of its metadata,
 * and stored in the same batch as the turn it is part of (a return request's photo step).
 * The page then pulls the replies as it does after any message.
 */
export function webPhotoApi(deps: PhotoApiDeps): Hono {
  const api = new Hono();
  const perVisitor = new RateLimit(PHOTOS_PER_VISITOR.limit, PHOTOS_PER_VISITOR.windowMs);
  const perAddress = new RateLimit(PHOTOS_PER_ADDRESS.limit, PHOTOS_PER_ADDRESS.windowMs);
  const refuse = (problem: UploadProblem) => {
    const texts = deps.flows().shop.texts;
    return { error: texts.photo_rejected?.[problem] ?? texts.retry_photo, problem };
  };
  api.post(
    '/',
    // The multipart envelope around a photo of at most 1 MB.
    bodyLimit({ maxSize: MAX_PHOTO_BYTES + 64 * 1024, onError: (c) => c.json(refuse('too_big'), 413) }),
    async (c) => {
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        return c.json(refuse('broken'), 400);
      }
      const parsed = PhotoPost.safeParse(form);
      if (!parsed.success) return c.json({ error: `send multipart fields visitorId, messageId and photo: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}` }, 400);
      const { visitorId, messageId, caption, photo } = parsed.data;
      const now = deps.clock().getTime();
      const address = deps.clientAddress?.(c);
      const waitMs = Math.max(perVisitor.waitFor(visitorId, now), address ? perAddress.waitFor(address, now) : 0);
      if (waitMs > 0) {
        c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
        return c.json(refuse('too_many'), 429);
      }
      perVisitor.record(visitorId, now);
      if (address) perAddress.record(address, now);
      const checked = checkPhoto(new Uint8Array(await photo.arrayBuffer()));
      if (!checked.ok) {
        deps.log.info('web chat photo refused', { problem: checked.problem, bytes: photo.size });
        return c.json(refuse(checked.problem), checked.problem === 'too_big' ? 413 : 415);
      }
      const { id, ref } = newPhoto();
      const customerId = `web:${visitorId}`;
      await deps.conversations.handle(
        { channel: 'web', updateId: messageId, chatId: visitorId, userId: visitorId, message: { kind: 'photo', ref, ...(caption ? { caption } : {}) } },
        { extraQueries: [savePhotoQuery(deps.store.db, { id, customerId, contentType: checked.contentType, bytes: checked.bytes, now: deps.clock().toISOString() })] },
      );
      return c.json({ ok: true, url: ref });
    },
  );
  return api;
}

/** Serves a stored photo to whoever holds its address (the customer's page, the dashboard, Telegram). */
export function photoMediaRoute(store: Store): Hono {
  return new Hono().get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return c.text('no such photo', 404);
    const photo = await photoById(store.db, id);
    if (!photo) return c.text('no such photo', 404);
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': photo.contentType,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    });
  });
}
