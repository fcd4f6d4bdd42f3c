/**
 * A fake Zalo Bot API on 127.0.0.1, answering as /work/shared/ZALO.md describes:
 * `POST /bot{token}/{method}` with a JSON body, envelopes `{ok, result}` /
 * `{ok:false, error_code, description}`, getUpdates returning ONE queued update per call or,
 * after the poll window, a 408 envelope. A wrong token gets a 401 envelope. Every call is
 * recorded; failures can be injected for the next N calls of a method.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface FakeCall {
  method: string;
  body: unknown;
  /** The token in the URL (so a test can check a wrong one was refused). */
  token: string;
  httpMethod: string;
  contentType: string | undefined;
}

/**
 * - `429`: HTTP 429 with `{ok:false, error_code:429, description:'Too Many Requests: …'}`
 * - `500`: HTTP 500 with an error envelope
 * - `502-html`: HTTP 502 with an HTML body (a proxy's error page)
 * - `drop`: the connection is destroyed without an answer
 * - `hang`: no answer at all until the client gives up or the server closes
 * - `invalid-json`: HTTP 200 with a body that is not JSON
 * - `{ status?, body }`: any answer; `body` is sent as JSON unless it is a string
 */
export type FakeFailure = '429' | '500' | '502-html' | 'drop' | 'hang' | 'invalid-json' | { status?: number; body: unknown };

export interface FakeZaloApiOptions {
  token?: string;
  /** Upper bound of a getUpdates wait, whatever timeout the client asks for. Default 30000 ms. */
  maxPollWaitMs?: number;
}

interface Waiter {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

interface Queued {
  update: unknown;
  bare: boolean;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const fail = (res: ServerResponse, status: number, errorCode: number, description: string): void =>
  json(res, status, { ok: false, error_code: errorCode, description });

export class FakeZaloApi {
  readonly token: string;
  readonly calls: FakeCall[] = [];
  /** What getMe answers. */
  me: Record<string, unknown> = {
    id: '1459232241454765289',
    account_name: 'bot.NongSanSach',
    account_type: 'BASIC',
    can_join_groups: false,
  };
  /** How many more testWebhook calls succeed today; then 426, as Zalo's daily limit. */
  webhookTestsLeft = 3;
  /** The registered webhook (setWebhook / deleteWebhook). */
  webhook: { url: string; secret_token: string; updated_at: number } | null = null;

  #server: Server | undefined;
  #url = '';
  #queue: Queued[] = [];
  #waiters: Waiter[] = [];
  #failures = new Map<string, FakeFailure[]>();
  #revoked = false;
  #sent = 0;
  readonly #maxPollWaitMs: number;

  constructor(options: FakeZaloApiOptions = {}) {
    this.token = options.token ?? `${Date.now() % 1e9}:${randomBytes(12).toString('hex')}`;
    this.#maxPollWaitMs = options.maxPollWaitMs ?? 30_000;
  }

