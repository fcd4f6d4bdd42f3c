import { OUT_OF_SCOPE } from '../../flows/intents';
import type { ShopFlows } from '../../flows/schema';
import type { Analysis } from './analyze';
import { featurize, type FeaturedText } from './features';
import type { UnderstandingModel } from './model';
import type { ShopNames } from './names';
import { intentOfFlow } from './training-set';

export interface IntentMatch {
  intent: string;
  /** The flow that serves the intent; null when none does (thanks, out of scope, an FAQ answer). */
  flow: string | null;
  /** Set when the flow is entered at a step other than its start. */
  step: string | null;
  /** The FAQ entry that answers the message, when one does. */
  faq: string | null;
  /** The classifier's probability for the intent, 0–1. */
  score: number;
}

export interface Understanding extends Analysis {
  best: IntentMatch | null;
  runnerUp: IntentMatch | null;
  /** The top two are too close to choose: ask the customer which one. */
  ambiguous: boolean;
}

/** Two intents within this much probability of each other are a coin toss, not an answer. */
export const AMBIGUITY_MARGIN = 0.15;
/** How sure the FAQ stage must be that an entry, not the flow, answers the message. */
export const FAQ_MIN_PROBABILITY = 0.5;

interface Route {
  flow: string;
  step: string | null;
}

/** A flow's trigger as the words it is made of, and the step it enters at. */
interface EntryTrigger {
  step: string | null;
  tokens: ReadonlySet<string>;
}

/** How much of a message and a trigger must be the same words for the trigger to choose the step. */
const ENTRY_OVERLAP = 0.5;

/**
 * Reads which standard intent a message is (a trained classifier over the corpus, the flows'
 * triggers, the FAQ and what the owner taught), which flow serves it, and whether one of
 * the shop's FAQ entries answers it.
 */
export class IntentMatcher {
  private readonly routes = new Map<string, Route>();
  /** Per flow whose triggers enter at different steps: which step each trigger enters at. */
  private readonly entries = new Map<string, EntryTrigger[]>();
  /** Per such flow, how many of its triggers use each word: "ship" says little, "hư" a lot. */
  private readonly entryWeights = new Map<string, { uses: ReadonlyMap<string, number>; triggers: number }>();
  private readonly intentOfEntry: ReadonlyMap<string, string>;
  private readonly faqIntents: ReadonlySet<string>;

  constructor(
    private readonly model: UnderstandingModel,
    flows: ShopFlows,
    private readonly names: ShopNames,
  ) {
    // A flow's own intent first; a trigger's intent (entering at a step) only where no flow serves it.
    for (const flow of flows.flows.values()) if (!this.routes.has(intentOfFlow(flow))) this.routes.set(intentOfFlow(flow), { flow: flow.id, step: null });
    for (const flow of flows.flows.values()) {
      for (const trigger of flow.triggers) {
        if (typeof trigger !== 'string' && trigger.intent && !this.routes.has(trigger.intent)) this.routes.set(trigger.intent, { flow: flow.id, step: trigger.step });
      }
    }
    for (const flow of flows.flows.values()) {
      if (!flow.triggers.some((trigger) => typeof trigger !== 'string' && trigger.step && !trigger.intent)) continue;
      const triggers = flow.triggers.map((trigger) => ({
        step: typeof trigger === 'string' || trigger.intent ? null : trigger.step,
        tokens: new Set(featurize(typeof trigger === 'string' ? trigger : trigger.text, names).analysis.tokens),
      }));
      this.entries.set(flow.id, triggers);
      const uses = new Map<string, number>();
      for (const trigger of triggers) for (const token of trigger.tokens) uses.set(token, (uses.get(token) ?? 0) + 1);
      this.entryWeights.set(flow.id, { uses, triggers: triggers.length });
    }
    this.intentOfEntry = new Map((flows.faq ?? []).map((entry) => [entry.id, entry.intent]));
    this.faqIntents = new Set(this.intentOfEntry.values());
  }

  understand(text: string): Understanding {
    const featured = featurize(text, this.names);
    const probabilities = this.model.intents.probabilities(featured);
    // Top two by probability; -1 while there is none (never read as an index: that is slow on typed arrays).
    let first = -1;
    let second = -1;
    for (let k = 0; k < probabilities.length; k++) {
      const p = probabilities[k]!;
      if (first === -1 || p > probabilities[first]!) {
        second = first;
        first = k;
      } else if (second === -1 || p > probabilities[second]!) {
        second = k;
      }
    }
    const classes = this.model.intents.classes;
    const asksFaq = [first, second].some((k) => k >= 0 && this.faqIntents.has(classes[k]!));
    const faq = asksFaq ? this.answeringFaq(featured) : null;
    const tokens = featured.analysis.tokens;
    const best = first < 0 ? null : this.match(classes[first]!, probabilities[first]!, faq, tokens);
    const runnerUp = second < 0 ? null : this.match(classes[second]!, probabilities[second]!, faq, tokens);
    const ambiguous = best !== null && runnerUp !== null && best.intent !== OUT_OF_SCOPE && runnerUp.intent !== OUT_OF_SCOPE && best.score - runnerUp.score < AMBIGUITY_MARGIN;
    const { words, products, provinces, produce } = featured.analysis;
    return { tokens, words, products, provinces, produce, best, runnerUp, ambiguous };
  }

  private match(intent: string, probability: number, answering: string | null, tokens: readonly string[]): IntentMatch {
    const route = this.routes.get(intent);
    const faq = answering !== null && this.intentOfEntry.get(answering) === intent ? answering : null;
    const step = route && route.step === null ? this.entryStep(route.flow, tokens) : (route?.step ?? null);
    return { intent, flow: faq ? null : (route?.flow ?? null), step: faq ? null : step, faq, score: Math.round(probability * 1000) / 1000 };
  }

  /**
   * The classifier chooses the flow; the trigger most like the message chooses where to enter
   * it ("xoa du lieu cua toi di" is the delete trigger of the privacy flow, not its export one).
   */
  private entryStep(flow: string, words: readonly string[]): string | null {
    const triggers = this.entries.get(flow);
    const counts = this.entryWeights.get(flow);
    if (!triggers || !counts || words.length === 0) return null;
    const tokens = new Set(words);
    // A word weighs more the fewer of the flow's triggers use it, so "ship ra Hà Nội xoài có bị hư không"
    // is the trigger about goods spoiling on the way, not "có ship {province} không".
    const weight = (token: string) => Math.log(1 + counts.triggers / (counts.uses.get(token) ?? 1));
    let said = 0;
    for (const token of tokens) said += weight(token);
    let best: { step: string | null; overlap: number } = { step: null, overlap: 0 };
    for (const trigger of triggers) {
      let shared = 0;
      let own = 0;
      for (const token of trigger.tokens) {
        own += weight(token);
        if (tokens.has(token)) shared += weight(token);
      }
      // Dice, not Jaccard: the words a trigger lacks ("ra Hà Nội") count once, not against both sides.
      const overlap = (2 * shared) / (said + own);
      if (overlap > best.overlap) best = { step: trigger.step, overlap };
    }
    return best.overlap >= ENTRY_OVERLAP ? best.step : null;
  }

  /** The FAQ entry that answers the message, when the FAQ stage is sure of one. */
  private answeringFaq(featured: FeaturedText): string | null {
    const faq = this.model.faq;
    if (!faq) return null;
    const probabilities = faq.probabilities(featured);
    let top = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[top]!) top = k;
    const entry = faq.classes[top]!;
    return probabilities[top]! >= FAQ_MIN_PROBABILITY && this.intentOfEntry.has(entry) ? entry : null;
  }
}
