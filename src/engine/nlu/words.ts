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
  for (const raw of text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}/]+/u)) {
    if (!raw) continue;
    const squeezed = raw.replace(/(\p{L})\1{2,}/gu, '$1').replace(/(\p{L})\1$/u, '$1');
    marked.push(...splitDigits(squeezed));
  }
  return { marked, folded: marked.map(fold) };
}

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
