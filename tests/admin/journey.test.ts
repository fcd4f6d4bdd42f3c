import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lapsedCustomers, LATE_FACTOR, MIN_GAPS, reachOf } from '../../src/admin/reports/churn';
import { repeatByCohort } from '../../src/admin/reports/cohorts';
import { journeyReport, mattersMost, MIN_CLOSED, MIN_SCORES, RETURN_DAYS, weaknessOf, wilson, type Touchpoint } from '../../src/admin/reports/journey';
import { abandonmentReasons } from '../../src/admin/reports/abandonment';
import { monthsUpTo } from '../../src/admin/reports/months';
import { npsAnswers, npsByMonth, npsReasons } from '../../src/admin/reports/nps';
import { orderHistories } from '../../src/admin/reports/order-history';
import { journeyPeriod } from '../../src/admin/routes/journey-period';
import type { Store } from '../../src/store/index';
import { generateJourneyShop, insertJourneyShop, journeyFlows, orderedAgain, type JourneyShop } from './journey-seed';
import { VIETNAM_OFFSET_MS } from './seed';
import { logIn, mountAdmin, openTestStore, TestClock } from './support';

/*
 * A generated year of the shop. Every expected number is counted from the generated arrays
 * with plain JavaScript; only the dashboard's functions read the database.
 */
const clock = new TestClock();
const now = clock.now();
const flows = journeyFlows();
const ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;
let shop: JourneyShop;
let store: Store;
let close: () => Promise<void>;

const localMonth = (iso: string) => new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
const keyOf = (row: { stage: string | null; phase: string | null; channel: string }) => `${row.stage}|${row.phase}|${row.channel}`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor((sorted.length - 1) / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle]! + sorted[middle + 1]!) / 2;
};
/** The notice the dashboard carries back in its redirect after a tap. */
const told = (response: Response) => new URL(response.headers.get('location') ?? '', 'http://shop').searchParams.get('told') ?? '';
const count = <T>(rows: readonly T[], test: (row: T) => boolean) => rows.filter(test).length;
const liveOrders = () => shop.orders.filter((order) => order.shippingStatus !== 'cancelled');

beforeAll(async () => {
  ({ store, close } = await openTestStore());
  shop = generateJourneyShop(flows, now);
  await insertJourneyShop(store, shop);
}, 60_000);

afterAll(() => close());

