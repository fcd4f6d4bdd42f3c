/**
 * A short stable fingerprint of some texts, in the order given: FNV-1a over their code points
 * with a NUL between texts, twice with different starting values (64 bits, so two different
 * inputs do not share one by chance). The first eight hex digits are plain FNV-1a.
 */
export function digest(texts: Iterable<string>): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  let separate = false;
  for (const text of texts) {
    if (separate) {
      first = Math.imul(first, 0x01000193) >>> 0;
      second = Math.imul(second ^ 0x5bd1e995, 0x01000193) >>> 0;
    }
    separate = true;
    for (let i = 0; i < text.length; i++) {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      first = Math.imul(first ^ point, 0x01000193) >>> 0;
      second = Math.imul(second ^ point, 0x01000193) >>> 0;
    }
  }
  return first.toString(16).padStart(8, '0') + second.toString(16).padStart(8, '0');
}
