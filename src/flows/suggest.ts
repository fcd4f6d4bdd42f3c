/**
 * "Did you mean …": the closest known name — one a few typos away (a swapped pair of
 * letters counts as one), or one that begins with what was written ("xoai_cat" → "xoai_cat_hoa_loc").
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let prefixed: string | undefined;
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    const distance = editDistance(typed, known);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    const related = (typed.length >= 3 && known.startsWith(typed)) || (known.length >= 3 && typed.startsWith(known));
    if (related && (!prefixed || candidate.length < prefixed.length)) prefixed = candidate;
  }
  return best ?? prefixed;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match ? ` (có phải ý bạn là "${match}"?)` : '';
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, rows[i - 2]![j - 2]! + 1);
      row.push(cost);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
