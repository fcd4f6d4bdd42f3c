import { z } from 'zod';
import type { FlowProblem } from './problems';
import type { ShopFlows } from './schema';
import { didYouMean } from './suggest';
import { YamlSource, type FlowSource } from './yaml-source';
import { schemaProblems } from './zod-issues';

/** The default moment of a story: a Tuesday morning, inside opening hours. */
export const DEFAULT_STORY_NOW = '2026-05-12T10:00:00+07:00';

const Timestamp = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'phải là ngày giờ dạng 2026-05-12T10:00:00+07:00 (hoặc ngày 2026-05-12)');
/** One text or a list of them: `reply: "họ tên"` reads as `reply: ["họ tên"]`. */
const Texts = z.union([z.array(z.string().min(1)), z.string().min(1).transform((text) => [text])]);
// "say: 2" is a customer typing 2: numbers the YAML reads as such stay the text written.
const Typed = z.union([z.string().min(1), z.number()]).transform(String);
const Line = z.strictObject({ product: z.string(), quantity: z.number().positive() });

const EarlierOrder = z.strictObject({
  code: z.string().min(1),
  status: z.enum(['new', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'awaiting_confirmation']).default('delivered'),
  total: z.number().int().nonnegative(),
  date: Timestamp,
  promo: z.string().nullable().default(null),
  province: z.string().optional(),
  items: z.array(Line).default([]),
});

const Customer = z.strictObject({
  name: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  address: z.string().nullable().default(null),
  orders: z.array(EarlierOrder).default([]),
});

const OrderExpectation = z.strictObject({
  code: z.string().optional(),
  lines: z.array(Line).optional(),
  subtotal: z.number().optional(),
  shipping_fee: z.number().optional(),
  discount: z.number().optional(),
  total: z.number().optional(),
  payment: z.string().optional(),
  promo: z.string().nullable().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
  province: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});

const ReturnExpectation = z.strictObject({
  order: z.string().optional(),
  problem: z.string().optional(),
  resolution: z.string().optional(),
  photos: z.number().int().nonnegative().optional(),
});

const Expectation = z.strictObject({
  flow: z.string().nullable().optional(),
  step: z.string().nullable().optional(),
  slots: z.record(z.string(), z.unknown()).optional(),
  cart: z.array(Line).optional(),
  reply: Texts.optional(),
  not_reply: Texts.optional(),
  buttons: Texts.optional(),
  no_buttons: Texts.optional(),
  order: OrderExpectation.nullable().optional(),
  return_request: ReturnExpectation.nullable().optional(),
  score: z.number().int().min(1).max(5).nullable().optional(),
  owner_alerted: z.boolean().optional(),
  handover: z.boolean().optional(),
  ended: z.enum(['completed', 'abandoned', 'handed_over']).nullable().optional(),
});

const INPUT_KEYS = ['say', 'tap', 'share_phone', 'photo', 'wait_minutes', 'handback', 'scheduled'] as const;

/** A message the shop scheduled (check-in, cart reminder, repurchase): the bot writes first, starting `flow` with these slots. */
const Scheduled = z.strictObject({
  flow: z.string().min(1),
  slots: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  cart: z.array(Line).optional(),
});

const TurnFile = z.strictObject({
  say: Typed.optional(),
  tap: Typed.optional(),
  share_phone: z.string().min(1).optional(),
  photo: z.literal(true).optional(),
  wait_minutes: z.number().positive().optional(),
  handback: z.literal(true).optional(),
  scheduled: Scheduled.optional(),
  expect: Expectation.default({}),
});

const StoryFile = z.strictObject({
  name: z.string().min(1),
  now: Timestamp.default(DEFAULT_STORY_NOW),
  channel: z.enum(['web', 'telegram', 'zalo']).default('web'),
  customer: Customer.optional(),
  turns: z.array(TurnFile).min(1, 'câu chuyện cần ít nhất một lượt (turns)'),
  max_questions: z.number().int().nonnegative().optional(),
  /** What the bot cannot do yet: the story still runs and is shown, but does not fail the run. */
  known_gap: z.string().trim().min(1, 'ghi rõ bot còn thiếu gì').optional(),
});

export const StoriesFile = z.strictObject({ stories: z.array(StoryFile) });

export type StoryLine = z.infer<typeof Line>;
export type StoryCustomer = z.infer<typeof Customer>;
export type EarlierOrder = z.infer<typeof EarlierOrder>;
export type OrderExpectation = z.infer<typeof OrderExpectation>;
export type ReturnExpectation = z.infer<typeof ReturnExpectation>;
export type TurnExpectation = z.infer<typeof Expectation>;

/** What the customer does in one turn. */
export type StoryInput =
  | { kind: 'say'; text: string }
  | { kind: 'tap'; label: string }
  | { kind: 'share_phone'; phone: string }
  | { kind: 'photo' }
  | { kind: 'wait_minutes'; minutes: number }
  | { kind: 'handback' }
  | { kind: 'scheduled'; flow: string; slots: Record<string, string | number | boolean>; cart: StoryLine[] };

export interface StoryTurn {
  /** 1-based line of the turn in its file. */
  line: number;
  input: StoryInput;
  expect: TurnExpectation;
}