describe('the journey page over a year of the shop', () => {
  it('counts conversations, closed, left half-way, scores and satisfied customers at every stage × phase × channel', async () => {
    const { period } = journeyPeriod({}, now, ZONE);
    const report = await journeyReport(store.db, period, now);
    const inPeriod = shop.conversations.filter((c) => c.startedAt >= period.from && c.startedAt < period.to);
    const expected = new Map<string, { conversations: number; closed: number; abandoned: number; scored: number; satisfied: number; sum: number; responses: number[] }>();
    for (const c of inPeriod) {
      const row = expected.get(keyOf(c)) ?? { conversations: 0, closed: 0, abandoned: 0, scored: 0, satisfied: 0, sum: 0, responses: [] };
      row.conversations++;
      if (c.status === 'closed') row.closed++;
      if (c.status === 'closed' && c.outcome === 'abandoned') row.abandoned++;
      if (c.score !== null) {
        row.scored++;
        row.sum += c.score;
        if (c.score >= 4) row.satisfied++;
      }
      if (c.firstResponseMs !== null) row.responses.push(c.firstResponseMs);
      expected.set(keyOf(c), row);
    }
    expect(report.touchpoints.length).toBe(expected.size);
    expect(inPeriod.length).toBeGreaterThan(3000);
    for (const touchpoint of report.touchpoints) {
      const want = expected.get(keyOf(touchpoint))!;
      expect(touchpoint, keyOf(touchpoint)).toMatchObject({ conversations: want.conversations, closed: want.closed, abandoned: want.abandoned, scored: want.scored, satisfied: want.satisfied });
      expect(touchpoint.average).toBeCloseTo(want.sum / want.scored, 9);
      expect(touchpoint.medianFirstResponseMs).toBe(median(want.responses));
    }
  });

  it('says how many of each touchpoint’s customers ordered again within 60 days, once its 60 days are over', async () => {
    const { period } = journeyPeriod({}, now, ZONE);
    const report = await journeyReport(store.db, period, now);
    const decided = new Date(now.getTime() - RETURN_DAYS * DAY_MS).toISOString();
    const first = new Map<string, { customerId: string; at: string; id: string }>();
    for (const c of [...shop.conversations].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id))) {
      if (c.startedAt < period.from || c.startedAt >= decided) continue;
      const key = `${keyOf(c)}|${c.customerId}`;
      if (!first.has(key)) first.set(key, { customerId: c.customerId, at: c.startedAt, id: c.id });
    }
    const expected = new Map<string, { customers: number; returned: number }>();
    for (const [key, visit] of first) {
      const touchpoint = key.split('|').slice(0, 3).join('|');
      const row = expected.get(touchpoint) ?? { customers: 0, returned: 0 };
      row.customers++;
      if (orderedAgain(shop, visit.customerId, visit.at, visit.id)) row.returned++;
      expected.set(touchpoint, row);
    }
    let someReturned = 0;
    for (const touchpoint of report.touchpoints) {
      const want = expected.get(keyOf(touchpoint)) ?? { customers: 0, returned: 0 };
      expect({ customers: touchpoint.customers, returned: touchpoint.returned }, keyOf(touchpoint)).toEqual(want);
      someReturned += want.returned;
    }
    expect(someReturned).toBeGreaterThan(0);
  });

  it('marks the Zalo after-sale returns as weak on satisfaction: only touchpoints whose whole 95% interval lies below their comparison', async () => {
    const { period } = journeyPeriod({}, now, ZONE);
    const report = await journeyReport(store.db, period, now);
    const inPeriod = shop.conversations.filter((c) => c.startedAt >= period.from && c.startedAt < period.to);
    const closed = inPeriod.filter((c) => c.status === 'closed');
    expect(report.shop).toEqual({
      satisfied: count(inPeriod, (c) => c.score !== null && c.score >= 4),
      scored: count(inPeriod, (c) => c.score !== null),
      abandoned: count(closed, (c) => c.outcome === 'abandoned'),
      closed: closed.length,
    });
    for (const row of report.touchpoints) {
      // CSAT against every other touchpoint; drop-off against the same stage on the other channels.
      const rest = inPeriod.filter((c) => keyOf(c) !== keyOf(row));
      const sameStage = closed.filter((c) => c.stage === row.stage && c.phase === row.phase && c.channel !== row.channel);
      const yardstick = {
        satisfied: count(rest, (c) => c.score !== null && c.score >= 4),
        scored: count(rest, (c) => c.score !== null),
        abandoned: count(sameStage, (c) => c.outcome === 'abandoned'),
        closed: sameStage.length,
      };
      expect(row.yardstick, keyOf(row)).toEqual(yardstick);
      const upper = wilson(row.satisfied, row.scored)?.high ?? 1;
      expect(row.weak.includes('low_csat'), keyOf(row)).toBe(row.scored >= MIN_SCORES && upper < yardstick.satisfied / yardstick.scored);
      const lower = wilson(row.abandoned, row.closed)?.low ?? 0;
      expect(row.weak.includes('high_drop_off'), keyOf(row)).toBe(row.closed >= MIN_CLOSED && yardstick.closed > 0 && lower > yardstick.abandoned / yardstick.closed);
    }
    expect(report.touchpoints.filter((row) => row.weak.includes('low_csat')).map(keyOf)).toContain('return|after|zalo');
  });

  it('marks Telegram "consider" as mattering most: there, customers who scored low did not come back', async () => {
    const { period } = journeyPeriod({}, now, ZONE);
    const report = await journeyReport(store.db, period, now);
    const decided = new Date(now.getTime() - RETURN_DAYS * DAY_MS).toISOString();
    const groups = new Map<string, { high: { of: number; yes: number }; low: { of: number; yes: number } }>();
    for (const c of shop.conversations) {
      if (c.score === null || c.startedAt < period.from || c.startedAt >= decided) continue;
      const entry = groups.get(keyOf(c)) ?? { high: { of: 0, yes: 0 }, low: { of: 0, yes: 0 } };
      const group = c.score >= 4 ? entry.high : entry.low;
      group.of++;
      if (orderedAgain(shop, c.customerId, c.startedAt, c.id)) group.yes++;
      groups.set(keyOf(c), entry);
    }
    for (const row of report.touchpoints) {
      const want = groups.get(keyOf(row)) ?? { high: { of: 0, yes: 0 }, low: { of: 0, yes: 0 } };
      expect({ high: row.returnAfterHigh, low: row.returnAfterLow }, keyOf(row)).toEqual(want);
      expect(row.mattersMost).toBe(mattersMost(want.high, want.low));
    }
    const important = report.touchpoints.filter((row: Touchpoint) => row.mattersMost).map(keyOf);
    // Only the touchpoint with the planted signal: chance differences elsewhere stay below the bar.
    expect(important).toEqual(['consider|before|telegram']);
  });

  it('gives a Wilson interval that three answers cannot narrow to a verdict', () => {
    expect(wilson(3, 3)!.low).toBeCloseTo(0.4385, 3);
    expect(wilson(0, 10)!.high).toBeCloseTo(0.2775, 3);
    expect(wilson(0, 0)).toBeNull();
    expect(weaknessOf({ scored: 3, satisfied: 0, closed: 3, abandoned: 0 }, { satisfied: 90, scored: 100, abandoned: 0, closed: 100 })).toEqual([]);
  });
});

