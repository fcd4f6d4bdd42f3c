import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePeriod, previousPeriod } from '../../src/admin/period';
import { listConversations, type ConversationFilter } from '../../src/admin/reports/conversations';
import { customerJourney, listCustomers } from '../../src/admin/reports/customers';
import { listOrders } from '../../src/admin/reports/orders';
import { listReturnRequests } from '../../src/admin/reports/returns';
import { abandonedAtStep, funnelOf, stepReach, touchpointsByFlow, unrecognizedMessages } from '../../src/admin/reports/flows';
import { openReturnRequests, overviewReport } from '../../src/admin/reports/overview';
import { KNOWN_CHANNELS } from '../../src/admin/reports/range';
import { satisfactionBy, satisfactionByWeek, satisfactionComments, scoreDistribution } from '../../src/admin/reports/satisfaction';
import { transcript } from '../../src/admin/reports/transcript';
import type { Store } from '../../src/store/index';
import { fixtureFlows } from './fixture-flows';
import { generateShop, insertShop, type SeedConversation, type SeededShop } from './seed';
import { openTestStore, TestClock } from './support';

/*
 * Every expected number below is counted from the generated arrays with plain JavaScript;
 * only the dashboard's functions read the database.
 */
const clock = new TestClock(); // Tuesday 12 May 2026, 10:00 in Hà Nội
const flows = fixtureFlows();
const ZONE = 'Asia/Ho_Chi_Minh';
let shop: SeededShop;
let store: Store;
let close: () => Promise<void>;

// Hà Nội is UTC+7: local 6 May 00:00 is 5 May 17:00 UTC; the week runs up to now.
const WEEK = { from: '2026-05-05T17:00:00.000Z', to: '2026-05-12T03:00:00.000Z' };
const WEEK_BEFORE = { from: '2026-04-28T17:00:00.000Z', to: '2026-05-05T03:00:00.000Z' };

const inRange = (iso: string, range: { from: string; to: string }) => iso >= range.from && iso < range.to;
const started = (range: { from: string; to: string }) => shop.conversations.filter((c) => inRange(c.startedAt, range));
const count = <T>(rows: readonly T[], test: (row: T) => boolean) => rows.filter(test).length;
const channelOf = (customerId: string) => customerId.split(':')[0]!;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor((sorted.length - 1) / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle]! + sorted[middle + 1]!) / 2;
};

beforeAll(async () => {
  ({ store, close } = await openTestStore());
  shop = generateShop(flows, { now: clock.now() });
  await insertShop(store, shop);
});

afterAll(() => close());

describe('periods in the shop time zone', () => {
  it('"7 days" runs from local midnight six days ago until now, and is compared with the same hours a week earlier', () => {
    const { period } = choosePeriod({ period: '7d' }, clock.now(), ZONE);
    expect(period).toMatchObject({ firstDay: '2026-05-06', lastDay: '2026-05-12', ...WEEK });
    expect(previousPeriod(period, ZONE)).toMatchObject({ firstDay: '2026-04-29', lastDay: '2026-05-05', ...WEEK_BEFORE });
  });
});

