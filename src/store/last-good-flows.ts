import type { Kysely } from 'kysely';
import type { Database } from './database';

/** One flow file as read from the flows folder. */
export interface SavedFlowFile {
  path: string;
  text: string;
}

export interface LastGoodFlows {
  version: string;
  files: SavedFlowFile[];
  savedAt: string;
}

/** Keeps the flow files that just loaded without errors, replacing the ones kept before (unless they are the same). */
export async function saveLastGoodFlows(db: Kysely<Database>, flows: { version: string; files: readonly SavedFlowFile[]; now: string }): Promise<void> {
  const row = { id: 1, version: flows.version, files: JSON.stringify(flows.files), saved_at: flows.now };
  await db
    .insertInto('last_good_flows')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ version: row.version, files: row.files, saved_at: row.saved_at }).where('last_good_flows.version', '!=', row.version))
    .execute();
}

export async function readLastGoodFlows(db: Kysely<Database>): Promise<LastGoodFlows | undefined> {
  const row = await db.selectFrom('last_good_flows').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? { version: row.version, files: JSON.parse(row.files) as SavedFlowFile[], savedAt: row.saved_at } : undefined;
}
