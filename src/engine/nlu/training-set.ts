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
  const general = labeledExamples(flows, corpus, taught.filter((one) => one.faq === null)).filter((example) => intents.has(example.label) && !example.where.startsWith('faq '));
  const topics = topicTerms(entries, corpus);
  const examples: TrainingExample[] = [];
  for (const example of general) {
    // The owner's triggers are the flow's own words; only the shared corpus is read for what the entries are about.
    const about = example.where.startsWith('trigger ') ? null : entryAbout(example, entries, topics);
    if (about) {
      examples.push({ ...example, label: about, weight: example.weight * GENERAL_WEIGHT_FOR_FAQ });
      continue;
    }
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

/** At most this share of all the corpus's messages use a word or word pair that marks an entry's topic. */
const TOPIC_SHARE = 0.01;

/**
 * Per entry, what its questions are about in words few messages of any kind use: a word that
 * comes back in two of its questions ("sỉ", "vietgap") or two words side by side in one
 * ("giấy kiểm"). A corpus message with one of them ("lấy sỉ 50kg giá sao", "mật ong có giấy
 * kiểm nghiệm không") asks what the entry answers, in words the owner did not happen to write.
 */
function topicTerms(entries: readonly FaqEntry[], corpus: readonly LabeledText[]): Map<string, Set<string>> {
  const candidates = new Map<string, Set<string>>();
  for (const entry of entries) {
    const seen = new Map<string, number>();
    for (const question of entry.questions) for (const word of new Set(expandShorthand(toWords(question)))) seen.set(word, (seen.get(word) ?? 0) + 1);
    const recurring = [...seen].filter(([word, count]) => count >= 2 && word.length > 1).map(([word]) => word);
    const pairs = entry.questions.flatMap(wordPairs);
    candidates.set(entry.id, new Set([...recurring, ...pairs].filter((term) => !/\b(product|province)\b/.test(term))));
  }
  const all = new Set([...candidates.values()].flatMap((terms) => [...terms]));
  const uses = new Map<string, number>();
  const words = new Map<string, number>();
  for (const example of corpus) {
    for (const term of termsOf(example.text)) {
      if (all.has(term)) uses.set(term, (uses.get(term) ?? 0) + 1);
      if (!term.includes(' ')) words.set(term, (words.get(term) ?? 0) + 1);
    }
  }
  const most = Math.max(1, corpus.length * TOPIC_SHARE);
  const rare = (term: string) => (uses.get(term) ?? 0) <= most;
  // "giá sao" is rare as a pair but is any price question: both words of a pair must be uncommon too.
  const uncommon = (term: string) => term.split(' ').every((word) => word.length > 1 && (words.get(word) ?? 0) <= most * 2);
  return new Map([...candidates].map(([id, terms]) => [id, new Set([...terms].filter((term) => rare(term) && uncommon(term)))]));
}

function termsOf(text: string): Set<string> {
  return new Set([...expandShorthand(toWords(text)), ...wordPairs(text)]);
}

/** The one entry of the message's intent whose topic terms it uses, if only one is. */
function entryAbout(example: TrainingExample, entries: readonly FaqEntry[], topics: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  const terms = termsOf(example.text);
  const about = entries.filter((entry) => entry.intent === example.label && [...topics.get(entry.id)!].some((term) => terms.has(term)));
  return about.length === 1 ? about[0]!.id : null;
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
