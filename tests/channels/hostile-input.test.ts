import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeZaloApi, zaloUpdate } from '../fakes/zalo-api-server';
import { ZaloBotClient } from '../../src/channels/zalo/client';
import { ZaloSender } from '../../src/channels/zalo/sender';
import { startHarness, tempDatabasePath, WebVisitor, type Harness } from '../support/harness';
import { eventually } from '../support/eventually';
import { seededRandom } from '../../src/engine/index';
import { startTelegramShop, type TelegramShop } from './telegram/telegram-shop';

/** Every name a plain object inherits, the ones that reach into its prototype, and a few near them. */
const PROTOTYPE_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'prototype', 'toJSON', 'then'])];
const ZALO_SECRET = 'zalo-webhook-secret-123';
const randomUuid = () => crypto.randomUUID();

let shop: TelegramShop;
let zaloApi: FakeZaloApi;
let zalo: Harness;
let database: ReturnType<typeof tempDatabasePath>;

beforeAll(async () => {
  shop = await startTelegramShop();
  zaloApi = new FakeZaloApi({ maxPollWaitMs: 50 });
  await zaloApi.start();
  database = tempDatabasePath();
  const sender = new ZaloSender(new ZaloBotClient(zaloApi.token, { apiUrl: zaloApi.url, timeoutMs: 2000 }), 'https://shop.example.vn');
  zalo = await startHarness({ path: database.path, senders: { zalo: sender }, webhooks: { zalo: { secret: ZALO_SECRET } } });
});

afterAll(async () => {
  await shop.close();
  await zalo.close();
  await zaloApi.close();
  database.cleanup();
});

const postZalo = async (body: unknown) =>
  (await zalo.app.request('/zalo/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Bot-Api-Secret-Token': ZALO_SECRET }, body: JSON.stringify(body) })).status;