describe('the overview', () => {
  it('counts conversations, outcomes, scores and answers by channel, and for all channels together', async () => {
    const overview = await overviewReport(store.db, WEEK);
    const rows = started(WEEK);
    expect(rows.length).toBeGreaterThan(50);
    for (const channel of [...KNOWN_CHANNELS, 'all']) {
      const mine = channel === 'all' ? rows : rows.filter((c) => c.channel === channel);
      const scores = mine.flatMap((c) => (c.score === null ? [] : [c.score]));
      expect(overview.figures[channel], channel).toMatchObject({
        conversations: mine.length,
        completed: count(mine, (c) => c.outcome === 'completed'),
        abandoned: count(mine, (c) => c.outcome === 'abandoned'),
        handedOver: count(mine, (c) => c.outcome === 'handed_over' || c.askedForPerson),
        closed: count(mine, (c) => c.status === 'closed'),
        answered: count(mine, (c) => c.status === 'closed' && c.score !== null),
        scored: scores.length,
        scoreSum: scores.reduce((sum, score) => sum + score, 0),
        distribution: [1, 2, 3, 4, 5].map((stars) => count(scores, (score) => score === stars)),
        firstResponseMedianMs: median(mine.flatMap((c) => (c.firstResponseMs === null ? [] : [c.firstResponseMs]))),
        customers: new Set(mine.map((c) => c.customerId)).size,
      });
    }
  });

  it('reports every channel the shop speaks on, the terminal one included, with the channels adding up to all', async () => {
    const overview = await overviewReport(store.db, WEEK);
    expect(overview.channels).toEqual(expect.arrayContaining(['telegram', 'zalo', 'web', 'terminal']));
    expect(started(WEEK).some((c) => c.channel === 'terminal')).toBe(true);
    for (const figure of ['conversations', 'handedOver', 'customers', 'repeatCustomers', 'orders'] as const) {
      const sum = KNOWN_CHANNELS.reduce((total, channel) => total + overview.figures[channel]![figure], 0);
      expect(sum, figure).toBe(overview.figures.all![figure]);
    }
  });

  it('counts a customer as returning when another conversation of theirs came before one in the period, earlier in the period too', async () => {
    const overview = await overviewReport(store.db, WEEK);
    const returning = new Set(
      started(WEEK)
        .filter((c) => shop.conversations.some((other) => other.customerId === c.customerId && other.startedAt < c.startedAt))
        .map((c) => c.customerId),
    );
    const onlyWithinTheWeek = [...returning].filter((id) => !shop.conversations.some((c) => c.customerId === id && c.startedAt < WEEK.from));
    expect(returning.size).toBeGreaterThan(5);
    expect(onlyWithinTheWeek.length).toBeGreaterThan(0);
    expect(overview.figures.all!.repeatCustomers).toBe(returning.size);
    for (const channel of KNOWN_CHANNELS) expect(overview.figures[channel]!.repeatCustomers, channel).toBe(count([...returning], (id) => channelOf(id) === channel));
  });

  it('counts a conversation as handed to a person when the customer asked for one, even when the bot finished it after the hand-back', async () => {
    const overview = await overviewReport(store.db, WEEK);
    const handedBack = started(WEEK).filter((c) => c.askedForPerson && c.outcome === 'completed');
    expect(handedBack.length).toBeGreaterThan(0);
    expect(overview.figures.all!.handedOver).toBe(count(started(WEEK), (c) => c.askedForPerson));
  });

  it('keeps the response rate at or below 100%: only closed conversations with a score count as answered', async () => {
    const overview = await overviewReport(store.db, WEEK);
    const scoredWhileOpen = started(WEEK).filter((c) => c.status === 'open' && c.score !== null);
    expect(scoredWhileOpen.length).toBeGreaterThan(0);
    for (const channel of [...KNOWN_CHANNELS, 'all']) {
      const mine = channel === 'all' ? started(WEEK) : started(WEEK).filter((c) => c.channel === channel);
      const figures = overview.figures[channel]!;
      expect(figures.answered, channel).toBe(count(mine, (c) => c.status === 'closed' && c.score !== null));
      expect(figures.answered).toBeLessThanOrEqual(figures.closed);
    }
    for (const group of await satisfactionBy(store.db, WEEK, 'channel')) {
      const mine = started(WEEK).filter((c) => c.channel === group.key);
      expect(group.answered, String(group.key)).toBe(count(mine, (c) => c.status === 'closed' && c.score !== null));
      expect(group.answered).toBeLessThanOrEqual(group.closed);
    }
  });

  it('counts orders, revenue without cancelled, returned or refunded orders, and new return requests', async () => {
    const overview = await overviewReport(store.db, WEEK);
    const orders = shop.orders.filter((o) => inRange(o.createdAt, WEEK));
    const kept = orders.filter((o) => !['cancelled', 'returned'].includes(o.shippingStatus) && o.paymentStatus !== 'refunded');
    expect(orders.length).toBeGreaterThan(3);
    expect(overview.figures.all).toMatchObject({
      orders: orders.length,
      revenue: kept.reduce((sum, o) => sum + o.total, 0),
      newReturns: count(shop.returns, (r) => inRange(r.createdAt, WEEK)),
    });
    expect(overview.figures.telegram!.orders).toBe(count(orders, (o) => o.channel === 'telegram'));
    expect(await openReturnRequests(store.db)).toBe(count(shop.returns, (r) => r.status === 'open'));
  });

  it('computes the previous period the same way, for the changes', async () => {
    const before = await overviewReport(store.db, WEEK_BEFORE);
    expect(before.figures.all!.conversations).toBe(started(WEEK_BEFORE).length);
    expect(before.figures.web!.completed).toBe(count(started(WEEK_BEFORE), (c) => c.channel === 'web' && c.outcome === 'completed'));
  });
});

