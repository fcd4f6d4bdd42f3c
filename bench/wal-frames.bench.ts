import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboundEvent } from '../src/conversation/inbound';
import { loadEngine, openDatabase } from '../src/runtime.node.ts';
import { benchShop, ORDER_SCRIPT } from './support/bench-shop';

/**
 * `npm run bench:frames`: the pages a turn writes, by table and index. A commit in WAL mode
 * writes each page it changed once (two write calls apiece), so pages per turn are most of a
 * commit's cost. After a warm-up of customers, each measured turn starts on an empty WAL; its
 * frames are then read back from the WAL file and named with SQLite's dbstat table. Counts
 * pages, not time: the figures do not drift with a busy machine.
 */
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

const dir = mkdtempSync(join(tmpdir(), 'shopbot-frames-'));
const path = join(dir, 'bench.db');
const { store } = await openDatabase(path, 'migrations');
const { engine } = await loadEngine('flows');
const { receive } = await benchShop(store, () => engine);

// The script of bench:turn, a new customer each time through.
const script = ORDER_SCRIPT;
let update = 0;
async function turn(customer: string, text: string): Promise<void> {
  let delivered: Promise<unknown> = Promise.resolve();
  const event: InboundEvent = { channel: 'telegram', updateId: `u-${update++}`, chatId: customer, userId: customer, message: { kind: 'text', text } };
  await receive(event, (work) => (delivered = work));
  await delivered;
}

const warmup = Number(process.env.BENCH_WARMUP_TURNS ?? 2_600);
for (let t = 0; t < warmup; t++) await turn(`warm-${Math.floor(t / script.length)}`, script[t % script.length]!);

const pageSize = store.sqlite.pragma('page_size', { simple: true }) as number;
const measured = Number(process.env.BENCH_TURNS ?? script.length * 4);
const pages = new Map<string, number>();
let frames = 0;
let commits = 0;
for (let t = 0; t < measured; t++) {
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await turn(`customer-${Math.floor(t / script.length)}`, script[t % script.length]!);
  const owners = new Map((store.sqlite.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((row) => [row.pageno, row.name]));
  const wal = readFileSync(`${path}-wal`);
  for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= wal.length; offset += FRAME_HEADER + pageSize) {
    const name = owners.get(wal.readUInt32BE(offset)) ?? '(free page)';
    pages.set(name, (pages.get(name) ?? 0) + 1);
    frames++;
    // A frame that ends a transaction carries the database size in pages; the others carry 0.
    if (wal.readUInt32BE(offset + 4) !== 0) commits++;
  }
}

console.log(`${measured} turns after ${warmup} of warm-up: ${(frames / measured).toFixed(1)} pages written per turn in ${(commits / measured).toFixed(2)} commits\n`);
console.log(`${'pages/turn'.padStart(10)}  table or index`);
for (const [name, count] of [...pages].sort((a, b) => b[1] - a[1])) {
  if (count / measured >= 0.05) console.log(`${(count / measured).toFixed(2).padStart(10)}  ${name}`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
