import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** Prepared statements by SQL text: a turn's queries repeat with other parameters. */
export class StatementCache {
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly limit = 1000,
  ) {}

  get(sql: string): SQLite.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (this.statements.size < this.limit) this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** One compiled statement on the connection, at once (better-sqlite3 is synchronous). */
export function runStatement<R>(statements: StatementCache, query: CompiledQuery): QueryResult<R> {
  const statement = statements.get(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(...parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(...parameters);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

/**
 * Kysely's own SQLite driver wakes every waiter on each release, which turns thousands of
 * concurrent turns into quadratic work. This one hands the single connection over in
 * FIFO order and reuses prepared statements.
 */
export class BetterSqliteDialect implements Dialect {
  constructor(private readonly statements: StatementCache) {}

  createAdapter() {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new FifoSqliteDriver(this.statements);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class FifoSqliteDriver implements Driver {
  private readonly connection: DatabaseConnection;
  private held = false;
  private readonly waiting: (() => void)[] = [];

  constructor(statements: StatementCache) {
    this.connection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        return runStatement<R>(statements, query);
      },
      async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
        for (const row of statements.get(query.sql).iterate(...(query.parameters as unknown[]))) yield { rows: [row as R] };
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {}
}
