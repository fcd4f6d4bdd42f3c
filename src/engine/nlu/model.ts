import type { ShopFlows } from '../../flows/schema';
import { digest } from '../../text/digest';
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
  /** `trainingDigest` of what it was trained on: a model for exactly these inputs need not be trained again. */
  trainedOn: string;
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
  return trainOn(examplesFor(flows, corpus, taught), names, options);
}

/** Both models' training examples: the intents', and the FAQ entries' (none without an FAQ). */
interface TrainingExamples {
  intents: TrainingExample[];
  faq: TrainingExample[];
}

function examplesFor(flows: ShopFlows, corpus: readonly LabeledText[], taught: readonly TaughtExample[]): TrainingExamples {
  return { intents: trainingExamples(flows, corpus, taught), faq: faqTrainingExamples(flows, corpus, taught) };
}

function trainOn(examples: TrainingExamples, names: ShopNames, options: TrainingOptions): UnderstandingModel {
  return {
    intents: trainIntents(examples.intents, names, options),
    // A few wordings per entry: every feature of them counts, none is pruned as rare.
    faq: examples.faq.length > 0 ? trainIntents(examples.faq, names, { ...options, l1: options.l1 / 20, minCount: 1 }) : null,
  };
}

export function serializeUnderstanding(model: UnderstandingModel, flowsVersion: string, trainedOn: string): SerializedUnderstanding {
  return { format: 1, flowsVersion, trainedOn, intents: model.intents.serialize(), faq: model.faq?.serialize() ?? null };
}

/** Lines the featurizer reads into the digest: a change to how messages are read changes it too. */
const FEATURIZER_PROBES = ['chao shop, cho minh hoi xoai voi buoi gia bn', 'Em đã chuyển khoản 350k rồi nha', 'ship ra ha noi mat may ngay v? 2kg'];

/**
 * What a model trained with these inputs was trained on: the flows, every training example of
 * both models, the options, and the features of a few sample lines. Training is seeded, so
 * equal digests mean equal models (save a change to the training code itself, which
 * `npm run flows:bundle` and CI's check of generated files catch).
 */
export function trainingDigest(...[flows, names, corpus, taught = [], options = DEFAULT_TRAINING]: Parameters<typeof trainUnderstanding>): string {
  return digestOf(flows, names, examplesFor(flows, corpus, taught), options);
}

function digestOf(flows: ShopFlows, names: ShopNames, examples: TrainingExamples, options: TrainingOptions): string {
  const lines = (list: readonly TrainingExample[]) => list.map((example) => `${example.label}\t${example.weight}\t${example.text}`).join('\n');
  const probes = FEATURIZER_PROBES.map((text) => {
    const { keys, values } = featurize(text, names);
    return `${keys.join(',')}:${values.join(',')}`;
  });
  return digest([flows.version, JSON.stringify(options), lines(examples.intents), lines(examples.faq), ...probes]);
}

/**
 * The model for these inputs: `prebuilt` (trained when the flows were bundled) when it was
 * trained on exactly them, so starting the shop neither trains nor spends the memory training
 * takes; trained now otherwise (the owner edited a flow or taught the bot something since).
 */
export function understandingFor(
  flows: ShopFlows,
  names: ShopNames,
  corpus: readonly LabeledText[],
  taught: readonly TaughtExample[],
  prebuilt: SerializedUnderstanding | undefined,
): UnderstandingModel {
  // The examples are gathered once, for the digest and for the training when it does not match.
  const examples = examplesFor(flows, corpus, taught);
  if (prebuilt?.format === 1 && prebuilt.trainedOn === digestOf(flows, names, examples, DEFAULT_TRAINING)) return deserializeUnderstanding(prebuilt, flows.version);
  return trainOn(examples, names, DEFAULT_TRAINING);
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
