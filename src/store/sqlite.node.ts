import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './database';
import { BetterSqliteDialect, runStatement, StatementCache } from './sqlite-dialect.node.ts';
import { runDirectly } from './execute';
import { GroupCommit } from './group-commit.node.ts';
import { type Store } from './store';
import { startBackgroundCheckpoints } from './wal-checkpoints.node.ts';

export interface SqliteOptions {
  /**
   * Checkpoint the write-ahead log on a thread of its own instead of inside a commit: the
   * running shop (one long-lived process), not short-lived tools and tests.
   */
  backgroundCheckpoints?: boolean;
  /** How often the background thread checkpoints (tests make it short). */
  checkpointEveryMs?: number;
}

/**
 * Opens (creating if needed) the embedded SQLite database: WAL for concurrent readers, and
 * secure_delete so the bytes of a deleted or overwritten value are zeroed, not left in free space.
 */
export function openSqliteStore(path: string, options: SqliteOptions = {}): Store & { sqlite: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  // A grouped turn runs in its own savepoint, whose journal of changed pages (over 16 of them
  // for a whole turn) SQLite would otherwise spill to a temporary file in /var/tmp: a file
  // created, written and deleted on the turn's path, and a write that waits behind the
  // checkpoint's fsync. In memory, it is freed when the savepoint is released.
  sqlite.pragma('temp_store = MEMORY');
  // A turn rewrites the same few index pages each time: copying them into the database file
  // once per 10,000 log pages instead of once per 1,000 takes most of the checkpoint's cost off
  // the turns; the log file is cut back to 64 MB after a checkpoint.
  const inCommits = () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('journal_size_limit = 67108864');
  const background = options.backgroundCheckpoints && path !== ':memory:' ? startBackgroundCheckpoints(path, inCommits, options.checkpointEveryMs) : undefined;
  if (background) sqlite.pragma('wal_autocheckpoint = 0');
  else inCommits();
  const statements = new StatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new BetterSqliteDialect(statements) });
  const batches = new GroupCommit(sqlite, statements);
  runDirectly(db, (query) => runStatement(statements, query));
  return {
    db,
    sqlite,
    kind: 'sqlite',
    batch: (queries, options) => batches.run(queries, options?.alone ?? false),
    async exec(sql) {
      sqlite.exec(sql);
    },
    async checkpoint() {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      await background?.stop();
      await db.destroy();
      sqlite.close();
    },
  };
}
