import type { ShopFlows } from '../../flows/schema';
import { DEFAULT_TRAINING, LinearModel, type SerializedModel, type TrainingOptions } from './classifier';
import type { LabeledText } from './corpus';
import { featurize } from './features';
import type { ShopNames } from './names';
import { trainingExamples, type TaughtExample, type TrainingExample } from './training-set';

/** What understanding needs besides the flows: the trained intent model and the taught FAQ wordings. */
export interface UnderstandingModel {
  intents: LinearModel;
  /** Messages the owner assigned to an FAQ entry: more ways to ask it. */
  faqExamples: readonly { faq: string; text: string }[];
}

export interface SerializedUnderstanding {
  format: 1;
  intents: SerializedModel;
  faqExamples: { faq: string; text: string }[];
}

/** Trains the model for one shop (Node: when the flows load; Workers: when they are bundled). */
export function trainUnderstanding(
  flows: ShopFlows,
  names: ShopNames,
  corpus: readonly LabeledText[],
  taught: readonly TaughtExample[] = [],
  options: TrainingOptions = DEFAULT_TRAINING,
): UnderstandingModel {
  return {
    intents: trainIntents(trainingExamples(flows, corpus, taught), names, options),
    faqExamples: taught.flatMap((example) => (example.faq !== null ? [{ faq: example.faq, text: example.text }] : [])),
  };
}

export function serializeUnderstanding(model: UnderstandingModel): SerializedUnderstanding {
  return { format: 1, intents: model.intents.serialize(), faqExamples: [...model.faqExamples] };
}

export function deserializeUnderstanding(data: SerializedUnderstanding): UnderstandingModel {
  if (data.format !== 1) throw new Error(`the bundled NLU model has format ${String(data.format)}; run npm run flows:bundle again`);
  return { intents: LinearModel.fromSerialized(data.intents), faqExamples: data.faqExamples };
}

/** The intent classifier alone, over examples already labelled (cross-validation trains one per fold). */
export function trainIntents(examples: readonly TrainingExample[], names: ShopNames, options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
  const vectors = examples.map((example) => {
    const { names: features, values } = featurize(example.text, names.products, names.provinces);
    return { label: example.label, weight: example.weight, names: features, values };
  });
  return LinearModel.train(vectors, options);
}
