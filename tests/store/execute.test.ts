import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { execute } from '../../src/store/execute';
import { openSqliteStore } from '../../src/store/sqlite.node.ts';
import { tempDatabasePath } from '../support/harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function store() {
  const file = tempDatabasePath();
  const opened = openSqliteStore(file.path);
  cleanups.push(file.cleanup, () => opened.close());
  opened.sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO notes (body) VALUES ('xoài'), ('bưởi')");
  return opened;
}

describe('a compiled statement on the hot path', () => {
  it('reads and writes on the embedded SQLite as Kysely would, without its connection hand-over', async () => {
    const { db, sqlite } = store();
    const read = CompiledQuery.raw('SELECT id, body FROM notes WHERE id >= ? ORDER BY id', [1]);
    expect(await execute(db, read)).toEqual(await db.executeQuery(read));
    const write = await execute(db, CompiledQuery.raw('UPDATE notes SET body = ? WHERE id = ?', ['mít', 2]));
    expect(write.numAffectedRows).toBe(1n);
    expect(sqlite.prepare('SELECT body FROM notes WHERE id = 2').get()).toEqual({ body: 'mít' });
  });

  it('goes through Kysely for any other database (D1): its plugins see the result there, and not on the direct path', async () => {
    const { db } = store();
    const marked: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => ({ ...args.result, rows: [...args.result.rows, { marked: true }] }),
    };
    const count = CompiledQuery.raw('SELECT count(*) AS n FROM notes');
    expect((await execute(db.withPlugin(marked), count)).rows).toEqual([{ n: 2 }, { marked: true }]);
    expect((await execute(db, count)).rows).toEqual([{ n: 2 }]);
    await expect(execute(db.withPlugin(marked), CompiledQuery.raw('SELECT x FROM nowhere'))).rejects.toThrow(/no such table/);
  });
});
