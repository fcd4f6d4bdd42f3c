import { existsSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createEngine, type Engine, understandingFor, shopNames, type TaughtExample } from './engine/index';
import { bundledUnderstanding } from './generated/nlu-model';
import { readCorpus } from './nlu-corpus.node.ts';
import { formatProblem, loadFlows, type ShopFlows } from './flows/index';
import { readFlowDir } from './flows/flow-dir.node.ts';
import type { FlowStatus, RefusedEdit } from './flows/status';
import type { Logger } from './log';
import { readTaughtDir } from './flows/taught-dir.node.ts';
import { applyMigrations, taughtExamples, type Store } from './store/index';
import { readMigrationDir } from './store/migrations-dir.node.ts';
import { openSqliteStore, type SqliteOptions } from './store/sqlite.node.ts';

/** Reads `.env` when there is one, without overriding variables already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Opens the SQLite file and brings its schema up to date. */
export async function openDatabase(path: string, migrationsDir = 'migrations', options: SqliteOptions = {}) {
  const store = openSqliteStore(path, options);
  const applied = await applyMigrations(store, await readMigrationDir(migrationsDir));
  return { store, applied };
}

/**
 * Loads the flows or throws with every problem listed, as `npm run flows:check` prints them,
 * and trains the understanding model on the shipped corpus, the flows and the owner's taught examples.
 */
export async function loadEngine(dir: string, taught: readonly TaughtExample[] = []): Promise<{ engine: Engine; warnings: string[] }> {
  const result = loadFlows(await readFlowDir(dir));
  if (!result.ok) {
    const lines = result.errors.map(formatProblem).join('\n');
    throw new Error(`the flow files in ${dir}/ have ${result.errors.length} error(s); fix them (npm run flows:check) and start again:\n${lines}`);
  }
  return { engine: await trainedEngine(result.flows, taught), warnings: result.warnings.map(formatProblem) };
}

/**
 * The engine for flows already loaded, with the understanding model of the shipped corpus, the
 * flows and taught examples: the bundled model when it was trained on exactly these, else trained now.
 */
export async function trainedEngine(flows: ShopFlows, taught: readonly TaughtExample[]): Promise<Engine> {
  return createEngine(flows, understandingFor(flows, shopNames(flows), await readCorpus(), taught, bundledUnderstanding));
}

/** Everything the owner taught: exported files in `<flows>/taught/` and the lessons in the database (newer, so they win). */
export async function shopTaught(flowsDir: string, store: Store): Promise<TaughtExample[]> {
  const lessons = await taughtExamples(store.db);
  return [...(await readTaughtDir(flowsDir)), ...lessons.map(({ text, flow, faq }) => ({ text, flow, faq }))];
}

/** What the watcher tells the running shop. */
export interface FlowWatch {
  onEngine: (engine: Engine) => void;
  log: Logger;
  /** Where the dashboard and /healthz read whether the last edit was refused. */
  status?: FlowStatus;
  /** Told once per refused edit (the owner's chat). */
  onRefused?: (edit: RefusedEdit) => void;
  /** Milliseconds to wait for an editor to finish saving (several events per save). */
  settleMs?: number;
  /** What the owner taught (database and flows/taught/), learnt again with every reload. */
  taught?: () => Promise<TaughtExample[]>;
}

/**
 * Reloads the flows when a file in the folder changes. A reload with mistakes keeps the last
 * good flows running, logs every error and records the refusal, so a typo never takes the bot
 * down and the owner hears of it. Replacing the whole folder (restoring a backup) is followed:
 * the parent folder is watched too, and the watch moves to the new folder.
 */
export function watchFlows(dir: string, watch: FlowWatch): () => void {
  const { log, status } = watch;
  let timer: NodeJS.Timeout | undefined;
  let folder: FSWatcher | undefined;
  let stopped = false;
  const reload = async () => {
    try {
      const result = loadFlows(await readFlowDir(dir));
      if (!result.ok) {
        const edit: RefusedEdit = { at: new Date().toISOString(), errors: result.errors, warnings: result.warnings };
        status?.refused(edit);
        watch.onRefused?.(edit);
        log.error('flows not reloaded; the last good flows keep running', { errors: result.errors.length, first: formatProblem(result.errors[0]!) });
        return;
      }
      const engine = await trainedEngine(result.flows, (await watch.taught?.()) ?? []);
      watch.onEngine(engine);
      status?.accepted(result.warnings);
      log.info('flows reloaded', { version: engine.flows.version, warnings: result.warnings.length });
    } catch (error) {
      // The folder is missing for a moment while it is being replaced: the next event reloads.
      log.warn('flows not readable yet; the last good flows keep running', { error: (error as Error).message });
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      arm();
      void reload();
    }, watch.settleMs ?? 300);
  };
  // (Re)watches the folder itself; a replaced folder is a new one, which the old watch never sees.
  const arm = () => {
    if (stopped) return;
    folder?.close();
    folder = undefined;
    try {
      folder = fsWatch(dir, changed);
      folder.on('error', () => changed());
    } catch {
      // Not there right now: the parent's watch re-arms when it appears.
    }
  };
  arm();
  const name = basename(resolve(dir));
  const parent = fsWatch(dirname(resolve(dir)), (_event, file) => {
    if (file === null || String(file) === name) changed();
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    folder?.close();
    parent.close();
  };
}