describe('satisfaction', () => {
  it('averages the scores week by week (Monday to Sunday, local)', async () => {
    const mondays = ['2026-04-20', '2026-04-27', '2026-05-04', '2026-05-11'];
    const weeks = mondays.map((week) => {
      const from = new Date(Date.parse(`${week}T00:00:00Z`) - 7 * 3_600_000);
      return { week, from: from.toISOString(), to: new Date(from.getTime() + 7 * 86_400_000).toISOString() };
    });
    const result = await satisfactionByWeek(store.db, weeks);
    for (const [index, week] of weeks.entries()) {
      const scores = started(week).flatMap((c) => (c.score === null ? [] : [c.score]));
      expect(result[index]).toEqual({
        week: week.week,
        scored: scores.length,
        average: scores.length === 0 ? null : scores.reduce((sum, s) => sum + s, 0) / scores.length,
        low: count(scores, (s) => s <= 2),
      });
    }
    expect(result[2]!.scored).toBeGreaterThan(10);
  });

  it('groups scores by the flow the conversation started in and by channel', async () => {
    const byFlow = await satisfactionBy(store.db, WEEK, 'entry_flow');
    const order = byFlow.find((group) => group.key === 'order')!;
    const orderRows = started(WEEK).filter((c) => c.entryFlow === 'order');
    const orderScores = orderRows.flatMap((c) => (c.score === null ? [] : [c.score]));
    expect(order).toMatchObject({ closed: count(orderRows, (c) => c.status === 'closed'), scored: orderScores.length, low: count(orderScores, (s) => s <= 2) });
    expect(order.average).toBeCloseTo(orderScores.reduce((sum, s) => sum + s, 0) / orderScores.length, 10);
    expect(byFlow.find((group) => group.key === null)?.closed ?? 0).toBe(count(started(WEEK), (c) => c.entryFlow === null && c.status === 'closed'));

    const byChannel = await satisfactionBy(store.db, WEEK, 'channel');
    expect(byChannel.find((group) => group.key === 'web')!.scored).toBe(count(started(WEEK), (c) => c.channel === 'web' && c.score !== null));
  });

  it('lists the comments newest first, and the score distribution', async () => {
    const expected = started(WEEK)
      .filter((c) => c.comment !== null)
      .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id));
    const comments = await satisfactionComments(store.db, WEEK, { limit: 1000, offset: 0 });
    expect(comments.map((c) => c.conversationId)).toEqual(expected.map((c) => c.id));
    expect(comments[0]).toMatchObject({ comment: expected[0]!.comment, score: expected[0]!.score });
    const second = await satisfactionComments(store.db, WEEK, { limit: 2, offset: 2 });
    expect(second.map((c) => c.conversationId)).toEqual(expected.slice(2, 4).map((c) => c.id));

    const scores = started(WEEK).flatMap((c) => (c.score === null ? [] : [c.score]));
    expect(await scoreDistribution(store.db, WEEK)).toEqual([1, 2, 3, 4, 5].map((stars) => count(scores, (s) => s === stars)));
  });
});

