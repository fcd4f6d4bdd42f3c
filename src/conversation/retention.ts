import type { Logger } from '../log';
import { ageOutQueries, deleteVisitorsQueries, silentVisitors, type Store } from '../store/index';

/** Web visitors who only opened the chat page are kept this long (they may still write). */
const SILENT_VISITOR_MS = 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export interface RetentionDeps {
  store: Store;
  clock: () => Date;
  log: Logger;
  /** RETENTION_DAYS: transcript text older than this is cleared. */
  retentionDays: number;
}

/**
 * What the shop forgets on its own, run by the timed jobs: visitors who opened the chat page
 * and never wrote, after a day; transcript text after RETENTION_DAYS. Anonymous counts stay.
 */
export class Retention {
  constructor(private readonly deps: RetentionDeps) {}

  async runDue(): Promise<{ visitors: number }> {
    const { store, clock, log, retentionDays } = this.deps;
    const now = clock().getTime();
    const silentBefore = new Date(now - SILENT_VISITOR_MS).toISOString();
    let visitors = 0;
    for (;;) {
      const ids = await silentVisitors(store.db, silentBefore);
      if (ids.length === 0) break;
      await store.batch(deleteVisitorsQueries(store.db, ids, silentBefore));
      visitors += ids.length;
    }
    await store.batch(ageOutQueries(store.db, new Date(now - retentionDays * DAY_MS).toISOString()));
    if (visitors > 0) log.info('web visitors who never wrote were forgotten', { visitors });
    return { visitors };
  }
}
