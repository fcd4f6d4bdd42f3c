import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { adminRoutes } from '../src/admin/index';
import type { CustomerMessenger } from '../src/conversation/customer-messenger';
import { memoryLogger } from '../src/log';
import { applyMigrations } from '../src/store/index';
import { readMigrationDir } from '../src/store/migrations-dir.node.ts';
import { openSqliteStore } from '../src/store/sqlite.node.ts';
import { journeyFlows } from '../tests/admin/journey-seed';
import { mulberry32 } from '../tests/admin/seed';
import { row, time } from './stats';

/**
 * `npx tsx bench/report.bench.ts`: every dashboard page that runs report queries (overview, flows, satisfaction, journey, NPS, churn, ...) over a year of a
 * busy shop — 1,000,000 touchpoints and 10,000,000 funnel events by default (BENCH_TOUCHPOINTS,
 * BENCH_EVENTS for a quick run) — rendered through the Hono app, each timed against
 * `SELECT count(*) FROM conversations` on the same file in the same run.
 */
const TOUCHPOINTS = Number(process.env.BENCH_TOUCHPOINTS ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Statements at least this slow are listed under their page. */
const SLOW_MS = 10;
const DAYS = 365;
const now = new Date();
/** BENCH_DB keeps the generated file for another run (generating a year takes a couple of minutes). */
const kept = process.env.BENCH_DB;
const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'shopbot-report-bench-'));
const path = kept ?? join(dir!, 'bench.db');
const flows = journeyFlows();

const reuse = kept !== undefined && existsSync(kept);
// The schema exactly as the app gets it: every migration, indexes included.
const migrating = openSqliteStore(path);
await applyMigrations(migrating, await readMigrationDir('migrations'));
await migrating.close();

if (reuse) console.log(`reusing ${path}`);
else {
  const generated = await time(() => generate(path));
  console.log(`generated ${TOUCHPOINTS.toLocaleString('en')} touchpoints, ${generated.result.events.toLocaleString('en')} events, ${generated.result.orders.toLocaleString('en')} orders in ${(generated.ms / 1000).toFixed(1)} s`);
}

const store = openSqliteStore(path);
const queries = timeEveryQuery(store.sqlite);
const app = new Hono();
app.route(
  '/admin',
  adminRoutes({
    store,
    flows: () => flows,
    clock: () => now,
    password: undefined,
    // The pages measured here never tell a customer anything.
    messenger: {} as CustomerMessenger,
    log: memoryLogger(),
    clientAddress: () => '127.0.0.1',
  }),
);

