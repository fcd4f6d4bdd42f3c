import { sql } from 'kysely';
import { touchpointSums, type TouchpointRow } from '../../store/index';
import type { ReportDb, TimeRange } from './range';

/**
 * The journey as touchpoints: conversations grouped by stage × phase × channel, with what a
 * customer-experience team reads off each one, and which of them to fix first.
 */
export interface Touchpoint {
  stage: string | null;
  phase: string | null;
  channel: string;
  conversations: number;
  closed: number;
  /** Closed conversations the customer left half-way (outcome abandoned). */
  abandoned: number;
  scored: number;
  average: number | null;
  /** Scores of 4 or 5 stars. */
  satisfied: number;
  /** 95% Wilson interval of the satisfied share; null without any score. */
  satisfiedInterval: Interval | null;
  medianFirstResponseMs: number | null;
  /** Customers whose first conversation here is at least RETURN_DAYS old: their return is known. */
  customers: number;
  /** Of those, customers who placed an order within RETURN_DAYS after it (not the order of that conversation, not a cancelled one). */
  returned: number;
  /** 60-day return of customers who scored 4–5 here against those who scored 1–3. */
  returnAfterHigh: Share;
  returnAfterLow: Share;
  weak: WeakReason[];
  /** What `weak` compared it with. */
  yardstick: Yardstick;
  /** A low score here goes with customers not coming back (see `mattersMost`). */
  mattersMost: boolean;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Share {
  of: number;
  yes: number;
}

export type WeakReason = 'low_csat' | 'high_drop_off';

export interface JourneyReport {
  touchpoints: Touchpoint[];
  /** The shop's own figures over the same period, the yardstick of "weak". */
  shop: { satisfied: number; scored: number; abandoned: number; closed: number };
}

/** Days after a conversation within which a new order counts as "ordered again" (the triggers of migrations/0009 count the same 60 days). */
export const RETURN_DAYS = 60;
/** Fewer answers than this never make a touchpoint weak on CSAT: three answers are no verdict. */
export const MIN_SCORES = 5;
/** Fewer closed conversations than this never make a touchpoint weak on drop-off. */
export const MIN_CLOSED = 20;
/** Fewer customers than this in either group (scored 4–5, scored 1–3) never marks "matters most". */
export const MIN_GROUP = 5;
const Z95 = 1.959964;
const Z_MATTERS = 2.576;

/** Wilson score interval at 95% for `yes` out of `of`; stays inside 0–1 and is honest for small counts. */
export function wilson(yes: number, of: number): Interval | null {
  if (of <= 0) return null;
  const p = yes / of;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * of)) / (1 + z2 / of);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of))) / (1 + z2 / of);
  // None or all: the bound at 0 or 1 is exact (rounding would put it a hair off and flag a 0% drop-off).
  return { low: yes === 0 ? 0 : Math.max(0, centre - half), high: yes === of ? 1 : Math.min(1, centre + half) };
}

/** What a touchpoint is compared with to call it weak. */
export interface Yardstick {
  /** Scores everywhere else in the shop. */
  satisfied: number;
  scored: number;
  /** Closed conversations of the same stage and phase on the other channels: a longer flow leaves more carts everywhere. */
  abandoned: number;
  closed: number;
}

/**
 * Weak: with at least MIN_SCORES scores, even the top of the 95% Wilson interval of the
 * satisfied share (4–5★) is below the satisfied share of the rest of the shop; or, with at
 * least MIN_CLOSED closed conversations, the bottom of the interval of the drop-off share is
 * above the drop-off of the same stage on the other channels. Either way the touchpoint is
 * worse than its comparison, with 95% confidence.
 */
export function weaknessOf(row: Pick<Touchpoint, 'scored' | 'satisfied' | 'closed' | 'abandoned'>, yardstick: Yardstick): WeakReason[] {
  const reasons: WeakReason[] = [];
  const csat = wilson(row.satisfied, row.scored);
  if (row.scored >= MIN_SCORES && yardstick.scored > 0 && csat && csat.high < yardstick.satisfied / yardstick.scored) reasons.push('low_csat');
  const dropOff = wilson(row.abandoned, row.closed);
  if (row.closed >= MIN_CLOSED && yardstick.closed > 0 && dropOff && dropOff.low > yardstick.abandoned / yardstick.closed) reasons.push('high_drop_off');
  return reasons;
}

/** The rest of the shop for CSAT, the same stage and phase on other channels for drop-off. */
export function yardstickOf(row: TouchpointTotals, all: readonly TouchpointTotals[]): Yardstick {
  const others = all.filter((other) => other !== row);
  const sameStage = others.filter((other) => other.stage === row.stage && other.phase === row.phase);
  const sum = (rows: readonly TouchpointTotals[], key: 'satisfied' | 'scored' | 'abandoned' | 'closed') => rows.reduce((total, other) => total + other[key], 0);
  return { satisfied: sum(others, 'satisfied'), scored: sum(others, 'scored'), abandoned: sum(sameStage, 'abandoned'), closed: sum(sameStage, 'closed') };
}

