import { gzipSync } from 'node:zlib';
import { createEngine, serializeUnderstanding, trainingDigest, trainUnderstanding, shopNames } from '../src/engine/index';
import { readCorpus } from '../src/nlu-corpus.node.ts';
import { loadFlows } from '../src/flows/index';
import { readFlowDir } from '../src/flows/flow-dir.node.ts';
import { HELD_OUT_MESSAGES } from '../tests/engine/nlu/held-out-messages';
import { TriggerMatcher } from './baseline/trigger-matcher';
import { rate } from './stats';

/**
 * `npm run bench:nlu`: the trained classifier against the trigger matcher it replaced, in one
 * run on one core: messages classified per second, the time to train on the whole corpus
 * (wall clock and CPU), the serialized model's size, and flow accuracy on the held-out
 * messages of tests/engine/nlu/held-out-messages.ts (a message counts as routed to
 * `best.flow` at or above the shop's threshold). A measurement: it always exits 0.
 */
const loaded = loadFlows(await readFlowDir('flows'));
if (!loaded.ok) throw new Error(`sample flows do not load: ${JSON.stringify(loaded.errors, null, 2)}`);
const flows = loaded.flows;
const names = shopNames(flows);
const corpus = await readCorpus();
const threshold = flows.shop.nlu.threshold;

function timed<T>(work: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

const training = timed(() => trainUnderstanding(flows, names, corpus));
const model = training.result;
const classifier = createEngine(flows, model);
const serialized = JSON.stringify(serializeUnderstanding(model, flows.version, trainingDigest(flows, names, corpus)));
const baselineBuild = timed(() => new TriggerMatcher(flows.flows.values(), names.products, names.provinces));
const baseline = baselineBuild.result;

const texts = corpus.map((example) => example.text);
function throughput(understand: (text: string) => unknown): { perSecond: number; cpuPerSecond: number } {
  for (const text of texts.slice(0, 500)) understand(text);
  const rounds = 3;
  const run = timed(() => {
    for (let round = 0; round < rounds; round++) for (const text of texts) understand(text);
  });
  return { perSecond: rate(texts.length * rounds, run.ms), cpuPerSecond: rate(texts.length * rounds, run.cpuMs) };
}
const classifierSpeed = throughput((text) => classifier.understand(text));
const baselineSpeed = throughput((text) => baseline.understand(text));

function accuracy(route: (text: string) => string | null): number {
  return HELD_OUT_MESSAGES.filter(({ text, flow }) => route(text) === flow).length / HELD_OUT_MESSAGES.length;
}
const classifierAccuracy = accuracy((text) => {
  const best = classifier.understand(text).best;
  if (!best || best.score < threshold) return null;
  return best.faq ? 'advice' : best.flow;
});
const baselineAccuracy = accuracy((text) => {
  const best = baseline.understand(text).best;
  return best && best.score >= 0.5 ? best.flow : null;
});

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`NLU on ${texts.length} corpus messages (${HELD_OUT_MESSAGES.length} held-out messages for accuracy), one core`);
console.log('');
console.log(`${''.padEnd(26)}${'classifier'.padStart(16)}${'trigger matcher'.padStart(18)}`);
const line = (label: string, a: string, b: string) => console.log(`${label.padEnd(26)}${a.padStart(16)}${b.padStart(18)}`);
line('messages/s (wall)', classifierSpeed.perSecond.toLocaleString('en'), baselineSpeed.perSecond.toLocaleString('en'));
line('messages/s (CPU time)', classifierSpeed.cpuPerSecond.toLocaleString('en'), baselineSpeed.cpuPerSecond.toLocaleString('en'));
line('training/compile (wall)', `${(training.ms / 1000).toFixed(2)} s`, `${(baselineBuild.ms / 1000).toFixed(2)} s`);
line('training/compile (CPU)', `${(training.cpuMs / 1000).toFixed(2)} s`, `${(baselineBuild.cpuMs / 1000).toFixed(2)} s`);
line('serialized size', kib(serialized.length), 'triggers only');
line('serialized size, gzip', kib(gzipSync(serialized, { level: 9 }).length), '-');
line('held-out flow accuracy', pct(classifierAccuracy), pct(baselineAccuracy));
console.log('');
console.log('CPU time is what one core spends; on a busy machine the wall clock is longer. Goals: ≥ 20,000 messages/s, training < 2 s.');
