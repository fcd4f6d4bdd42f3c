import { sql } from 'kysely';
import { periodCustomers, touchpointSums } from '../../store/index';
import { orderChannels, type ReportDb, type TimeRange } from './range';

/** Everything the overview shows for one channel (or all channels) in one period. */
export interface ChannelFigures {
  conversations: number;
  completed: number;
  abandoned: number;
  /** Conversations a person took: the customer asked for one, or the owner took over (whatever the outcome). */
  handedOver: number;
  closed: number;
  /** Closed conversations whose customer gave a score. */
  answered: number;
  scoreSum: number;
  scored: number;
  /** How many scores of 1, 2, 3, 4 and 5 stars. */
  distribution: [number, number, number, number, number];
  firstResponseMedianMs: number | null;
  customers: number;
  /** Customers with a conversation in the period who had another one before it (in the period or earlier). */
  repeatCustomers: number;
  orders: number;
  /** Order totals, leaving out cancelled, returned and refunded orders. */
  revenue: number;
  newReturns: number;
}

export interface Overview {
  channels: string[];
  /** Per channel, and `all`. */
  figures: Record<string, ChannelFigures>;
}

export const ALL_CHANNELS = 'all';

/** A channel's figures; a channel with nothing in this period has zeros (it may have had something in the other). */
export function figuresOf(overview: Overview, channel: string): ChannelFigures {
  return overview.figures[channel] ?? emptyFigures();
}

function emptyFigures(): ChannelFigures {
  return {
    conversations: 0,
    completed: 0,
    abandoned: 0,
    handedOver: 0,
    closed: 0,
    answered: 0,
    scoreSum: 0,
    scored: 0,
    distribution: [0, 0, 0, 0, 0],
    firstResponseMedianMs: null,
    customers: 0,
    repeatCustomers: 0,
    orders: 0,
    revenue: 0,
    newReturns: 0,
  };
}

/** The overview of one period, channel by channel. */
export async function overviewReport(db: ReportDb, range: TimeRange): Promise<Overview> {
  const [touchpoints, customers, orders, returns] = await Promise.all([touchpointSums(db, range, ['channel']), periodCustomers(db, range), orderFigures(db, range), newReturnRequests(db, range)]);
  const channels = orderChannels([...touchpoints, ...customers, ...orders, ...returns].map((row) => row.channel));
  const figures: Record<string, ChannelFigures> = {};
  for (const channel of [...channels, ALL_CHANNELS]) figures[channel] = emptyFigures();
  const all = figures[ALL_CHANNELS]!;
  const add = (channel: string, apply: (figures: ChannelFigures) => void) => {
    apply(figures[channel]!);
    apply(all);
  };
  for (const row of touchpoints) {
    add(row.channel, (f) => {
      f.conversations += row.conversations;
      f.completed += row.completed;
      f.abandoned += row.abandoned;
      f.handedOver += row.handedOver;
      f.closed += row.closed;
      f.answered += row.answered;
      f.scoreSum += row.scoreSum;
      f.scored += row.scored;
      f.distribution = f.distribution.map((count, index) => count + row.scores[index]!) as ChannelFigures['distribution'];
    });
  }
  // Customer ids carry their channel, so per-channel customers add up to all customers.
  for (const row of customers) {
    add(row.channel, (f) => {
      f.customers += row.customers;
      f.repeatCustomers += row.returning;
    });
  }
  for (const row of orders) {
    add(row.channel, (f) => {
      f.orders += Number(row.orders);
      f.revenue += Number(row.revenue ?? 0);
    });
  }
  for (const row of returns) add(row.channel, (f) => (f.newReturns += Number(row.requests)));

  const medians = await medianFirstResponses(db, range);
  for (const channel of [...channels, ALL_CHANNELS]) figures[channel]!.firstResponseMedianMs = medians.get(channel) ?? null;
  return { channels, figures };
}

/** Return requests waiting for the owner right now, whenever they were opened. */
export async function openReturnRequests(db: ReportDb): Promise<number> {
  const row = await db.selectFrom('return_requests').select((eb) => eb.fn.countAll<number>().as('open')).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.open);
}

function orderFigures(db: ReportDb, range: TimeRange) {
  return db
    .selectFrom('orders')
    .select([
      'channel',
      sql<number>`count(*)`.as('orders'),
      sql<number | null>`sum(case when shipping_status not in ('cancelled', 'returned') and payment_status <> 'refunded' then total end)`.as('revenue'),
    ])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy('channel')
    .execute();
}

function newReturnRequests(db: ReportDb, range: TimeRange) {
  return db
    .selectFrom('return_requests as r')
    .innerJoin('customers as k', 'k.id', 'r.customer_id')
    .select(['k.channel', sql<number>`count(*)`.as('requests')])
    .where('r.created_at', '>=', range.from)
    .where('r.created_at', '<', range.to)
    .groupBy('k.channel')
    .execute();
}

/**
 * SQLite has no median: the period's first-response times are counted by value (one pass,
 * a few thousand distinct milliseconds), then each channel's and the shop's middle value is
 * read off the running counts.
 */
async function medianFirstResponses(db: ReportDb, range: TimeRange): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('conversations')
    .select(['first_response_ms', 'channel', sql<number>`count(*)`.as('times')])
    .where('started_at', '>=', range.from)
    .where('started_at', '<', range.to)
    .where('first_response_ms', 'is not', null)
    .groupBy(['first_response_ms', 'channel'])
    .orderBy('first_response_ms')
    .execute();
  const byChannel = new Map<string, { ms: number; times: number }[]>([[ALL_CHANNELS, []]]);
  for (const row of rows) {
    const value = { ms: Number(row.first_response_ms), times: Number(row.times) };
    const all = byChannel.get(ALL_CHANNELS)!;
    if (all.at(-1)?.ms === value.ms) all.at(-1)!.times += value.times;
    else all.push({ ...value });
    const own = byChannel.get(row.channel) ?? [];
    own.push(value);
    byChannel.set(row.channel, own);
  }
  const medians = new Map<string, number>();
  for (const [channel, counts] of byChannel) {
    const median = medianOfCounts(counts);
    if (median !== null) medians.set(channel, median);
  }
  return medians;
}

/** The middle value (or the mean of the middle two) of values given in order with how often each occurs. */
function medianOfCounts(counts: readonly { ms: number; times: number }[]): number | null {
  const total = counts.reduce((sum, count) => sum + count.times, 0);
  if (total === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const count of counts) {
      seen += count.times;
      if (position < seen) return count.ms;
    }
    return counts[counts.length - 1]!.ms;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}
