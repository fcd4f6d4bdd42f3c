import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Conversations } from '../src/conversation/conversations';
import type { InboundEvent } from '../src/conversation/inbound';
import { initialState, type ConversationState, type Engine, type Inbound } from '../src/engine/index';
import { loadEngine, openDatabase } from '../src/runtime.node.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { percentile, rate, row, time } from './stats';
import { benchShop, ORDER_SCRIPT } from './support/bench-shop';

/**
 * `npm run bench:turn`: the whole turn — read, engine, building the write, one SQLite
 * transaction, delivery bookkeeping — through the shop as composed for the app, against two
 * baselines measured in the same run: the engine alone on the same script, and single-row
 * SQLite transactions on the same file. Then 100 conversations in flight, a burst of 10,000,
 * and an open-loop run at 30% of the measured capacity across 10,000 open conversations.
 * CPU time per turn is printed beside the rates: on a machine shared with other work the wall
 * clock also counts the time the others had the cores.
 */
const dir = mkdtempSync(join(tmpdir(), 'shopbot-bench-'));
const { store } = await openDatabase(join(dir, 'bench.db'), 'migrations', { backgroundCheckpoints: true });
const { engine } = await loadEngine('flows');
const startRss = process.memoryUsage().rss;
// A full collection on demand, to tell memory still held from garbage not yet collected.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};
/** CPU time of this process in µs: unlike the wall clock, it does not count the time other processes on a busy machine had the cores. */
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Microseconds spent in each phase, summed over the turns since the last reset. */
const phases = { handle: 0, compute: 0, engine: 0, batch: 0, whole: 0 };
const timed = <A extends unknown[], R>(phase: keyof typeof phases, work: (...args: A) => R) =>
  (...args: A): R => {
    const start = performance.now();
    const result = work(...args);
    if (result instanceof Promise) return result.finally(() => (phases[phase] += performance.now() - start)) as R;
    phases[phase] += performance.now() - start;
    return result;
  };

const timedEngine: Engine = Object.create(engine);
timedEngine.turn = timed('engine', engine.turn.bind(engine));
store.batch = timed('batch', store.batch.bind(store));
const { conversations, receive } = await benchShop(store, () => timedEngine);
conversations.handle = timed('handle', conversations.handle.bind(conversations));
// Building the write is the part of the private compute step that is not the engine.
const internals = conversations as unknown as { compute?: Conversations['handle'] };
if (typeof internals.compute !== 'function') throw new Error('the phase profile wraps Conversations.compute (engine + write builder); it was renamed: update bench/turn.bench.ts');
internals.compute = timed('compute', internals.compute.bind(conversations));

const script = ORDER_SCRIPT;
let update = 0;

