import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the write-ahead log into the database file on a thread of its own. Done inside a
 * commit (SQLite's automatic checkpoint) it stalls every turn behind that commit for tens of
 * milliseconds, once per few hundred turns; on its own connection and thread a PASSIVE
 * checkpoint runs beside the writer without blocking it, and the log starts over once a
 * checkpoint has caught up with it between two commits.
 */
export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

// Plain JavaScript evaluated in the worker, so it runs the same from TypeScript sources and from the built bundle.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Starts checkpointing `path` every `everyMs` (a second: the log then holds about a second of
 * turns, and a checkpoint's sync to disk, which slows the writer's next commits a little, comes once a second). `onFailure` hears if the thread stops on its
 * own (it cannot open the file, a checkpoint throws): the caller then turns SQLite's automatic
 * checkpoints back on, so the log never grows without bound.
 */
export function startBackgroundCheckpoints(path: string, onFailure: (error: Error) => void, everyMs = 1000): BackgroundCheckpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, everyMs } });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    if (!stopping) onFailure(error);
  });
  worker.once('exit', (code) => {
    if (!stopping) onFailure(new Error(`the checkpoint thread stopped (exit code ${code})`));
  });
  // A shop that is shutting down does not wait for the next checkpoint.
  worker.unref();
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      // Unreferenced, the thread would let the process end before it closes its connection (exit code 13: the close never settles).
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