describe('NPS by month', () => {
  it('counts promoters, passives and detractors of each local month, and lists the reasons newest first', async () => {
    const months = monthsUpTo(now, 12, ZONE);
    const report = await npsByMonth(store.db, months);
    expect(report.map((row) => row.month)).toEqual(months.map((m) => m.month));
    let answers = 0;
    for (const row of report) {
      const of = shop.nps.filter((answer) => localMonth(answer.createdAt) === row.month);
      const promoters = of.filter((a) => a.score >= 9).length;
      const detractors = of.filter((a) => a.score <= 6).length;
      expect(row, row.month).toMatchObject({ answers: of.length, promoters, passives: of.length - promoters - detractors, detractors });
      expect(row.score).toBe(of.length === 0 ? null : ((promoters - detractors) / of.length) * 100);
      answers += of.length;
    }
    expect(answers).toBeGreaterThan(30);
    const range = { from: months[0]!.from, to: months[11]!.to };
    const withReason = await npsAnswers(store.db, range, { limit: 1000, offset: 0, withReason: true });
    const expected = shop.nps.filter((a) => a.reason !== null && a.createdAt >= range.from && a.createdAt < range.to);
    expect(withReason.length).toBe(expected.length);
    expect(withReason.map((a) => a.at)).toEqual([...expected.map((a) => a.createdAt)].sort().reverse());
  });
});

describe('NPS reasons', () => {
  it('groups the reasons by their words and puts those of unhappy customers first', async () => {
    const months = monthsUpTo(now, 12, ZONE);
    const range = { from: months[0]!.from, to: months[11]!.to };
    const reasons = await npsReasons(store.db, range, 20);
    const expected = new Map<string, { answers: number; detractors: number; promoters: number }>();
    for (const answer of shop.nps) {
      if (answer.reason === null || answer.createdAt < range.from || answer.createdAt >= range.to) continue;
      const row = expected.get(answer.reason) ?? { answers: 0, detractors: 0, promoters: 0 };
      row.answers++;
      if (answer.score <= 6) row.detractors++;
      if (answer.score >= 9) row.promoters++;
      expected.set(answer.reason, row);
    }
    expect(new Map(reasons.map((r) => [r.text, { answers: r.answers, detractors: r.detractors, promoters: r.promoters }]))).toEqual(expected);
    expect(reasons.map((r) => r.detractors)).toEqual([...reasons.map((r) => r.detractors)].sort((a, b) => b - a));
  });
});

describe('why carts are left', () => {
  it('counts each reason by the step where the cart was left', async () => {
    const range = { from: '2025-01-01T00:00:00.000Z', to: now.toISOString() };
    const rows = await abandonmentReasons(store.db, range);
    const expected = new Map<string, number>();
    for (const left of shop.cartReasons) if (left.createdAt < range.to) expected.set(`${left.leftStep}|${left.reason}`, (expected.get(`${left.leftStep}|${left.reason}`) ?? 0) + 1);
    const got = new Map<string, number>();
    for (const row of rows) for (const [reason, count] of Object.entries(row.reasons)) got.set(`${row.step}|${reason}`, count);
    expect(got).toEqual(expected);
    expect(rows.map((row) => row.total)).toEqual([...rows.map((row) => row.total)].sort((a, b) => b - a));
  });
});

