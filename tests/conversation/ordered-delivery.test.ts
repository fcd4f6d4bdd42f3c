import { afterEach, describe, expect, it } from 'vitest';
import type { TelegramFailure } from '../fakes/telegram-api-server';
import { startTelegramShop, type TelegramShop } from '../channels/telegram/telegram-shop';
import { seededRandom } from '../../src/engine/index';

let shop: TelegramShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
});

const CHATS = 30;
const SAYINGS = ['chào shop', 'giá xoài cát hòa lộc', 'phí ship về huế'];

/** What reached each chat (successful calls only), in the order Telegram accepted them. */
function deliveredTo(current: TelegramShop, chatId: number): string[] {
  return [...current.api.sentMessages.values()]
    .filter((message) => (message['chat'] as { id: number }).id === chatId)
    .map((message) => String(message['text'] ?? message['caption'] ?? ''));
}

/** What the shop wrote to each chat, in the order it wrote it. */
async function writtenTo(current: TelegramShop, chatId: number): Promise<string[]> {
  const rows = await current.store.db.selectFrom('outbox').select('payload').where('chat_id', '=', String(chatId)).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => {
    const payload = JSON.parse(row.payload) as { text?: string; caption?: string };
    return payload.text ?? payload.caption ?? '';
  });
}

/** 30 customers write 3 messages each, side by side, each message after the webhook's 200 for the one before. */
async function thirtyCustomersWriteThreeMessages(current: TelegramShop): Promise<number[]> {
  const chats = Array.from({ length: CHATS }, (_, i) => 5_000_000 + i);
  await Promise.all(
    chats.map(async (id) => {
      const person = current.updates.person(id);
      for (const text of SAYINGS) expect(await current.post(current.updates.text(person, text))).toBe(200);
    }),
  );
  return chats;
}

/** Waits until no send is in flight (the fake Bot API got no call for 100 ms), so the clock never moves under a send. */
async function untilQuiet(current: TelegramShop): Promise<void> {
  let calls = -1;
  while (calls !== current.api.calls.length) {
    calls = current.api.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lets the retry timer run until nothing is left to send, moving the clock past every backoff. */
async function retryUntilEmpty(current: TelegramShop): Promise<void> {
  for (let round = 0; round < 60; round++) {
    await untilQuiet(current);
    const left = await current.store.db.selectFrom('outbox').select('id').where('status', 'in', ['pending', 'sending']).execute();
    if (left.length === 0) return;
    current.clock.advance(61);
    await current.delivery.retryDue();
  }
  throw new Error('the outbox never emptied');
}

async function outOfOrderChats(current: TelegramShop, chats: number[]): Promise<{ outOfOrder: number; duplicates: number; lost: number }> {
  let outOfOrder = 0;
  let duplicates = 0;
  let lost = 0;
  for (const id of chats) {
    const written = await writtenTo(current, id);
    const delivered = deliveredTo(current, id);
    if (JSON.stringify(written) !== JSON.stringify(delivered)) outOfOrder++;
    duplicates += Math.max(0, delivered.length - written.length);
    lost += written.filter((text) => !delivered.includes(text)).length;
  }
  return { outOfOrder, duplicates, lost };
}

describe('each chat gets its replies in the order the shop wrote them', () => {
  it('30 Telegram customers writing 3 messages each get every reply once and in order', async () => {
    shop = await startTelegramShop();
    const chats = await thirtyCustomersWriteThreeMessages(shop);
    await retryUntilEmpty(shop);
    expect(await outOfOrderChats(shop, chats)).toEqual({ outOfOrder: 0, duplicates: 0, lost: 0 });
  });

  it('with 30% of sends failing (500, 429, dropped connections) every chat still gets every reply once and in order', async () => {
    shop = await startTelegramShop();
    const random = seededRandom(16);
    const failures: TelegramFailure[] = [{ status: 500, description: 'Internal Server Error' }, { retryAfter: 3 }, 'drop'];
    shop.api.failSome('sendMessage', 0.3, random, (pick) => failures[Math.floor(pick() * failures.length)]!);
    const chats = await thirtyCustomersWriteThreeMessages(shop);
    await retryUntilEmpty(shop);
    expect(await outOfOrderChats(shop, chats)).toEqual({ outOfOrder: 0, duplicates: 0, lost: 0 });
    expect(shop.api.callsOf('sendMessage').length).toBeGreaterThan(CHATS * SAYINGS.length * 1.2);
  });
});