export type TouchpointTotals = ReturnType<typeof totalsOf>;

/**
 * Matters most: customers who scored 1–3 here came back (ordered within RETURN_DAYS) less
 * often than those who scored 4–5, and a one-sided two-proportion z-test says so at 99.5%
 * (z ≥ 2.576), with at least MIN_GROUP customers in each group. The bar is high because some
 * twenty touchpoints are tested at once: at 95% one of them would be flagged by chance.
 */
export function mattersMost(high: Share, low: Share): boolean {
  if (high.of < MIN_GROUP || low.of < MIN_GROUP) return false;
  const p1 = high.yes / high.of;
  const p2 = low.yes / low.of;
  const pooled = (high.yes + low.yes) / (high.of + low.of);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / high.of + 1 / low.of));
  if (se === 0) return false;
  return (p1 - p2) / se >= Z_MATTERS;
}

type Key = { stage: string | null; phase: string | null; channel: string };
const keyOf = (row: Key) => `${row.stage ?? ''}|${row.phase ?? ''}|${row.channel}`;

/**
 * Every touchpoint of conversations started in `range`. Return to the shop is measured only
 * for conversations started before `now − RETURN_DAYS`, whose 60 days are over.
 */
export async function journeyReport(db: ReportDb, range: TimeRange, now: Date): Promise<JourneyReport> {
  const decided = new Date(Math.min(Date.parse(range.to), now.getTime() - RETURN_DAYS * 86_400_000)).toISOString();
  const sums = await touchpointSums(db, range, TOUCHPOINT);
  const totals = sums.map(totalsOf);
  const [median, returns, scoredGroups] = await Promise.all([medianFirstResponses(db, range, sums), returnAfterFirstVisit(db, sums, range.from, decided), returnAfterScore(db, range.from, decided)]);
  const returned = new Map(returns.map((row) => [keyOf(row), row]));
  const shop = { satisfied: 0, scored: 0, abandoned: 0, closed: 0 };
  for (const row of totals) {
    shop.satisfied += row.satisfied;
    shop.scored += row.scored;
    shop.abandoned += row.abandoned;
    shop.closed += row.closed;
  }
  const touchpoints = totals.map((row): Touchpoint => {
    const key = keyOf(row);
    const back = returned.get(key);
    const groups = scoredGroups.get(key) ?? { high: { of: 0, yes: 0 }, low: { of: 0, yes: 0 } };
    const yardstick = yardstickOf(row, totals);
    return {
      ...row,
      average: row.scored === 0 ? null : row.scoreSum / row.scored,
      satisfiedInterval: wilson(row.satisfied, row.scored),
      medianFirstResponseMs: median.get(key) ?? null,
      customers: back?.customers ?? 0,
      returned: back?.returned ?? 0,
      returnAfterHigh: groups.high,
      returnAfterLow: groups.low,
      weak: weaknessOf(row, yardstick),
      yardstick,
      mattersMost: mattersMost(groups.high, groups.low),
    };
  });
  return { touchpoints, shop };
}

const TOUCHPOINT = ['stage', 'phase', 'channel'] as const;

function totalsOf(row: TouchpointRow<(typeof TOUCHPOINT)[number]>) {
  return {
    stage: row.stage,
    phase: row.phase,
    channel: row.channel,
    conversations: row.conversations,
    closed: row.closed,
    abandoned: row.closedAbandoned,
    scored: row.scored,
    scoreSum: row.scoreSum,
    satisfied: row.scores[3] + row.scores[4],
  };
}

/**
 * The middle first-response time of each touchpoint (the mean of the two middle ones for an
 * even count). How many times the period has is known from touchpoint_days, so the middle
 * one is reached by counting along the touchpoint's index in time order (LIMIT 2 OFFSET
 * middle): at most the touchpoint's rows up to that time are read, and nothing is sorted.
 */
async function medianFirstResponses(db: ReportDb, range: TimeRange, sums: readonly TouchpointRow<(typeof TOUCHPOINT)[number]>[]): Promise<Map<string, number>> {
  const medians = new Map<string, number>();
  const is = (column: 'stage' | 'phase', value: string | null) => (value === null ? sql`${sql.ref(column)} IS NULL` : sql`${sql.ref(column)} = ${value}`);
  await Promise.all(
    sums
      .filter((row) => row.responded > 0)
      .map(async (row) => {
        const result = await sql<{ first_response_ms: number }>`
          SELECT first_response_ms FROM conversations INDEXED BY conversations_touchpoint_response
          WHERE ${is('stage', row.stage)} AND ${is('phase', row.phase)} AND channel = ${row.channel} AND first_response_ms IS NOT NULL
            AND started_at >= ${range.from} AND started_at < ${range.to}
          ORDER BY first_response_ms LIMIT 2 OFFSET ${Math.floor((row.responded - 1) / 2)}`.execute(db);
        const [first, second] = result.rows.map((value) => Number(value.first_response_ms));
        medians.set(keyOf(row), row.responded % 2 === 1 ? first! : (first! + second!) / 2);
      }),
  );
  return medians;
}