describe('repurchase and customers gone quiet', () => {
  it('gives each month of first orders its customers and second orders within 30, 60, 90 days and ever', async () => {
    const cohorts = repeatByCohort(await orderHistories(store.db), ZONE);
    const byCustomer = new Map<string, number[]>();
    for (const order of liveOrders()) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), Date.parse(order.createdAt)]);
    const expected = new Map<string, { customers: number; within30: number; within60: number; within90: number; ever: number }>();
    for (const times of byCustomer.values()) {
      times.sort((a, b) => a - b);
      const month = localMonth(new Date(times[0]!).toISOString());
      const row = expected.get(month) ?? { customers: 0, within30: 0, within60: 0, within90: 0, ever: 0 };
      row.customers++;
      const second = times.find((t) => t > times[0]!);
      if (second !== undefined) {
        const days = (second - times[0]!) / DAY_MS;
        row.ever++;
        if (days <= 30) row.within30++;
        if (days <= 60) row.within60++;
        if (days <= 90) row.within90++;
      }
      expected.set(month, row);
    }
    expect(cohorts.length).toBeGreaterThanOrEqual(12);
    expect(Object.fromEntries(cohorts.map(({ month, ...rest }) => [month, rest]))).toEqual(Object.fromEntries([...expected.entries()].sort()));
  });

  it('lists as "lâu chưa quay lại" exactly the customers past 1.5 × their usual gap (their own, or the mango’s 20 days)', async () => {
    const lapsed = await lapsedCustomers(store.db, await orderHistories(store.db), flows, now);
    const expected = new Map<string, { usual: number; daysSince: number }>();
    const byCustomer = new Map<string, number[]>();
    for (const order of liveOrders()) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), Date.parse(order.createdAt)]);
    for (const [customerId, times] of byCustomer) {
      times.sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY_MS).filter((days) => days >= 1);
      const usual = gaps.length >= MIN_GAPS ? median(gaps) : 20;
      const daysSince = (now.getTime() - times[times.length - 1]!) / DAY_MS;
      if (daysSince > usual * LATE_FACTOR) expected.set(customerId, { usual: Math.round(usual), daysSince: Math.floor(daysSince) });
    }
    expect(lapsed.length).toBeGreaterThan(5);
    expect(new Map(lapsed.map((row) => [row.id, { usual: row.usualDays, daysSince: row.daysSince }]))).toEqual(expected);
    for (const row of lapsed) {
      const want = shop.optedOut.has(row.id) ? 'opted_out' : shop.blocked.has(row.id) ? 'blocked' : row.channel === 'telegram' ? 'reachable' : row.channel === 'terminal' ? 'no_channel' : undefined;
      if (want) expect(row.reach, row.id).toBe(want);
      else expect(row.reach).toBe(now.getTime() - Date.parse(shop.customers.find((c) => c.id === row.id)!.lastSeenAt) <= DAY_MS ? 'reachable' : 'outside_window');
    }
  });

  it('Zalo lets the bot write first only within 24 hours of the customer’s last message', () => {
    const zalo = { channel: 'zalo', opted_out: 0, blocked: 0 };
    expect(reachOf({ ...zalo, last_seen_at: new Date(now.getTime() - 23 * 3_600_000).toISOString() }, now)).toBe('reachable');
    expect(reachOf({ ...zalo, last_seen_at: new Date(now.getTime() - 25 * 3_600_000).toISOString() }, now)).toBe('outside_window');
    expect(reachOf({ channel: 'telegram', opted_out: 1, blocked: 0, last_seen_at: now.toISOString() }, now)).toBe('opted_out');
  });
});

