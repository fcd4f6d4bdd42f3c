import { afterEach, beforeEach } from 'vitest';
import { startHarness, tempDatabasePath, TestClock, type Harness, type HarnessOptions } from './harness';
import { RecordingSender } from './recording-sender';

/** What a test runs on its own SQLite file: started as often as the test likes. */
export interface OnItsOwnFile<T> {
  /** Starts it on the test's file, closing the running one first: a restart (or a crash) keeps every row. */
  boot(): Promise<T>;
  /** The one running now. */
  running(): T;
}

/**
 * A fresh SQLite file for each test of the file, deleted after the test with what runs on it
 * closed. `open` is called at each boot, so it may use what an earlier hook made.
 */
export function onItsOwnFilePerTest<T extends { close(): Promise<void> }>(open: (path: string) => Promise<T>): OnItsOwnFile<T> {
  let database: ReturnType<typeof tempDatabasePath> | undefined;
  let current: T | undefined;
  beforeEach(() => {
    database = tempDatabasePath();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
    database?.cleanup();
    database = undefined;
  });
  return {
    async boot() {
      if (!database) throw new Error('a test shop boots only inside a test or a hook after its file was made');
      await current?.close();
      current = await open(database.path);
      return current;
    },
    running() {
      if (!current) throw new Error('the test shop is not running: boot it first');
      return current;
    },
  };
}

/** Started before each test of the file; the reader gives the one running now. */
export function startedPerTest<T>(shop: OnItsOwnFile<T>): () => T {
  beforeEach(async () => {
    await shop.boot();
  });
  return () => shop.running();
}

/** The shop as `npm start` wires it, on its own file for each test; `options` is read at each boot (a fake platform, a clock). */
export function restartableShopPerTest(options: () => HarnessOptions = () => ({})): OnItsOwnFile<Harness> {
  return onItsOwnFilePerTest((path) => startHarness({ ...options(), path }));
}

/** A shop of its own, started before each test of the file; `harness()` is the running test's. */
export function harnessPerTest(options: () => HarnessOptions = () => ({})): () => Harness {
  return startedPerTest(restartableShopPerTest(options));
}

/** A restartable shop whose Zalo platform records what it is sent; each test gets a fresh clock and recorder. */
export function zaloShopPerTest(): OnItsOwnFile<Harness> & { clock: () => TestClock; sender: () => RecordingSender } {
  let clock = new TestClock();
  let sender = new RecordingSender();
  beforeEach(() => {
    clock = new TestClock();
    sender = new RecordingSender();
  });
  const shop = restartableShopPerTest(() => ({ clock, senders: { zalo: sender } }));
  return { ...shop, clock: () => clock, sender: () => sender };
}
