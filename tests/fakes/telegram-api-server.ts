/**
 * A fake Telegram Bot API on 127.0.0.1, answering as api.telegram.org does:
 * `POST /bot{token}/{method}` with a JSON body, envelopes `{ok, result}` /
 * `{ok:false, error_code, description, parameters?}`. It keeps what a real server keeps (the
 * webhook, the command lists, the descriptions, sent messages with their ids), serves
 * getUpdates by long polling from a queue with offset confirmation, and refuses what Telegram
 * refuses (empty or too long texts, callback data over 64 bytes, unparsable entities, chats
 * that blocked the bot). Every call is recorded; failures can be injected for the next N calls
 * of a method.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface TelegramCall {
  method: string;
  body: Record<string, unknown>;
  token: string;
}

/**
 * - `{ retryAfter }`: HTTP 429 "Too Many Requests: retry after N" with `parameters.retry_after`
 * - `'blocked'`: HTTP 403 "Forbidden: bot was blocked by the user"
 * - `{ status, description, parameters? }`: any error envelope (500 Internal Server Error, 400 …)
 * - `'drop'`: the connection is destroyed without an answer (a network failure)
 */
export type TelegramFailure = { retryAfter: number } | 'blocked' | { status: number; description: string; parameters?: Json } | 'drop';

interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

