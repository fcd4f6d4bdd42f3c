import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './database';

type DirectRun = <R>(query: CompiledQuery) => QueryResult<R>;

const direct = new WeakMap<Kysely<Database>, DirectRun>();

/**
 * Lets `execute` run `db`'s statements straight on its connection: the embedded SQLite, whose
 * statements are synchronous on one connection. Safe because no code here holds that connection
 * across an await (there are no interactive transactions: D1 has none, and the turn's write is one batch).
 */
export function runDirectly(db: Kysely<Database>, run: DirectRun): void {
  direct.set(db, run);
}

/**
 * Runs a statement compiled beforehand (see `prepared`): the turn's read, and the delivery's
 * claim, check and mark. Kysely's hand-over of the connection costs more than such a statement
 * on SQLite (promises, closures, a queue), so there it is skipped; D1 goes through Kysely.
 */
export async function execute<R>(db: Kysely<Database>, query: CompiledQuery): Promise<QueryResult<R>> {
  const run = direct.get(db);
  return run ? run<R>(query) : db.executeQuery<R>(query);
}
