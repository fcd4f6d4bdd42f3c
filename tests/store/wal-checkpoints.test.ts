import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.node.ts';
import { startBackgroundCheckpoints } from '../../src/store/wal-checkpoints.node.ts';
import { eventually } from '../support/eventually';
import { tempDatabasePath } from '../support/harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function database(options: Parameters<typeof openSqliteStore>[1]) {
  const file = tempDatabasePath();
  const store = openSqliteStore(file.path, options);
  cleanups.push(file.cleanup, () => store.close());
  store.sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = store.sqlite.prepare('INSERT INTO notes (body) VALUES (?)');
  // About 2 MB of rows, each its own commit, as turns are.
  const write = () => {
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(10_000));
  };
  return { store, path: file.path, write };
}

describe('checkpoints on a thread of their own', () => {
  it('move the log into the database file while the writer never checkpoints in a commit', async () => {
    const { store, path, write } = database({ backgroundCheckpoints: true, checkpointEveryMs: 20 });
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    write();
    // The rows reached the log at once; the database file grows only when the thread copies them over.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(2_000_000);
    await eventually(() => statSync(path).size > before + 2_000_000, 'the database file holding the checkpointed rows');
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 200 });
  });

  it('are not run in the background for a short-lived store: SQLite checkpoints in its commits', () => {
    const { store } = database({});
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  });

  it('hand checkpointing back to the commits when the thread cannot work', async () => {
    const failures: Error[] = [];
    const checkpoints = startBackgroundCheckpoints(join('/nonexistent-folder', 'shop.db'), (error) => failures.push(error), 20);
    cleanups.push(() => checkpoints.stop());
    await eventually(() => failures.length > 0, 'the failure reported');
    expect(failures[0]!.message).toMatch(/directory does not exist|unable to open/i);
  });

  it('stop with the store: close waits for the thread, and the file is whole afterwards', async () => {
    const { store, path, write } = database({ backgroundCheckpoints: true, checkpointEveryMs: 20 });
    write();
    await store.close();
    const reopened = openSqliteStore(path);
    cleanups.push(() => reopened.close());
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 200 });
  });

  it('let a process whose last work is closing the store end normally (its close settles)', () => {
    const file = tempDatabasePath();
    cleanups.push(file.cleanup);
    const script = `
      import { openSqliteStore } from ${JSON.stringify(join(process.cwd(), 'src/store/sqlite.node.ts'))};
      const store = openSqliteStore(${JSON.stringify(file.path)}, { backgroundCheckpoints: true, checkpointEveryMs: 20 });
      store.sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
      await store.close();
      console.log('closed');
    `;
    // Exit code 13 (a top-level await that never settled) throws here.
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output.trim()).toBe('closed');
  });
});
