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
  /** Only as typed with its tone marks: "nhãn" (longan), never "nhan", which is also "nhắn". */
  marked: boolean;
  /** Only as spelled, never one typo off: "khoai" alone is no "Khoa" (a given name). */
  exact: boolean;
}

/** A name to find; `marked` when it means the thing only as typed with its tone marks; `exact` when never with a typo. */
export interface Name {
  id: string;
  name: string;
  marked?: boolean;
  exact?: boolean;
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
  /**
   * Each first word of four letters or more under itself and under every spelling with one
   * letter dropped: two words one typo apart always share one of these, so a customer's word
   * looks up its few near names instead of comparing itself with every name.
   */
  private readonly byDeletion = new Map<string, number[]>();
  private readonly seen = new Map<string, readonly Entry[]>();

  constructor(names: Iterable<Name>) {
    for (const { id, name, marked = false, exact = false } of names) {
      const words = toWordForms(name);
      const first = words.folded[0];
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      if (list.length === 0) this.firstWords.push(first);
      list.push({ id, words, marked, exact });
      list.sort((a, b) => b.words.folded.length - a.words.folded.length);
      this.byFirstWord.set(first, list);
    }
    this.firstWords.forEach((first, at) => {
      if (first.length < 4) return;
      for (const key of new Set([first, ...deletions(first)])) {
        const list = this.byDeletion.get(key);
        if (list) list.push(at);
        else this.byDeletion.set(key, [at]);
      }
    });
  }

  find(words: Words): Mention[] {
    const mentions: Mention[] = [];
    let i = 0;
    while (i < words.folded.length) {
      const match = this.longestAt(words, i);
      if (match && !everydayPhrase(words, match)) {
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
        all = entry.marked
          ? words.marked[start + k] === entry.words.marked[k]
          : entry.exact
            ? words.folded[start + k] === entry.words.folded[k]
            : sameWord(words.marked[start + k], words.folded[start + k], entry.words.marked[k]!, entry.words.folded[k]!);
      }
      if (all) best = { id: entry.id, start, end: start + length };
    }
    return best;
  }

  private candidatesFor(word: string): readonly Entry[] {
    const exact = this.byFirstWord.get(word) ?? NONE;
    if (word.length < 4) return exact;
    let candidates = this.seen.get(word);
    if (candidates === undefined) {
      let near: number[] | undefined;
      for (let i = -1; i < word.length; i++) {
        const found = this.byDeletion.get(i < 0 ? word : withoutLetter(word, i));
        if (found) near = near ? near.concat(found) : found;
      }
      const firsts = near ? [...new Set(near)].sort((a, b) => a - b).map((at) => this.firstWords[at]!).filter((first) => first !== word && withinOneTypo(first, word)) : [];
      candidates = firsts.length === 0 ? exact : [...exact, ...firsts.flatMap((first) => this.byFirstWord.get(first)!)];
      if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
      this.seen.set(word, candidates);
    }
    return candidates;
  }
}

const NONE: readonly Entry[] = [];

/**
 * Everyday phrases whose one word, typed without marks, is also a short name: "bieu bo me" is
 * biếu bố mẹ (parents), not bơ; "giao buoi sang" is buổi sáng (the morning), not bưởi; "qua cam on khach" is quà cảm ơn khách, not oranges.
 */
const EVERYDAY_PAIRS = new Set(['cam on', 'bo me', 'bo chat', 'bo vao', 'thit bo', 'buoi sang', 'buoi chieu', 'buoi trua', 'buoi toi']);

function everydayPhrase(words: Words, mention: Mention): boolean {
  const unmarked = (at: number) => words.marked[at] === words.folded[at];
  const first = mention.start;
  const last = mention.end - 1;
  return (
    (unmarked(last) && EVERYDAY_PAIRS.has(`${words.folded[last]} ${words.folded[last + 1] ?? ''}`)) ||
    (unmarked(first) && EVERYDAY_PAIRS.has(`${words.folded[first - 1] ?? ''} ${words.folded[first]}`))
  );
}
/** Customers reuse the same few thousand words: their candidates are remembered, up to this many. */
const SEEN_LIMIT = 20_000;

/** The word with one letter dropped, at each place. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(withoutLetter(word, i));
  return out;
}

function withoutLetter(word: string, at: number): string {
  return word.slice(0, at) + word.slice(at + 1);
}

function sameWord(typedMarked: string | undefined, typedFolded: string | undefined, knownMarked: string, knownFolded: string): boolean {
  if (typedMarked === undefined || typedFolded === undefined) return false;
  const typedWithMarks = typedMarked !== typedFolded;
  // Marks typed are meant: "buổi" (a session) is not "bưởi" (pomelo), though both fold to "buoi".
  if (typedFolded === knownFolded) return !typedWithMarks || typedMarked === knownMarked;
  return (knownFolded.length >= 4 && withinOneTypo(typedFolded, knownFolded)) || doubledOnce(typedFolded, knownFolded);
}

/** "onng" for "ong": a key held a moment too long doubles one letter, in a word of any length. */
function doubledOnce(typed: string, known: string): boolean {
  if (typed.length !== known.length + 1) return false;
  for (let i = 1; i < typed.length; i++) {
    if (typed[i] === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === known) return true;
  }
  return false;
}