describe('flows', () => {
  it('counts conversations, completions and scores by the flow they started in', async () => {
    const rows = await touchpointsByFlow(store.db, WEEK);
    for (const id of ['order', 'returns', 'greeting']) {
      const mine = started(WEEK).filter((c) => c.entryFlow === id);
      expect(rows.find((row) => row.flow === id), id).toMatchObject({
        conversations: mine.length,
        closed: count(mine, (c) => c.status === 'closed'),
        completed: count(mine, (c) => c.outcome === 'completed'),
        abandoned: count(mine, (c) => c.outcome === 'abandoned'),
        handedOver: count(mine, (c) => c.outcome === 'handed_over' || c.askedForPerson),
        scored: count(mine, (c) => c.score !== null),
      });
    }
  });

  it('builds each funnel from distinct conversations per step, in the order of the flow file, with where the abandoned stopped', async () => {
    const reach = await stepReach(store.db, WEEK, [...flows.flows.values()]);
    const abandoned = await abandonedAtStep(store.db, WEEK);
    const order = flows.flows.get('order')!;
    const funnel = funnelOf(order, reach.get('order'), abandoned.get('order'));
    expect(funnel.map((step) => step.step)).toEqual(Object.keys(order.steps));

    const stepEvents = shop.events.filter((e) => e.type === 'step_entered' && e.flow === 'order' && inRange(e.createdAt, WEEK));
    const lastStep = new Map<string, string>();
    for (const event of shop.events) if (event.type === 'step_entered') lastStep.set(event.conversationId, event.step!);
    const abandonedHere = started(WEEK).filter((c) => c.outcome === 'abandoned' && lastStep.has(c.id));
    for (const step of funnel) {
      expect(step.reached, step.step).toBe(new Set(stepEvents.filter((e) => e.step === step.step).map((e) => e.conversationId)).size);
      expect(step.abandonedHere, step.step).toBe(count(abandonedHere, (c) => c.entryFlow === 'order' && lastStep.get(c.id) === step.step));
    }
    // Repeated visits to a step exist in the data and are counted once.
    expect(stepEvents.length).toBeGreaterThan(funnel.reduce((sum, step) => sum + step.reached, 0));
    expect(funnel[0]!.reached).toBeGreaterThan(funnel[funnel.length - 1]!.reached);
    expect(funnel.some((step) => step.abandonedHere > 0)).toBe(true);
  });

  it('names each funnel step by its title, else by the start of its question, never by its id', () => {
    const steps = funnelOf(
      {
        steps: {
          order_code: { say: 'Anh/chị cho em xin mã đơn hàng (ví dụ XB12) ạ? Em kiểm tra ngay.' },
          done: { title: 'Đã lên đơn', say: 'Dạ em đã lên đơn {{order.code}} 🎉' },
          info: { say: ['{{product.name}} — giá {{product.price}}, trái to, ngọt lịm và thơm lừng, giao tận nhà khắp nơi', 'Còn gì nữa không ạ?'] },
        },
      } as never,
      undefined,
      undefined,
    );
    expect(steps[0]!.title).toBe('Anh/chị cho em xin mã đơn hàng (ví dụ XB12) ạ?');
    expect(steps[1]!.title).toBe('Đã lên đơn');
    expect(steps[2]!.title).toMatch(/^… — giá …, trái to, ngọt lịm .*…$/);
    expect(steps[2]!.title.length).toBeLessThanOrEqual(60);
  });

  it('lists a step that left the flow file after the ones still in it', () => {
    const funnel = funnelOf({ steps: { a: {}, b: {} } }, new Map([['a', 5], ['old', 2]]), undefined);
    expect(funnel).toEqual([
      { step: 'a', title: 'a', reached: 5, abandonedHere: 0, retired: false },
      { step: 'b', title: 'b', reached: 0, abandonedHere: 0, retired: false },
      { step: 'old', title: 'old', reached: 2, abandonedHere: 0, retired: true },
    ]);
  });

  it('groups what the bot did not understand by the words, ignoring case, tone marks and punctuation', async () => {
    const { groups, total } = await unrecognizedMessages(store.db, WEEK, 50);
    const fallbacks = shop.events.filter((e) => e.type === 'fallback' && inRange(e.createdAt, WEEK)).map((e) => (e.detail as { text: string }).text);
    expect(total).toBe(fallbacks.length);
    const shipKo = count(fallbacks, (text) => ['ship ko', 'Ship ko?', 'shíp ko'].includes(text));
    expect(shipKo).toBeGreaterThan(2);
    const group = groups.find((candidate) => ['ship ko', 'Ship ko?', 'shíp ko'].includes(candidate.text))!;
    expect(group.times).toBe(shipKo);
    expect(group.spellings).toBe(new Set(fallbacks.filter((text) => ['ship ko', 'Ship ko?', 'shíp ko'].includes(text))).size);
    expect(groups.find((candidate) => ['gia bn 1kg', 'Giá bn 1kg'].includes(candidate.text))!.times).toBe(count(fallbacks, (text) => ['gia bn 1kg', 'Giá bn 1kg'].includes(text)));
    expect(groups.map((g) => g.times)).toEqual([...groups.map((g) => g.times)].sort((a, b) => b - a));
  });
});

