import { createInterface } from 'node:readline';
import { flagValue } from './args';
import { loadEngine } from '../runtime.node.ts';
import { readTaughtExamples } from './taught.node.ts';

/**
 * `npm run nlu [-- --flows DIR] [--database FILE]`: one line of customer text in, one JSON
 * object out: {"text", "flow", "score", "product"}, plus "intent" and, when a shop FAQ entry
 * answers, "flow": "faq" with "faq": its id. A stable interface for scripts and labelling.
 */
const dir = flagValue(process.argv, '--flows') ?? process.env.FLOWS_DIR ?? 'flows';
const taught = await readTaughtExamples(dir, flagValue(process.argv, '--database') ?? process.env.DATABASE_PATH ?? 'data/shop.db');
const { engine } = await loadEngine(dir, taught).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const threshold = engine.flows.shop.nlu.threshold;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const understanding = engine.understand(line);
  const best = understanding.best && understanding.best.score >= threshold ? understanding.best : null;
  const flow = best?.faq ? 'faq' : (best?.flow ?? null);
  const product = understanding.products[0] ?? null;
  const faq = best?.faq ? { faq: best.faq } : {};
  console.log(JSON.stringify({ text: line, flow, ...faq, score: understanding.best?.score ?? 0, product, intent: best?.intent ?? null }));
}
