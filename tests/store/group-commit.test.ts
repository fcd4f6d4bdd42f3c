import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/runtime.node.ts';
import { ConstraintError, type Store } from '../../src/store/index';
import { tempDatabasePath } from '../support/harness';

const opened: { store: Store; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { store, cleanup } of opened.splice(0)) {
    await store.close();
    cleanup();
  }
});

async function shopDatabase() {
  const file = tempDatabasePath();
  const { store } = await openDatabase(file.path);
  opened.push({ store, cleanup: file.cleanup });
  return store;
}

const now = '2026-05-12T03:00:00.000Z';
const seen = (store: Store, updateId: string) => store.db.insertInto('processed_updates').values({ channel: 'telegram', update_id: updateId, processed_at: now }).compile();
const customer = (store: Store, id: string) => store.db.insertInto('customers').values({ id, channel: 'telegram', chat_id: id, display_name: null, created_at: now, last_seen_at: now }).compile();

describe('turns of different chats ready at the same moment', () => {
  it('are committed together, and a duplicate among them is refused alone with all of its rows', async () => {
    const store = await shopDatabase();
    await store.batch([seen(store, 'u-old')]);
    const results = await Promise.allSettled([
      store.batch([seen(store, 'u-1'), customer(store, 'telegram:1')]),
      // A platform retry of an update already answered: its customer row must not stay either.
      store.batch([customer(store, 'telegram:2'), seen(store, 'u-old')]),
      store.batch([seen(store, 'u-3'), customer(store, 'telegram:3')]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConstraintError);
    const customers = await store.db.selectFrom('customers').select('id').orderBy('id').execute();
    expect(customers.map((row) => row.id)).toEqual(['telegram:1', 'telegram:3']);
    const updates = await store.db.selectFrom('processed_updates').select('update_id').orderBy('update_id').execute();
    expect(updates.map((row) => row.update_id)).toEqual(['u-1', 'u-3', 'u-old']);
  });

  it('are told they are stored only once the commit is done, so a reader then sees every row', async () => {
    const store = await shopDatabase();
    const writes = Array.from({ length: 50 }, (_, i) => store.batch([seen(store, `u-${i}`), customer(store, `telegram:${i}`)]));
    const firstDone = await Promise.race(writes.map((write, i) => write.then(() => i)));
    expect(firstDone).toBeGreaterThanOrEqual(0);
    const count = await store.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(50);
    await Promise.all(writes);
  });

  it('a batch alone that fails leaves nothing of itself behind', async () => {
    const store = await shopDatabase();
    await store.batch([seen(store, 'u-1')]);
    await expect(store.batch([customer(store, 'telegram:9'), seen(store, 'u-1')])).rejects.toBeInstanceOf(ConstraintError);
    expect(await store.db.selectFrom('customers').select('id').execute()).toEqual([]);
  });

  it('a batch its caller knows to be alone commits at once; others wait a turn of the event loop for company', async () => {
    const store = await shopDatabase();
    const order: string[] = [];
    const tick = new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('event loop turned'))));
    const alone = store.batch([seen(store, 'u-alone')], { alone: true }).then(() => order.push('alone stored'));
    await Promise.all([tick, alone]);
    expect(order).toEqual(['alone stored', 'event loop turned']);

    order.length = 0;
    const nextTick = new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('event loop turned'))));
    const grouped = store.batch([seen(store, 'u-grouped')]).then(() => order.push('grouped stored'));
    await Promise.all([nextTick, grouped]);
    expect(order).toEqual(['event loop turned', 'grouped stored']);
  });

  it('a batch said to be alone still joins a group that is already waiting, and commits with it', async () => {
    const store = await shopDatabase();
    const first = store.batch([seen(store, 'u-1')]);
    const second = store.batch([seen(store, 'u-1')], { alone: true });
    const results = await Promise.allSettled([first, second]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConstraintError);
  });
});

describe('a turn committed with others', () => {
  it('keeps its savepoint journal in memory: no temporary file is created, written and deleted on the turn path', () => {
    const file = tempDatabasePath();
    const tempFolder = mkdtempSync(join(tmpdir(), 'shopbot-sqlite-tmp-'));
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/grouped-turns-temp-files.ts', file.path, tempFolder], {
        env: { ...process.env, SQLITE_TMPDIR: tempFolder },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual({ created: 0, stored: 400 });
    } finally {
      rmSync(tempFolder, { recursive: true, force: true });
      file.cleanup();
    }
  });
});
