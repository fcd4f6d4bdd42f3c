/**
 * Schemas (zod) and types of what the Zalo Bot API sends us. Parsing is tolerant: unknown
 * fields are kept, unknown event names and chat types are accepted, and a few spellings seen
 * in public clients are folded into the documented ones (see `ZaloMessageSchema`).
 */
import { z } from 'zod';

/**
 * Ids are opaque strings (e.g. `"5b1e0f…"`). A safe integer is turned into its decimal string so
 * that a numeric id never reaches our code as a number; anything else is rejected.
 */
export const ZaloIdSchema = z.union([
  z.string().min(1),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).transform((n) => String(n)),
]);

/** Milliseconds since the epoch; a numeric string is accepted too. */
export const ZaloTimestampSchema = z.union([
  z.number(),
  z.string().regex(/^\d+$/).transform((s) => Number(s)),
]);

// ---------------------------------------------------------------- envelope

export const ZaloOkEnvelopeSchema = z.looseObject({
  ok: z.literal(true),
  /** Absent on some methods (sendChatAction answers `{ "ok": true }`). */
  result: z.unknown().optional(),
});

export const ZaloErrorEnvelopeSchema = z.looseObject({
  ok: z.literal(false),
  error_code: z
    .union([z.number().int(), z.string().regex(/^\d+$/).transform((s) => Number(s))])
    .optional(),
  description: z.string().optional(),
});

/** `{ ok: true, result }` or `{ ok: false, error_code, description }`. */
export const ZaloEnvelopeSchema = z.discriminatedUnion('ok', [
  ZaloOkEnvelopeSchema,
  ZaloErrorEnvelopeSchema,
]);
export type ZaloEnvelope = z.infer<typeof ZaloEnvelopeSchema>;

// ---------------------------------------------------------------- getMe

/** The bot itself, as `getMe` describes it. Unknown fields are kept. */
export const ZaloUserSchema = z.looseObject({
  id: ZaloIdSchema,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
  display_name: z.string().optional(),
  name: z.string().optional(),
});
export type ZaloUser = z.infer<typeof ZaloUserSchema>;

// ---------------------------------------------------------------- messages and updates

export const ZALO_EVENTS = {
  text: 'message.text.received',
  image: 'message.image.received',
  sticker: 'message.sticker.received',
  voice: 'message.voice.received',
  unsupported: 'message.unsupported.received',
} as const;
export type ZaloKnownEventName = (typeof ZALO_EVENTS)[keyof typeof ZALO_EVENTS];
/** A known event name, or any other string (new events must not break parsing). */
export type ZaloEventName = ZaloKnownEventName | (string & {});

const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(ZALO_EVENTS));
export function isKnownEventName(name: string): name is ZaloKnownEventName {
  return KNOWN_EVENTS.has(name);
}

/** `PRIVATE` or `GROUP`; any other string is accepted as is. */
export type ZaloChatType = 'PRIVATE' | 'GROUP' | (string & {});

export const ZaloChatSchema = z.looseObject({
  id: ZaloIdSchema,
  chat_type: z
    .string()
    .transform((s): ZaloChatType => s)
    .optional(),
});
export type ZaloChat = z.infer<typeof ZaloChatSchema>;

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The sender. `display_name` is filled from `name` or `first_name` when only those are sent. */
export const ZaloSenderSchema = z
  .looseObject({
    id: ZaloIdSchema,
    display_name: z.string().optional(),
    name: z.string().optional(),
    is_bot: z.boolean().optional(),
  })
  .transform((from) => {
    const out = { ...from };
    out.display_name ??= from.name ?? optionalString(from['first_name']);
    if (out.display_name === undefined) delete out.display_name;
    return out;
  });
export type ZaloSender = z.infer<typeof ZaloSenderSchema>;

/**
 * A received message. Required: `message_id`, `chat.id`, `from.id`. Everything else is optional
 * so that a surprise in one field does not lose the customer's message. Spellings folded in:
 * `photo` → `photo_url`, `sticker_id` → `sticker`.
 */
export const ZaloMessageSchema = z
  .looseObject({
    message_id: ZaloIdSchema,
    date: ZaloTimestampSchema.optional(),
    chat: ZaloChatSchema,
    from: ZaloSenderSchema,
    text: z.string().optional(),
    photo_url: z.string().optional(),
    caption: z.string().optional(),
    sticker: z.string().optional(),
    voice_url: z.string().optional(),
  })
  .transform((message) => {
    const out = { ...message };
    const photo = optionalString(message['photo']);
    const stickerId = optionalString(message['sticker_id']);
    if (out.photo_url === undefined && photo !== undefined) out.photo_url = photo;
    if (out.sticker === undefined && stickerId !== undefined) out.sticker = stickerId;
    return out;
  });
export type ZaloMessage = z.infer<typeof ZaloMessageSchema>;

function inferEventName(message: unknown): ZaloKnownEventName {
  if (typeof message !== 'object' || message === null) return ZALO_EVENTS.unsupported;
  const m = message as Record<string, unknown>;
  if (typeof m['text'] === 'string') return ZALO_EVENTS.text;
  if (typeof m['photo_url'] === 'string' || typeof m['photo'] === 'string') return ZALO_EVENTS.image;
  if (typeof m['sticker'] === 'string' || typeof m['sticker_id'] === 'string') return ZALO_EVENTS.sticker;
  if (typeof m['voice_url'] === 'string') return ZALO_EVENTS.voice;
  return ZALO_EVENTS.unsupported;
}

/**
 * One update: `event_name` plus `message`. Unknown event names parse as they are (the caller
 * ignores them). When `event_name` is missing (as in one documented getUpdates sample) it is
 * inferred from the message's content.
 */
export const ZaloUpdateSchema = z.preprocess(
  (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
    const u = raw as Record<string, unknown>;
    return u['event_name'] === undefined ? { ...u, event_name: inferEventName(u['message']) } : u;
  },
  z.looseObject({
    event_name: z
      .string()
      .min(1)
      .transform((s): ZaloEventName => s),
    message: ZaloMessageSchema,
  }),
);
export type ZaloUpdate = z.infer<typeof ZaloUpdateSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an update from a webhook body or a getUpdates answer: bare, or wrapped in
 * `{ ok: true, result }`. Returns null for anything that is not an update (junk, an error
 * envelope, a body without a message).
 */
export function parseZaloUpdate(body: unknown): ZaloUpdate | null {
  if (!isRecord(body)) return null;
  let candidate: unknown = body;
  if ('ok' in body && !('message' in body)) {
    if (body['ok'] !== true) return null;
    candidate = body['result'];
  }
  const parsed = ZaloUpdateSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------- results of other methods

/** What `setWebhook`, `deleteWebhook` and `getWebhookInfo` answer. `url` is `""` when none. */
export const WebhookInfoSchema = z.looseObject({
  url: z.string().optional(),
  updated_at: ZaloTimestampSchema.optional(),
});
export type WebhookInfo = z.infer<typeof WebhookInfoSchema>;

/** What the send methods answer: the id and time of the message sent (when given). */
export const ZaloSentMessageSchema = z.looseObject({
  message_id: ZaloIdSchema.optional(),
  date: ZaloTimestampSchema.optional(),
});
export type ZaloSentMessage = z.infer<typeof ZaloSentMessageSchema>;

/** `typing` is documented; `upload_photo` is announced; other strings are passed through. */
export type ZaloChatAction = 'typing' | 'upload_photo' | (string & {});
