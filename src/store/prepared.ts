import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';

/** Stands for a value while a statement is compiled (only then: real values are never inspected). */
const MARK = '@@prepared-value:';

type Slot = { name: string } | { constant: unknown };

/**
 * A statement built with Kysely once per shape (the set of values given) and database handle,
 * then only filled in: on a turn's hot path Kysely's builders and compiler cost more than the
 * SQLite statement itself. `build` must hand each value to Kysely as given (no JSON.stringify
 * or other work on it inside `build`: do that before the call); constants written in `build`
 * stay part of the statement. Undefined values leave their key out of the shape.
 */
export function prepared<V extends Record<string, unknown>>(build: (db: Kysely<Database>, values: V) => Compilable) {
  const shapes = new WeakMap<Kysely<Database>, Map<string, { query: CompiledQuery; slots: Slot[] }>>();
  return (db: Kysely<Database>, values: V): CompiledQuery => {
    const names = Object.keys(values).filter((name) => values[name] !== undefined);
    const key = names.join(',');
    let byKey = shapes.get(db);
    if (!byKey) shapes.set(db, (byKey = new Map()));
    let shape = byKey.get(key);
    if (!shape) {
      const query = build(db, Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as V).compile();
      const slots = query.parameters.map((value): Slot => {
        if (typeof value === 'string' && value.startsWith(MARK)) return { name: value.slice(MARK.length) };
        if (typeof value === 'string' && value.includes(MARK)) throw new Error(`a prepared statement changed a value while it was built (${query.sql}); pass values to Kysely as given`);
        return { constant: value };
      });
      byKey.set(key, (shape = { query, slots }));
    }
    return { ...shape.query, parameters: shape.slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant)) };
  };
}