interface Waiter {
  offset: number;
  limit: number;
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

const bad = (description: string) => new ApiError(400, `Bad Request: ${description}`);

export class FakeTelegramApi {
  readonly token: string;
  readonly calls: TelegramCall[] = [];
  readonly bot: TelegramUser & Json = {
    id: 7123456789,
    is_bot: true,
    first_name: 'Vườn Nhà Tư',
    username: 'VuonNhaTuBot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  };
  webhook: { url: string; secret_token?: string; allowed_updates?: string[]; max_connections?: number } | null = null;
  /** Command lists by scope ("default", "chat:<id>"). */
  readonly commands = new Map<string, unknown>();
  description = '';
  shortDescription = '';
  /** Every message the bot sent, by id, so a test can reply to one as a person would. */
  readonly sentMessages = new Map<number, Json>();

  #server: Server | undefined;
  #url = '';
  #updates: Json[] = [];
  #waiters: Waiter[] = [];
  #failures = new Map<string, TelegramFailure[]>();
  #randomFailures = new Map<string, { share: number; random: () => number; failure: (random: () => number) => TelegramFailure }>();
  #blocked = new Set<string>();
  #messageId = 500;
  readonly #maxPollWaitMs: number;
  readonly #sendDelayMs: number;

  constructor(options: { token?: string; maxPollWaitMs?: number; /** Each send takes this long, as over a real network. */ sendDelayMs?: number } = {}) {
    this.token = options.token ?? `${7123456789}:AA${randomBytes(24).toString('base64url')}`;
    this.#maxPollWaitMs = options.maxPollWaitMs ?? 30_000;
    this.#sendDelayMs = options.sendDelayMs ?? 0;
  }

  /** `http://127.0.0.1:{port}`: the bot's `apiRoot` (TELEGRAM_API_ROOT). */
  get url(): string {
    if (!this.#url) throw new Error('FakeTelegramApi: call start() first');
    return this.#url;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.#handle(req, res));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const waiter of this.#waiters) clearTimeout(waiter.timer);
    this.#waiters = [];
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  callsOf(method: string): TelegramCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** What the bot sent to one chat (sendMessage and sendPhoto), in order. */
  sentTo(chatId: string | number): Json[] {
    return this.calls.filter((call) => (call.method === 'sendMessage' || call.method === 'sendPhoto') && String(call.body['chat_id']) === String(chatId)).map((call) => call.body);
  }

  /** The texts (and captions) the bot sent to one chat. */
  textsTo(chatId: string | number): string[] {
    return this.sentTo(chatId).map((body) => String(body['text'] ?? body['caption'] ?? ''));
  }

  /** Queues an update for getUpdates (a waiting poll gets it at once). */
  queueUpdate(update: Json): void {
    this.#updates.push(update);
    this.#wakePolls();
  }

  /** Updates not yet confirmed by a getUpdates with a higher offset. */
  get unconfirmed(): number {
    return this.#updates.length;
  }

  /** From now on, sending to this chat fails as Telegram does for a user who blocked the bot. */
  blockChat(chatId: string | number): void {
    this.#blocked.add(String(chatId));
  }

  unblockChat(chatId: string | number): void {
    this.#blocked.delete(String(chatId));
  }

  /** From now on, each call of `method` fails with probability `share` (`random` fixes the sequence); `failure` picks how. */
  failSome(method: string, share: number, random: () => number, failure: (random: () => number) => TelegramFailure): void {
    this.#randomFailures.set(method, { share, random, failure });
  }

  failNext(method: string, failure: TelegramFailure, times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.#failures.set(method, list);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', method = ''] = match;
    let body: Json = {};
    try {
      const raw = Buffer.concat(chunks).toString('utf8');
      body = raw ? (JSON.parse(raw) as Json) : {};
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON in request body' });
    }
    if (this.#sendDelayMs > 0 && method.startsWith('send')) await new Promise((resolve) => setTimeout(resolve, this.#sendDelayMs));
    this.calls.push({ method, body, token: decodeURIComponent(token) });
    if (decodeURIComponent(token) !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const some = this.#randomFailures.get(method);
    const failure = this.#failures.get(method)?.shift() ?? (some && some.random() < some.share ? some.failure(some.random) : undefined);
    if (failure !== undefined) return this.#fail(req, res, failure);
    try {
      if (method === 'getUpdates') return this.#poll(body, res);
      send(res, 200, { ok: true, result: this.#answer(method, body) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      send(res, error.status, { ok: false, error_code: error.status, description: error.description, ...(error.parameters ? { parameters: error.parameters } : {}) });
    }
  }

  #fail(req: IncomingMessage, res: ServerResponse, failure: TelegramFailure): void {
    if (failure === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure === 'blocked') return send(res, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    if ('retryAfter' in failure) {
      return send(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${failure.retryAfter}`, parameters: { retry_after: failure.retryAfter } });
    }
    send(res, failure.status, { ok: false, error_code: failure.status, description: failure.description, ...(failure.parameters ? { parameters: failure.parameters } : {}) });
  }

  #answer(method: string, body: Json): unknown {
    switch (method) {
      case 'getMe':
        return this.bot;
      case 'setWebhook': {
        const url = body['url'];
        if (typeof url !== 'string' || !/^https:\/\//.test(url)) throw bad('bad webhook: An HTTPS URL must be provided for webhook');
        const secret = body['secret_token'];
        if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) throw bad('secret token contains unallowed characters');
        this.webhook = { url, ...(typeof secret === 'string' ? { secret_token: secret } : {}), ...pick(body, 'allowed_updates', 'max_connections') };
        return true;
      }
      case 'deleteWebhook':
        this.webhook = null;
        if (body['drop_pending_updates'] === true) this.#updates = [];
        return true;
      case 'getWebhookInfo':
        return {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.#updates.length,
          ...(this.webhook?.max_connections ? { max_connections: this.webhook.max_connections } : {}),
          ...(this.webhook?.allowed_updates ? { allowed_updates: this.webhook.allowed_updates } : {}),
        };
      case 'setMyCommands': {
        const scope = body['scope'] as { type?: string; chat_id?: unknown } | undefined;
        this.commands.set(scope?.type === 'chat' ? `chat:${String(scope.chat_id)}` : (scope?.type ?? 'default'), body['commands']);
        return true;
      }
      case 'setMyDescription':
        this.description = String(body['description'] ?? '');
        if (this.description.length > 512) throw bad('description is too long');
        return true;
      case 'setMyShortDescription':
        this.shortDescription = String(body['short_description'] ?? '');
        if (this.shortDescription.length > 120) throw bad('short description is too long');
        return true;
      case 'answerCallbackQuery':
        if (typeof body['callback_query_id'] !== 'string') throw bad('query is too old and response timeout expired or query ID is invalid');
        return true;
      case 'sendChatAction':
        return true;
      case 'sendMessage':
        return this.#sendMessage(body);
      case 'sendPhoto':
        return this.#sendPhoto(body);
      default:
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  #sendMessage(body: Json): Json {
    const chatId = this.#reachableChat(body);
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    if (text.trim() === '') throw bad('message text is empty');
    if (text.length > 4096) throw bad('message is too long');
    checkEntities(text, body['parse_mode']);
    checkMarkup(body['reply_markup']);
    return this.#message(chatId, { text, ...pick(body, 'reply_markup') });
  }

  #sendPhoto(body: Json): Json {
    const chatId = this.#reachableChat(body);
    const photo = body['photo'];
    if (typeof photo !== 'string' || photo === '') throw bad('there is no photo in the request');
    const caption = typeof body['caption'] === 'string' ? body['caption'] : undefined;
    if (caption !== undefined && caption.length > 1024) throw bad('message caption is too long');
    checkMarkup(body['reply_markup']);
    const fileId = /^https?:/.test(photo) ? `AgACAgUAAxkDAAI${randomBytes(8).toString('base64url')}` : photo;
    return this.#message(chatId, {
      photo: [{ file_id: fileId, file_unique_id: `AQAD${randomBytes(4).toString('base64url')}`, file_size: 81234, width: 1280, height: 960 }],
      ...(caption === undefined ? {} : { caption }),
      ...pick(body, 'reply_markup'),
    });
  }

  #reachableChat(body: Json): string {
    const chatId = body['chat_id'];
    if (chatId === undefined || chatId === '') throw bad('chat_id is empty');
    if (this.#blocked.has(String(chatId))) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return String(chatId);
  }

  #message(chatId: string, content: Json): Json {
    const message = { message_id: ++this.#messageId, from: this.bot, chat: chatOf(chatId), date: unixNow(), ...content };
    this.sentMessages.set(message.message_id, message);
    return message;
  }

  /** getUpdates: confirms every update below `offset`, answers what is queued, or waits for one. */
  #poll(body: Json, res: ServerResponse): void {
    if (this.webhook) {
      return send(res, 409, { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    }
    const offset = Number(body['offset'] ?? 0);
    const limit = Math.min(Number(body['limit'] ?? 100) || 100, 100);
    this.#updates = this.#updates.filter((update) => Number(update['update_id']) >= offset);
    if (this.#updates.length > 0 || Number(body['timeout'] ?? 0) === 0) return send(res, 200, { ok: true, result: this.#updates.slice(0, limit) });
    const waitMs = Math.min(Number(body['timeout']) * 1000, this.#maxPollWaitMs);
    const waiter: Waiter = {
      offset,
      limit,
      res,
      timer: setTimeout(() => {
        this.#waiters = this.#waiters.filter((other) => other !== waiter);
        send(res, 200, { ok: true, result: [] });
      }, waitMs),
    };
    this.#waiters.push(waiter);
    // The bot gave up (stop, abort): forget the poll so no update goes into a dead socket.
    res.on('close', () => {
      clearTimeout(waiter.timer);
      this.#waiters = this.#waiters.filter((other) => other !== waiter);
    });
  }

  #wakePolls(): void {
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      if (waiter.res.writableEnded || waiter.res.destroyed) continue;
      send(waiter.res, 200, { ok: true, result: this.#updates.filter((update) => Number(update['update_id']) >= waiter.offset).slice(0, waiter.limit) });
    }
  }
}

function pick(body: Json, ...keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

function chatOf(chatId: string | number): Json {
  const id = Number(chatId);
  if (id < 0) return { id, title: 'Vườn Nhà Tư — chủ shop', type: String(id).startsWith('-100') ? 'supergroup' : 'group' };
  return { id, first_name: 'Khách', type: 'private' };
}

/** Telegram refuses inline buttons whose callback data is empty or over 64 bytes. */
function checkMarkup(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: { text?: string; callback_data?: string }[][] } | undefined)?.inline_keyboard;
  for (const button of rows?.flat() ?? []) {
    if (!button.text) throw bad('text buttons are unallowed in the inline keyboard');
    const data = button.callback_data;
    if (data !== undefined && (data === '' || Buffer.byteLength(data) > 64)) throw bad('BUTTON_DATA_INVALID');
  }
}

/** Legacy Markdown and MarkdownV2 break on a lone `*` or `_`, as in a product name; plain text never does. */
function checkEntities(text: string, parseMode: unknown): void {
  if (parseMode !== 'Markdown' && parseMode !== 'MarkdownV2') return;
  for (const marker of ['*', '_']) {
    const count = text.split(marker).length - 1;
    if (count % 2 === 1) throw bad(`can't parse entities: Can't find end of the entity starting at byte offset ${Buffer.byteLength(text.slice(0, text.lastIndexOf(marker)))}`);
  }
}

// ─────────────────────────────────────────────────────────── real-shaped updates

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** Builds updates as Telegram sends them, with increasing update ids. */
export class TelegramUpdates {
  #updateId = 100_000;
  #messageId = 1;

  constructor(private readonly bot: Json) {}

  person(id: number, firstName = 'Lan', lastName = 'Nguyễn'): TelegramPerson {
    return { id, first_name: firstName, last_name: lastName, username: `khach${id}` };
  }

  text(from: TelegramPerson, text: string, options: { chat?: Json; replyTo?: Json } = {}): Json {
    const command = /^\/\w+(@\w+)?/.exec(text)?.[0];
    return this.message(from, { text, ...(command ? { entities: [{ offset: 0, length: command.length, type: 'bot_command' }] } : {}), ...(options.replyTo ? { reply_to_message: options.replyTo } : {}) }, options.chat);
  }

  /** A tap on an inline button under `message` (one the bot sent). */
  tap(from: TelegramPerson, data: string, message?: Json): Json {
    return {
      update_id: ++this.#updateId,
      callback_query: {
        id: `${from.id}${this.#updateId}`,
        from: this.user(from),
        ...(message ? { message } : { message: { message_id: this.#messageId++, from: this.bot, chat: privateChat(from), date: unixNow(), text: '…' } }),
        chat_instance: `-${from.id}77`,
        data,
      },
    };
  }

  contact(from: TelegramPerson, phone: string): Json {
    return this.message(from, { contact: { phone_number: phone, first_name: from.first_name, ...(from.last_name ? { last_name: from.last_name } : {}), user_id: from.id } });
  }

  photo(from: TelegramPerson, caption?: string): Json {
    const base = `AgACAgUAAxkBAAI${randomBytes(6).toString('base64url')}`;
    return this.message(from, {
      photo: [
        { file_id: `${base}-s`, file_unique_id: 'AQADs', file_size: 1423, width: 90, height: 67 },
        { file_id: `${base}-m`, file_unique_id: 'AQADm', file_size: 20510, width: 320, height: 240 },
        { file_id: `${base}-x`, file_unique_id: 'AQADx', file_size: 98222, width: 1280, height: 960 },
      ],
      ...(caption ? { caption } : {}),
    });
  }

  location(from: TelegramPerson, latitude: number, longitude: number): Json {
    return this.message(from, { location: { latitude, longitude } });
  }

  sticker(from: TelegramPerson): Json {
    return this.message(from, { sticker: { file_id: 'CAACAgIAAxkBAAIB', file_unique_id: 'AgADBQAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' } });
  }

  edited(from: TelegramPerson, text: string): Json {
    return { update_id: ++this.#updateId, edited_message: { message_id: this.#messageId++, from: this.user(from), chat: privateChat(from), date: unixNow() - 60, edit_date: unixNow(), text } };
  }

  /** The customer blocked the bot ('kicked') or started it again ('member'). */
  membership(from: TelegramPerson, status: 'kicked' | 'member'): Json {
    return {
      update_id: ++this.#updateId,
      my_chat_member: {
        chat: privateChat(from),
        from: this.user(from),
        date: unixNow(),
        old_chat_member: { user: this.bot, status: status === 'kicked' ? 'member' : 'kicked', ...(status === 'member' ? { until_date: 0 } : {}) },
        new_chat_member: { user: this.bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    };
  }

  /** An update type the shop does not ask for (a reaction). */
  reaction(from: TelegramPerson): Json {
    return { update_id: ++this.#updateId, message_reaction: { chat: privateChat(from), message_id: 1, user: this.user(from), date: unixNow(), old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] } };
  }

  private message(from: TelegramPerson, content: Json, chat?: Json): Json {
    return { update_id: ++this.#updateId, message: { message_id: this.#messageId++, from: this.user(from), chat: chat ?? privateChat(from), date: unixNow(), ...content } };
  }

  private user(person: TelegramPerson): Json {
    return { ...person, is_bot: false, language_code: 'vi' };
  }
}

function privateChat(person: TelegramPerson): Json {
  return { id: person.id, first_name: person.first_name, ...(person.last_name ? { last_name: person.last_name } : {}), ...(person.username ? { username: person.username } : {}), type: 'private' };
}

/** The owner's group chat, as Telegram describes a supergroup. */
export function groupChat(id: number, title = 'Vườn Nhà Tư — chủ shop'): Json {
  return { id, title, type: 'supergroup' };
}
