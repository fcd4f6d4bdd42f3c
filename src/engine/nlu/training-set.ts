import { OUT_OF_SCOPE } from '../../flows/intents';
import type { Flow, ShopFlows } from '../../flows/schema';
import type { FaqEntry } from '../../flows/faq';
import type { TaughtExample } from '../../flows/taught';
import { analyze, PRODUCE_TOKEN, PRODUCT_TOKEN } from './analyze';
import { shopNames, type ShopNames } from './names';
import { expandShorthand } from './shorthand';
import { toWords } from './words';
import type { LabeledText } from './corpus';

export type { TaughtExample } from '../../flows/taught';

export interface TrainingExample {
  label: string;
  text: string;
  weight: number;
  /** Where it was written, shown with a miss by `npm run nlu:test`. */
  where: string;
}

/** The owner's own words say more about this shop than the shared corpus does. */
const TRIGGER_WEIGHT = 2;
const FAQ_QUESTION_WEIGHT = 2;
const TAUGHT_WEIGHT = 3;
/**
 * The shared corpus asks origin or wholesale questions too, labelled only with their intent:
 * against the owner's few FAQ wordings they count less, or they would drown them.
 */
const FAQ_OWN_WEIGHT = 4;
const GENERAL_WEIGHT_FOR_FAQ = 0.5;
/** Every third message also trains with a greeting in front, so "shop ơi" never outweighs the question. */
const GREETED_EVERY = 3;
const GREETING = 'greeting';
const CATALOG = 'catalog';
const PRODUCT_INFO = 'product_info';

/** The intent a flow serves: its `intent:`, else its own id (a shop's own kind of question). */
export function intentOfFlow(flow: Flow): string {
  return flow.intent ?? flow.id;
}

/**
 * Everything the classifier learns from: the shipped corpus, each flow's triggers (labelled
 * with the flow's intent), the FAQ questions (labelled with their entry's intent) and what
 * the owner taught.
 */
export function trainingExamples(flows: ShopFlows, corpus: readonly LabeledText[], taught: readonly TaughtExample[] = []): TrainingExample[] {
  return withGreetings(labeledExamples(flows, corpus, taught));
}

/** The examples as labelled, before any is repeated with a greeting in front. */
export function labeledExamples(flows: ShopFlows, corpus: readonly LabeledText[], taught: readonly TaughtExample[] = []): TrainingExample[] {
  const names = shopNames(flows);
  const examples: TrainingExample[] = corpus.map(({ label, text, file, line }) => ({ label: forThisShop(label, text, names), text, weight: 1, where: `${file}:${line}` }));
  for (const flow of flows.flows.values()) {
    for (const trigger of flow.triggers) {
      const where = `trigger of flow ${flow.id}`;
      if (typeof trigger === 'string') examples.push({ label: intentOfFlow(flow), text: trigger, weight: TRIGGER_WEIGHT, where });
      else examples.push({ label: trigger.intent ?? intentOfFlow(flow), text: trigger.text, weight: TRIGGER_WEIGHT, where });
    }
  }
  for (const entry of flows.faq ?? []) {
    for (const question of entry.questions) examples.push({ label: entry.intent, text: question, weight: FAQ_QUESTION_WEIGHT, where: `faq ${entry.id}` });
  }
  for (const example of taught) {
    const label = taughtLabel(flows, example);
    if (label) examples.push({ label, text: example.text, weight: TAUGHT_WEIGHT, where: 'taught on the dashboard' });
  }
  return examples;
}

/**
 * The shared corpus is written for any farm shop: "có bán thanh long không" asks the catalog
 * of a shop that might sell it. To a shop whose catalog names none of the goods asked about,
 * it is another shop's goods, out of scope like "có bán ốp lưng không".
 */
function forThisShop(label: string, text: string, names: ShopNames): string {
  if (label !== CATALOG && label !== PRODUCT_INFO) return label;
  const { words } = analyze(text, names.products, names.provinces, names.produce);
  return words.includes(PRODUCE_TOKEN) && !words.includes(PRODUCT_TOKEN) ? OUT_OF_SCOPE : label;
}

/** The FAQ stage's class for a message of an FAQ entry's intent that no entry answers. */
export const NO_FAQ = 'no_faq';

/**
 * What the FAQ stage learns from: each entry's questions (and messages taught to it) against
 * everything else written for the same intents, so an entry answers only what it is about
 * ("giá sỉ" is the wholesale entry, "giá bao nhiêu" is not).
 */
export function faqTrainingExamples(flows: ShopFlows, corpus: readonly LabeledText[], taught: readonly TaughtExample[] = []): TrainingExample[] {
  const entries = flows.faq ?? [];
  const intents = new Set(entries.map((entry) => entry.intent));
  if (intents.size === 0) return [];
  const keys = keyPairs(entries);
  const examples: TrainingExample[] = [];
  for (const example of labeledExamples(flows, corpus, taught.filter((one) => one.faq === null))) {
    if (!intents.has(example.label) || example.where.startsWith('faq ')) continue;
    // The corpus asks "xoài này xuất xứ ở đâu" too, labelled only product_info: that is the entry's question, not a counter-example.
    if (wordPairs(example.text).some((pair) => keys.has(pair))) continue;
    examples.push({ ...example, label: NO_FAQ, weight: example.weight * GENERAL_WEIGHT_FOR_FAQ });
  }
  for (const entry of entries) {
    for (const question of entry.questions) examples.push({ label: entry.id, text: question, weight: FAQ_OWN_WEIGHT, where: `faq ${entry.id}` });
  }
  for (const example of taught) {
    if (example.faq !== null && entries.some((entry) => entry.id === example.faq)) {
      examples.push({ label: example.faq, text: example.text, weight: TAUGHT_WEIGHT, where: 'taught on the dashboard' });
    }
  }
  return withGreetings(examples);
}

/** Word pairs at least two questions of one entry share ("xuat xu", "gia si"): what the entry is about. */
function keyPairs(entries: readonly FaqEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const seen = new Map<string, number>();
    for (const question of entry.questions) for (const pair of new Set(wordPairs(question))) seen.set(pair, (seen.get(pair) ?? 0) + 1);
    for (const [pair, count] of seen) if (count >= 2 && !/\b(product|province)\b/.test(pair)) keys.add(pair);
  }
  return keys;
}

function wordPairs(text: string): string[] {
  const words = expandShorthand(toWords(text));
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/** A taught example's class; null when it names a flow or entry the shop no longer has. */
export function taughtLabel(flows: ShopFlows, example: TaughtExample): string | null {
  if (example.faq !== null) return (flows.faq ?? []).find((entry) => entry.id === example.faq)?.intent ?? null;
  if (example.flow !== null) {
    const flow = flows.flows.get(example.flow);
    return flow ? intentOfFlow(flow) : null;
  }
  return OUT_OF_SCOPE;
}

export function withGreetings(examples: readonly TrainingExample[]): TrainingExample[] {
  const greetings = [...new Set(examples.filter((example) => example.label === GREETING && !example.text.startsWith('/') && example.text.split(/\s+/).length <= 3).map((example) => example.text))];
  if (greetings.length === 0) return [...examples];
  const greeted = examples
    .filter((example, i) => example.label !== GREETING && i % GREETED_EVERY === 0)
    .map((example, i) => ({ ...example, text: `${greetings[i % greetings.length]} ${example.text}` }));
  return [...examples, ...greeted];
}
