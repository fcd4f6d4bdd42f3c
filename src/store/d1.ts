import type { D1Database } from '@cloudflare/workers-types';
import { Kysely, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from './database';
import { asConstraintError, type Store } from './store';

/**
 * The store on Cloudflare D1. D1 has no interactive transactions: a turn's write is one
 * `batch()`, which D1 runs as a single transaction, so the version guard and the
 * processed-update key fail the whole batch just as they roll back a SQLite transaction.
 */
export function openD1Store(d1: D1Database): Store {
  const db = new Kysely<Database>({ dialect: new ShopD1Dialect({ database: d1 }) });
  return {
    db,
    kind: 'd1',
    async batch(queries) {
      if (queries.length === 0) return [];
      try {
        const results = await d1.batch(queries.map((query) => d1.prepare(query.sql).bind(...query.parameters)));
        return results.map((result) => result.meta.changes);
      } catch (error) {
        // D1 words it "D1_ERROR: UNIQUE constraint failed: processed_updates.channel, …: SQLITE_CONSTRAINT".
        throw asConstraintError(error) ?? error;
      }
    },
    async exec(sql) {
      // D1's exec takes one statement per line; migrations on D1 go through wrangler instead.
      await d1.exec(sql);
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * kysely-d1 0.4 also returns the field Kysely renamed in 0.23, which makes Kysely log an
 * "outdated driver" warning in every isolate; the results are otherwise what Kysely expects.
 */
class ShopD1Dialect extends D1Dialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async (): Promise<DatabaseConnection> => {
      const connection = await acquire();
      const execute = connection.executeQuery.bind(connection);
      connection.executeQuery = async <R>(query: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> => {
        const { numUpdatedOrDeletedRows: _renamed, ...result } = (await execute<R>(query)) as QueryResult<R> & { numUpdatedOrDeletedRows?: bigint };
        return result;
      };
      return connection;
    };
    return driver;
  }
}
