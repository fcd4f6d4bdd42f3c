import { analyzeWords, wordFormsOf, type Analysis } from './analyze';
import type { MentionIndex } from './mentions';

/**
 * A message as the classifier sees it: its features as 30-bit hashes (the hashing trick:
 * no feature strings are built, and the model is looked up by number) with their values.
 */
export interface FeaturedText {
  analysis: Analysis;
  keys: number[];
  values: number[];
}

/** Character n-grams say less each than a whole syllable: there are many more of them. */
const CHAR_GRAM_VALUE = 0.25;
const WORD_VALUE = 1;
const BIGRAM_VALUE = 1;
/** A word typed with tone marks tells "bưởi" from "buổi"; folded features carry the rest. */
const MARKED_VALUE = 0.6;
/** <product>, <province>, <qty>…: whole-word features only, their letters say nothing. */
const PLACEHOLDER = /^<[a-z]+>$/;

const WORD = 0x77;
const PAIR = 0x62;
const GRAM = 0x63;
const MARKED = 0x74;
const SPACE = 0x20;

/**
 * Features of one message: folded syllables and syllable pairs after shorthand expansion
 * and with products/provinces/quantities as placeholders, character 3- and 4-grams of the
 * folded words (typos, run-together words), and the words the customer typed with tone marks.
 * The vector is scaled to unit length, so a long message does not score higher for being long.
 */
export function featurize(text: string, products: MentionIndex, provinces: MentionIndex): FeaturedText {
  const forms = wordFormsOf(text);
  const analysis = analyzeWords(forms, products, provinces);
  const features = new Map<number, number>();
  const add = (hashed: number, value: number) => {
    // 30 bits: small integers, the fastest Map keys; a collision among ~20,000 features is rare and harmless.
    const key = hashed & 0x3fffffff;
    const earlier = features.get(key);
    if (earlier === undefined || earlier < value) features.set(key, value);
  };
  const tokens = analysis.words;
  for (let i = 0; i < tokens.length; i++) {
    add(hash(hash(OFFSET, WORD), tokens[i]!), WORD_VALUE);
    if (i + 1 < tokens.length) add(hash(hash(hash(hash(OFFSET, PAIR), tokens[i]!), SPACE), tokens[i + 1]!), BIGRAM_VALUE);
  }
  const letters = ` ${tokens.filter((token) => !PLACEHOLDER.test(token)).join(' ')} `;
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= letters.length; i++) {
      let key = hash(OFFSET, GRAM + n);
      let blank = true;
      for (let j = i; j < i + n; j++) {
        const code = letters.charCodeAt(j);
        if (code !== SPACE) blank = false;
        key = step(key, code);
      }
      if (!blank) add(key, CHAR_GRAM_VALUE);
    }
  }
  forms.marked.forEach((word, i) => {
    if (word !== forms.folded[i]) add(hash(hash(OFFSET, MARKED), word), MARKED_VALUE);
  });
  const keys = [...features.keys()];
  const values = [...features.values()];
  let squares = 0;
  for (const value of values) squares += value * value;
  const length = Math.sqrt(squares);
  return { analysis, keys, values: length > 0 ? values.map((value) => value / length) : values };
}

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
