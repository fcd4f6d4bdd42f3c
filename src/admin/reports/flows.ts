import { sql } from 'kysely';
import type { Flow } from '../../flows/schema';
import { touchpointSums } from '../../store/index';
import { foldKey } from '../../text/fold';
import type { ReportDb, TimeRange } from './range';

export interface FlowTouchpoints {
  /** The flow a conversation started in; null when it never entered one. */
  flow: string | null;
  conversations: number;
  closed: number;
  completed: number;
  abandoned: number;
  handedOver: number;
  scored: number;
  average: number | null;
}

/** Conversations of one flow step: how many reached it, how many gave up there. */
export interface FunnelStep {
  step: string;
  /** What the owner reads: the step's `title`, else the start of what it says; the id for a step no longer in the file. */
  title: string;
  reached: number;
  /** Abandoned conversations whose last step was this one. */
  abandonedHere: number;
  /** The step is in the data but no longer in the flow file (renamed or removed). */
  retired: boolean;
}

export interface FallbackGroup {
  /** The way customers wrote it most often. */
  text: string;
  times: number;
  /** Different spellings merged into this group (tone marks, case, punctuation). */
  spellings: number;
}

/** Touchpoints by the flow they started in: conversations, outcomes, CSAT. */
export async function touchpointsByFlow(db: ReportDb, range: TimeRange): Promise<FlowTouchpoints[]> {
  const rows = await touchpointSums(db, range, ['entry_flow']);
  return rows.map((row) => ({
    flow: row.entry_flow,
    conversations: row.conversations,
    closed: row.closed,
    completed: row.completed,
    abandoned: row.abandoned,
    // A person took part when the customer asked for one, even if the bot finished after the hand-back.
    handedOver: row.handedOver,
    scored: row.scored,
    average: row.scored === 0 ? null : row.scoreSum / row.scored,
  }));
}

/**
 * Distinct conversations that entered each step in the period, by flow and step. The flows
 * and their steps are named in the query so SQLite reads each step's slice of the funnel
 * index (migrations/0002) in order instead of sorting a whole period of events.
 */
export async function stepReach(db: ReportDb, range: TimeRange, flows: readonly Pick<Flow, 'id' | 'steps'>[]): Promise<Map<string, Map<string, number>>> {
  const steps = [...new Set(flows.flatMap((flow) => Object.keys(flow.steps)))];
  if (flows.length === 0 || steps.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .select(['flow', 'step', sql<number>`count(distinct conversation_id)`.as('conversations')])
    .where('flow', 'in', flows.map((flow) => flow.id))
    .where('type', '=', 'step_entered')
    .where('step', 'in', steps)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy(['flow', 'step'])
    .execute();
  return nestByFlow(rows);
}

/**
 * Where abandoned conversations stopped: the last step each one entered. Read per
 * conversation from its own events (newest first), which stays quick however many
 * events the shop has collected.
 */
export async function abandonedAtStep(db: ReportDb, range: TimeRange): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('events as e', (join) =>
      join.on('e.id', '=', (eb) =>
        eb
          .selectFrom('events as last')
          .select('last.id')
          .whereRef('last.conversation_id', '=', 'c.id')
          .where('last.type', '=', 'step_entered')
          .orderBy('last.id', 'desc')
          .limit(1),
      ),
    )
    .select(['e.flow', 'e.step', sql<number>`count(*)`.as('conversations')])
    .where('c.started_at', '>=', range.from)
    .where('c.started_at', '<', range.to)
    .where('c.outcome', '=', 'abandoned')
    .groupBy(['e.flow', 'e.step'])
    .execute();
  return nestByFlow(rows);
}

/** A flow's funnel in the order its file lists the steps; steps seen only in older data come last. */
export function funnelOf(flow: Pick<Flow, 'steps'>, reach: ReadonlyMap<string, number> | undefined, abandoned: ReadonlyMap<string, number> | undefined): FunnelStep[] {
  const defined = Object.keys(flow.steps);
  const retired = [...new Set([...(reach?.keys() ?? []), ...(abandoned?.keys() ?? [])])].filter((step) => !defined.includes(step)).sort();
  return [...defined, ...retired].map((step) => ({
    step,
    title: flow.steps[step] ? stepTitle(flow.steps[step]) || step : step,
    reached: reach?.get(step) ?? 0,
    abandonedHere: abandoned?.get(step) ?? 0,
    retired: !defined.includes(step),
  }));
}

const TITLE_LENGTH = 60;

/** A step's own title, or the start of its question without the template's {{…}} ("Anh/chị cho em xin mã đơn…"). */
export function stepTitle(step: Flow['steps'][string]): string {
  if (step.title) return step.title;
  const said = Array.isArray(step.say) ? step.say[0] : step.say;
  const plain = (said ?? '').replace(/\{\{[^}]*\}\}/g, '…').replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[?.!:])(\s|$)/.exec(plain)?.[1] ?? plain;
  return sentence.length <= TITLE_LENGTH ? sentence : `${sentence.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

/**
 * What customers wrote that the bot did not understand, grouped so "Ship ko?", "ship ko" and
 * "shíp ko" count as one: these are the triggers worth adding to a flow file.
 */
export async function unrecognizedMessages(db: ReportDb, range: TimeRange, limit: number): Promise<{ groups: FallbackGroup[]; total: number }> {
  const rows = await db
    .selectFrom('events')
    .select([sql<string | null>`json_extract(detail, '$.text')`.as('text'), sql<number>`count(*)`.as('times')])
    .where('type', '=', 'fallback')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy('text')
    .execute();
  const groups = new Map<string, { best: string; bestTimes: number; times: number; spellings: number }>();
  let total = 0;
  for (const row of rows) {
    const text = (row.text ?? '').trim();
    const times = Number(row.times);
    total += times;
    const key = foldKey(text);
    if (key === '') continue;
    const group = groups.get(key);
    if (!group) groups.set(key, { best: text, bestTimes: times, times, spellings: 1 });
    else {
      group.times += times;
      group.spellings += 1;
      if (times > group.bestTimes) Object.assign(group, { best: text, bestTimes: times });
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.times - a.times || a.best.localeCompare(b.best, 'vi'));
  return { groups: sorted.slice(0, limit).map((group) => ({ text: group.best, times: group.times, spellings: group.spellings })), total };
}

function nestByFlow(rows: readonly { flow: string | null; step: string | null; conversations: number }[]): Map<string, Map<string, number>> {
  const byFlow = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!row.flow || !row.step) continue;
    const steps = byFlow.get(row.flow) ?? new Map<string, number>();
    steps.set(row.step, Number(row.conversations));
    byFlow.set(row.flow, steps);
  }
  return byFlow;
}
