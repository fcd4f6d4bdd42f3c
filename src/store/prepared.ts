import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';

/** Stands for a value while a statement is compiled (only then: real values are never inspected). */
const MARK = '@@prepared-value:';

/**
 * A statement built with Kysely once per shape (the set of values given) and database handle,
 * then only filled in: on a turn's hot path Kysely's builders and compiler cost more than the
 * SQLite statement itself. `build` must hand each value to Kysely as given (no JSON.stringify
 * or other work on it inside `build`: do that before the call). Constants written in `build`
 * (a status, a LIMIT) are written into the SQL text: SQLite prepares a statement again on every
 * run when a bound value decides its plan (a LIMIT, a column of a partial index), which costs
 * ten times the statement itself. Undefined values leave their key out of the shape.
 */
export function prepared<V extends Record<string, unknown>>(build: (db: Kysely<Database>, values: V) => Compilable) {
  const shapes = new WeakMap<Kysely<Database>, Map<string, { query: CompiledQuery; names: string[] }>>();
  return (db: Kysely<Database>, values: V): CompiledQuery => {
    const names = Object.keys(values).filter((name) => values[name] !== undefined);
    const key = names.join(',');
    let byKey = shapes.get(db);
    if (!byKey) shapes.set(db, (byKey = new Map()));
    let shape = byKey.get(key);
    if (!shape) {
      const query = build(db, Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as V).compile();
      byKey.set(key, (shape = withConstantsWritten(query)));
    }
    const order = shape.names;
    const parameters = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) parameters[i] = values[order[i]!];
    return { ...shape.query, parameters };
  };
}

/** The statement with each constant parameter written as a literal, and the names of the values still bound, in order. */
function withConstantsWritten(query: CompiledQuery): { query: CompiledQuery; names: string[] } {
  const names: string[] = [];
  let sql = '';
  let parameter = 0;
  let quote: string | null = null;
  for (const char of query.sql) {
    if (quote) {
      if (char === quote) quote = null;
      sql += char;
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
      sql += char;
    } else if (char === '?') {
      const value = query.parameters[parameter++];
      if (typeof value === 'string' && value.startsWith(MARK)) {
        names.push(value.slice(MARK.length));
        sql += char;
      } else {
        if (typeof value === 'string' && value.includes(MARK)) throw new Error(`a prepared statement changed a value while it was built (${query.sql}); pass values to Kysely as given`);
        sql += literal(value, query.sql);
      }
    } else {
      sql += char;
    }
  }
  if (parameter !== query.parameters.length) throw new Error(`a prepared statement has ${query.parameters.length} values for ${parameter} placeholders (${query.sql})`);
  return { query: { ...query, sql, parameters: [] }, names };
}

function literal(value: unknown, sql: string): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number' && Number.isFinite(value)) return value < 0 ? `(${value})` : String(value);
  if (typeof value === 'bigint') return value < 0n ? `(${value})` : String(value);
  throw new Error(`a prepared statement has a constant SQL cannot spell (${typeof value}) in ${sql}; pass it as a value`);
}
