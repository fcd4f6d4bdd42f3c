import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelNamed } from '../src/channels/registry';
import { composeShop } from '../src/compose';
import { parseEnv } from '../src/config';
import { createEngine } from '../src/engine/index';
import { loadFlows } from '../src/flows/index';
import { readFlowDir } from '../src/flows/flow-dir.node.ts';
import { memoryLogger } from '../src/log';
import { openDatabase } from '../src/runtime.node.ts';
import { percentile, rate, row, time } from './stats';

/**
 * `npm run bench:turn`: the whole turn — read, engine, one SQLite transaction with the
 * transcript, events and outbox — for 1, 100 and 10,000 conversations in flight at once,
 * against the raw rate of single-row SQLite transactions on the same file in the same run.
 */
const dir = mkdtempSync(join(tmpdir(), 'shopbot-bench-'));
const { store } = await openDatabase(join(dir, 'bench.db'));
const loaded = loadFlows(await readFlowDir('flows'));
if (!loaded.ok) throw new Error('sample flows do not load');
const engine = createEngine(loaded.flows);
let orders = 0;
const env = parseEnv({});
if (!env.ok) throw new Error(env.errors.join('\n'));
const { conversations } = await composeShop(env.env, {
  store,
  engine: () => engine,
  log: memoryLogger(),
  persistent: false,
  channels: [channelNamed('web')],
  orderCode: () => `B${(++orders).toString(36).padStart(6, '0')}`,
});
const script = ['chào shop', '2', 'xoai cat', '4 ký', 'không', 'Nguyễn Văn An', '0912 345 678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'ok chốt', '5'];

async function scenario(inFlight: number, turnsPerConversation: number, label: string) {
  const latencies: number[] = [];
  let update = 0;
  const chat = async (c: number) => {
    for (let t = 0; t < turnsPerConversation; t++) {
      const start = performance.now();
      await conversations.handle({ channel: 'web', updateId: `${label}-${c}-${update++}`, chatId: `${label}-${c}`, userId: `${label}-${c}`, message: { kind: 'text', text: script[t % script.length]! } });
      latencies.push(performance.now() - start);
    }
  };
  const { ms } = await time(() => Promise.all(Array.from({ length: inFlight }, (_, c) => chat(c))));
  latencies.sort((a, b) => a - b);
  return { turns: latencies.length, ms, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const baselineCount = Number(process.env.BENCH_BASELINE ?? 20_000);
await store.exec('CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
const insert = store.sqlite.prepare('INSERT INTO bench_rows (value) VALUES (?)');
const oneRowTransaction = store.sqlite.transaction((value: string) => insert.run(value));
const baseline = await time(() => {
  for (let i = 0; i < baselineCount; i++) oneRowTransaction(`row ${i}`);
});
const baselineRate = rate(baselineCount, baseline.ms);

const runs = [
  { label: '1', inFlight: 1, turns: Number(process.env.BENCH_SINGLE_TURNS ?? 2_000) },
  { label: '100', inFlight: 100, turns: Number(process.env.BENCH_HUNDRED_TURNS ?? 39) },
  { label: '10000', inFlight: Number(process.env.BENCH_MANY ?? 10_000), turns: 2 },
];
await scenario(10, 13, 'warmup');
const widths = [14, 8, 10, 12, 10, 10];
console.log(`single-row SQLite transactions (baseline): ${baselineRate.toLocaleString('en')}/s\n`);
console.log(row(['conversations', 'turns', 'turns/s', '× baseline', 'p50 ms', 'p99 ms'], widths));
for (const run of runs) {
  const result = await scenario(run.inFlight, run.turns, run.label);
  const turnRate = rate(result.turns, result.ms);
  console.log(row([run.inFlight, result.turns, turnRate, (turnRate / baselineRate).toFixed(3), result.p50.toFixed(2), result.p99.toFixed(2)], widths));
}
await store.close();
rmSync(dir, { recursive: true, force: true });
