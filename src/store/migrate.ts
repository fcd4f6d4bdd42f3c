import { sql } from 'kysely';
import type { Store } from './store';

export interface Migration {
  /** File name, e.g. `0001_initial.sql`: the order and the identity of a migration. */
  name: string;
  sql: string;
}

/**
 * Applies the migrations not applied yet, in name order, recording each in `d1_migrations`:
 * the table `wrangler d1 migrations apply` keeps, so both tools agree on what is applied.
 */
export async function applyMigrations(store: Store, migrations: readonly Migration[]): Promise<string[]> {
  await store.exec(
    'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)',
  );
  const rows = await store.db.selectFrom('d1_migrations').select('name').execute();
  const applied = new Set(rows.map((row) => row.name));
  const pending = [...migrations].sort((a, b) => a.name.localeCompare(b.name)).filter((migration) => !applied.has(migration.name));
  for (const migration of pending) {
    // Each file and its record commit together: a crash mid-migration leaves it unapplied.
    await store.exec(`BEGIN;\n${migration.sql}\n;INSERT INTO d1_migrations (name) VALUES ('${migration.name.replace(/'/g, "''")}');\nCOMMIT;`).catch(async (error) => {
      await store.exec('ROLLBACK;').catch(() => undefined);
      throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
    });
  }
  return pending.map((migration) => migration.name);
}

export async function databaseIsReachable(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}
