import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { journeyReport } from '../../src/admin/reports/journey';
import { overviewReport } from '../../src/admin/reports/overview';
import { applyMigrations, touchpointSums, type Store } from '../../src/store/index';
import { readMigrationDir } from '../../src/store/migrations-dir.node.ts';
import { openSqliteStore } from '../../src/store/sqlite.node.ts';
import { fixtureFlows } from '../admin/fixture-flows';
import { generateShop, insertShop, mulberry32, type SeededShop } from '../admin/seed';

/*
 * touchpoint_days is kept by triggers. Here a shop's month is written before the roll-up
 * exists (the migration fills it from the conversations), then changed the ways the shop
 * changes conversations; after each step the roll-up is recomputed from scratch and must be
 * exactly what the triggers kept, and the dashboard's figures must be those counted in
 * JavaScript from the conversations as they now are.
 */
// Tuesday 12 May 2026, 10:00 in Hà Nội.
const now = new Date('2026-05-12T03:00:00.000Z');
const flows = fixtureFlows();
const dir = mkdtempSync(join(tmpdir(), 'shopbot-roll-up-'));
let store: Store;
let shop: SeededShop;

interface Row {
  id: string;
  customer_id: string;
  channel: string;
  status: string;
  started_at: string;
  outcome: string | null;
  entry_flow: string | null;
  stage: string | null;
  phase: string | null;
  satisfaction_score: number | null;
  first_response_ms: number | null;
  person: number;
}

