import { parseEnv } from '../config';
import { loadDotEnv, openDatabase } from '../runtime.node.ts';

/** `npm run migrate`: applies the SQL files in migrations/ to the SQLite database. */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(parsed.errors.join('\n'));
  process.exit(1);
}
const { store, applied } = await openDatabase(parsed.env.DATABASE_PATH);
console.log(applied.length > 0 ? `applied ${applied.join(', ')} to ${parsed.env.DATABASE_PATH}` : `${parsed.env.DATABASE_PATH} is up to date`);
await store.close();
