import { seededRandom } from '../seeded-random';

/**
 * A multinomial logistic regression over sparse features, trained with FTRL-Proximal
 * (per-coordinate rates, L1 and L2) in plain TypeScript: the L1 term leaves most weights at
 * exactly 0, so the model stays small enough for the Worker bundle. Deterministic: the same
 * examples give the same model (the shuffle is seeded).
 */

export interface FeatureVector {
  /** Feature hashes (see features.ts). */
  keys: readonly number[];
  values: readonly number[];
}

export interface WeightedVector extends FeatureVector {
  label: string;
  /** How many ordinary examples this one counts as (the owner's own words count more). */
  weight: number;
}

/** The model as data: what `npm run flows:bundle` writes for the Worker. */
export interface SerializedModel {
  format: 1;
  classes: string[];
  bias: number[];
  features: number[];
  /** Per feature: class index, weight × WEIGHT_SCALE, class index, weight × WEIGHT_SCALE, … */
  rows: number[][];
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l1: number;
  l2: number;
  /** A feature seen in fewer examples than this is a one-off (a name, a typo): not learnt. */
  minCount: number;
  /** Weights this small change no decision; dropping them keeps the Worker bundle small. */
  pruneBelow: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 8, learningRate: 2, l1: 0.2, l2: 1e-3, minCount: 2, pruneBelow: 0.05 };
/** FTRL's β: keeps the first steps of a new feature from being huge. */
const BETA = 1;

const WEIGHT_SCALE = 100;
const MIN_GRADIENT = 1e-3;

interface Row {
  classes: Int32Array;
  weights: Float64Array;
}

export class LinearModel {
  private constructor(
    readonly classes: readonly string[],
    private readonly bias: Float64Array,
    private readonly rows: ReadonlyMap<number, Row>,
  ) {}

  /** Probabilities per class, in the order of `classes`. */
  probabilities(vector: FeatureVector): Float64Array {
    const scores = Float64Array.from(this.bias);
    for (let i = 0; i < vector.keys.length; i++) {
      const row = this.rows.get(vector.keys[i]!);
      if (!row) continue;
      const value = vector.values[i]!;
      for (let j = 0; j < row.classes.length; j++) scores[row.classes[j]!]! += row.weights[j]! * value;
    }
    return softmax(scores);
  }

  serialize(): SerializedModel {
    const features: number[] = [];
    const rows: number[][] = [];
    for (const [name, row] of this.rows) {
      features.push(name);
      const out: number[] = [];
      for (let j = 0; j < row.classes.length; j++) out.push(row.classes[j]!, Math.round(row.weights[j]! * WEIGHT_SCALE));
      rows.push(out);
    }
    return { format: 1, classes: [...this.classes], bias: [...this.bias].map((b) => Math.round(b * WEIGHT_SCALE) / WEIGHT_SCALE), features, rows };
  }

  static fromSerialized(model: SerializedModel): LinearModel {
    const rows = new Map<number, Row>();
    model.features.forEach((name, i) => {
      const packed = model.rows[i]!;
      const classes = new Int32Array(packed.length / 2);
      const weights = new Float64Array(packed.length / 2);
      for (let j = 0; j < classes.length; j++) {
        classes[j] = packed[2 * j]!;
        weights[j] = packed[2 * j + 1]! / WEIGHT_SCALE;
      }
      rows.set(name, { classes, weights });
    });
    return new LinearModel(model.classes, Float64Array.from(model.bias), rows);
  }

  static train(examples: readonly WeightedVector[], options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
    const classIndex = new Map<string, number>();
    const counts = new Map<number, number>();
    for (const example of examples) for (const key of example.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const featureIndex = new Map<number, number>();
    const encoded = examples.map((example) => {
      if (!classIndex.has(example.label)) classIndex.set(example.label, classIndex.size);
      const indices: number[] = [];
      const values: number[] = [];
      example.keys.forEach((key, i) => {
        if (counts.get(key)! < options.minCount) return;
        let index = featureIndex.get(key);
        if (index === undefined) featureIndex.set(key, (index = featureIndex.size));
        indices.push(index);
        values.push(example.values[i]!);
      });
      return { label: classIndex.get(example.label)!, indices: Int32Array.from(indices), values: Float64Array.from(values), weight: example.weight };
    });
    const K = classIndex.size;
    const F = featureIndex.size;
    const weights = new Float64Array(F * K);
    const z = new Float64Array(F * K);
    const n = new Float64Array(F * K);
    const bias = new Float64Array(K);
    const biasSquared = new Float64Array(K).fill(1e-8);
    // Per-coordinate rates (FTRL) undo a scaled gradient: an example that counts twice is seen twice.
    const order = encoded.flatMap((example, i) => Array.from({ length: Math.max(1, Math.round(example.weight)) }, () => i));
    const random = seededRandom(0x5eed);
    const scores = new Float64Array(K);
    const active = new Int32Array(K);
    const gradients = new Float64Array(K);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      for (const at of order) {
        const example = encoded[at]!;
        scores.set(bias);
        for (let i = 0; i < example.indices.length; i++) {
          const base = example.indices[i]! * K;
          const value = example.values[i]!;
          for (let k = 0; k < K; k++) scores[k]! += weights[base + k]! * value;
        }
        const probabilities = softmax(scores);
        // Only classes the example moves: once a class is near 0 for it, its gradient is noise.
        let moved = 0;
        for (let k = 0; k < K; k++) {
          const gradient = (probabilities[k]! - (k === example.label ? 1 : 0)) * (example.weight < 1 ? example.weight : 1);
          if (Math.abs(gradient) < MIN_GRADIENT) continue;
          active[moved] = k;
          gradients[moved++] = gradient;
          biasSquared[k]! += gradient * gradient;
          bias[k]! -= (options.learningRate * gradient) / Math.sqrt(biasSquared[k]!);
        }
        for (let i = 0; i < example.indices.length; i++) {
          const base = example.indices[i]! * K;
          const value = example.values[i]!;
          for (let m = 0; m < moved; m++) {
            const at = base + active[m]!;
            const g = gradients[m]! * value;
            const before = n[at]!;
            const after = before + g * g;
            z[at]! += g - ((Math.sqrt(after) - Math.sqrt(before)) / options.learningRate) * weights[at]!;
            n[at] = after;
            const zi = z[at]!;
            weights[at] = Math.abs(zi) <= options.l1 ? 0 : -(zi - Math.sign(zi) * options.l1) / ((BETA + Math.sqrt(after)) / options.learningRate + options.l2);
          }
        }
      }
    }
    const rows = new Map<number, Row>();
    const row = new Float64Array(K);
    for (const [name, f] of featureIndex) {
      // Softmax ignores a constant added to every class's weight of a feature: centring each
      // row on its median leaves the model the same and most weights near 0, where they are dropped.
      row.set(weights.subarray(f * K, f * K + K));
      const median = Float64Array.from(row).sort()[K >> 1]!;
      const classes: number[] = [];
      const kept: number[] = [];
      for (let k = 0; k < K; k++) {
        const w = row[k]! - median;
        if (Math.abs(w) >= options.pruneBelow) {
          classes.push(k);
          kept.push(w);
        }
      }
      if (classes.length > 0) rows.set(name, { classes: Int32Array.from(classes), weights: Float64Array.from(kept) });
    }
    return new LinearModel([...classIndex.keys()], bias, rows);
  }
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  const out = new Float64Array(scores.length);
  for (let k = 0; k < scores.length; k++) sum += out[k] = Math.exp(scores[k]! - max);
  for (let k = 0; k < scores.length; k++) out[k]! /= sum;
  return out;
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