  /** `http://127.0.0.1:{port}`: pass it as the client's `apiUrl`. */
  get url(): string {
    if (!this.#url) throw new Error('FakeZaloApi: call start() first');
    return this.#url;
  }

  /** Calls of one method, in order. */
  callsOf(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** getUpdates requests currently waiting for an update. */
  get pendingPolls(): number {
    return this.#waiters.length;
  }

  /** Updates queued and not yet delivered. */
  get queued(): number {
    return this.#queue.length;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.#handle(req, res));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.#url = `http://127.0.0.1:${port}`;
  }

  /**
   * Queues one update for getUpdates (delivered at once to a waiting poll). With `bare`, it is
   * answered without the `{ok, result}` envelope.
   */
  queueUpdate(update: unknown, options: { bare?: boolean } = {}): void {
    this.#queue.push({ update, bare: options.bare ?? false });
    this.#deliver();
  }

  /** The next `times` calls of `method` fail as `kind`. */
  failNext(method: string, kind: FakeFailure, times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(kind);
    this.#failures.set(method, list);
  }

  /** From now on every call gets 401, as if the token had been revoked. */
  revokeToken(): void {
    this.#revoked = true;
  }

  async close(): Promise<void> {
    for (const w of this.#waiters) clearTimeout(w.timer);
    this.#waiters = [];
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    const match = /^\/bot(.+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!match) {
      fail(res, 404, 404, 'Not Found');
      return;
    }
    const token = decodeURIComponent(match[1] ?? '');
    const method = match[2] ?? '';
    let body: unknown = undefined;
    let badBody = false;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      badBody = true;
    }
    this.calls.push({ method, body, token, httpMethod: req.method ?? '', contentType: req.headers['content-type'] });

    if (token !== this.token || this.#revoked) {
      fail(res, 401, 401, 'Unauthorized');
      return;
    }
    const failure = this.#failures.get(method)?.shift();
    if (failure !== undefined) {
      this.#injectFailure(req, res, failure);
      return;
    }
    if (req.method !== 'POST') {
      fail(res, 405, 405, 'Method Not Allowed');
      return;
    }
    if (badBody || typeof body !== 'object' || body === null || Array.isArray(body)) {
      fail(res, 400, 400, 'Bad Request: body must be a JSON object');
      return;
    }
    this.#answer(method, body as Record<string, unknown>, res);
  }

  #injectFailure(req: IncomingMessage, res: ServerResponse, failure: FakeFailure): void {
    switch (failure) {
      case '429':
        fail(res, 429, 429, 'Too Many Requests: retry later');
        return;
      case '500':
        fail(res, 500, 500, 'Internal Server Error');
        return;
      case '502-html':
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'invalid-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok": true, "result": ');
        return;
      default: {
        const status = failure.status ?? 200;
        if (typeof failure.body === 'string') {
          res.writeHead(status, { 'content-type': 'text/plain' });
          res.end(failure.body);
        } else {
          json(res, status, failure.body);
        }
      }
    }
  }

  #answer(method: string, body: Record<string, unknown>, res: ServerResponse): void {
    const str = (key: string): string | undefined => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
    const sent = (): void =>
      json(res, 200, { ok: true, result: { message_id: `sent${(++this.#sent).toString(16).padStart(16, '0')}`, date: Date.now() } });

    switch (method) {
      case 'getMe':
        json(res, 200, { ok: true, result: this.me });
        return;
      case 'getUpdates':
        this.#poll(body, res);
        return;
      case 'setWebhook': {
        const url = str('url');
        const secret = str('secret_token');
        if (!url || !/^https?:\/\//.test(url)) return fail(res, 400, 400, 'Bad Request: url is invalid');
        if (!secret || secret.length < 8 || secret.length > 256) {
          return fail(res, 400, 400, 'Bad Request: secret_token must be 8 to 256 characters');
        }
        this.webhook = { url, secret_token: secret, updated_at: Date.now() };
        json(res, 200, { ok: true, result: { url, updated_at: this.webhook.updated_at } });
        return;
      }
      case 'deleteWebhook':
        this.webhook = null;
        json(res, 200, { ok: true, result: { url: '', updated_at: Date.now() } });
        return;
      case 'getWebhookInfo':
        json(res, 200, { ok: true, result: { url: this.webhook?.url ?? '', updated_at: this.webhook?.updated_at ?? 0 } });
        return;
      case 'testWebhook':
        if (!this.webhook) return fail(res, 400, 400, 'Bad Request: no webhook is set');
        if (this.webhookTestsLeft <= 0) return fail(res, 426, 426, 'Upgrade Required: daily limit of webhook tests reached');
        this.webhookTestsLeft -= 1;
        json(res, 200, { ok: true, result: { url: this.webhook.url, sent: true } });
        return;
      case 'sendMessage': {
        const text = str('text');
        if (!str('chat_id')) return fail(res, 400, 400, 'Bad Request: chat_id is required');
        if (text === undefined || text.length < 1 || text.length > 2000) {
          return fail(res, 400, 400, 'Bad Request: text must be 1 to 2000 characters');
        }
        sent();
        return;
      }
      case 'sendPhoto': {
        const caption = body['caption'];
        if (!str('chat_id')) return fail(res, 400, 400, 'Bad Request: chat_id is required');
        if (!/^https?:\/\//.test(str('photo') ?? '')) return fail(res, 400, 400, 'Bad Request: photo must be a URL');
        if (caption !== undefined && (typeof caption !== 'string' || caption.length > 2000)) {
          return fail(res, 400, 400, 'Bad Request: caption must be up to 2000 characters');
        }
        sent();
        return;
      }
      case 'sendSticker':
        if (!str('chat_id') || !str('sticker')) return fail(res, 400, 400, 'Bad Request: chat_id and sticker are required');
        sent();
        return;
      case 'sendChatAction':
        if (!str('chat_id') || !str('action')) return fail(res, 400, 400, 'Bad Request: chat_id and action are required');
        json(res, 200, { ok: true }); // documented: no result
        return;
      default:
        fail(res, 404, 404, `Not Found: method ${method}`);
    }
  }

  #poll(body: Record<string, unknown>, res: ServerResponse): void {
    const next = this.#queue.shift();
    if (next) {
      this.#send(res, next);
      return;
    }
    const seconds = Number(body['timeout'] ?? 30);
    const waitMs = Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000, this.#maxPollWaitMs);
    const waiter: Waiter = {
      res,
      timer: setTimeout(() => {
        this.#removeWaiter(waiter);
        fail(res, 200, 408, 'Request timeout');
      }, waitMs),
    };
    this.#waiters.push(waiter);
    // The client gave up (abort, timeout): forget it, so no update is sent into a dead socket.
    res.on('close', () => {
      if (!res.writableFinished) {
        clearTimeout(waiter.timer);
        this.#removeWaiter(waiter);
      }
    });
  }

