import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_splitSqlQuery } from 'wrangler';
import { composeShop } from '../src/compose';
import { parseEnv } from '../src/config';
import { memoryLogger } from '../src/log';
import { loadEngine, openDatabase } from '../src/runtime.node.ts';
import { percentile, row } from './stats';

/**
 * `npm run bench:worker`: the same web-chat turn (`POST /api/chat`: read, engine, one atomic
 * write, pull the replies) N times in workerd over a local D1 (the built Worker bundle in
 * miniflare) and on Node over SQLite (`app.request`), in one run. The workerd figure includes
 * the Node→workerd HTTP hop of `dispatchFetch`, measured separately on a 404 (no database).
 */
const TURNS = Number(process.env.BENCH_WORKER_TURNS ?? 200);
const WARMUP = 26;
const script = ['chào shop', '2', 'xoai cat', '4 ký', 'không', 'Nguyễn Văn An', '0912 345 678', '12 Lê Lợi, phường Bến Thành, TP HCM', 'không', '1', 'không', 'ok chốt', '5'];
const PASSWORD = 'bench-password-0123';

/** Turn i of the run: visitors take the script one after another, so every turn is a real step of an order. */
const visitors = new Map<string, string>();
const turnBody = (label: string, i: number) => {
  // A random UUID per visitor, as the chat page makes it (the API refuses guessable ids).
  const key = `${label}:${Math.floor(i / script.length)}`;
  const visitor = visitors.get(key) ?? crypto.randomUUID();
  visitors.set(key, visitor);
  return JSON.stringify({ visitorId: visitor, messageId: `${label}-message-${i.toString().padStart(6, '0')}`, text: script[i % script.length] });
};

/** What both sides answer with: the web standard Response, or miniflare's own. */
type Answer = { status: number; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> };

async function run(label: string, turns: number, post: (body: string) => Promise<Answer>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < turns; i++) {
    const start = performance.now();
    const response = await post(turnBody(label, i));
    if (response.status !== 200) throw new Error(`${label}: /api/chat answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
  }
  return latencies;
}

// ── the Worker bundle, as `wrangler deploy` would upload it
const work = mkdtempSync(join(tmpdir(), 'shopbot-worker-bench-'));
const build = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', work], { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
if (build.status !== 0) throw new Error(`wrangler build failed:\n${build.stdout}\n${build.stderr}`);

const mf = new Miniflare({
  modules: true,
  scriptPath: join(work, 'worker.js'),
  modulesRoot: work,
  compatibilityDate: '2026-03-29',
  d1Databases: { DB: 'bench' },
  bindings: { ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'error' },
});
const d1 = await mf.getD1Database('DB');
for (const name of readdirSync('migrations').filter((file) => file.endsWith('.sql')).sort()) {
  const queries = unstable_splitSqlQuery(readFileSync(join('migrations', name), 'utf8'));
  await d1.batch(queries.map((query) => d1.prepare(query)));
}
const workerPost = (body: string) => mf.dispatchFetch('http://shop.test/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

// ── the same app on Node with SQLite
const { store } = await openDatabase(join(work, 'bench.db'));
const { engine } = await loadEngine('flows');
const log = memoryLogger();
const env = parseEnv({ ADMIN_PASSWORD: PASSWORD });
if (!env.ok) throw new Error(env.errors.join('\n'));
const { app } = await composeShop(env.env, { store, engine: () => engine, log, persistent: false });
const nodePost = async (body: string) => app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

// Warm both (JIT, statement caches, the isolate's first request), then measure.
await run('warm-workerd', WARMUP, workerPost);
await run('warm-node', WARMUP, nodePost);
const hop: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  await (await mf.dispatchFetch('http://shop.test/no-such-page')).arrayBuffer();
  hop.push(performance.now() - start);
}
const workerd = await run('workerd', TURNS, workerPost);
const node = await run('node', TURNS, nodePost);

const summary = (latencies: number[]) => {
  const total = latencies.reduce((sum, ms) => sum + ms, 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  return { total, mean: total / latencies.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const w = summary(workerd);
const n = summary(node);
const h = summary(hop);
const widths = [34, 10, 10, 10, 10];
console.log(`${TURNS} web-chat turns, one at a time (after ${WARMUP} warm-up turns each)`);
console.log(row(['', 'total ms', 'mean ms', 'p50 ms', 'p99 ms'], widths));
console.log(row(['workerd + local D1 (dispatchFetch)', w.total.toFixed(0), w.mean.toFixed(2), w.p50.toFixed(2), w.p99.toFixed(2)], widths));
console.log(row(['Node + SQLite (app.request)', n.total.toFixed(0), n.mean.toFixed(2), n.p50.toFixed(2), n.p99.toFixed(2)], widths));
console.log(row(['  (workerd hop: a 404, no database)', '', h.mean.toFixed(2), h.p50.toFixed(2), h.p99.toFixed(2)], widths));
console.log(`ratio workerd / Node, mean turn: ${(w.mean / n.mean).toFixed(2)}×  (without the hop: ${((w.mean - h.mean) / n.mean).toFixed(2)}×)`);

await mf.dispose();
await store.close();
rmSync(work, { recursive: true, force: true });
