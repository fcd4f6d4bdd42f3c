import { afterEach, beforeEach } from 'vitest';
import { startHarness, tempDatabasePath, type Harness, type HarnessOptions } from './harness';

/** A test's own SQLite file, on which it starts the shop as often as it likes. */
export interface RestartableShop {
  /** Starts the shop on the test's file, closing the one running first: a restart (or a crash) keeps every row. */
  boot(): Promise<Harness>;
}

/**
 * A fresh SQLite file for each test of the file, deleted after the test with the shop running
 * on it closed. `options` is read at each boot, so it may use what an earlier hook made (a
 * fake platform, a clock).
 */
export function restartableShopPerTest(options: () => HarnessOptions = () => ({})): RestartableShop {
  let database: ReturnType<typeof tempDatabasePath> | undefined;
  let running: Harness | undefined;
  beforeEach(() => {
    database = tempDatabasePath();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    database?.cleanup();
    database = undefined;
  });
  return {
    async boot() {
      if (!database) throw new Error('a test shop boots only inside a test or a hook after the file was made');
      await running?.close();
      running = await startHarness({ ...options(), path: database.path });
      return running;
    },
  };
}

/** A shop of its own, started before each test of the file; `harness()` is the running test's. */
export function harnessPerTest(options: () => HarnessOptions = () => ({})): () => Harness {
  const shop = restartableShopPerTest(options);
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await shop.boot();
  });
  afterEach(() => {
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the shop of a test runs only inside the test and the hooks after it started');
    return current;
  };
}