/** One turn as a channel hands it over, until its replies were sent. */
async function turn(label: string, c: number | string, text: string): Promise<number> {
  const start = performance.now();
  let delivered: Promise<unknown> = Promise.resolve();
  const event: InboundEvent = { channel: 'telegram', updateId: `${label}-${update++}`, chatId: `${label}-${c}`, userId: `${label}-${c}`, message: { kind: 'text', text } };
  await receive(event, (work) => (delivered = work));
  await delivered;
  const ms = performance.now() - start;
  phases.whole += ms;
  return ms;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function closedLoop(inFlight: number, turnsPerConversation: number, label: string) {
  const latencies: number[] = [];
  const chat = async (c: number) => {
    // Each pass through the script is a new customer, as the engine-only baseline starts each pass blank.
    for (let t = 0; t < turnsPerConversation; t++) latencies.push(await turn(label, `${c}-${Math.floor(t / script.length)}`, script[t % script.length]!));
  };
  peakRss = process.memoryUsage().rss;
  const { ms } = await time(() => Promise.all(Array.from({ length: inFlight }, (_, c) => chat(c))));
  latencies.sort((a, b) => a - b);
  return { turns: latencies.length, rate: rate(latencies.length, ms), p50: percentile(latencies, 50), p99: percentile(latencies, 99), rss: peakRss };
}

/** Messages arrive at a fixed rate whatever the answers; latency counts from the arrival. */
async function openLoop(perSecond: number, seconds: number, open: number, label: string) {
  const latencies: number[] = [];
  // The burst's conversations, each two turns in.
  const next = new Array<number>(open).fill(2);
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  const running: Promise<void>[] = [];
  peakRss = process.memoryUsage().rss;
  // How late this process runs what is due: a stall here (a collection, a long synchronous step) delays every arrival behind it.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const c = i % open;
    const text = script[next[c]!++ % script.length]!;
    running.push(turn(label, c, text).then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(running);
  loopDelay.disable();
  latencies.sort((a, b) => a - b);
  return { turns: total, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rss: peakRss, loopDelayP99: loopDelay.percentile(99) / 1e6, loopDelayMax: loopDelay.max / 1e6 };
}

// Baseline 1: the engine alone, the same script, the context a turn gives it.
const engineTurns = Number(process.env.BENCH_ENGINE_TURNS ?? 20_000);
const context = { now: new Date(), orderCode: 'B000001', customer: { name: null, orders: [] } };
const engineOnly = () => {
  let state: ConversationState = initialState();
  for (let i = 0; i < engineTurns; i++) {
    if (i % script.length === 0) state = initialState();
    const inbound: Inbound = { kind: 'text', text: script[i % script.length]! };
    state = engine.turn(state, inbound, context).state;
  }
};
engineOnly();
const engineCpuStart = cpuMicros();
const engineRun = await time(engineOnly);
const engineRate = rate(engineTurns, engineRun.ms);
const engineCpu = (cpuMicros() - engineCpuStart) / engineTurns;

// Baseline 2: single-row SQLite transactions on the same file.
const baselineCount = Number(process.env.BENCH_BASELINE ?? 20_000);
await store.exec('CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
const insert = store.sqlite.prepare('INSERT INTO bench_rows (value) VALUES (?)');
const oneRowTransaction = store.sqlite.transaction((value: string) => insert.run(value));
const baseline = await time(() => {
  for (let i = 0; i < baselineCount; i++) oneRowTransaction(`row ${i}`);
});
const baselineRate = rate(baselineCount, baseline.ms);

await closedLoop(10, 26, 'warmup');
for (const key of Object.keys(phases) as (keyof typeof phases)[]) phases[key] = 0;
const singleCpuStart = cpuMicros();
const single = await closedLoop(1, Number(process.env.BENCH_SINGLE_TURNS ?? 2_000), 'one');
const singleCpu = (cpuMicros() - singleCpuStart) / single.turns;
const perTurn = (ms: number) => ((ms * 1000) / single.turns).toFixed(1);
const read = phases.handle - phases.compute - phases.batch;
const build = phases.compute - phases.engine;
const delivery = phases.whole - phases.handle;

console.log(`engine alone (same script):           ${engineRate.toLocaleString('en')} turns/s`);
console.log(`single-row SQLite transactions:        ${baselineRate.toLocaleString('en')}/s`);
console.log(`RSS with the engine loaded:            ${Math.round(startRss / 1e6)} MB`);
// npm run bench:turn runs with the heap flags of npm start; the engine-only baseline runs under the same ones.
console.log(`Node flags:                            ${process.execArgv.join(' ') || "none (V8's defaults)"}\n`);
console.log(`one conversation, ${single.turns} turns, µs per turn:`);
const phaseWidths = [26, 10, 8];
console.log(row(['phase', 'µs/turn', 'share'], phaseWidths));
for (const [name, ms] of [['read (queue, snapshot)', read], ['engine', phases.engine], ['building the write', build], ['the transaction', phases.batch], ['delivery bookkeeping', delivery], ['whole turn', phases.whole]] as const) {
  console.log(row([name, perTurn(ms), `${((ms / phases.whole) * 100).toFixed(0)}%`], phaseWidths));
}

const hundred = await closedLoop(100, Number(process.env.BENCH_HUNDRED_TURNS ?? 39), 'hundred');
const heldBefore = liveHeap();
const burst = await closedLoop(Number(process.env.BENCH_MANY ?? 10_000), 2, 'burst');
const heldAfter = liveHeap();
const target = Math.max(1, Math.round(single.rate * 0.3));
// Long enough for a p99 over at least 1,000 arrivals.
const openSeconds = Number(process.env.BENCH_OPEN_SECONDS ?? Math.min(30, Math.max(10, 1000 / target)));
const open = await openLoop(target, openSeconds, Number(process.env.BENCH_MANY ?? 10_000), 'burst');
clearInterval(sampler);

const widths = [34, 8, 10, 14, 10, 10, 8];
console.log(`\n${row(['run', 'turns', 'turns/s', '× one conv.', 'p50 ms', 'p99 ms', 'RSS MB'], widths)}`);
const mb = (bytes: number) => Math.round(bytes / 1e6);
for (const [name, result] of [['1 conversation', single], ['100 in flight', hundred], [`burst of ${process.env.BENCH_MANY ?? '10,000'}`, burst]] as const) {
  console.log(row([name, result.turns, result.rate, (result.rate / single.rate).toFixed(2), result.p50.toFixed(2), result.p99.toFixed(2), mb(result.rss)], widths));
}
console.log(row([`open loop ${target}/s (30% of one conv.)`, open.turns, target, '', open.p50.toFixed(2), open.p99.toFixed(2), mb(open.rss)], widths));
console.log(`open loop: the event loop ran what was due up to ${open.loopDelayP99.toFixed(1)} ms late (p99; longest ${open.loopDelayMax.toFixed(1)} ms)`);
console.log(`\nmemory held (heap after a full collection): ${mb(heldBefore)} MB before the burst, ${mb(heldAfter)} MB after it with ${process.env.BENCH_MANY ?? '10,000'} more open conversations`);
console.log(`CPU per turn: engine alone ${engineCpu.toFixed(0)} µs, whole turn ${singleCpu.toFixed(0)} µs (${(engineCpu / singleCpu).toFixed(2)}× by CPU time, which a busy machine disturbs less)`);
console.log(`\nwhole turn: ${(single.rate / engineRate).toFixed(2)}× engine-only`);
await store.close();
rmSync(dir, { recursive: true, force: true });
