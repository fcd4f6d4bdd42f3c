import { formatProblem, loadFlows, OUT_OF_SCOPE } from '../flows/index';
import { readFlowDir } from '../flows/flow-dir.node.ts';
import { readCorpus, readCorpusFile } from '../nlu-corpus.node.ts';
import { crossValidate, bestThreshold, evaluate, summarize, type Evaluated, type LabeledCase, IntentMatcher, trainUnderstanding, shopNames, labeledExamples } from '../engine/index';
import { fold } from '../text/fold';
import { flagValue } from './args';
import { readTaughtExamples } from './taught.node.ts';

/**
 * `npm run nlu:test [-- --flows DIR] [--folds 5] [--file heldout.tsv] [--misses 20] [--database FILE]`,
 * in the habit of `rasa test nlu`: k-fold cross-validation over the corpus, the flows'
 * triggers, the FAQ questions and the owner's taught examples; with `--file`, a model trained
 * on all of them reads a held-out file instead. Prints accuracy (overall and on messages
 * typed without tone marks), per-intent precision/recall/F1, the confusion matrix and the
 * worst misses with their scores. A measurement: it exits 0 unless something cannot load.
 */
const argv = process.argv;
const dir = flagValue(argv, '--flows') ?? process.env.FLOWS_DIR ?? 'flows';
const folds = Number(flagValue(argv, '--folds') ?? 5);
const file = flagValue(argv, '--file');
const missCount = Number(flagValue(argv, '--misses') ?? 20);

const loaded = loadFlows(await readFlowDir(dir));
if (!loaded.ok) {
  console.error(loaded.errors.map(formatProblem).join('\n'));
  process.exit(1);
}
const flows = loaded.flows;
const threshold = flows.shop.nlu.threshold;
const names = shopNames(flows);
const corpus = await readCorpus();
const taught = await readTaughtExamples(dir, flagValue(argv, '--database') ?? process.env.DATABASE_PATH ?? 'data/shop.db');

let rows: Evaluated[];
let heading: string;
const started = performance.now();
if (file) {
  const model = trainUnderstanding(flows, names, corpus, taught);
  const matcher = new IntentMatcher(model, flows, names);
  const cases = (await readCorpusFile(file)).map((example) => ({ label: example.label, text: example.text, where: `${example.file}:${example.line}` }));
  rows = evaluate(matcher, cases, threshold);
  heading = `held-out ${file}: ${cases.length} messages, model trained on ${corpus.length} corpus messages + triggers + FAQ + ${taught.length} taught`;
} else {
  const cases = labeledExamples(flows, corpus, taught);
  rows = crossValidate(flows, names, cases, folds, threshold);
  heading = `${folds}-fold cross-validation over ${cases.length} messages (${corpus.length} corpus, the rest triggers, FAQ questions and ${taught.length} taught)`;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const toneless = rows.filter((row) => fold(row.text) === row.text.normalize('NFC').toLowerCase());
const all = summarize(rows);
const plain = summarize(toneless);
const oos = all.perIntent.find((score) => score.intent === OUT_OF_SCOPE);

console.log(`${heading} (${seconds} s)`);
console.log(`threshold ${threshold} (shop.yaml nlu.threshold): below it the bot falls back, counted as ${OUT_OF_SCOPE}`);
console.log('');
console.log(`accuracy            ${pct(all.accuracy)}  (${all.count - all.misses.length}/${all.count})`);
console.log(`top-1, no threshold ${pct(all.topAccuracy)}`);
console.log(`without tone marks  ${pct(plain.accuracy)}  (${toneless.length - plain.misses.length}/${toneless.length})`);
if (oos) console.log(`out_of_scope        precision ${pct(oos.precision)}  recall ${pct(oos.recall)}`);
const ambiguous = rows.filter((row) => row.ambiguous);
console.log(`ambiguous (asks)    ${ambiguous.length} (${ambiguous.filter((row) => row.top === row.label || row.runnerUp === row.label).length} of them had the right intent in the top two)`);
const suggestion = bestThreshold(rows);
console.log(`best threshold here ${suggestion.threshold} (${pct(suggestion.accuracy)})`);
console.log('');
console.log('intent               support  precision  recall     F1');
for (const score of all.perIntent) {
  console.log(`${score.intent.padEnd(20)} ${String(score.support).padStart(7)}  ${pct(score.precision).padStart(9)}  ${pct(score.recall).padStart(6)}  ${pct(score.f1).padStart(6)}`);
}
console.log('');
console.log('confusion (row: expected, column: got; only rows with mistakes)');
const labels = [...all.confusion.keys()];
const short = (label: string) => label.slice(0, 6).padStart(6);
console.log(`${''.padEnd(20)} ${labels.map(short).join(' ')}`);
for (const [expected, row] of all.confusion) {
  const total = [...row.values()].reduce((sum, n) => sum + n, 0);
  if ((row.get(expected) ?? 0) === total) continue;
  console.log(`${expected.padEnd(20)} ${labels.map((got) => String(row.get(got) ?? '.').padStart(6)).join(' ')}`);
}
console.log('');
console.log(`worst misses (${Math.min(missCount, all.misses.length)} of ${all.misses.length}, most confident first):`);
for (const miss of all.misses.slice(0, missCount)) {
  console.log(`  ${JSON.stringify(miss.text)}  expected ${miss.label}, got ${miss.got} (${miss.top} ${miss.score.toFixed(3)}; runner-up ${miss.runnerUp} ${miss.runnerUpScore.toFixed(3)})  ${miss.where}`);
}
