import { existsSync } from 'node:fs';
import type { TaughtExample } from '../flows/taught';
import { readTaughtDir } from '../flows/taught-dir.node.ts';
import { taughtExamples } from '../store/index';
import { openSqliteStore } from '../store/sqlite.node.ts';

/**
 * What the owner taught, as the running shop learns it: the exported files in
 * `<flows>/taught/` and, when the shop's database file exists, the lessons kept in it.
 */
export async function readTaughtExamples(flowsDir: string, databasePath: string | undefined): Promise<TaughtExample[]> {
  const exported = await readTaughtDir(flowsDir);
  if (!databasePath || !existsSync(databasePath)) return exported;
  const store = openSqliteStore(databasePath);
  try {
    const lessons = await taughtExamples(store.db);
    return [...exported, ...lessons.map(({ text, flow, faq }) => ({ text, flow, faq }))];
  } catch (error) {
    // A database from before migration 0008 has no lessons yet (npm run migrate adds the table).
    if (/no such table/.test((error as Error).message)) return exported;
    throw error;
  } finally {
    await store.close();
  }
}
