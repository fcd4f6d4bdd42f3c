import { seededRandom } from '../seeded-random';

/**
 * A multinomial logistic regression over sparse features, trained with FTRL-Proximal
 * (per-coordinate rates, L1 and L2) in plain TypeScript: the L1 term leaves most weights at
 * exactly 0, so the model stays small enough for the Worker bundle. Deterministic: the same
 * examples give the same model (the shuffle is seeded).
 */

export interface FeatureVector {
  /** Feature hashes (see features.ts), each once. */
  keys: ArrayLike<number>;
  values: ArrayLike<number>;
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
  /** A class whose gradient on an example is this small is not moved by it (most classes, most of the time). */
  minGradient: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 4, learningRate: 4, l1: 0.2, l2: 1e-3, minCount: 2, pruneBelow: 0.05, minGradient: 0.01 };
/** FTRL's β: keeps the first steps of a new feature from being huge. */
const BETA = 1;

const WEIGHT_SCALE = 100;

/** One feature's non-zero weights, packed: row f holds entries starts[f] … starts[f + 1] - 1. */
interface Rows {
  features: Int32Array;
  starts: Int32Array;
  classes: Uint16Array;
  weights: Float32Array;
}

export class LinearModel {
  /** Open addressing over the feature hashes: slot → row + 1 (0: empty). No Map lookup per feature. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  private constructor(
    readonly classes: readonly string[],
    private readonly bias: Float64Array,
    private readonly rows: Rows,
  ) {
    let bits = 4;
    while (1 << bits < rows.features.length * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    for (let f = 0; f < rows.features.length; f++) {
      let slot = spread(rows.features[f]!, this.shift);
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = f + 1;
    }
  }

  /** Probabilities per class, in the order of `classes`. */
  probabilities(vector: FeatureVector): Float64Array {
    const scores = this.bias.slice();
    const { features, starts, classes, weights } = this.rows;
    const keys = vector.keys;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let slot = spread(key, this.shift);
      let row = this.slots[slot]!;
      while (row !== 0 && features[row - 1] !== key) {
        slot = (slot + 1) & this.mask;
        row = this.slots[slot]!;
      }
      if (row === 0) continue;
      const value = vector.values[i]!;
      for (let j = starts[row - 1]!, end = starts[row]!; j < end; j++) scores[classes[j]!]! += weights[j]! * value;
    }
    return softmaxInPlace(scores);
  }

  serialize(): SerializedModel {
    const { features, starts, classes, weights } = this.rows;
    const rows: number[][] = [];
    for (let f = 0; f < features.length; f++) {
      const out: number[] = [];
      for (let j = starts[f]!; j < starts[f + 1]!; j++) out.push(classes[j]!, Math.round(weights[j]! * WEIGHT_SCALE));
      rows.push(out);
    }
    return { format: 1, classes: [...this.classes], bias: [...this.bias].map((b) => Math.round(b * WEIGHT_SCALE) / WEIGHT_SCALE), features: [...features], rows };
  }

  static fromSerialized(model: SerializedModel): LinearModel {
    const entries = model.rows.reduce((sum, row) => sum + row.length / 2, 0);
    const rows: Rows = { features: new Int32Array(model.features), starts: new Int32Array(model.features.length + 1), classes: new Uint16Array(entries), weights: new Float32Array(entries) };
    let at = 0;
    model.rows.forEach((packed, f) => {
      for (let j = 0; j < packed.length; j += 2) {
        rows.classes[at] = packed[j]!;
        rows.weights[at++] = packed[j + 1]! / WEIGHT_SCALE;
      }
      rows.starts[f + 1] = at;
    });
    return new LinearModel(model.classes, Float64Array.from(model.bias), rows);
  }

  static train(examples: readonly WeightedVector[], options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
    const classIndex = new Map<string, number>();
    const counts = new Map<number, number>();
    for (const example of examples) {
      for (let i = 0; i < example.keys.length; i++) counts.set(example.keys[i]!, (counts.get(example.keys[i]!) ?? 0) + 1);
    }
    // Every example's features in three flat arrays: example e holds entries starts[e] … starts[e + 1] - 1.
    const featureIndex = new Map<number, number>();
    const starts = new Int32Array(examples.length + 1);
    const indexList: number[] = [];
    const valueList: number[] = [];
    const labels = new Int32Array(examples.length);
    examples.forEach((example, e) => {
      if (!classIndex.has(example.label)) classIndex.set(example.label, classIndex.size);
      labels[e] = classIndex.get(example.label)!;
      for (let i = 0; i < example.keys.length; i++) {
        const key = example.keys[i]!;
        if (counts.get(key)! < options.minCount) continue;
        let index = featureIndex.get(key);
        if (index === undefined) featureIndex.set(key, (index = featureIndex.size));
        indexList.push(index);
        valueList.push(example.values[i]!);
      }
      starts[e + 1] = indexList.length;
    });
    const indices = new Int32Array(indexList);
    const values = new Float64Array(valueList);
    const K = classIndex.size;
    const F = featureIndex.size;
    // Single precision: half the memory the examples' rows are read from, over and over.
    const weights = new Float32Array(F * K);
    const z = new Float32Array(F * K);
    /** √(sum of squared gradients) per coordinate: FTRL's per-coordinate rate, kept as its root. */
    const root = new Float32Array(F * K);
    const bias = new Float64Array(K);
    const biasSquared = new Float64Array(K).fill(1e-8);
    // Per-coordinate rates (FTRL) undo a scaled gradient: an example that counts twice is seen twice.
    const order: number[] = [];
    examples.forEach((example, e) => {
      for (let r = Math.max(1, Math.round(example.weight)); r > 0; r--) order.push(e);
    });
    const random = seededRandom(0x5eed);
    const scores = new Float64Array(K);
    const active = new Int32Array(K);
    const gradients = new Float64Array(K);
    const { learningRate, l1, l2, minGradient } = options;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      for (const e of order) {
        const from = starts[e]!;
        const to = starts[e + 1]!;
        scores.set(bias);
        for (let i = from; i < to; i++) {
          const base = indices[i]! * K;
          const value = values[i]!;
          for (let k = 0; k < K; k++) scores[k]! += weights[base + k]! * value;
        }
        softmaxInPlace(scores);
        const scale = examples[e]!.weight < 1 ? examples[e]!.weight : 1;
        const label = labels[e]!;
        // Only classes the example moves: once a class is near 0 for it, its gradient is noise.
        let moved = 0;
        for (let k = 0; k < K; k++) {
          const gradient = (scores[k]! - (k === label ? 1 : 0)) * scale;
          if (gradient < minGradient && gradient > -minGradient) continue;
          active[moved] = k;
          gradients[moved++] = gradient;
          biasSquared[k]! += gradient * gradient;
          bias[k]! -= (learningRate * gradient) / Math.sqrt(biasSquared[k]!);
        }
        for (let i = from; i < to; i++) {
          const base = indices[i]! * K;
          const value = values[i]!;
          for (let m = 0; m < moved; m++) {
            const at = base + active[m]!;
            const g = gradients[m]! * value;
            const before = root[at]!;
            const after = Math.sqrt(before * before + g * g);
            const zi = (z[at]! += g - ((after - before) / learningRate) * weights[at]!);
            root[at] = after;
            weights[at] = zi <= l1 && zi >= -l1 ? 0 : -(zi - (zi > 0 ? l1 : -l1)) / ((BETA + after) / learningRate + l2);
          }
        }
      }
    }
    const features: number[] = [];
    const rowStarts: number[] = [0];
    const kept: number[] = [];
    const keptClasses: number[] = [];
    const row = new Float64Array(K);
    for (const [name, f] of featureIndex) {
      // Softmax ignores a constant added to every class's weight of a feature: centring each
      // row on its median leaves the model the same and most weights near 0, where they are dropped.
      row.set(weights.subarray(f * K, f * K + K));
      const median = Float64Array.from(row).sort()[K >> 1]!;
      const before = kept.length;
      for (let k = 0; k < K; k++) {
        const w = row[k]! - median;
        if (Math.abs(w) >= options.pruneBelow) {
          keptClasses.push(k);
          kept.push(w);
        }
      }
      if (kept.length > before) {
        features.push(name);
        rowStarts.push(kept.length);
      }
    }
    const rows: Rows = { features: new Int32Array(features), starts: new Int32Array(rowStarts), classes: new Uint16Array(keptClasses), weights: new Float32Array(kept) };
    return new LinearModel([...classIndex.keys()], bias, rows);
  }
}

/** The table slot of a feature hash: the top bits of one multiply (Fibonacci hashing). */
function spread(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k]! > max) max = scores[k]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += scores[k] = Math.exp(scores[k]! - max);
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
  return scores;
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
