import type { Flow } from '../../src/flows/schema';
// The measured baseline reproduces the engine's old matcher from its internals, on purpose.
import { analyze, type Analysis } from '../../src/engine/nlu/analyze';
import type { MentionIndex } from '../../src/engine/nlu/mentions';
import { withinOneTypo } from '../../src/engine/nlu/words';

export interface TriggerMatch {
  flow: string;
  /** Set when the trigger names a step to start at. */
  step: string | null;
  score: number;
}

export interface TriggerUnderstanding extends Analysis {
  best: TriggerMatch | null;
  runnerUp: TriggerMatch | null;
}

interface CompiledTrigger {
  flow: string;
  step: string | null;
  features: string[];
  weight: number;
}

/**
 * The matcher the bot used before the trained classifier, kept as the baseline that
 * `npm run bench:nlu` measures the classifier against.
 * Scores a message against every flow's triggers on syllable unigrams and bigrams
 * (Vietnamese words span syllables: "giao hàng", "mã giảm giá"), weighting each feature by
 * how few flows use it, and tolerating one typo per word of four letters or more.
 */
export class TriggerMatcher {
  private readonly triggers: CompiledTrigger[] = [];
  private readonly weights = new Map<string, number>();
  private readonly vocabulary: string[];
  private readonly typoCache = new Map<string, string | null>();
  private readonly unknownWordWeight: number;

  constructor(
    flows: Iterable<Flow>,
    private readonly products: MentionIndex,
    private readonly provinces: MentionIndex,
  ) {
    const flowsUsing = new Map<string, Set<string>>();
    const compiled: Omit<CompiledTrigger, 'weight'>[] = [];
    let flowCount = 0;
    for (const flow of flows) {
      flowCount++;
      for (const trigger of flow.triggers) {
        const text = typeof trigger === 'string' ? trigger : trigger.text;
        const features = featuresOf(analyze(text, products, provinces).tokens);
        if (features.length === 0) continue;
        compiled.push({ flow: flow.id, step: typeof trigger === 'string' ? null : trigger.step, features });
        for (const feature of features) {
          const users = flowsUsing.get(feature) ?? new Set<string>();
          users.add(flow.id);
          flowsUsing.set(feature, users);
        }
      }
    }
    for (const [feature, users] of flowsUsing) {
      // Bigrams say more than single syllables, and rarer features more than common ones.
      const base = Math.log(1 + flowCount / users.size);
      this.weights.set(feature, feature.includes(' ') ? base * 1.5 : base);
    }
    for (const trigger of compiled) {
      this.triggers.push({ ...trigger, weight: trigger.features.reduce((sum, feature) => sum + this.weights.get(feature)!, 0) });
    }
    this.vocabulary = [...new Set([...flowsUsing.keys()].filter((feature) => !feature.includes(' ')))];
    const unigramWeights = this.vocabulary.map((word) => this.weights.get(word)!);
    this.unknownWordWeight = unigramWeights.length > 0 ? (0.75 * unigramWeights.reduce((sum, weight) => sum + weight, 0)) / unigramWeights.length : 0;
  }

  understand(text: string): TriggerUnderstanding {
    const analysis = analyze(text, this.products, this.provinces);
    const tokens = analysis.tokens.map((token) => this.correctTypo(token));
    const features = new Set(featuresOf(tokens));
    // Words no trigger knows still count against a match ("bạn tên gì" is not "shop bán gì"),
    // at three quarters of an average word's weight: they may be names or fillers we did not list.
    let knownWeight = 0;
    for (const feature of features) knownWeight += this.weights.get(feature) ?? (feature.includes(' ') ? 0 : this.unknownWordWeight);

    const bestByFlow = new Map<string, TriggerMatch>();
    for (const trigger of this.triggers) {
      let matched = 0;
      for (const feature of trigger.features) if (features.has(feature)) matched += this.weights.get(feature)!;
      if (matched === 0) continue;
      const coverage = matched / trigger.weight;
      const precision = knownWeight > 0 ? matched / knownWeight : 0;
      const score = coverage * (0.6 + 0.4 * precision);
      const current = bestByFlow.get(trigger.flow);
      if (!current || score > current.score) bestByFlow.set(trigger.flow, { flow: trigger.flow, step: trigger.step, score: round(score) });
    }
    const ranked = [...bestByFlow.values()].sort((a, b) => b.score - a.score);
    return { ...analysis, tokens, best: ranked[0] ?? null, runnerUp: ranked[1] ?? null };
  }

  /**
   * A word the triggers don't know, one typo away from a long one they do, is read as that
   * one ("khuyn" → "khuyen"). Short syllables are left alone: "thoai" is not "thoi".
   */
  private correctTypo(token: string): string {
    if (token.length < 5 || this.weights.has(token)) return token;
    const cached = this.typoCache.get(token);
    if (cached !== undefined) return cached ?? token;
    const match = this.vocabulary.find((word) => word.length >= 6 && withinOneTypo(word, token)) ?? null;
    if (this.typoCache.size < 10_000) this.typoCache.set(token, match);
    return match ?? token;
  }
}

function featuresOf(tokens: readonly string[]): string[] {
  const features = new Set<string>(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) features.add(`${tokens[i]} ${tokens[i + 1]}`);
  return [...features];
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