  #removeWaiter(waiter: Waiter): void {
    this.#waiters = this.#waiters.filter((w) => w !== waiter);
  }

  #deliver(): void {
    while (this.#queue.length > 0 && this.#waiters.length > 0) {
      const waiter = this.#waiters.shift() as Waiter;
      clearTimeout(waiter.timer);
      if (waiter.res.destroyed || waiter.res.socket?.destroyed) continue;
      this.#send(waiter.res, this.#queue.shift() as Queued);
    }
  }

  #send(res: ServerResponse, item: Queued): void {
    json(res, 200, item.bare ? item.update : { ok: true, result: item.update });
  }
}

// ---------------------------------------------------------------- real-shaped updates

let sequence = 0;
/** A unique 20-hex-digit id, shaped like Zalo's (`16f6366b3f02645a3d15`). */
export function fakeZaloId(): string {
  sequence += 1;
  return randomBytes(6).toString('hex') + sequence.toString(16).padStart(8, '0');
}

export interface FakeMessageOptions {
  fromId?: string;
  displayName?: string;
  chatType?: string;
  date?: number;
  messageId?: string;
  isBot?: boolean;
}

function message(chatId: string, fields: Record<string, unknown>, opts: FakeMessageOptions = {}): Record<string, unknown> {
  return {
    message_id: opts.messageId ?? fakeZaloId(),
    date: opts.date ?? Date.now(),
    chat: { id: chatId, chat_type: opts.chatType ?? 'PRIVATE' },
    from: { id: opts.fromId ?? chatId, display_name: opts.displayName ?? 'Nguyễn Văn A', is_bot: opts.isBot ?? false },
    ...fields,
  };
}

export const zaloUpdate = {
  text: (chatId: string, text: string, opts?: FakeMessageOptions) => ({
    event_name: 'message.text.received',
    message: message(chatId, { text }, opts),
  }),
  image: (chatId: string, photoUrl: string, caption?: string, opts?: FakeMessageOptions) => ({
    event_name: 'message.image.received',
    message: message(chatId, { photo_url: photoUrl, ...(caption === undefined ? {} : { caption }) }, opts),
  }),
  sticker: (chatId: string, sticker = 'bfe458bf64fa8da4d4eb', opts?: FakeMessageOptions) => ({
    event_name: 'message.sticker.received',
    message: message(chatId, { sticker, url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${sticker}` }, opts),
  }),
  voice: (chatId: string, voiceUrl = 'https://voice-stal.zadn.vn/voice/3f02645a.aac', opts?: FakeMessageOptions) => ({
    event_name: 'message.voice.received',
    message: message(chatId, { voice_url: voiceUrl }, opts),
  }),
  unsupported: (chatId: string, opts?: FakeMessageOptions) => ({
    event_name: 'message.unsupported.received',
    message: message(chatId, {}, opts),
  }),
  /** Any other event name, e.g. one Zalo adds later. */
  custom: (eventName: string, chatId: string, fields: Record<string, unknown> = {}, opts?: FakeMessageOptions) => ({
    event_name: eventName,
    message: message(chatId, fields, opts),
  }),
};
