import type { Api } from 'grammy';
import type { ShopFile } from '../../flows/schema';
import { ALLOWED_UPDATES } from './bot';
import { CUSTOMER_COMMANDS, OWNER_COMMANDS } from './commands';

/**
 * Telegram delivers up to this many updates at once; the turns of one chat run one after
 * another anyway and SQLite has one writer, so more would only queue inside the server.
 */
export const WEBHOOK_MAX_CONNECTIONS = 10;

/** Telegram's limits for the bot's description (shown before /start) and short description (profile). */
const DESCRIPTION_LIMIT = 512;
const SHORT_DESCRIPTION_LIMIT = 120;

export interface SetupStep {
  what: string;
  answer: unknown;
}

export interface TelegramSetup {
  publicUrl: string;
  secret: string;
  shop: ShopFile;
  /** The owner's chat gets its own command list (/donhang, /baocao, /don, /xong). */
  ownerChatId?: string | undefined;
}

/** `npm run telegram:setup`: the webhook, the command lists and the descriptions, with what Telegram answered to each. */
export async function setUpTelegram(api: Api, setup: TelegramSetup): Promise<SetupStep[]> {
  const steps: SetupStep[] = [];
  const run = async (what: string, call: () => Promise<unknown>) => steps.push({ what, answer: await call() });
  const url = `${setup.publicUrl.replace(/\/+$/, '')}/telegram/webhook`;
  await run(`setWebhook ${url}`, () =>
    api.setWebhook(url, { secret_token: setup.secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: WEBHOOK_MAX_CONNECTIONS, drop_pending_updates: false }),
  );
  await run('setMyCommands (customers)', () => api.setMyCommands([...CUSTOMER_COMMANDS]));
  if (setup.ownerChatId) {
    const ownerChat = Number(setup.ownerChatId);
    await run(`setMyCommands (owner chat ${setup.ownerChatId})`, () => api.setMyCommands([...OWNER_COMMANDS], { scope: { type: 'chat', chat_id: ownerChat } }));
  }
  const { description, shortDescription } = botDescriptionOf(setup.shop);
  await run('setMyDescription', () => api.setMyDescription(description));
  await run('setMyShortDescription', () => api.setMyShortDescription(shortDescription));
  await run('getWebhookInfo', () => api.getWebhookInfo());
  return steps;
}

/** `npm run telegram:setup -- --remove`: back to long polling. */
export async function removeTelegramWebhook(api: Api): Promise<SetupStep[]> {
  return [
    { what: 'deleteWebhook', answer: await api.deleteWebhook({ drop_pending_updates: false }) },
    { what: 'getWebhookInfo', answer: await api.getWebhookInfo() },
  ];
}

/** The shop's name, tagline, opening hours and phone from shop.yaml, within Telegram's limits. */
export function botDescriptionOf(shop: ShopFile): { description: string; shortDescription: string } {
  const { name, tagline, phone, opening_hours: hours } = shop.shop;
  const weekdays = shop.texts.labels.weekdays;
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const open = hours.map((slot) => `${slot.days.map((day) => weekdays[order.indexOf(day)]).join(', ')} ${slot.open}–${slot.close}`).join('; ');
  const description = [`${name}${tagline ? ` — ${tagline}` : ''}`, `🕗 ${open}`, phone ? `📞 ${phone}` : ''].filter(Boolean).join('\n');
  return { description: description.slice(0, DESCRIPTION_LIMIT), shortDescription: (tagline ?? name).slice(0, SHORT_DESCRIPTION_LIMIT) };
}