describe('text that names a property of every JavaScript object is only text', () => {
  it('on the web chat each such word, typed or sent as a button, is answered and never a 5xx', async () => {
    const statuses: number[] = [];
    for (const name of PROTOTYPE_NAMES) {
      const visitor = new WebVisitor(zalo.app, randomUuid());
      for (const body of [{ text: name }, { button: name }, { text: `mua 2kg ${name}` }, { text: 'chào shop', name }]) {
        const { status, json } = await visitor.post(body);
        statuses.push(status);
        if (status === 200) expect(json.replies?.length, `${name} ${JSON.stringify(body)}`).toBeGreaterThan(0);
      }
      statuses.push((await zalo.app.request(`/api/chat?visitorId=${encodeURIComponent(name)}`)).status);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(PROTOTYPE_NAMES.length * 4);
  });

  it('on Telegram each such word, typed, tapped or as an update field, gets 200 and typed words get a reply', async () => {
    const statuses: number[] = [];
    for (const [i, name] of PROTOTYPE_NAMES.entries()) {
      const person = shop.updates.person(7_000_000 + i, name, name);
      statuses.push(await shop.post(shop.updates.text(person, name)));
      statuses.push(await shop.post(shop.updates.tap(person, name)));
      statuses.push(await shop.post({ update_id: 900_000 + i, [name]: { chat: { id: 1, type: 'private' } } }));
      statuses.push(await shop.post(JSON.parse(`{"update_id": ${950_000 + i}, "message": {"message_id": 1, "date": 1, "chat": {"id": ${7_000_000 + i}, "type": "private"}, "from": {"id": ${7_000_000 + i}, "is_bot": false, "first_name": "A"}, "text": "a", "${name}": {}}}`)));
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    await shop.delivery.retryDue();
    for (const [i] of PROTOTYPE_NAMES.entries()) expect(shop.api.textsTo(7_000_000 + i).length, PROTOTYPE_NAMES[i]).toBeGreaterThan(0);
  });

  it('on Zalo each such word, typed or as the chat id or an event name, gets 200 and typed words get a reply', async () => {
    const statuses: number[] = [];
    for (const [i, name] of PROTOTYPE_NAMES.entries()) {
      statuses.push(await postZalo(zaloUpdate.text(`zalo-proto-${i}`, name)));
      statuses.push(await postZalo(zaloUpdate.text(name, 'chào shop')));
      statuses.push(await postZalo(zaloUpdate.custom(name, `zalo-proto-${i}`)));
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const answered = () => new Set(zaloApi.callsOf('sendMessage').map((call) => String((call.body as { chat_id: string }).chat_id)));
    // Waited for, then checked one by one, so a failure names the word whose chat got nothing.
    await eventually(() => PROTOTYPE_NAMES.every((_, i) => answered().has(`zalo-proto-${i}`))).catch(() => undefined);
    const chats = answered();
    for (const [i] of PROTOTYPE_NAMES.entries()) expect(chats.has(`zalo-proto-${i}`), PROTOTYPE_NAMES[i]).toBe(true);
  });
});

/** Real-shaped updates with fields dropped or given the wrong type, from a fixed seed. */
function malformedUpdates(count: number, seed: number): unknown[] {
  const random = seededRandom(seed);
  const odd = [null, 0, -1, 1.5, '', 'x', [], {}, true, 1e300, { id: 'a' }, [{}], '__proto__'];
  const mutate = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      if (depth === 0 && key === 'update_id') continue;
      const roll = random();
      if (roll < 0.15) delete object[key];
      else if (roll < 0.3) object[key] = odd[Math.floor(random() * odd.length)];
      else mutate(object[key], depth + 1);
    }
    return object;
  };
  const updates: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const person = shop.updates.person(8_000_000 + (i % 50));
    const kinds = [
      () => shop.updates.text(person, 'chào shop'),
      () => shop.updates.tap(person, 'flow:order'),
      () => shop.updates.contact(person, '0987654321'),
      () => shop.updates.photo(person, 'hàng bị dập'),
      () => shop.updates.location(person, 10.03, 105.78),
      () => shop.updates.membership(person, random() < 0.5 ? 'kicked' : 'member'),
      () => shop.updates.edited(person, 'sửa lại'),
      () => shop.updates.text(person, '/start'),
    ];
    updates.push(mutate(kinds[Math.floor(random() * kinds.length)]!(), 0));
  }
  return updates;
}

describe('a Telegram update with the right secret never gets a 5xx for its shape', () => {
  it('2,000 fuzzed updates (fixed seed) are all answered 200, and a good one after them still gets its reply', async () => {
    const statuses = new Map<number, number>();
    for (const update of malformedUpdates(2000, 20260512)) {
      const status = await shop.post(update);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 2000 });
    const after = await shop.send(shop.updates.text(shop.updates.person(8_999_999), 'giá xoài cát hòa lộc'));
    expect(after).toContain('Xoài cát Hòa Lộc');
  });
});

describe('a flood of calls with a wrong webhook secret', () => {
  it('is refused with 401 each time but writes at most one log line a minute per channel', async () => {
    const wrong = (path: string, header: string) => shop.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', [header]: 'wrong-secret-0123456789abcdef' }, body: '{"update_id": 1}' });
    const before = { telegram: shop.log.lines.length, zalo: zalo.log.lines.length };
    for (let i = 0; i < 500; i++) {
      expect((await wrong('/telegram/webhook', 'X-Telegram-Bot-Api-Secret-Token')).status).toBe(401);
      expect((await zalo.app.request('/zalo/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Bot-Api-Secret-Token': 'wrong-secret-000' }, body: '{}' })).status).toBe(401);
    }
    expect(shop.log.lines.slice(before.telegram).filter((line) => line.message.includes('secret'))).toHaveLength(1);
    expect(zalo.log.lines.slice(before.zalo).filter((line) => line.message.includes('secret'))).toHaveLength(1);
  });
});
