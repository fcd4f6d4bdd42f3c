/**
 * zalo-bot-sdk-wrapper: a small typed client for the Zalo Bot API
 * (https://bot.zaloplatforms.com/docs) for Node and Cloudflare Workers.
 */
export { ZaloBotClient, DEFAULT_ZALO_API_URL, DEFAULT_TIMEOUT_MS, DEFAULT_POLL_TIMEOUT_SECONDS } from './client.js';
export type {
  ZaloBotClientOptions,
  ZaloCallOptions,
  GetUpdatesParams,
  SetWebhookParams,
  SendMessageParams,
  SendPhotoParams,
  SendChatActionParams,
  SendStickerParams,
} from './client.js';

export { ZaloApiError, NETWORK_ERROR_CODE, isRetryableError, isFatalAuthError, isEmptyPollError } from './error.js';

export {
  ZALO_EVENTS,
  isKnownEventName,
  parseZaloUpdate,
  ZaloIdSchema,
  ZaloTimestampSchema,
  ZaloEnvelopeSchema,
  ZaloOkEnvelopeSchema,
  ZaloErrorEnvelopeSchema,
  ZaloUserSchema,
  ZaloChatSchema,
  ZaloSenderSchema,
  ZaloMessageSchema,
  ZaloUpdateSchema,
  WebhookInfoSchema,
  ZaloSentMessageSchema,
} from './types.js';
export type {
  ZaloEnvelope,
  ZaloUser,
  ZaloChat,
  ZaloChatType,
  ZaloSender,
  ZaloMessage,
  ZaloUpdate,
  ZaloEventName,
  ZaloKnownEventName,
  WebhookInfo,
  ZaloSentMessage,
  ZaloChatAction,
} from './types.js';

export { splitText, ZALO_TEXT_LIMIT } from './split-text.js';
export { startPolling, DEFAULT_BACKOFF_MS } from './polling.js';
export type { PollingOptions, PollingHandle } from './polling.js';
export { verifySecretToken, ZALO_SECRET_HEADER } from './webhook.js';