describe('the conversation list', () => {
  const newestFirst = (rows: SeedConversation[]) => [...rows].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id)).map((c) => c.id);
  const ids = async (filter: ConversationFilter, limit = 10_000, offset = 0) => (await listConversations(store.db, filter, { limit, offset })).map((row) => row.id);

  it('filters by channel, flow, outcome, score and date, newest first', async () => {
    expect(await ids({ channel: 'zalo', outcome: 'abandoned' })).toEqual(newestFirst(shop.conversations.filter((c) => c.channel === 'zalo' && c.outcome === 'abandoned')));
    expect(await ids({ flow: 'returns', score: 'low' })).toEqual(newestFirst(shop.conversations.filter((c) => c.entryFlow === 'returns' && c.score !== null && c.score <= 2)));
    expect(await ids({ score: '4', range: WEEK })).toEqual(newestFirst(started(WEEK).filter((c) => c.score === 4)));
    expect(await ids({ score: 'none' })).toEqual(newestFirst(shop.conversations.filter((c) => c.status === 'closed' && c.score === null)));
    expect(await ids({ outcome: 'open' })).toEqual(newestFirst(shop.conversations.filter((c) => c.status === 'open')));
    expect((await ids({ outcome: 'open' })).length).toBeGreaterThan(0);
  });

  it('finds conversations by words in the transcript or the comment', async () => {
    const durian = new Set(shop.messages.filter((m) => m.text?.includes('sầu riêng')).map((m) => m.conversationId));
    expect(durian.size).toBeGreaterThan(3);
    expect(await ids({ text: 'sầu riêng' })).toEqual(newestFirst(shop.conversations.filter((c) => durian.has(c.id))));
    expect(await ids({ text: 'dập' })).toEqual(
      newestFirst(shop.conversations.filter((c) => c.comment?.includes('dập') || shop.messages.some((m) => m.conversationId === c.id && m.text?.includes('dập')))),
    );
    expect(await ids({ text: '100%' })).toEqual([]);
  });

  it('pages through the list', async () => {
    const all = newestFirst(shop.conversations);
    expect(await ids({}, 50, 100)).toEqual(all.slice(100, 150));
  });
});

