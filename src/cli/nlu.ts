import { createInterface } from 'node:readline';
import { flagValue } from './args';
import { loadEngine } from '../runtime.node.ts';

/**
 * `npm run nlu [-- --flows DIR]`: one line of customer text in, one JSON object out:
 * {"text", "flow", "score", "product"}. A stable interface for scripts and labelling.
 */
const dir = flagValue(process.argv, '--flows') ?? process.env.FLOWS_DIR ?? 'flows';
const { engine } = await loadEngine(dir).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const threshold = engine.flows.shop.nlu.threshold;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const understanding = engine.understand(line);
  const best = understanding.best;
  const flow = best && best.score >= threshold ? best.flow : null;
  console.log(JSON.stringify({ text: line, flow, score: best?.score ?? 0, product: understanding.products[0] ?? null }));
}
