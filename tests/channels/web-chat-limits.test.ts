import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../src/admin/auth/client-address';
import { savePhotoQuery } from '../../src/store/index';
import { startHarness, tempDatabasePath, TestClock, WebVisitor, type Harness } from '../support/harness';

let database: ReturnType<typeof tempDatabasePath>;
let clock: TestClock;
let harness: Harness;

beforeEach(async () => {
  database = tempDatabasePath();
  clock = new TestClock();
  // As behind the shop's reverse proxy (TRUST_PROXY=1): the client's address is the X-Forwarded-For entry.
  harness = await startHarness({ path: database.path, clock, clientAddress: clientAddressOf({ trustProxy: true, connection: () => '127.0.0.1' }) });
});

afterEach(async () => {
  await harness.close();
  database.cleanup();
});

let messages = 0;
const post = (body: Record<string, unknown>, address = '203.0.113.7') =>
  harness.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ messageId: `message-${++messages}`, ...body }) });

const fileBytes = () => [database.path, `${database.path}-wal`].reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);

describe('the web visitor id is a random UUID', () => {
  it('a guessable id like 12345678 is refused, for posting and for reading replies', async () => {
    for (const visitorId of ['12345678', 'visitor-12345678', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa']) {
      expect((await post({ visitorId, text: 'dữ liệu của tôi' })).status, visitorId).toBe(400);
      expect((await harness.app.request(`/api/chat?visitorId=${visitorId}`)).status, visitorId).toBe(400);
    }
    expect(await harness.store.db.selectFrom('customers').select('id').execute()).toEqual([]);
    expect((await post({ visitorId: crypto.randomUUID(), text: 'chào shop' })).status).toBe(200);
  });
});

describe('/api/chat is limited per visitor and per address', () => {
  it('a visitor sending faster than a person types gets 429 with Retry-After; other visitors go on, and the visitor may write again after the wait', async () => {
    const fast = crypto.randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post({ visitorId: fast, text: `giá xoài ${i}` }, `198.51.100.${i}`)).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const refused = await post({ visitorId: fast, text: 'giá xoài' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post({ visitorId: crypto.randomUUID(), text: 'chào shop' })).status).toBe(200);
    clock.advance(1);
    expect((await post({ visitorId: fast, text: 'giá xoài' })).status).toBe(200);
  });

  it('one address opening chat after chat is held after 30 new visitors in 10 minutes; another address is not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await post({ visitorId: crypto.randomUUID(), text: '/start' }, '192.0.2.50')).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
    // Sending a refused id again does not make it a known visitor.
    const refusedId = crypto.randomUUID();
    expect((await post({ visitorId: refusedId, text: '/start' }, '192.0.2.50')).status).toBe(429);
    expect((await post({ visitorId: refusedId, text: '/start' }, '192.0.2.50')).status).toBe(429);
    expect((await post({ visitorId: crypto.randomUUID(), text: '/start' }, '192.0.2.51')).status).toBe(200);
  });

  it('20,000 new visitors from 4 addresses over 33 minutes keep the database under 3 MB, and the ones who never wrote are gone a day later', { timeout: 120_000 }, async () => {
    const before = fileBytes();
    let allowed = 0;
    for (let i = 0; i < 20_000; i++) {
      const response = await post({ visitorId: crypto.randomUUID(), text: '/start' }, `192.0.2.${i % 4}`);
      if (response.status === 200) allowed++;
      else expect(response.status).toBe(429);
      if (i % 200 === 199) clock.current = new Date(clock.current.getTime() + 20_000);
    }
    await harness.store.checkpoint?.();
    // 4 addresses × 30 new visitors per 10 minutes × 4 windows.
    expect(allowed).toBeLessThanOrEqual(4 * 30 * 4);
    expect(fileBytes() - before).toBeLessThan(3 * 1024 * 1024);
    const writer = new WebVisitor(harness.app);
    expect((await writer.say('giá xoài cát hòa lộc')).status).toBe(200);

    clock.advance(25 * 60);
    expect(await retentionJob()).toEqual({ visitors: allowed });
    expect(await harness.store.db.selectFrom('customers').select('id').execute()).toEqual([{ id: `web:${writer.visitorId}` }]);
    expect(await harness.store.db.selectFrom('outbox').select('id').where('chat_id', '!=', writer.visitorId).execute()).toEqual([]);
  });
});

describe('retention', () => {
  it('RETENTION_DAYS clears transcript text older than that and keeps the conversation and its counts for the dashboard', async () => {
    await harness.close();
    harness = await startHarness({ path: database.path, clock, env: { RETENTION_DAYS: '60' } });
    const visitor = new WebVisitor(harness.app);
    await visitor.say('giá xoài cát hòa lộc');
    const conversation = await harness.store.db.selectFrom('conversations').select(['id', 'message_count']).executeTakeFirstOrThrow();
    clock.advance(24 * 60 * 30);
    await retentionJob();
    expect((await harness.store.db.selectFrom('messages').select('text').where('text', 'is not', null).execute()).length).toBeGreaterThan(0);
    clock.advance(24 * 60 * 31);
    await retentionJob();
    expect(await harness.store.db.selectFrom('messages').select('text').where('text', 'is not', null).execute()).toEqual([]);
    expect(await harness.store.db.selectFrom('conversations').select(['id', 'message_count']).execute()).toEqual([conversation]);
    expect((await harness.store.db.selectFrom('messages').select('id').execute()).length).toBeGreaterThan(1);
  });

  it('photos sent in the chat go after RETENTION_DAYS too', async () => {
    await harness.close();
    harness = await startHarness({ path: database.path, clock, env: { RETENTION_DAYS: '60' } });
    const photos = () => harness.store.db.withTables<{ photos: { id: string } }>().selectFrom('photos').select('id').execute();
    await harness.store.batch([savePhotoQuery(harness.store.db, { id: 'old-photo', customerId: 'web:someone', contentType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8]), now: clock.now().toISOString() })]);
    clock.advance(24 * 60 * 59);
    await retentionJob();
    expect(await photos()).toEqual([{ id: 'old-photo' }]);
    clock.advance(24 * 60 * 2);
    await retentionJob();
    expect(await photos()).toEqual([]);
  });
});

/** The shop's own timed job, as the Node timer or the Workers cron runs it. */
function retentionJob(): Promise<unknown> {
  const job = harness.shop.jobs.find((candidate) => candidate.name === 'retention');
  if (!job) throw new Error('the shop has no retention job');
  return job.run();
}
