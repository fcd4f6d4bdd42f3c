import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { StatementCache } from './sqlite-dialect.node.ts';
import { asConstraintError, type BatchChanges } from './store';

interface Waiting {
  queries: readonly CompiledQuery[];
  resolve: (changes: BatchChanges) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches that are ready at the same moment (in one turn of the event loop: many chats'
 * turns under load) are committed in one SQLite transaction, each inside its own savepoint:
 * one batch that fails (a duplicate update, a lost race) is rolled back alone and rejected
 * alone, the others commit. Each caller hears back only after the commit, so nothing is
 * acknowledged that a crash could still lose; a commit costs about as much for one turn as for
 * a hundred, and waiting for the next turn of the event loop lets timers and requests run
 * between groups instead of after a whole burst. A batch its caller knows to be alone (one
 * turn under way, nothing waiting) is committed at once: there is no one to wait for.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private readonly control;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: StatementCache,
  ) {
    const statement = (sql: string) => sqlite.prepare(sql);
    this.control = {
      begin: statement('BEGIN IMMEDIATE'),
      savepoint: statement('SAVEPOINT batch'),
      release: statement('RELEASE batch'),
      rollbackTo: statement('ROLLBACK TO batch'),
      commit: statement('COMMIT'),
      rollback: statement('ROLLBACK'),
    };
  }

  run(queries: readonly CompiledQuery[], alone: boolean): Promise<BatchChanges> {
    if (queries.length === 0) return Promise.resolve([]);
    return new Promise<BatchChanges>((resolve, reject) => {
      if (this.waiting.push({ queries, resolve, reject }) > 1) return;
      if (alone) this.flush();
      else setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.waiting;
    this.waiting = [];
    const alone = group.length === 1;
    const failures = new Map<Waiting, unknown>();
    const changes = new Map<Waiting, number[]>();
    try {
      this.control.begin.run();
      for (const batch of group) {
        if (!alone) this.control.savepoint.run();
        try {
          const changed = new Array<number>(batch.queries.length);
          for (let i = 0; i < batch.queries.length; i++) {
            const query = batch.queries[i]!;
            changed[i] = this.statements.get(query.sql).run(...(query.parameters as unknown[])).changes;
          }
          changes.set(batch, changed);
          if (!alone) this.control.release.run();
        } catch (error) {
          if (alone) throw error;
          this.control.rollbackTo.run();
          this.control.release.run();
          failures.set(batch, error);
        }
      }
      this.control.commit.run();
    } catch (error) {
      // Nothing of the group was written (the one batch failed, or the disk or the lock did).
      if (this.sqlite.inTransaction) this.control.rollback.run();
      for (const batch of group) batch.reject(asConstraintError(error) ?? error);
      return;
    }
    for (const batch of group) {
      const failure = failures.get(batch);
      if (failure === undefined) batch.resolve(changes.get(batch)!);
      else batch.reject(asConstraintError(failure) ?? failure);
    }
  }
}
