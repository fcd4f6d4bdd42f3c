import { existsSync, watch } from 'node:fs';
import { createEngine, type Engine } from './engine/engine';
import { readCorpus } from './engine/nlu/corpus-dir.node.ts';
import { trainUnderstanding } from './engine/nlu/model';
import { shopNames } from './engine/nlu/names';
import type { TaughtExample } from './engine/nlu/training-set';
import { formatProblem, loadFlows } from './flows/index';
import { readFlowDir } from './flows/flow-dir.node.ts';
import type { Logger } from './log';
import { applyMigrations } from './store/migrate';
import { readMigrationDir } from './store/migrations-dir.node.ts';
import { openSqliteStore } from './store/sqlite.node.ts';

/** Reads `.env` when there is one, without overriding variables already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Opens the SQLite file and brings its schema up to date. */
export async function openDatabase(path: string, migrationsDir = 'migrations') {
  const store = openSqliteStore(path);
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
  const understanding = trainUnderstanding(result.flows, shopNames(result.flows), await readCorpus(), taught);
  return { engine: createEngine(result.flows, understanding), warnings: result.warnings.map(formatProblem) };
}

/**
 * Reloads the flows when a file in the folder changes. A reload with mistakes keeps the
 * last good flows running and logs every error, so a typo never takes the bot down.
 */
export function watchFlows(dir: string, onEngine: (engine: Engine) => void, log: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    try {
      const { engine, warnings } = await loadEngine(dir);
      onEngine(engine);
      log.info('flows reloaded', { version: engine.flows.version, warnings: warnings.length });
    } catch (error) {
      log.error('flows not reloaded; the last good flows keep running', { error: (error as Error).message });
    }
  };
  const watcher = watch(dir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 300);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