const FROM_SCRATCH = sql<Record<string, unknown>>`
  SELECT substr(started_at, 1, 10) AS day, channel, coalesce(entry_flow, '') AS entry_flow, coalesce(stage, '') AS stage, coalesce(phase, '') AS phase,
    count(*) AS conversations, sum(status = 'closed') AS closed, sum(outcome IS 'completed') AS completed, sum(outcome IS 'abandoned') AS abandoned,
    sum(status = 'closed' AND outcome IS 'abandoned') AS closed_abandoned,
    sum(outcome IS 'handed_over' OR id IN (SELECT conversation_id FROM handovers)) AS handed_over,
    sum(status = 'closed' AND satisfaction_score IS NOT NULL) AS answered, sum(satisfaction_score IS NOT NULL) AS scored,
    sum(coalesce(satisfaction_score, 0)) AS score_sum, sum(satisfaction_score IS 1) AS score_1, sum(satisfaction_score IS 2) AS score_2,
    sum(satisfaction_score IS 3) AS score_3, sum(satisfaction_score IS 4) AS score_4, sum(satisfaction_score IS 5) AS score_5,
    sum(first_response_ms IS NOT NULL) AS responded,
    sum((satisfaction_score >= 4) IS 1 AND id IN (SELECT conversation_id FROM followed)) AS returned_high,
    sum((satisfaction_score < 4) IS 1 AND id IN (SELECT conversation_id FROM followed)) AS returned_low
  FROM conversations GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

/** Conversations followed within 60 days by an order of their customer, not their own and not cancelled, counted in JavaScript. */
async function followedByAnOrder(): Promise<string[]> {
  const conversations = await sql<{ id: string; customer_id: string; started_at: string }>`SELECT id, customer_id, started_at FROM conversations`.execute(store.db);
  const orders = await sql<{ customer_id: string; conversation_id: string | null; created_at: string; shipping_status: string }>`
    SELECT customer_id, conversation_id, created_at, shipping_status FROM orders`.execute(store.db);
  return conversations.rows
    .filter((c) =>
      orders.rows.some(
        (o) => o.customer_id === c.customer_id && o.conversation_id !== c.id && o.shipping_status !== 'cancelled' && Date.parse(o.created_at) > Date.parse(c.started_at) && Date.parse(o.created_at) <= Date.parse(c.started_at) + 60 * 86_400_000,
      ),
    )
    .map((c) => c.id)
    .sort();
}

async function expectRollUpAsIfRecomputed(): Promise<void> {
  const followed = await followedByAnOrder();
  const marked = await sql<{ conversation_id: string }>`SELECT conversation_id FROM conversation_returns ORDER BY conversation_id`.execute(store.db);
  expect(marked.rows.map((row) => row.conversation_id)).toEqual(followed);
  expect(followed.length).toBeGreaterThan(3);
  const copies = await sql<{ stale: number }>`
    SELECT count(*) AS stale FROM conversation_returns r JOIN conversations c ON c.id = r.conversation_id
    WHERE r.customer_id IS NOT c.customer_id OR r.channel IS NOT c.channel OR r.stage IS NOT c.stage OR r.phase IS NOT c.phase OR r.started_at IS NOT c.started_at`.execute(store.db);
  expect(copies.rows[0]!.stale).toBe(0);
  await sql`CREATE TEMP TABLE IF NOT EXISTS followed (conversation_id TEXT PRIMARY KEY)`.execute(store.db);
  await sql`DELETE FROM followed`.execute(store.db);
  for (const id of followed) await sql`INSERT INTO followed VALUES (${id})`.execute(store.db);
  const kept = await sql<Record<string, unknown>>`SELECT * FROM touchpoint_days WHERE conversations <> 0 ORDER BY day, channel, entry_flow, stage, phase`.execute(store.db);
  const recomputed = await FROM_SCRATCH.execute(store.db);
  expect(recomputed.rows.length).toBeGreaterThan(50);
  expect(kept.rows).toEqual(recomputed.rows);
  // A row emptied by changes keeps only zeros.
  const emptied = await sql<{ rows: number }>`SELECT count(*) AS rows FROM touchpoint_days WHERE conversations = 0 AND (closed <> 0 OR scored <> 0 OR handed_over <> 0 OR responded <> 0)`.execute(store.db);
  expect(emptied.rows[0]!.rows).toBe(0);
  const visits = await sql`SELECT * FROM customer_visits ORDER BY conversation_id`.execute(store.db);
  const numbered = await sql`
    SELECT id AS conversation_id, customer_id, channel, started_at,
      lag(started_at) OVER (PARTITION BY customer_id ORDER BY started_at, id) AS previous_started_at,
      row_number() OVER (PARTITION BY customer_id ORDER BY started_at, id) AS visit
    FROM conversations ORDER BY id`.execute(store.db);
  expect(visits.rows).toEqual(numbered.rows);
  await expectTouchpointLinksAsIfRecomputed();
}

/** Each conversation's previous visit at its touchpoint, as the triggers of migrations/0015 keep it, against one recomputed from the conversations. */
async function expectTouchpointLinksAsIfRecomputed(): Promise<void> {
  const linked = await sql`SELECT * FROM touchpoint_visits ORDER BY conversation_id`.execute(store.db);
  const relinked = await sql`
    SELECT id AS conversation_id, stage, phase, channel, started_at,
      lag(started_at) OVER (PARTITION BY stage, phase, channel, customer_id ORDER BY started_at, id) AS previous_started_at
    FROM conversations ORDER BY id`.execute(store.db);
  expect(linked.rows).toEqual(relinked.rows);
  // The shop's customers come back to the same touchpoints: the links are there to be checked.
  expect(linked.rows.filter((row) => (row as { previous_started_at: string | null }).previous_started_at !== null).length).toBeGreaterThan(20);
}

async function conversationsNow(): Promise<Row[]> {
  const result = await sql<Row>`
    SELECT id, customer_id, channel, status, started_at, outcome, entry_flow, stage, phase, satisfaction_score, first_response_ms,
      id IN (SELECT conversation_id FROM handovers) AS person
    FROM conversations`.execute(store.db);
  return result.rows;
}

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor((sorted.length - 1) / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle]! + sorted[middle + 1]!) / 2;
};

/** Local Vietnamese days: each starts at 17:00 UTC, so every period has hours outside the roll-up's whole UTC days. */
const localDays = (first: number, days: number) => {
  const today = Math.floor((now.getTime() + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
  return { from: new Date(today - first * 86_400_000).toISOString(), to: new Date(today - (first - days) * 86_400_000).toISOString() };
};

async function expectDashboardCounts(): Promise<void> {
  const rows = await conversationsNow();
  // A month, a fortnight and a week are long periods for this month-old shop, a day a short one (read through other indexes).
  let cameBackAfterAVisit = 0;
  for (const range of [localDays(29, 30), localDays(6, 7), localDays(2, 1), localDays(0, 1), { from: '2026-04-20T05:31:00.000Z', to: '2026-05-03T22:10:00.000Z' }]) {
    const inRange = rows.filter((row) => row.started_at >= range.from && row.started_at < range.to);
    const overview = await overviewReport(store.db, range);
    const seen = new Map<string, { channel: string; first: string; latest: string }>();
    for (const row of inRange) {
      const customer = seen.get(row.customer_id) ?? { channel: row.channel, first: row.started_at, latest: row.started_at };
      if (row.started_at < customer.first) customer.first = row.started_at;
      if (row.started_at > customer.latest) customer.latest = row.started_at;
      seen.set(row.customer_id, customer);
    }
    const cameBack = (id: string, customer: { first: string; latest: string }) => customer.first < customer.latest || rows.some((row) => row.customer_id === id && row.started_at < range.from);
    for (const channel of new Set(inRange.map((row) => row.channel))) {
      const mine = inRange.filter((row) => row.channel === channel);
      expect(overview.figures[channel], `${channel} ${range.from}`).toMatchObject({
        conversations: mine.length,
        closed: mine.filter((row) => row.status === 'closed').length,
        completed: mine.filter((row) => row.outcome === 'completed').length,
        abandoned: mine.filter((row) => row.outcome === 'abandoned').length,
        handedOver: mine.filter((row) => row.outcome === 'handed_over' || row.person === 1).length,
        answered: mine.filter((row) => row.status === 'closed' && row.satisfaction_score !== null).length,
        scored: mine.filter((row) => row.satisfaction_score !== null).length,
        scoreSum: mine.reduce((sum, row) => sum + (row.satisfaction_score ?? 0), 0),
        distribution: [1, 2, 3, 4, 5].map((score) => mine.filter((row) => row.satisfaction_score === score).length),
        customers: [...seen.values()].filter((customer) => customer.channel === channel).length,
        repeatCustomers: [...seen].filter(([id, customer]) => customer.channel === channel && cameBack(id, customer)).length,
      });
    }
    const journey = await journeyReport(store.db, range, now);
    const keyOf = (row: { stage: string | null; phase: string | null; channel: string }) => `${row.stage}|${row.phase}|${row.channel}`;
    expect(journey.touchpoints.map(keyOf).sort()).toEqual([...new Set(inRange.map(keyOf))].sort());
    for (const touchpoint of journey.touchpoints) {
      const mine = inRange.filter((row) => keyOf(row) === keyOf(touchpoint));
      expect(touchpoint, keyOf(touchpoint)).toMatchObject({
        conversations: mine.length,
        closed: mine.filter((row) => row.status === 'closed').length,
        abandoned: mine.filter((row) => row.status === 'closed' && row.outcome === 'abandoned').length,
        scored: mine.filter((row) => row.satisfaction_score !== null).length,
        satisfied: mine.filter((row) => (row.satisfaction_score ?? 0) >= 4).length,
        medianFirstResponseMs: median(mine.flatMap((row) => (row.first_response_ms === null ? [] : [row.first_response_ms]))),
      });
    }
    // Seen 90 days later, every conversation of the month has had its 60 days to be followed by an order.
    const later = new Date(now.getTime() + 90 * 86_400_000);
    const followed = new Set(await followedByAnOrder());
    const firstVisits = new Map<string, Row>();
    for (const row of [...inRange].sort((a, b) => a.started_at.localeCompare(b.started_at) || a.id.localeCompare(b.id))) {
      const key = `${keyOf(row)}|${row.customer_id}`;
      if (!firstVisits.has(key)) firstVisits.set(key, row);
    }
    const seenLater = await journeyReport(store.db, range, later);
    for (const touchpoint of seenLater.touchpoints) {
      const visits = [...firstVisits.values()].filter((row) => keyOf(row) === keyOf(touchpoint));
      const scored = inRange.filter((row) => keyOf(row) === keyOf(touchpoint) && row.satisfaction_score !== null);
      expect({ customers: touchpoint.customers, returned: touchpoint.returned, high: touchpoint.returnAfterHigh, low: touchpoint.returnAfterLow }, keyOf(touchpoint)).toEqual({
        customers: visits.length,
        returned: visits.filter((row) => followed.has(row.id)).length,
        high: { of: scored.filter((row) => row.satisfaction_score! >= 4).length, yes: scored.filter((row) => row.satisfaction_score! >= 4 && followed.has(row.id)).length },
        low: { of: scored.filter((row) => row.satisfaction_score! < 4).length, yes: scored.filter((row) => row.satisfaction_score! < 4 && followed.has(row.id)).length },
      });
    }
    cameBackAfterAVisit += seenLater.touchpoints.reduce((sum, touchpoint) => sum + touchpoint.returned, 0);
    const [all] = await touchpointSums(store.db, range, []);
    expect(all?.responded ?? 0).toBe(inRange.filter((row) => row.first_response_ms !== null).length);
    expect(overview.figures.all!.repeatCustomers).toBeGreaterThan(0);
  }
  expect(cameBackAfterAVisit).toBeGreaterThan(0);
}

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'shop.db'));
  const migrations = await readMigrationDir('migrations');
  await applyMigrations(store, migrations.filter((migration) => migration.name < '0009'));
  shop = generateShop(flows, { now, days: 30, customers: 400 });
  await insertShop(store, shop);
  // The roll-up arrives on a database that already has a month of conversations.
  await applyMigrations(store, migrations);
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('touchpoint counts by day and each customer’s visits, kept by the database itself', () => {
  it('are filled from the conversations a shop already has when the migration runs', async () => {
    expect(shop.conversations.length).toBeGreaterThan(250);
    await expectRollUpAsIfRecomputed();
    await expectDashboardCounts();
  });

  it('follow every later change: new conversations (older ones imported too), closing, scoring, a new stage or phase, a person taking part, orders placed, cancelled, moved and removed, erasure', async () => {
    const random = mulberry32(11);
    const rows = await conversationsNow();
    const pick = () => rows[Math.floor(random() * rows.length)]!;
    const statements: ReturnType<typeof sql>[] = [];
    for (let index = 0; index < 60; index++) {
      const row = pick();
      statements.push(sql`UPDATE conversations SET status = 'closed', outcome = ${['completed', 'abandoned', 'handed_over'][index % 3]!}, satisfaction_score = ${index % 6 === 0 ? null : 1 + (index % 5)} WHERE id = ${row.id}`);
    }
    for (let index = 0; index < 30; index++) statements.push(sql`UPDATE conversations SET stage = ${['buy', 'use', null][index % 3]!}, entry_flow = ${index % 4 === 0 ? null : 'order'} WHERE id = ${pick().id}`);
    for (let index = 0; index < 20; index++) statements.push(sql`UPDATE conversations SET phase = ${['before', 'after', null][index % 3]!} WHERE id = ${pick().id}`);
    for (let index = 0; index < 20; index++) {
      const row = pick();
      // A customer has one open conversation at most.
      statements.push(sql`UPDATE conversations SET status = 'open', outcome = NULL, first_response_ms = NULL WHERE id = ${row.id} AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.customer_id = ${row.customer_id} AND o.status = 'open')`);
    }
    for (let index = 0; index < 40; index++) {
      const row = pick();
      statements.push(sql`INSERT INTO handovers (conversation_id, customer_id, requested_at) VALUES (${row.id}, ${row.customer_id}, ${row.started_at}) ON CONFLICT (conversation_id) DO UPDATE SET requested_at = excluded.requested_at`);
    }
    for (let index = 0; index < 25; index++) {
      const row = pick();
      const startedAt = new Date(now.getTime() - Math.floor(random() * 20 * 86_400_000)).toISOString();
      statements.push(sql`INSERT INTO conversations (id, customer_id, channel, status, started_at, last_activity_at, entry_flow, stage, phase, first_response_ms, satisfaction_score, mode, state, flows_version, version)
        VALUES (${`later-${index}`}, ${row.customer_id}, ${row.channel}, 'closed', ${startedAt}, ${startedAt}, 'order', 'buy', 'during', ${index % 2 === 0 ? 900 : null}, ${index % 3 === 0 ? null : 5}, 'bot', '{}', 'test', 1)`);
    }
    // Orders placed, cancelled, taken back, moved and removed change which conversations brought the customer back.
    const orders = (await sql<{ id: string }>`SELECT id FROM orders ORDER BY id`.execute(store.db)).rows;
    for (let index = 0; index < 30; index++) {
      const row = pick();
      const at = new Date(Date.parse(row.started_at) + (1 + Math.floor(random() * 70)) * 86_400_000 / 2).toISOString();
      statements.push(sql`INSERT INTO orders (id, code, customer_id, conversation_id, channel, items, subtotal, discount, shipping_fee, total, contact_name, phone, address, payment_method, payment_status, shipping_status, created_at, updated_at)
        VALUES (${`later-order-${index}`}, ${`L${index}`}, ${row.customer_id}, ${index % 3 === 0 ? row.id : null}, ${row.channel}, '[]', 100000, 0, 0, 100000, 'Khách', '0900000000', '-', 'cod', 'unpaid', ${index % 5 === 0 ? 'cancelled' : 'new'}, ${at}, ${at})`);
    }
    for (const [index, order] of orders.entries()) {
      if (index % 7 === 0) statements.push(sql`UPDATE orders SET shipping_status = 'cancelled' WHERE id = ${order.id}`);
      if (index % 11 === 0) statements.push(sql`UPDATE orders SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '-20 days') WHERE id = ${order.id}`);
      if (index % 13 === 0) statements.push(sql`UPDATE orders SET payment_status = 'paid' WHERE id = ${order.id}`);
      if (index % 17 === 0) statements.push(sql`DELETE FROM orders WHERE id = ${order.id}`);
    }
    statements.push(sql`UPDATE orders SET shipping_status = 'new' WHERE id = 'later-order-0'`);
    for (const statement of statements) await statement.execute(store.db);
    await expectRollUpAsIfRecomputed();

    // Erasure and retention remove conversations (with their hand-overs, events and messages first).
    const gone = rows.filter(() => random() < 0.1).map((row) => row.id);
    await sql`DELETE FROM handovers WHERE conversation_id IN (${sql.join(gone.slice(0, gone.length / 2))})`.execute(store.db);
    await sql`DELETE FROM messages WHERE conversation_id IN (${sql.join(gone)})`.execute(store.db);
    await sql`DELETE FROM events WHERE conversation_id IN (${sql.join(gone)})`.execute(store.db);
    await sql`DELETE FROM outbox WHERE conversation_id IN (${sql.join(gone)})`.execute(store.db);
    await sql`DELETE FROM handovers WHERE conversation_id IN (${sql.join(gone)})`.execute(store.db);
    await sql`UPDATE orders SET conversation_id = NULL WHERE conversation_id IN (${sql.join(gone)})`.execute(store.db);
    await sql`UPDATE return_requests SET conversation_id = NULL WHERE conversation_id IN (${sql.join(gone)})`.execute(store.db);
    await sql`DELETE FROM conversations WHERE id IN (${sql.join(gone)})`.execute(store.db);
    expect(gone.length).toBeGreaterThan(20);
    await expectRollUpAsIfRecomputed();
    await expectDashboardCounts();
  });

  it('keep each visit linked to the previous one at its touchpoint when a conversation is moved in time, to another customer or to another channel', async () => {
    const random = mulberry32(5);
    const rows = (await conversationsNow()).filter((row) => row.status === 'closed');
    const pick = () => rows[Math.floor(random() * rows.length)]!;
    for (let index = 0; index < 30; index++) {
      const days = Math.floor(random() * 20) - 10;
      await sql`UPDATE conversations SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at, ${`${days} days`}) WHERE id = ${pick().id}`.execute(store.db);
    }
    for (let index = 0; index < 20; index++) await sql`UPDATE conversations SET customer_id = ${pick().customer_id} WHERE id = ${pick().id}`.execute(store.db);
    for (let index = 0; index < 10; index++) await sql`UPDATE conversations SET channel = ${['web', 'zalo'][index % 2]!} WHERE id = ${pick().id}`.execute(store.db);
    await expectTouchpointLinksAsIfRecomputed();
  });
});