const { ms: baseline } = await median(async () => {
  await sql`SELECT count(*) FROM conversations`.execute(store.db);
});
console.log(`\nbaseline SELECT count(*) FROM conversations: ${baseline.toFixed(1)} ms (median of ${RUNS})\n`);
// CPU ms is what this process itself spent: on a machine shared with other work it stays near what an idle machine's wall time would be.
console.log(row(['page', 'ms', 'CPU ms', '× count(*)', 'bytes'], [50, 10, 10, 12, 10]));
// Every page that runs report queries; a touchpoint's own list is that of the busiest flow's stage on Telegram.
const touchpoint = [...flows.flows.values()].find((flow) => flow.stage && flow.phase);
const pages = [
  '/admin?period=today',
  '/admin?period=7d',
  '/admin?period=30d',
  '/admin/flows?period=7d',
  '/admin/flows?period=30d',
  '/admin/satisfaction?period=30d',
  '/admin/conversations',
  '/admin/conversations?outcome=abandoned&score=low',
  '/admin/customers',
  '/admin/journey',
  '/admin/journey?period=30d',
  ...(touchpoint ? [`/admin/journey/touchpoint?stage=${touchpoint.stage}&phase=${touchpoint.phase}&channel=telegram`] : []),
  '/admin/nps',
  '/admin/churn',
  '/admin/orders',
  '/admin/returns',
  '/admin/inbox',
];
for (const page of pages) {
  let bytes = 0;
  const { ms, cpuMs } = await median(async () => {
    queries.length = 0;
    const response = await app.request(page);
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    bytes = (await response.text()).length;
  });
  console.log(row([page, ms.toFixed(1), cpuMs.toFixed(1), (ms / baseline).toFixed(1), bytes], [50, 10, 10, 12, 10]));
  // The page's slowest statements of its last run, to read with EXPLAIN QUERY PLAN.
  for (const query of [...queries].sort((a, b) => b.ms - a.ms).slice(0, 3).filter((query) => query.ms >= SLOW_MS)) {
    console.log(`      ${query.ms.toFixed(1).padStart(8)} ms  ${query.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
  }
}
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });

/** Records how long each statement of a page takes (better-sqlite3 runs them synchronously). */
function timeEveryQuery(sqlite: SQLite.Database): { sql: string; ms: number }[] {
  const timings: { sql: string; ms: number }[] = [];
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'all' | 'get', (...args: unknown[]) => unknown>;
  for (const method of ['all', 'get'] as const) {
    const original = prototype[method];
    prototype[method] = function (this: SQLite.Statement, ...args: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        timings.push({ sql: this.source, ms: performance.now() - start });
      }
    };
  }
  return timings;
}

/** Median wall time and median CPU time of this process over RUNS runs, after one warm-up run. */
async function median(work: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  await work(); // warm the page cache and the prepared statements
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const before = process.cpuUsage();
    times.push((await time(work)).ms);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const middle = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  return { ms: middle(times), cpuMs: middle(cpu) };
}

/**
 * Writes the year in time order with prepared statements in large transactions: ids and
 * timestamps then only ever grow, so every index is appended to instead of reshuffled.
 */
function generate(file: string): { events: number; orders: number } {
  const db = new SQLite(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  // Rows are consistent by construction; skipping the checks (events are written before their conversation row) saves time.
  db.pragma('foreign_keys = OFF');
  const random = mulberry32(7);
  const channels = ['telegram', 'telegram', 'zalo', 'web'];
  const outcomes = ['completed', 'completed', 'abandoned', 'abandoned', 'handed_over'];
  const flowList = [...flows.flows.values()].map((flow) => ({ id: flow.id, stage: flow.stage, phase: flow.phase, steps: Object.keys(flow.steps) }));
  const fallbackTexts = ['ship ko', 'Ship ko?', 'gia bn 1kg', 'co ban si ko', 'dc ko sh', 'alo', 'còn hàng ko', 'bao lâu tới'];
  const customerCount = Math.max(10, Math.floor(TOUCHPOINTS / 5));
  const eventsPerTouchpoint = EVENTS / TOUCHPOINTS;
  const start = now.getTime() - DAYS * 86_400_000;
  const step = (DAYS * 86_400_000) / TOUCHPOINTS;

  const insertCustomer = db.prepare('INSERT INTO customers (id, channel, chat_id, display_name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, customer_id, channel, status, started_at, last_activity_at, ended_at, outcome, entry_flow, stage, phase,
       message_count, first_response_ms, satisfaction_asked, satisfaction_score, satisfaction_comment, mode, state, flows_version, version)
     VALUES (?, ?, ?, 'closed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bot', '{}', 'bench', 1)`,
  );
  const insertEvent = db.prepare('INSERT INTO events (conversation_id, type, flow, step, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, code, customer_id, conversation_id, channel, items, subtotal, discount, shipping_fee, total, contact_name, phone, address,
       payment_method, payment_status, shipping_status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '[]', ?, 0, 0, ?, 'Khách', '0900000000', '-', 'cod', ?, ?, ?, ?)`,
  );

  const first = new Date(start).toISOString();
  db.transaction(() => {
    for (let index = 0; index < customerCount; index++) {
      const channel = channels[index % channels.length]!;
      insertCustomer.run(`${channel}:${index}`, channel, String(index), `Khách ${index}`, first, first);
    }
  })();

  let events = 0;
  let orders = 0;
  const batch = 20_000;
  for (let from = 0; from < TOUCHPOINTS; from += batch) {
    db.transaction(() => {
      for (let index = from; index < Math.min(TOUCHPOINTS, from + batch); index++) {
        const customer = Math.floor(random() ** 1.5 * customerCount);
        const channel = channels[customer % channels.length]!;
        const startedMs = start + index * step;
        const at = (seconds: number) => new Date(startedMs + seconds * 1000).toISOString();
        const flow = flowList[Math.floor(random() * flowList.length)]!;
        const outcome = outcomes[Math.floor(random() * outcomes.length)]!;
        const score = outcome === 'completed' && random() < 0.7 ? 1 + Math.floor(random() * 5) : null;
        const id = `c${index.toString(36).padStart(8, '0')}`;
        // About `eventsPerTouchpoint` events each: a start, the steps reached, now and then a fallback, the end.
        const budget = Math.max(2, Math.round(eventsPerTouchpoint * (0.5 + random())));
        const reached = Math.min(flow.steps.length, budget - 2);
        let second = 0;
        insertEvent.run(id, 'flow_started', flow.id, null, '{"via":"trigger"}', at(second++));
        for (let s = 0; s < budget - 2; s++) {
          if (random() < 0.08) insertEvent.run(id, 'fallback', null, null, JSON.stringify({ text: fallbackTexts[Math.floor(random() * fallbackTexts.length)] }), at(second++));
          else insertEvent.run(id, 'step_entered', flow.id, flow.steps[Math.min(s, reached - 1)] ?? flow.steps[0]!, null, at(second++));
        }
        insertEvent.run(id, 'conversation_ended', null, null, JSON.stringify({ outcome }), at(second));
        events += budget;
        insertConversation.run(
          id, `${channel}:${customer}`, channel, at(0), at(second), at(second), outcome, flow.id, flow.stage, flow.phase,
          2 + budget, 300 + Math.floor(random() * 4000), outcome === 'completed' ? 1 : 0, score, score !== null && score <= 2 ? 'giao chậm' : null,
        );
        if (flow.id === 'order' && outcome === 'completed') {
          orders++;
          const total = (100 + Math.floor(random() * 900)) * 1000;
          insertOrder.run(`o${id}`, `B${index.toString(36)}`, `${channel}:${customer}`, id, channel, total, total, 'paid', 'delivered', at(60), at(60));
        }
      }
    })();
  }
  db.close();
  return { events, orders };
}
