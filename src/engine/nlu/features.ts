import { analyzeWords, wordFormsOf, type Analysis } from './analyze';
import type { ShopNames } from './names';

/**
 * A message as the classifier sees it: its features as 30-bit hashes (the hashing trick:
 * no feature strings are built, and the model is looked up by number) with their values.
 */
export interface FeaturedText {
  analysis: Analysis;
  keys: Int32Array;
  values: Float64Array;
}

/** Character n-grams say less each than a whole syllable: there are many more of them. */
const CHAR_GRAM_VALUE = 0.25;
const WORD_VALUE = 1;
const BIGRAM_VALUE = 1;
/** A word typed with tone marks tells "bưởi" from "buổi"; folded features carry the rest. */
const MARKED_VALUE = 0.6;
/** How a message starts and ends ("chào…", "…không", "…chưa") says what kind of message it is. */
const EDGE_VALUE = 0.5;
const PLACEHOLDER_START = 0x3c;

const WORD = 0x77;
const PAIR = 0x62;
const GRAM = 0x63;
const MARKED = 0x74;
const FIRST = 0x46;
const LAST = 0x4c;
const SPACE = 0x20;

/**
 * Features of one message: folded syllables and syllable pairs after shorthand expansion
 * and with products/provinces/produce/quantities as placeholders, its first and last word,
 * character 3- and 4-grams of the folded words (typos, run-together words), and the words
 * the customer typed with tone marks.
 * The vector is scaled to unit length, so a long message does not score higher for being long.
 */
export function featurize(text: string, names: ShopNames): FeaturedText {
  const forms = wordFormsOf(text);
  const analysis = analyzeWords(forms, names.products, names.provinces, names.produce);
  const features = collector.start();
  const tokens = analysis.words;
  const wordSeed = step(OFFSET, WORD);
  const pairSeed = step(OFFSET, PAIR);
  for (let i = 0; i < tokens.length; i++) {
    features.add(hash(wordSeed, tokens[i]!), WORD_VALUE);
    if (i + 1 < tokens.length) features.add(hash(step(hash(pairSeed, tokens[i]!), SPACE), tokens[i + 1]!), BIGRAM_VALUE);
  }
  if (tokens.length > 0) {
    features.add(hash(step(OFFSET, FIRST), tokens[0]!), EDGE_VALUE);
    features.add(hash(step(OFFSET, LAST), tokens[tokens.length - 1]!), EDGE_VALUE);
  }
  // 3- and 4-grams of " word word … " (placeholders left out: their letters say nothing).
  const seed3 = step(OFFSET, GRAM + 3);
  const seed4 = step(OFFSET, GRAM + 4);
  let c1 = SPACE;
  let c2 = SPACE;
  let c3 = SPACE;
  let seen = 1;
  const gram = (code: number) => {
    seen++;
    if (seen >= 3 && !(c2 === SPACE && c3 === SPACE && code === SPACE)) features.add(step(step(step(seed3, c2), c3), code), CHAR_GRAM_VALUE);
    if (seen >= 4) features.add(step(step(step(step(seed4, c1), c2), c3), code), CHAR_GRAM_VALUE);
    c1 = c2;
    c2 = c3;
    c3 = code;
  };
  for (const token of tokens) {
    if (token.charCodeAt(0) === PLACEHOLDER_START && token.charCodeAt(token.length - 1) === 0x3e) continue;
    for (let j = 0; j < token.length; j++) gram(token.charCodeAt(j));
    gram(SPACE);
  }
  for (let i = 0; i < forms.marked.length; i++) {
    const word = forms.marked[i]!;
    if (word !== forms.folded[i]) features.add(hash(step(OFFSET, MARKED), word), MARKED_VALUE);
  }
  if (mayHoldEmoji(text)) for (const [emoji] of text.matchAll(EMOJI)) features.add(hash(wordSeed, emoji), WORD_VALUE);
  return { analysis, ...features.finish() };
}

/** Pictographs: "👍" alone is a yes, "🙏" a thanks; the words of a message leave them out. */
const EMOJI = /\p{Extended_Pictographic}/gu;

/** Every pictograph lies above U+2000: most messages skip the regex. */
function mayHoldEmoji(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2000) return true;
  return false;
}

/**
 * The features of the message being read, each once with its largest value: an open-addressing
 * table reused from message to message (a generation stamp empties it), not a Map per message.
 */
class FeatureCollector {
  private slots = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private generation = 0;
  private keys = new Int32Array(512);
  private values = new Float64Array(512);
  private count = 0;

  start(): this {
    this.generation++;
    this.count = 0;
    return this;
  }

  add(hashed: number, value: number): void {
    // 30 bits: a collision among ~20,000 features is rare and harmless.
    const key = hashed & 0x3fffffff;
    if (this.count * 2 >= this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) & mask;
    while (this.stamps[slot] === this.generation) {
      const at = this.slots[slot]!;
      if (this.keys[at] === key) {
        if (this.values[at]! < value) this.values[at] = value;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.stamps[slot] = this.generation;
    this.slots[slot] = this.count;
    this.keys[this.count] = key;
    this.values[this.count++] = value;
  }

  finish(): { keys: Int32Array; values: Float64Array } {
    const keys = this.keys.slice(0, this.count);
    const values = this.values.slice(0, this.count);
    let squares = 0;
    for (let i = 0; i < values.length; i++) squares += values[i]! * values[i]!;
    const length = Math.sqrt(squares);
    if (length > 0) for (let i = 0; i < values.length; i++) values[i]! /= length;
    return { keys, values };
  }

  /** A long message: twice the room, every feature so far placed again. */
  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.stamps = new Int32Array(size);
    const keys = new Int32Array(size / 2);
    keys.set(this.keys);
    this.keys = keys;
    const values = new Float64Array(size / 2);
    values.set(this.values);
    this.values = values;
    const mask = size - 1;
    for (let at = 0; at < this.count; at++) {
      let slot = Math.imul(this.keys[at]!, 0x9e3779b1) & mask;
      while (this.stamps[slot] === this.generation) slot = (slot + 1) & mask;
      this.stamps[slot] = this.generation;
      this.slots[slot] = at;
    }
  }
}

const collector = new FeatureCollector();

/** FNV-1a, 32 bits: one step per UTF-16 code unit. */
const OFFSET = 0x811c9dc5;

function step(key: number, code: number): number {
  return Math.imul(key ^ code, 0x01000193) >>> 0;
}

function hash(key: number, text: string | number): number {
  if (typeof text === 'number') return step(key, text);
  let out = key;
  for (let i = 0; i < text.length; i++) out = step(out, text.charCodeAt(i));
  return out;
}
