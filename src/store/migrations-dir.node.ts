import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Migration } from './migrate';

/** The numbered `.sql` files of `migrations/`, the same ones wrangler applies to D1. */
export async function readMigrationDir(dir = 'migrations'): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })));
}
