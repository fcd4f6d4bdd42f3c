import type { ShopFlows } from '../../flows/schema';
import { DEFAULT_TRAINING, LinearModel, type SerializedModel, type TrainingOptions } from './classifier';
import type { LabeledText } from './corpus';
import { featurize } from './features';
import type { ShopNames } from './names';
import { faqTrainingExamples, trainingExamples, type TaughtExample, type TrainingExample } from './training-set';

/** What understanding needs besides the flows: the intent model, and which FAQ entry (if any) answers. */
export interface UnderstandingModel {
  intents: LinearModel;
  /** Classes: FAQ entry ids and NO_FAQ; null when the shop has no FAQ. */
  faq: LinearModel | null;
}

export interface SerializedUnderstanding {
  format: 1;
  /** The flows version it was trained for: a model trained for other flows knows other triggers. */
  flowsVersion: string;
  intents: SerializedModel;
  faq: SerializedModel | null;
}

/** Trains the model for one shop (Node: when the flows load; Workers: when they are bundled). */
export function trainUnderstanding(
  flows: ShopFlows,
  names: ShopNames,
  corpus: readonly LabeledText[],
  taught: readonly TaughtExample[] = [],
  options: TrainingOptions = DEFAULT_TRAINING,
): UnderstandingModel {
  const faq = faqTrainingExamples(flows, corpus, taught);
  return {
    intents: trainIntents(trainingExamples(flows, corpus, taught), names, options),
    // A few wordings per entry: every feature of them counts, none is pruned as rare.
    faq: faq.length > 0 ? trainIntents(faq, names, { ...options, l1: options.l1 / 20, minCount: 1 }) : null,
  };
}

export function serializeUnderstanding(model: UnderstandingModel, flowsVersion: string): SerializedUnderstanding {
  return { format: 1, flowsVersion, intents: model.intents.serialize(), faq: model.faq?.serialize() ?? null };
}

export function deserializeUnderstanding(data: SerializedUnderstanding, flowsVersion: string): UnderstandingModel {
  if (data.format !== 1 || data.flowsVersion !== flowsVersion) {
    throw new Error(`the bundled NLU model was trained for flows version ${data.flowsVersion}, not ${flowsVersion}; run npm run flows:bundle again`);
  }
  return { intents: LinearModel.fromSerialized(data.intents), faq: data.faq ? LinearModel.fromSerialized(data.faq) : null };
}

/** The intent classifier alone, over examples already labelled (cross-validation trains one per fold). */
export function trainIntents(examples: readonly TrainingExample[], names: ShopNames, options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
  const vectors = examples.map((example) => {
    const { keys, values } = featurize(example.text, names);
    return { label: example.label, weight: example.weight, keys, values };
  });
  return LinearModel.train(vectors, options);
}
