/**
 * Accent folding: customers type with and without tone marks, so every comparison
 * of customer text against names (products, provinces, triggers) happens on the
 * folded form: NFC, lower case, tone marks and diacritics removed, đ → d.
 * A leaf: the engine, the flow checks, the dashboard and the conversation layer all fold
 * with it, so a phrase groups, matches and checks the same way everywhere.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Tone marks and diacritics removed, đ → d and Đ → D, case kept: what bank notes and order codes compare on. */
export function withoutToneMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
}

/** Folded text split into words: letters and digits only, punctuation dropped. */
export function foldWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Folded words joined by single spaces: the key used in lookup tables. */
export function foldKey(text: string): string {
  return foldWords(text).join(' ');
}
