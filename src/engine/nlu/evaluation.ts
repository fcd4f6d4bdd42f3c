import { OUT_OF_SCOPE } from '../../flows/intents';
import type { ShopFlows } from '../../flows/schema';
import { DEFAULT_TRAINING, type TrainingOptions } from './classifier';
import { IntentMatcher } from './intent';
import { trainIntents } from './model';
import type { ShopNames } from './names';
import { withGreetings, type TrainingExample } from './training-set';

export interface LabeledCase {
  label: string;
  text: string;
  /** Where the case comes from ("corpus/train-x.tsv:12", "trigger"), shown with a miss. */
  where: string;
}

/** One message as the bot read it. Below the threshold the bot falls back: that counts as out_of_scope. */
export interface Evaluated extends LabeledCase {
  top: string;
  got: string;
  score: number;
  runnerUp: string | null;
  runnerUpScore: number;
  ambiguous: boolean;
}

export function evaluate(matcher: IntentMatcher, cases: readonly LabeledCase[], threshold: number): Evaluated[] {
  return cases.map((example) => {
    const understanding = matcher.understand(example.text);
    const top = understanding.best?.intent ?? OUT_OF_SCOPE;
    const score = understanding.best?.score ?? 0;
    return {
      ...example,
      top,
      got: score >= threshold ? top : OUT_OF_SCOPE,
      score,
      runnerUp: understanding.runnerUp?.intent ?? null,
      runnerUpScore: understanding.runnerUp?.score ?? 0,
      ambiguous: understanding.ambiguous,
    };
  });
}

/**
 * k-fold cross-validation: each case is read by a model trained without it (its fold held
 * out). Folds are dealt round-robin per label, so each fold holds every intent.
 */
export function crossValidate(
  flows: ShopFlows,
  names: ShopNames,
  cases: readonly TrainingExample[],
  folds: number,
  threshold: number,
  options: TrainingOptions = DEFAULT_TRAINING,
): Evaluated[] {
  const seen = new Map<string, number>();
  const foldOf = cases.map((example) => {
    const n = seen.get(example.label) ?? 0;
    seen.set(example.label, n + 1);
    return n % folds;
  });
  const out: Evaluated[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = cases.filter((_, i) => foldOf[i] !== fold);
    const intents = trainIntents(withGreetings(training), names, options);
    const matcher = new IntentMatcher({ intents, faq: null }, flows, names);
    out.push(...evaluate(matcher, cases.filter((_, i) => foldOf[i] === fold), threshold));
  }
  return out;
}

export interface IntentScore {
  intent: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Summary {
  count: number;
  accuracy: number;
  /** Right intent ranked first, threshold aside. */
  topAccuracy: number;
  perIntent: IntentScore[];
  /** confusion.get(expected).get(got) = count */
  confusion: Map<string, Map<string, number>>;
  misses: Evaluated[];
}

export function summarize(rows: readonly Evaluated[]): Summary {
  const intents = [...new Set(rows.flatMap((row) => [row.label, row.got]))].sort();
  const confusion = new Map(intents.map((intent) => [intent, new Map<string, number>()]));
  for (const row of rows) confusion.get(row.label)!.set(row.got, (confusion.get(row.label)!.get(row.got) ?? 0) + 1);
  const perIntent = intents.map((intent) => {
    const support = rows.filter((row) => row.label === intent).length;
    const predicted = rows.filter((row) => row.got === intent).length;
    const correct = rows.filter((row) => row.got === intent && row.label === intent).length;
    const precision = predicted === 0 ? 0 : correct / predicted;
    const recall = support === 0 ? 0 : correct / support;
    return { intent, support, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  });
  const misses = rows.filter((row) => row.got !== row.label).sort((a, b) => b.score - a.score);
  return {
    count: rows.length,
    accuracy: rows.length === 0 ? 0 : rows.filter((row) => row.got === row.label).length / rows.length,
    topAccuracy: rows.length === 0 ? 0 : rows.filter((row) => row.top === row.label).length / rows.length,
    perIntent,
    confusion,
    misses,
  };
}

/** The threshold (on the top score) that reads the most cases right: below it the bot falls back. */
export function bestThreshold(rows: readonly Evaluated[]): { threshold: number; accuracy: number } {
  let best = { threshold: 0, accuracy: 0 };
  for (let t = 0; t <= 0.9; t += 0.05) {
    const right = rows.filter((row) => (row.score >= t ? row.top : OUT_OF_SCOPE) === row.label).length / Math.max(1, rows.length);
    if (right > best.accuracy + 1e-9) best = { threshold: Math.round(t * 100) / 100, accuracy: right };
  }
  return best;
}