describe('customers and transcripts', () => {
  it('lists customers with their conversations and orders, and finds them by name', async () => {
    const rows = await listCustomers(store.db, { limit: 1000, offset: 0 });
    expect(rows).toHaveLength(shop.customers.length);
    const busiest = rows.reduce((best, row) => (row.conversations > best.conversations ? row : best));
    expect(busiest.conversations).toBe(count(shop.conversations, (c) => c.customerId === busiest.id));
    expect(busiest.orders).toBe(count(shop.orders, (o) => o.customerId === busiest.id));
    const named = await listCustomers(store.db, { text: 'Bích', limit: 1000, offset: 0 });
    expect(named.map((row) => row.id).sort()).toEqual(shop.customers.filter((c) => c.name === 'Trần Thị Bích').map((c) => c.id).sort());
  });

  it('tells a customer journey in time order: conversations, orders and return requests', async () => {
    const customer = shop.orders.find((o) => shop.returns.some((r) => r.customerId === o.customerId))?.customerId ?? shop.orders[0]!.customerId;
    const journey = (await customerJourney(store.db, customer))!;
    const expected = count(shop.conversations, (c) => c.customerId === customer) + count(shop.orders, (o) => o.customerId === customer) + count(shop.returns, (r) => r.customerId === customer);
    expect(journey.moments).toHaveLength(expected);
    expect(journey.moments.map((m) => m.at)).toEqual([...journey.moments.map((m) => m.at)].sort());
    expect(journey.moments.filter((m) => m.kind === 'order').map((m) => (m.kind === 'order' ? m.code : ''))).toEqual(
      shop.orders.filter((o) => o.customerId === customer).map((o) => o.code),
    );
    expect(await customerJourney(store.db, 'telegram:nobody')).toBeUndefined();
  });

  it('shows a conversation with its messages and events in order, and the order it led to', async () => {
    const order = shop.orders[0]!;
    const found = (await transcript(store.db, order.conversationId))!;
    expect(found.messages.map((m) => m.text)).toEqual(shop.messages.filter((m) => m.conversationId === order.conversationId).map((m) => m.text));
    expect(found.events.map((e) => e.type)).toEqual(shop.events.filter((e) => e.conversationId === order.conversationId).map((e) => e.type));
    expect(found.orders.map((o) => o.code)).toEqual([order.code]);
    expect(await transcript(store.db, 'nope')).toBeUndefined();
  });
});

describe('orders and return requests', () => {
  const byNewest = <T extends { createdAt: string; id: string }>(rows: T[]) => [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));

  it('lists orders by payment and shipping status, period and code, newest first', async () => {
    const codes = async (filter: Parameters<typeof listOrders>[1]) => (await listOrders(store.db, filter, { limit: 1000, offset: 0 })).map((order) => order.code);
    expect(await codes({ payment: 'paid', shipping: 'delivered' })).toEqual(byNewest(shop.orders.filter((o) => o.paymentStatus === 'paid' && o.shippingStatus === 'delivered')).map((o) => o.code));
    expect(await codes({ range: WEEK })).toEqual(byNewest(shop.orders.filter((o) => inRange(o.createdAt, WEEK))).map((o) => o.code));
    const one = shop.orders[3]!;
    expect(await codes({ text: one.code.toLowerCase() })).toEqual([one.code]);
  });

  it('lists return requests by status and order code', async () => {
    const ids = async (filter: Parameters<typeof listReturnRequests>[1]) => (await listReturnRequests(store.db, filter, { limit: 1000, offset: 0 })).map((request) => request.id);
    expect(await ids({ status: 'open' })).toEqual(byNewest(shop.returns.filter((r) => r.status === 'open')).map((r) => r.id));
    const one = shop.returns[0]!;
    expect(await ids({ orderCode: one.orderCode })).toEqual(byNewest(shop.returns.filter((r) => r.orderCode === one.orderCode)).map((r) => r.id));
  });
});
