import TelegramServer from 'telegram-test-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/channel';
import type { ChannelSender } from '../../../src/conversation/inbound';
import { eventually } from '../../support/eventually';
import { startHarness, tempDatabasePath, type Harness } from '../../support/harness';
import { freePort } from '../../support/serve';

/**
 * The same bot, driven through the npm package telegram-test-api (a third-party emulator of
 * the Bot API on 127.0.0.1) by long polling: an independent check that what the shop sends
 * and reads is what Telegram clients send and read. The emulator knows only getMe,
 * getUpdates, sendMessage, answerCallbackQuery and the webhook calls, so photos, contacts,
 * errors and the owner desk are tested against tests/fakes/telegram-api-server.ts instead.
 */
const TOKEN = '654321:telegram-test-api-token-0123456789';

let server: TelegramServer;
let database: ReturnType<typeof tempDatabasePath>;
let harness: Harness;
let channel: TelegramChannel | null;

beforeEach(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  database = tempDatabasePath();
  const senders: Record<string, ChannelSender> = {};
  harness = await startHarness({ path: database.path, senders });
  channel = await startTelegramChannel({
    token: TOKEN,
    apiRoot: server.config.apiURL,
    routing: { receive: harness.receive, markBlocked: async () => undefined },
    sharePhoneLabel: () => harness.engine.flows.shop.texts.share_phone_button,
    log: harness.log,
    poll: true,
    pollTimeoutSeconds: 1,
  });
  if (channel) senders['telegram'] = channel.sender;
});

afterEach(async () => {
  await channel?.stop();
  await server.stop();
  await harness.close();
  database.cleanup();
});

interface BotMessage {
  text: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

/** What the bot sent, as the emulator stored it. */
const botMessages = () => server.storage.botMessages.map((update) => update.message as BotMessage);

async function nextReply(expected: string): Promise<BotMessage> {
  await eventually(() => botMessages().some((message) => message.text.includes(expected)), `a reply containing "${expected}"`);
  return botMessages().filter((message) => message.text.includes(expected)).at(-1)!;
}

describe('the bot through telegram-test-api', () => {
  it('a customer starts, taps the order button and picks a product by typing', async () => {
    expect(channel).not.toBeNull();
    const client = server.getClient(TOKEN, { chatId: 4242, userId: 4242, firstName: 'Lan', timeout: 5000 });

    await client.sendCommand(client.makeCommand('/start'));
    const menu = await nextReply('xin chào');
    const order = menu.reply_markup?.inline_keyboard?.flat().find((button) => button.text.includes('Đặt hàng'));
    expect(order?.callback_data).toBe('flow:order');

    await client.sendCallback(client.makeCallbackQuery(order!.callback_data));
    await nextReply('muốn đặt sản phẩm nào');
    await client.sendMessage(client.makeMessage('bưởi da xanh'));
    await nextReply('bao nhiêu kg Bưởi da xanh');

    const customer = await harness.store.db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ id: 'telegram:4242', channel: 'telegram', chat_id: '4242' });
  });
});