describe('the pages the owner opens', () => {
  it('journey, NPS and churn pages render with their figures, and a touchpoint links to its conversations', async () => {
    const order = flows.flows.get('order')!;
    const titled = { ...flows, flows: new Map([...flows.flows, ['order', { ...order, steps: { ...order.steps, confirm: { ...order.steps.confirm!, title: 'Xác nhận đơn' }, quantity: { ...order.steps.quantity!, say: 'Anh/chị lấy bao nhiêu kg ạ? (giá {{product.price}})' } } }]]) };
    const admin = mountAdmin(store, { clock, flows: titled });
    const { cookie } = await logIn(admin.app);
    const journey = await (await admin.app.request('/admin/journey', { headers: { cookie } })).text();
    expect(journey).toContain('Hành trình khách');
    expect(journey).toContain('Nên sửa trước');
    expect(journey).toContain('quan trọng nhất');
    expect(journey).toContain('Vì sao khách bỏ giỏ');
    // Where carts were left is said in the step's own words (its title, else the start of what it says).
    const leftAt = [...journey.matchAll(/Đặt hàng <span class="muted small">· ([^<]*)<\/span>/g)].map((match) => match[1]!);
    expect(leftAt).toContain('Xác nhận đơn');
    expect(leftAt).toContain('Anh/chị lấy bao nhiêu kg ạ?');
    expect(leftAt).not.toContain('confirm');
    expect(leftAt).not.toContain('quantity');
    const link = /href="(\/admin\/journey\/touchpoint\?[^"]*stage=return[^"]*channel=zalo[^"]*)"/.exec(journey)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const touchpoint = await (await admin.app.request(link!, { headers: { cookie } })).text();
    const zaloReturns = shop.conversations.filter((c) => c.stage === 'return' && c.channel === 'zalo').sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
    expect(touchpoint).toContain(`/admin/conversations/${zaloReturns[0]!.id}`);
    const nps = await (await admin.app.request('/admin/nps', { headers: { cookie } })).text();
    expect(nps).toContain('NPS');
    expect(nps).toContain('Ủng hộ (9–10)');
    const churn = await (await admin.app.request('/admin/churn', { headers: { cookie } })).text();
    expect(churn).toContain('Lâu chưa quay lại');
    expect(churn).toContain('Nhắc mua lại');
  });

  it('downloads the touchpoints and the NPS answers as CSV that Excel opens', async () => {
    const admin = mountAdmin(store, { clock, flows });
    const { cookie } = await logIn(admin.app);
    const touchpoints = await admin.app.request('/admin/export/touchpoints.csv', { headers: { cookie } });
    expect(touchpoints.headers.get('content-disposition')).toContain('diem-cham-2026-05-12.csv');
    const lines = (await touchpoints.text()).split('\r\n').filter(Boolean);
    const { period } = journeyPeriod({}, now, ZONE);
    expect(lines.length).toBe(1 + (await journeyReport(store.db, period, now)).touchpoints.length);
    expect(lines[0]).toMatch(/^\uFEFF?"Giai đoạn","Pha","Kênh"/);
    expect(lines.some((line) => line.startsWith('"Đổi trả","Sau khi mua","Zalo"') && line.includes('"hài lòng thấp'))).toBe(true);
    const nps = await (await admin.app.request('/admin/export/nps.csv', { headers: { cookie } })).text();
    const months = monthsUpTo(now, 12, ZONE);
    const expected = shop.nps.filter((answer) => answer.createdAt >= months[0]!.from && answer.createdAt < months[11]!.to);
    expect(nps.split('\r\n').filter(Boolean).length).toBe(1 + expected.length);
  });

  it('one tap schedules the repurchase reminder for a reachable customer, and refuses with the reason for one who opted out', async () => {
    const admin = mountAdmin(store, { clock, flows });
    const { cookie, csrf } = await logIn(admin.app);
    const lapsed = await lapsedCustomers(store.db, await orderHistories(store.db), flows, now);
    const reachable = lapsed.find((row) => row.reach === 'reachable' && !row.reminded)!;
    const quiet = lapsed.find((row) => row.reach === 'opted_out');
    const post = (customer: string) =>
      admin.app.request('/admin/churn/remind', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, body: new URLSearchParams({ _csrf: csrf, customer }) });
    const sent = await post(reachable.id);
    expect(sent.status).toBe(303);
    expect(told(sent)).toContain('nhắc mua lại trong vài phút');
    const rows = await store.db.selectFrom('scheduled_messages').selectAll().where('customer_id', '=', reachable.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'reorder', key: `lapsed:${reachable.lastOrderCode}`, status: 'pending' });
    await post(reachable.id);
    expect(await store.db.selectFrom('scheduled_messages').selectAll().where('customer_id', '=', reachable.id).execute()).toHaveLength(1);
    expect(quiet).toBeDefined();
    const refused = await post(quiet!.id);
    expect(told(refused)).toContain('đã xin dừng nhận tin');
    expect(await store.db.selectFrom('scheduled_messages').selectAll().where('customer_id', '=', quiet!.id).execute()).toHaveLength(0);
    const page = await (await admin.app.request('/admin/churn', { headers: { cookie } })).text();
    expect(page).toContain('Đã hẹn nhắc');
  });
});
