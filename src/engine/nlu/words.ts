import { fold } from '../../text/fold';

/**
 * Customer text as comparable words, each in two forms: `marked` (lower case, tone marks
 * kept) and `folded` (no tone marks, đ → d). Letters repeated for emphasis are squeezed
 * ("ngonnnn" → "ngon"): Vietnamese syllables never end in a doubled letter. Digits are split
 * from units ("2kg" → "2 kg").
 */
export interface Words {
  marked: string[];
  folded: string[];
}

export function toWordForms(text: string): Words {
  const marked: string[] = [];
  const folded: string[] = [];
  for (const raw of text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}/]+/u)) {
    if (!raw) continue;
    const squeezed = hasDoubledLetter(raw) ? raw.replace(/(\p{L})\1{2,}/gu, '$1').replace(/(\p{L})\1$/u, '$1') : raw;
    const code = squeezed.charCodeAt(0);
    const parts = code >= 0x30 && code <= 0x39 ? splitDigits(squeezed) : null;
    if (parts) {
      for (const part of parts) {
        marked.push(part);
        folded.push(foldWord(part));
      }
    } else {
      marked.push(squeezed);
      folded.push(foldWord(squeezed));
    }
  }
  return { marked, folded };
}

/** Two equal code units in a row: the only words the squeezing regexes can change. */
function hasDoubledLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/**
 * `fold` of one lower-case NFC word, without its five passes for the common words: plain
 * ASCII is already folded, and a precomposed Vietnamese letter folds alone to one ASCII letter.
 */
function foldWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 0x80;
  if (ascii) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x80) {
      out += word[i];
      continue;
    }
    const base = code >= FOLDED_FROM && code < FOLDED_FROM + FOLDED.length ? FOLDED[code - FOLDED_FROM]! : 0;
    if (base === 0) return fold(word);
    out += String.fromCharCode(base);
  }
  return out;
}

/** Latin letters with marks (U+00C0–U+1EFF) that fold to a single ASCII letter: that letter; else 0. */
const FOLDED_FROM = 0xc0;
const FOLDED = (() => {
  const table = new Uint8Array(0x1f00 - FOLDED_FROM);
  for (let i = 0; i < table.length; i++) {
    const folded = fold(String.fromCharCode(FOLDED_FROM + i));
    if (folded.length === 1 && folded.charCodeAt(0) < 0x80 && folded !== String.fromCharCode(FOLDED_FROM + i)) table[i] = folded.charCodeAt(0);
  }
  return table;
})();

export function toWords(text: string): string[] {
  return toWordForms(text).folded;
}

/** "2kg" → ["2", "kg"], but product codes like "st25" or "ri6" stay whole. */
function splitDigits(word: string): string[] {
  const match = /^(\d+(?:[.,]\d+)?)(\p{L}+)$/u.exec(word);
  return match ? [match[1]!, match[2]!] : [word];
}

/**
 * One typo apart: a letter missing, added or two neighbours swapped ("xaoi" for "xoai").
 * A changed letter counts only in words of six letters or more and never the first: in
 * short Vietnamese syllables one letter is often another word ("buoi"/"cuoi", "chao"/"chat").
 */
export function withinOneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const substitutionAllowed = a.length >= 6;
    let first = -1;
    let differences = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        if (++differences === 1) first = i;
        else if (differences > 2) return false;
      }
    }
    if (differences === 1) return substitutionAllowed && first > 0;
    // A swap of two neighbouring letters ("xaoi" for "xoai") is one typo.
    return differences === 2 && a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return shorter.slice(i) === longer.slice(i + 1);
}