/** One conversation test, as the owner wrote it, with where it is written. */
export interface Story {
  file: string;
  line: number;
  name: string;
  now: Date;
  channel: 'web' | 'telegram' | 'zalo';
  customer: StoryCustomer | null;
  turns: StoryTurn[];
  maxQuestions: number | null;
  /** Set when the owner knows the bot falls short here; see `known_gap` in the guide. */
  knownGap: string | null;
}

export interface StoryLoad {
  stories: Story[];
  problems: FlowProblem[];
}

/**
 * Reads one `flows/tests/*.yaml` file: every story with the line it starts on, or the
 * mistakes (file:line, in Vietnamese) including products, flows and steps the shop lacks.
 */
export function loadStories(source: FlowSource, flows: ShopFlows): StoryLoad {
  const yaml = new YamlSource(source);
  if (yaml.syntaxProblems.length > 0) return { stories: [], problems: yaml.syntaxProblems };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return { stories: [], problems: [yaml.problem([], 'tệp câu chuyện phải bắt đầu bằng "stories:" và một danh sách câu chuyện')] };
  }
  const parsed = StoriesFile.safeParse(yaml.data);
  if (!parsed.success) {
    const problems = schemaProblems(StoriesFile, parsed.error.issues, yaml.data).map((problem) => yaml.problem(problem.path, problem.message, 'error', problem.atKey));
    return { stories: [], problems };
  }
  const problems: FlowProblem[] = [];
  const check = new References(yaml, flows, problems);
  const stories = parsed.data.stories.map((story, i): Story => {
    const at = ['stories', i] as const;
    story.customer?.orders.forEach((order, j) => order.items.forEach((item, k) => check.product([...at, 'customer', 'orders', j, 'items', k, 'product'], item.product)));
    const turns = story.turns.map((turn, j): StoryTurn => {
      const turnAt = [...at, 'turns', j] as const;
      const given = INPUT_KEYS.filter((key) => turn[key] !== undefined);
      if (given.length !== 1) {
        problems.push(yaml.problem(turnAt, given.length === 0 ? `mỗi lượt cần đúng một việc khách làm: ${INPUT_KEYS.join(', ')}` : `một lượt chỉ được một việc khách làm, ở đây có ${given.join(' và ')}; tách thành nhiều lượt`));
      }
      check.expectation([...turnAt, 'expect'], turn.expect);
      return { line: yaml.lineOf(turnAt), input: inputOf(turn), expect: turn.expect };
    });
    return {
      file: source.path,
      line: yaml.lineOf(at),
      name: story.name,
      now: new Date(story.now),
      channel: story.channel,
      customer: story.customer ?? null,
      turns,
      maxQuestions: story.max_questions ?? null,
      knownGap: story.known_gap ?? null,
    };
  });
  return problems.length > 0 ? { stories: [], problems } : { stories, problems };
}

function inputOf(turn: z.infer<typeof TurnFile>): StoryInput {
  if (turn.tap !== undefined) return { kind: 'tap', label: turn.tap };
  if (turn.share_phone !== undefined) return { kind: 'share_phone', phone: turn.share_phone };
  if (turn.photo) return { kind: 'photo' };
  if (turn.wait_minutes !== undefined) return { kind: 'wait_minutes', minutes: turn.wait_minutes };
  if (turn.handback) return { kind: 'handback' };
  if (turn.scheduled) return { kind: 'scheduled', flow: turn.scheduled.flow, slots: turn.scheduled.slots, cart: turn.scheduled.cart ?? [] };
  return { kind: 'say', text: turn.say ?? '' };
}

/** Names in expectations that must exist in the shop's files, so a typo is not a silent failure. */
class References {
  private readonly products: string[];
  constructor(
    private readonly yaml: YamlSource,
    private readonly flows: ShopFlows,
    private readonly problems: FlowProblem[],
  ) {
    this.products = flows.shop.catalog.map((product) => product.id);
  }

  product(path: readonly PropertyKey[], id: string): void {
    if (!this.products.includes(id)) this.problems.push(this.yaml.problem(path, `không có sản phẩm "${id}" trong flows/shop.yaml${didYouMean(id, this.products)}`));
  }

  expectation(path: readonly PropertyKey[], expect: TurnExpectation): void {
    expect.cart?.forEach((line, k) => this.product([...path, 'cart', k, 'product'], line.product));
    expect.order?.lines?.forEach((line, k) => this.product([...path, 'order', 'lines', k, 'product'], line.product));
    const flowIds = [...this.flows.flows.keys()];
    const flow = expect.flow ? this.flows.flows.get(expect.flow) : undefined;
    if (expect.flow && !flow) this.problems.push(this.yaml.problem([...path, 'flow'], `không có luồng "${expect.flow}"${didYouMean(expect.flow, flowIds)}; các luồng: ${flowIds.join(', ')}`));
    if (expect.step) {
      const steps = flow ? Object.keys(flow.steps) : [...this.flows.flows.values()].flatMap((known) => Object.keys(known.steps));
      if (!steps.includes(expect.step)) {
        const where = flow ? ` trong luồng "${flow.id}"` : '';
        this.problems.push(this.yaml.problem([...path, 'step'], `không có bước "${expect.step}"${where}${didYouMean(expect.step, steps)}`));
      }
    }
  }
}
