/**
 * A small typed client for the Zalo Bot API. Every call is a JSON POST to
 * `{apiUrl}/bot{token}/{method}`; the answer is the envelope `{ ok, result }` or
 * `{ ok: false, error_code, description }`. Any failure becomes a `ZaloApiError`.
 * Uses only `fetch`, `AbortController` and timers, so it runs on Node 18+ and on Workers.
 */
import { z } from 'zod';
import { NETWORK_ERROR_CODE, ZaloApiError } from './error.js';
import {
  WebhookInfoSchema,
  ZaloEnvelopeSchema,
  ZaloSentMessageSchema,
  ZaloUserSchema,
  parseZaloUpdate,
} from './types.js';
import type { WebhookInfo, ZaloChatAction, ZaloSentMessage, ZaloUpdate, ZaloUser } from './types.js';

export const DEFAULT_ZALO_API_URL = 'https://bot-api.zaloplatforms.com';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The long-poll window asked of `getUpdates` when the caller gives none (Zalo's own default). */
export const DEFAULT_POLL_TIMEOUT_SECONDS = 30;

export interface ZaloBotClientOptions {
  /** Base URL of the Bot API, without a trailing `/bot…`. Default `https://bot-api.zaloplatforms.com`. */
  apiUrl?: string;
  /** HTTP timeout of one call, in ms. Default 30000. For getUpdates the long-poll window is added. */
  timeoutMs?: number;
  /** A `fetch` implementation (tests, proxies). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface ZaloCallOptions {
  /** Aborts the call; it then fails with a `ZaloApiError` of code 0. */
  signal?: AbortSignal;
  /** Overrides the client's HTTP timeout for this call (ms). */
  timeoutMs?: number;
}

export interface GetUpdatesParams {
  /** Long-poll window in seconds, sent as a string. Default 30. */
  timeout?: number;
}
export interface SetWebhookParams {
  /** Public HTTPS URL that receives the updates. */
  url: string;
  /** 8 to 256 characters; Zalo echoes it in the `X-Bot-Api-Secret-Token` header. */
  secret_token: string;
}
export interface SendMessageParams {
  chat_id: string;
  /** 1 to 2000 characters: split longer replies with `splitText`. */
  text: string;
}
export interface SendPhotoParams {
  chat_id: string;
  /** Absolute http(s) URL of the image. */
  photo: string;
  /** Up to 2000 characters. */
  caption?: string;
}
export interface SendChatActionParams {
  chat_id: string;
  action: ZaloChatAction;
}
export interface SendStickerParams {
  chat_id: string;
  /** Sticker id (from stickers.zaloapp.com). */
  sticker: string;
}

interface HttpAnswer {
  status: number;
  body: unknown;
}

/** Parses a result; a result that is missing or of another shape gives `fallback`. */
function lenient<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

export class ZaloBotClient {
  readonly apiUrl: string;
  readonly timeoutMs: number;
  readonly #token: string;
  readonly #fetch: typeof fetch;

  constructor(token: string, options: ZaloBotClientOptions = {}) {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new TypeError('ZaloBotClient: the bot token is empty');
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new RangeError(`ZaloBotClient: timeoutMs must be a positive number, got ${timeoutMs}`);
    }
    this.#token = token;
    this.apiUrl = (options.apiUrl ?? DEFAULT_ZALO_API_URL).replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
    const customFetch = options.fetch;
    // Called unbound: some runtimes throw "Illegal invocation" for a detached global fetch.
    this.#fetch = customFetch ?? ((input, init) => fetch(input, init));
  }

  /** Checks the token and describes the bot. Call it at start-up: 401 means a bad token. */
  async getMe(options?: ZaloCallOptions): Promise<ZaloUser> {
    const result = await this.callApi('getMe', {}, options);
    return this.#parseResult('getMe', ZaloUserSchema, result);
  }

  /**
   * Long-polls for ONE update. Returns null when the poll window ends empty (error 408) or the
   * result is empty. The HTTP timeout is the long-poll window plus the client's `timeoutMs`.
   */
  async getUpdates(params: GetUpdatesParams = {}, options?: ZaloCallOptions): Promise<ZaloUpdate | null> {
    const seconds = params.timeout ?? DEFAULT_POLL_TIMEOUT_SECONDS;
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(`getUpdates: timeout must be a non-negative number of seconds, got ${seconds}`);
    }
    const timeoutMs = seconds * 1000 + (options?.timeoutMs ?? this.timeoutMs);
    let answer: HttpAnswer;
    try {
      answer = await this.#post('getUpdates', { timeout: String(seconds) }, timeoutMs, options?.signal);
      if (answer.status >= 200 && answer.status < 300 && isRecord(answer.body) && !('ok' in answer.body)) {
        // The update may come bare, without the envelope.
        const bare = parseZaloUpdate(answer.body);
        if (bare) return bare;
      }
      const result = this.#unwrap('getUpdates', answer);
      if (result === undefined || result === null) return null;
      let single: unknown = result;
      if (Array.isArray(result)) {
        // Not documented (one update per call), but tolerated: Telegram-style arrays of 0 or 1.
        if (result.length === 0) return null;
        if (result.length > 1) {
          throw new ZaloApiError('getUpdates', NETWORK_ERROR_CODE, `unexpected result: ${result.length} updates in one answer`);
        }
        single = result[0];
      }
      const update = parseZaloUpdate(single);
      if (!update) {
        throw new ZaloApiError('getUpdates', NETWORK_ERROR_CODE, 'unexpected result: not an update');
      }
      return update;
    } catch (error) {
      if (error instanceof ZaloApiError && error.errorCode === 408) return null;
      throw error;
    }
  }

  /** Registers the webhook URL and its secret token. */
  async setWebhook(params: SetWebhookParams, options?: ZaloCallOptions): Promise<WebhookInfo> {
    const result = await this.callApi('setWebhook', { url: params.url, secret_token: params.secret_token }, options);
    return lenient(WebhookInfoSchema, result, {});
  }

  /** Removes the webhook (needed before polling with getUpdates). */
  async deleteWebhook(options?: ZaloCallOptions): Promise<WebhookInfo> {
    const result = await this.callApi('deleteWebhook', {}, options);
    return lenient(WebhookInfoSchema, result, {});
  }

  /** The current webhook: `url` is empty when none is set. */
  async getWebhookInfo(options?: ZaloCallOptions): Promise<WebhookInfo> {
    const result = await this.callApi('getWebhookInfo', {}, options);
    return this.#parseResult('getWebhookInfo', WebhookInfoSchema, result ?? {});
  }

  /**
   * Has Zalo send a test request to the registered webhook. Limited per day (426 once used
   * up); the shape of its result is not documented, so it is returned as it came.
   */
  async testWebhook(options?: ZaloCallOptions): Promise<unknown> {
    return (await this.callApi('testWebhook', {}, options)) ?? {};
  }

  /** Sends a text message (1–2000 characters). */
  async sendMessage(params: SendMessageParams, options?: ZaloCallOptions): Promise<ZaloSentMessage> {
    const result = await this.callApi('sendMessage', { chat_id: params.chat_id, text: params.text }, options);
    return lenient(ZaloSentMessageSchema, result, {});
  }

  /** Sends an image by URL, with an optional caption. */
  async sendPhoto(params: SendPhotoParams, options?: ZaloCallOptions): Promise<ZaloSentMessage> {
    const body: Record<string, unknown> = { chat_id: params.chat_id, photo: params.photo };
    if (params.caption !== undefined) body['caption'] = params.caption;
    const result = await this.callApi('sendPhoto', body, options);
    return lenient(ZaloSentMessageSchema, result, {});
  }

  /** Shows a transient status such as "typing…" in the chat. */
  async sendChatAction(params: SendChatActionParams, options?: ZaloCallOptions): Promise<void> {
    await this.callApi('sendChatAction', { chat_id: params.chat_id, action: params.action }, options);
  }

  /** Sends a sticker by its id. */
  async sendSticker(params: SendStickerParams, options?: ZaloCallOptions): Promise<ZaloSentMessage> {
    const result = await this.callApi('sendSticker', { chat_id: params.chat_id, sticker: params.sticker }, options);
    return lenient(ZaloSentMessageSchema, result, {});
  }

  /**
   * Calls any method and returns its unparsed `result` (undefined when the envelope has none).
   * Throws `ZaloApiError` on `ok: false`, a non-2xx status, a body that is not an envelope,
   * a network failure, a timeout or an abort.
   */
  async callApi(method: string, params: Record<string, unknown> = {}, options?: ZaloCallOptions): Promise<unknown> {
    const answer = await this.#post(method, params, options?.timeoutMs ?? this.timeoutMs, options?.signal);
    return this.#unwrap(method, answer);
  }

  #parseResult<T>(method: string, schema: z.ZodType<T>, result: unknown): T {
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      throw new ZaloApiError(method, NETWORK_ERROR_CODE, `unexpected result: ${this.#redact(z.prettifyError(parsed.error))}`);
    }
    return parsed.data;
  }

  #unwrap(method: string, answer: HttpAnswer): unknown {
    const { status, body } = answer;
    const httpOk = status >= 200 && status < 300;
    const envelope = ZaloEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      if (!httpOk) throw new ZaloApiError(method, status, `HTTP ${status}`);
      throw new ZaloApiError(method, NETWORK_ERROR_CODE, 'unexpected response: not a Bot API envelope');
    }
    const data = envelope.data;
    if (!data.ok) {
      const code = data.error_code ?? (httpOk ? NETWORK_ERROR_CODE : status);
      throw new ZaloApiError(method, code, this.#redact(data.description ?? `error ${code} without description`));
    }
    if (!httpOk) throw new ZaloApiError(method, status, `HTTP ${status}`);
    return data.result;
  }

  /** POSTs `params` as JSON and reads the JSON answer; every failure is a ZaloApiError. */
  async #post(method: string, params: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<HttpAnswer> {
    if (signal?.aborted) {
      throw new ZaloApiError(method, NETWORK_ERROR_CODE, 'request aborted', { cause: signal.reason });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    let status: number;
    let text: string;
    try {
      const response = await this.#fetch(`${this.apiUrl}/bot${this.#token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(params),
        signal: controller.signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (timedOut) {
        throw new ZaloApiError(method, NETWORK_ERROR_CODE, `request timed out after ${timeoutMs} ms`, {
          cause: this.#sanitize(error),
        });
      }
      if (signal?.aborted) {
        throw new ZaloApiError(method, NETWORK_ERROR_CODE, 'request aborted', { cause: signal.reason });
      }
      throw new ZaloApiError(method, NETWORK_ERROR_CODE, `network error: ${this.#redact(describe(error))}`, {
        cause: this.#sanitize(error),
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    try {
      return { status, body: JSON.parse(text) as unknown };
    } catch {
      if (status < 200 || status >= 300) throw new ZaloApiError(method, status, `HTTP ${status}`);
      throw new ZaloApiError(method, NETWORK_ERROR_CODE, `invalid JSON in response (HTTP ${status})`);
    }
  }

  #redact(text: string): string {
    let out = text.split(this.#token).join('<token>');
    const encoded = encodeURIComponent(this.#token);
    if (encoded !== this.#token) out = out.split(encoded).join('<token>');
    return out;
  }

  /** The error itself, or a copy with the token redacted when its text mentions the token. */
  #sanitize(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const texts = [error.message, error.stack ?? '', error.cause instanceof Error ? error.cause.message : ''];
    if (!texts.some((t) => this.#redact(t) !== t)) return error;
    const copy = new Error(this.#redact(describe(error)));
    copy.name = error.name;
    return copy;
  }

  /** The client never shows its token, even when logged. */
  toJSON(): { apiUrl: string; timeoutMs: number } {
    return { apiUrl: this.apiUrl, timeoutMs: this.timeoutMs };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "fetch failed: other side closed" — the message and, when present, its cause's. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