/**
 * Each touchpoint's customers whose first conversation there from `from` to `decided` is
 * known, and how many of them ordered again within RETURN_DAYS after it. A customer's first
 * conversation of the period at a touchpoint is the one whose previous visit there
 * (touchpoint_visits, migrations/0015) is older than the period or missing: the customers are
 * counted along each touchpoint's index entries of the period, and those who came back are the
 * few conversations of conversation_returns that are such first visits.
 */
async function returnAfterFirstVisit(db: ReportDb, touchpoints: readonly Key[], from: string, decided: string) {
  if (decided <= from) return [];
  const customers = await Promise.all(
    touchpoints.map(async (touchpoint) => {
      const row = await sql<{ customers: number }>`
        SELECT count(*) AS customers FROM touchpoint_visits
        WHERE stage IS ${touchpoint.stage} AND phase IS ${touchpoint.phase} AND channel = ${touchpoint.channel} AND started_at >= ${from} AND started_at < ${decided}
          AND (previous_started_at IS NULL OR previous_started_at < ${from})`.execute(db);
      return { ...touchpoint, customers: Number(row.rows[0]?.customers ?? 0) };
    }),
  );
  const returned = await sql<Key & { returned: number }>`
    SELECT r.stage, r.phase, r.channel, count(*) AS returned FROM conversation_returns r JOIN touchpoint_visits v ON v.conversation_id = r.conversation_id
    WHERE r.started_at >= ${from} AND r.started_at < ${decided} AND (v.previous_started_at IS NULL OR v.previous_started_at < ${from})
    GROUP BY r.stage, r.phase, r.channel`.execute(db);
  const back = new Map(returned.rows.map((row) => [keyOf(row), Number(row.returned)]));
  return customers.filter((row) => row.customers > 0).map((row) => ({ ...row, returned: back.get(keyOf(row)) ?? 0 }));
}

/** Scored conversations from `from` to `decided`, 4–5★ and 1–3★, and how many were followed by an order: counted in touchpoint_days. */
async function returnAfterScore(db: ReportDb, from: string, decided: string): Promise<Map<string, { high: Share; low: Share }>> {
  const groups = new Map<string, { high: Share; low: Share }>();
  if (decided <= from) return groups;
  for (const row of await touchpointSums(db, { from, to: decided }, TOUCHPOINT)) {
    const [one, two, three, four, five] = row.scores;
    groups.set(keyOf(row), { high: { of: four + five, yes: row.returnedHigh }, low: { of: one + two + three, yes: row.returnedLow } });
  }
  return groups;
}

/** The conversations of one touchpoint, newest first, for the links from the journey page. */
export async function touchpointConversations(db: ReportDb, range: TimeRange, touchpoint: Key, page: { limit: number; offset: number }) {
  let query = db
    .selectFrom('conversations as c')
    .leftJoin('customers as k', 'k.id', 'c.customer_id')
    .select(['c.id', 'c.customer_id', 'k.name', 'k.display_name', 'c.started_at', 'c.entry_flow', 'c.status', 'c.outcome', 'c.satisfaction_score', 'c.satisfaction_comment', 'c.first_response_ms'])
    .where('c.started_at', '>=', range.from)
    .where('c.started_at', '<', range.to)
    .where('c.channel', '=', touchpoint.channel);
  // `+` keeps SQLite on the started_at index, newest first, stopping after one page; led by the
  // touchpoint-first index it would sort a year of the touchpoint's conversations for it.
  const stage = sql<string | null>`+c.stage`;
  const phase = sql<string | null>`+c.phase`;
  query = touchpoint.stage === null ? query.where(stage, 'is', null) : query.where(stage, '=', touchpoint.stage);
  query = touchpoint.phase === null ? query.where(phase, 'is', null) : query.where(phase, '=', touchpoint.phase);
  const rows = await query.orderBy('c.started_at', 'desc').orderBy('c.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    customerName: row.name ?? row.display_name,
    startedAt: row.started_at,
    entryFlow: row.entry_flow,
    status: row.status,
    outcome: row.outcome,
    score: row.satisfaction_score,
    comment: row.satisfaction_comment,
    firstResponseMs: row.first_response_ms,
  }));
}
