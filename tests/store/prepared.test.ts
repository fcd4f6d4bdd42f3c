import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/runtime.node.ts';
import { prepared } from '../../src/store/prepared';
import type { Store } from '../../src/store/store';
import { tempDatabasePath } from '../support/harness';

const opened: { store: Store; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { store, cleanup } of opened.splice(0)) {
    await store.close();
    cleanup();
  }
});

async function shopDatabase(): Promise<Store> {
  const file = tempDatabasePath();
  const { store } = await openDatabase(file.path);
  opened.push({ store, cleanup: file.cleanup });
  return store;
}

const insertCustomer = prepared((db, row: { id: string; channel: string; chat_id: string; display_name?: string | null; created_at: string; last_seen_at: string }) =>
  db.insertInto('customers').values(row),
);
const customerOf = prepared((db, key: { id: string }) => db.selectFrom('customers').select(['id', 'display_name', 'blocked']).where('id', '=', key.id).where('blocked', '=', 0));

describe('statements compiled once and filled in per turn', () => {
  it('write and read the same rows as the statements Kysely builds each time', async () => {
    const store = await shopDatabase();
    const now = '2026-05-12T03:00:00.000Z';
    await store.batch([
      insertCustomer(store.db, { id: 'telegram:1', channel: 'telegram', chat_id: '1', display_name: 'Lan', created_at: now, last_seen_at: now }),
      insertCustomer(store.db, { id: 'telegram:2', channel: 'telegram', chat_id: '2', display_name: 'Bích', created_at: now, last_seen_at: now }),
      // Another shape: no display name given, so the column keeps its default.
      insertCustomer(store.db, { id: 'zalo:3', channel: 'zalo', chat_id: '3', display_name: undefined, created_at: now, last_seen_at: now }),
    ]);
    const built = await store.db.selectFrom('customers').select(['id', 'display_name', 'blocked']).orderBy('id').execute();
    expect(built).toEqual([
      { id: 'telegram:1', display_name: 'Lan', blocked: 0 },
      { id: 'telegram:2', display_name: 'Bích', blocked: 0 },
      { id: 'zalo:3', display_name: null, blocked: 0 },
    ]);
    for (const row of built) expect((await store.db.executeQuery(customerOf(store.db, { id: row.id }))).rows).toEqual([row]);
  });

  it('compile the SQL once per shape: the same text, only the values differ', async () => {
    const store = await shopDatabase();
    const first = customerOf(store.db, { id: 'telegram:1' });
    const second = customerOf(store.db, { id: 'telegram:2' });
    expect(second.sql).toBe(first.sql);
    expect(first.parameters).toEqual(['telegram:1']);
    expect(second.parameters).toEqual(['telegram:2']);
    expect(first.sql).toBe(store.db.selectFrom('customers').select(['id', 'display_name', 'blocked']).where('id', '=', 'x').where('blocked', '=', sql.lit(0)).compile().sql);
  });

  it('write the constants of a statement into its text, so SQLite plans it once (a bound LIMIT or partial-index value is planned again on every run)', async () => {
    const store = await shopDatabase();
    const now = '2026-05-12T03:00:00.000Z';
    const newestOpen = prepared((db, key: { customer_id: string }) =>
      db.selectFrom('conversations').select('id').where('customer_id', '=', key.customer_id).where('status', '=', 'open').where('outcome', 'is not', "it's").orderBy('started_at', 'desc').limit(1),
    );
    const query = newestOpen(store.db, { customer_id: 'telegram:1' });
    expect(query.sql).toContain(`"status" = 'open'`);
    expect(query.sql).toContain(`'it''s'`);
    expect(query.sql).toMatch(/limit 1$/);
    expect(query.parameters).toEqual(['telegram:1']);
    await store.batch([
      insertCustomer(store.db, { id: 'telegram:1', channel: 'telegram', chat_id: '1', created_at: now, last_seen_at: now }),
      store.db.insertInto('conversations').values({ id: 'c1', customer_id: 'telegram:1', channel: 'telegram', status: 'open', started_at: now, last_activity_at: now, message_count: 0, satisfaction_asked: 0, mode: 'bot', state: '{}', flows_version: 'v', version: 1 }).compile(),
    ]);
    expect((await store.db.executeQuery(query)).rows).toEqual([{ id: 'c1' }]);
  });

  it('refuse a statement that changes a value while it is built, instead of writing the placeholder', async () => {
    const store = await shopDatabase();
    const stringified = prepared((db, row: { payload: unknown }) => db.selectFrom('customers').select('id').where('display_name', '=', JSON.stringify(row.payload)));
    expect(() => stringified(store.db, { payload: { text: 'chào shop' } })).toThrow(/changed a value while it was built/);
  });
});
