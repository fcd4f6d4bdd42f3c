import SQLite from 'better-sqlite3';
import { openSqliteStore } from './src/store/sqlite.node.ts';
import { overviewReport } from './src/admin/reports/overview';
import { abandonedAtStep, stepReach, touchpointsByFlow, unrecognizedMessages } from './src/admin/reports/flows';
import { choosePeriod, previousPeriod } from './src/admin/period';
import { sql } from 'kysely';
const store = openSqliteStore('/tmp/x/bench.db');
const db = store.db;
const t = async (name: string, f: () => Promise<unknown>) => { const s = performance.now(); await f(); console.log(name.padEnd(40), (performance.now() - s).toFixed(1)); };
for (const key of ['7d', '30d'] as const) {
  const { period } = choosePeriod({ period: key }, new Date(), 'Asia/Ho_Chi_Minh');
  const r = { from: period.from, to: period.to };
  await t(`${key} overview`, () => overviewReport(db, r));
  await t(`${key} overview again`, () => overviewReport(db, r));
  await t(`${key} touchpoints group`, () => sql`select channel, count(*), count(distinct customer_id) from conversations where started_at >= ${r.from} and started_at < ${r.to} group by channel`.execute(db));
  await t(`${key} touchpoints nodistinct`, () => sql`select channel, count(*), count(case when outcome='completed' then 1 end), sum(satisfaction_score) from conversations where started_at >= ${r.from} and started_at < ${r.to} group by channel`.execute(db));
  await t(`${key} repeat`, () => sql`select c.channel, count(distinct c.customer_id) from conversations c where started_at >= ${r.from} and started_at < ${r.to} and exists (select 1 from conversations e where e.customer_id = c.customer_id and e.started_at < ${r.from}) group by c.channel`.execute(db));
  await t(`${key} median all`, () => sql`select first_response_ms from conversations where started_at >= ${r.from} and started_at < ${r.to} and first_response_ms is not null order by first_response_ms limit 2 offset 1000`.execute(db));
  await t(`${key} orders`, () => sql`select channel, count(*), sum(total) from orders where created_at >= ${r.from} and created_at < ${r.to} group by channel`.execute(db));
  await t(`${key} touchpointsByFlow`, () => touchpointsByFlow(db, r));
  await t(`${key} stepReach`, () => stepReach(db, r));
  await t(`${key} abandonedAtStep`, () => abandonedAtStep(db, r));
  await t(`${key} unrecognized`, () => unrecognizedMessages(db, r, 50));
}
const raw = new SQLite('/tmp/x/bench.db', { readonly: true });
const { period } = choosePeriod({ period: '30d' }, new Date(), 'Asia/Ho_Chi_Minh');
for (const q of [
  `select channel, count(*), count(distinct customer_id) from conversations where started_at >= '${period.from}' and started_at < '${period.to}' group by channel`,
  `select c.channel, count(distinct c.customer_id) from conversations c where started_at >= '${period.from}' and started_at < '${period.to}' and exists (select 1 from conversations e where e.customer_id = c.customer_id and e.started_at < '${period.from}') group by c.channel`,
  `select flow, step, count(distinct conversation_id) from events where type='step_entered' and created_at >= '${period.from}' and created_at < '${period.to}' group by flow, step`,
  `select json_extract(detail,'$.text') t, count(*) from events where type='fallback' and created_at >= '${period.from}' and created_at < '${period.to}' group by t`,
]) { console.log(q.slice(0, 60)); console.log(raw.prepare('explain query plan ' + q).all().map((r: any) => '   ' + r.detail).join('\n')); }
