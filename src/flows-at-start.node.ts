import { readFlowDir } from './flows/flow-dir.node.ts';
import { formatProblem, loadFlows, type FlowProblem, type ShopFlows } from './flows/index';
import { readLastGoodFlows, saveLastGoodFlows, type Store } from './store/index';

export type FlowsAtStart =
  | {
      ok: true;
      flows: ShopFlows;
      warnings: FlowProblem[];
      /** The folder could not be used: these are the last good flows kept in the database, with what is wrong in the folder. */
      fallback: { savedAt: string; errors: FlowProblem[]; message: string } | null;
    }
  | { ok: false; message: string };

/**
 * The flows the Node server starts with. Flows that load from the folder are kept in the
 * database as the last good ones; a folder broken at start-up (a typo saved while the bot was
 * down) starts the bot on those instead, so the shop keeps answering while the owner fixes it.
 * Only when no good flows were ever kept does the bot refuse to start.
 */
export async function flowsAtStart(dir: string, store: Store, now: Date): Promise<FlowsAtStart> {
  let errors: FlowProblem[] = [];
  let message: string;
  try {
    const sources = await readFlowDir(dir);
    const result = loadFlows(sources);
    if (result.ok) {
      await saveLastGoodFlows(store.db, { version: result.flows.version, files: sources, now: now.toISOString() });
      return { ok: true, flows: result.flows, warnings: result.warnings, fallback: null };
    }
    errors = result.errors;
    message = `the flow files in ${dir}/ have ${errors.length} error(s); fix them (npm run flows:check):\n${errors.map(formatProblem).join('\n')}`;
  } catch (error) {
    message = (error as Error).message;
  }
  const saved = await readLastGoodFlows(store.db);
  const kept = saved ? loadFlows(saved.files) : undefined;
  if (!saved || !kept?.ok) return { ok: false, message: `${message}\nNo good flows were ever kept in the database to run on instead, so the bot cannot start; fix the flow files and start again.` };
  return { ok: true, flows: kept.flows, warnings: kept.warnings, fallback: { savedAt: saved.savedAt, errors, message } };
}

/** After a reload that loaded cleanly, keeps those files as the last good ones. */
export async function keepGoodFlows(dir: string, store: Store, now: Date): Promise<void> {
  const sources = await readFlowDir(dir);
  const result = loadFlows(sources);
  if (result.ok) await saveLastGoodFlows(store.db, { version: result.flows.version, files: sources, now: now.toISOString() });
}
