import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database';

/**
 * Runs compiled statements as one atomic unit: a better-sqlite3 transaction on Node, a
 * D1 `batch()` on Workers. D1 has no interactive transactions, so a turn never reads
 * inside its write; guards are expressed in SQL and fail the whole batch.
 */
export type BatchExecutor = (queries: readonly CompiledQuery[], options?: BatchOptions) => Promise<BatchChanges>;

/** How many rows each statement of a batch changed, in order: whether a guarded statement took, without a read. */
export type BatchChanges = readonly number[];

export interface BatchOptions {
  /**
   * No other turn of this process is under way, so no batch can join this one: it commits at
   * once instead of waiting a turn of the event loop for company (SQLite; D1 runs each batch
   * on its own anyway).
   */
  alone?: boolean;
}

/** Runs a script of several statements (migrations). */
export type ScriptExecutor = (sql: string) => Promise<void>;

export interface Store {
  db: Kysely<Database>;
  batch: BatchExecutor;
  exec: ScriptExecutor;
  /** What kind of database this is, for /healthz. */
  kind: 'sqlite' | 'd1';
  /**
   * Moves what the write-ahead log holds into the database file and empties the log, so
   * erased bytes are gone from both (SQLite; D1 keeps no log we can reach).
   */
  checkpoint?(): Promise<void>;
  close(): Promise<void>;
}

/** A batch that failed on a constraint: a duplicate update, a lost race, a taken order code. */
export class ConstraintError extends Error {
  constructor(
    message: string,
    readonly constraint: string,
  ) {
    super(message);
    this.name = 'ConstraintError';
  }
}

/** Maps a driver's error to ConstraintError when it is one (both SQLite and D1 word them alike). */
export function asConstraintError(error: unknown): ConstraintError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed:?\s*([\w.]*)/i.exec(message);
  return match ? new ConstraintError(message, `${match[1]!.toUpperCase()} ${match[2] ?? ''}`.trim()) : undefined;
}
