/**
 * The form under which customer phrases are grouped: lower case, no tone marks, đ → d,
 * punctuation dropped, single spaces. (The engine folds text the same way for matching;
 * the dashboard keeps its own copy because admin reads only the store, never the engine.)
 */
export function groupingKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(' ');
}
