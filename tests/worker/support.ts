import { env, SELF } from 'cloudflare:test';
import { TelegramUpdates } from '../fakes/telegram-api-server';

/** The worker's address inside the test runtime; any host reaches SELF. */
export const SHOP = 'https://shop.example';

type Json = Record<string, unknown>;
export interface PlatformCall {
  method: string;
  body: Json;
}

/** Everything the Worker sent to the fake platforms so far (they run in Node, see global-setup.ts). */
export async function platformCalls(): Promise<{ telegram: PlatformCall[]; zalo: PlatformCall[] }> {
  const response = await fetch(env.FAKES_CALLS_URL);
  return response.json();
}

export async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const telegramUpdates = new TelegramUpdates({ id: 7123456789, is_bot: true, first_name: 'Vườn Nhà Tư', username: 'VuonNhaTuBot' });

export function postTelegram(update: unknown, secret: string | null = env.TELEGRAM_WEBHOOK_SECRET): Promise<Response> {
  return SELF.fetch(`${SHOP}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
    body: typeof update === 'string' ? update : JSON.stringify(update),
  });
}

export function postZalo(update: unknown, secret: string | null = env.ZALO_WEBHOOK_SECRET): Promise<Response> {
  return SELF.fetch(`${SHOP}/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'X-Bot-Api-Secret-Token': secret } : {}) },
    body: JSON.stringify(update),
  });
}

const sentTo = (calls: PlatformCall[], chatId: string | number) =>
  calls.filter((call) => (call.method === 'sendMessage' || call.method === 'sendPhoto') && String(call.body['chat_id']) === String(chatId));

export async function telegramSentTo(chatId: string | number): Promise<Json[]> {
  return sentTo((await platformCalls()).telegram, chatId).map((call) => call.body);
}

export async function zaloSentTo(chatId: string): Promise<Json[]> {
  return sentTo((await platformCalls()).zalo, chatId).map((call) => call.body);
}

/**
 * Posts an update and waits for the replies the Worker delivers after answering (under
 * `waitUntil`): the texts sent to the chat after the post, once they stop coming.
 */
export async function converse(post: () => Promise<Response>, sent: () => Promise<Json[]>): Promise<string> {
  const before = (await sent()).length;
  const response = await post();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  let count = await eventually(async () => {
    const now = (await sent()).length;
    return now > before ? now : undefined;
  }, 'a reply');
  // A turn may send several messages; wait until no more arrive.
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 60));
    const now = (await sent()).length;
    if (now === count) break;
    count = now;
  }
  return (await sent())
    .slice(before)
    .map((body) => String(body['text'] ?? body['caption'] ?? ''))
    .join('\n');
}

/** The callback data of the button labelled `label` in the last message with buttons sent to the chat. */
export async function telegramButton(chatId: number, label: string): Promise<string> {
  const withButtons = (await telegramSentTo(chatId)).filter((body) => (body['reply_markup'] as { inline_keyboard?: unknown } | undefined)?.inline_keyboard).at(-1);
  const buttons = ((withButtons?.['reply_markup'] as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
  const button = buttons.find((candidate) => candidate.text.includes(label));
  if (!button) throw new Error(`no button "${label}" among ${JSON.stringify(buttons.map((b) => b.text))}`);
  return button.callback_data;
}
