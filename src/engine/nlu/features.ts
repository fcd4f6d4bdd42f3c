import { analyzeWords, wordFormsOf, type Analysis } from './analyze';
import type { MentionIndex } from './mentions';

/** A message as the classifier sees it: feature names with their values, and what it names. */
export interface FeaturedText {
  analysis: Analysis;
  names: string[];
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

/**
 * Features of one message: folded syllables and syllable pairs after shorthand expansion
 * and with products/provinces as placeholders, character 3- and 4-grams of the folded
 * content (typos, run-together words), and the words the customer typed with tone marks.
 * The vector is scaled to unit length, so a long message does not score higher for being long.
 */
export function featurize(text: string, products: MentionIndex, provinces: MentionIndex): FeaturedText {
  const forms = wordFormsOf(text);
  const analysis = analyzeWords(forms, products, provinces);
  const features = new Map<string, number>();
  const add = (name: string, value: number) => features.set(name, Math.max(features.get(name) ?? 0, value));
  const tokens = analysis.words;
  for (let i = 0; i < tokens.length; i++) {
    add(`w:${tokens[i]}`, WORD_VALUE);
    if (i + 1 < tokens.length) add(`b:${tokens[i]} ${tokens[i + 1]}`, BIGRAM_VALUE);
  }
  const letters = ` ${tokens.filter((token) => !PLACEHOLDER.test(token)).join(' ')} `;
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= letters.length; i++) {
      const gram = letters.slice(i, i + n);
      if (gram.trim().length > 0) add(`c:${gram}`, CHAR_GRAM_VALUE);
    }
  }
  forms.marked.forEach((word, i) => {
    if (word !== forms.folded[i]) add(`t:${word}`, MARKED_VALUE);
  });
  const names = [...features.keys()];
  const values = [...features.values()];
  const length = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return { analysis, names, values: length > 0 ? values.map((value) => value / length) : values };
}
