import { toWordForms, withinOneTypo, type Words } from './words';

/** A named thing (product, province) found in customer words, with where it stood. */
export interface Mention {
  id: string;
  start: number;
  end: number;
}

interface Entry {
  id: string;
  words: Words;
}

/**
 * Finds names (with their aliases) in customer words: the longest name wins at each
 * position; words of four letters or more may carry one typo ("xaoi cat" → xoài cát).
 * A word typed with tone marks must carry the name's marks, so "bỏ qua" is not "bơ" and
 * "buổi sáng" is not "bưởi", while "bo" and "buoi" (typed without marks) still are.
 */
export class MentionIndex {
  private readonly byFirstWord = new Map<string, Entry[]>();
  private readonly firstWords: string[] = [];

  constructor(names: Iterable<{ id: string; name: string }>) {
    for (const { id, name } of names) {
      const words = toWordForms(name);
      const first = words.folded[0];
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      if (list.length === 0) this.firstWords.push(first);
      list.push({ id, words });
      list.sort((a, b) => b.words.folded.length - a.words.folded.length);
      this.byFirstWord.set(first, list);
    }
  }

  find(words: Words): Mention[] {
    const mentions: Mention[] = [];
    let i = 0;
    while (i < words.folded.length) {
      const match = this.longestAt(words, i);
      if (match) {
        mentions.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return mentions;
  }

  private longestAt(words: Words, start: number): Mention | undefined {
    let best: Mention | undefined;
    for (const entry of this.candidatesFor(words.folded[start]!)) {
      const length = entry.words.folded.length;
      if (best && length <= best.end - best.start) continue;
      let all = true;
      for (let k = 0; k < length && all; k++) {
        all = sameWord(words.marked[start + k], words.folded[start + k], entry.words.marked[k]!, entry.words.folded[k]!);
      }
      if (all) best = { id: entry.id, start, end: start + length };
    }
    return best;
  }

  private candidatesFor(word: string): Entry[] {
    const exact = this.byFirstWord.get(word) ?? [];
    if (word.length < 4) return exact;
    const near = this.firstWords.filter((first) => first !== word && first.length >= 4 && withinOneTypo(first, word));
    return near.length === 0 ? exact : [...exact, ...near.flatMap((first) => this.byFirstWord.get(first)!)];
  }
}

function sameWord(typedMarked: string | undefined, typedFolded: string | undefined, knownMarked: string, knownFolded: string): boolean {
  if (typedMarked === undefined || typedFolded === undefined) return false;
  const typedWithMarks = typedMarked !== typedFolded;
  // Marks typed are meant: "buổi" (a session) is not "bưởi" (pomelo), though both fold to "buoi".
  if (typedFolded === knownFolded) return !typedWithMarks || typedMarked === knownMarked;
  return knownFolded.length >= 4 && withinOneTypo(typedFolded, knownFolded);
}
