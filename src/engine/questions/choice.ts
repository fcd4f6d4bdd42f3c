import type { Flow, Step } from '../../flows/schema';
import type { SlotValue } from '../types';
import { foldKey } from '../../text/fold';
import { toWordForms } from '../nlu/words';
import { EVERYDAY_WHEN_UNMARKED } from '../parse/return-problem';
import { isShort, looksLikeQuestion, retry, textOf, type QuestionKind } from './kind';

type Choice = NonNullable<Step['choices']>[number];

/**
 * Words that name a choice inside a longer message: its aliases, and its label when that has
 * two words or more ("gửi hàng mới giúp mình" names "🔄 Gửi hàng mới"); one-word labels ("Khác")
 * are everyday words.
 */
function namesOf(choice: Choice): string[] {
  return foldedOf(choice).names;
}

/** A choice's words folded once: every message read against the flows' choices folds the same few strings again otherwise. */
interface FoldedChoice {
  label: string;
  value: string;
  aliases: string[];
  names: string[];
}

const folded = new WeakMap<Choice, FoldedChoice>();

function foldedOf(choice: Choice): FoldedChoice {
  let entry = folded.get(choice);
  if (!entry) {
    const label = foldKey(choice.label);
    const aliases = (choice.aliases ?? []).map(foldKey);
    entry = { label, value: foldKey(String(choice.value)), aliases, names: [...aliases, ...(label.split(' ').length >= 2 ? [label] : [])] };
    folded.set(choice, entry);
  }
  return entry;
}

/** Words that, just before a choice's name, turn it down ("không ck nữa", "khỏi cod", "bỏ chuyển khoản"). */
const TURNED_DOWN_BY = new Set(['khong', 'ko', 'k', 'hong', 'hok', 'khoi', 'bo', 'dung', 'chang', 'cha']);

/**
 * `name` stands in the text (padded with spaces) at least once without a word turning it down
 * in the two words before it. Folded, "bỏ" (drop) and "bơ" (avocado) are both "bo": before
 * "bị" it is the fruit ("bơ bị dập"), since "bỏ" takes a thing and "bị" says what befell one.
 */
function mentionedPlainly(padded: string, name: string): boolean {
  for (let at = padded.indexOf(` ${name} `); at !== -1; at = padded.indexOf(` ${name} `, at + 1)) {
    const before = padded.slice(0, at).trim().split(' ').slice(-2);
    const next = (i: number) => before[i + 1] ?? name.split(' ')[0];
    if (!before.some((word, i) => TURNED_DOWN_BY.has(word) && !(word === 'bo' && next(i) === 'bi'))) return true;
  }
  return false;
}

/** Words between two of a name's words, at most. */
const APART = 2;

/** The name's words in order, each within APART words of the one before and none turned down just before it. */
function saidApart(words: readonly string[], name: readonly string[]): boolean {
  for (let start = words.indexOf(name[0]!); start !== -1; start = words.indexOf(name[0]!, start + 1)) {
    if (TURNED_DOWN_BY.has(words[start - 1] ?? '')) continue;
    let at = start;
    const found = name.slice(1).every((word) => {
      const next = words.slice(at + 1, at + 2 + APART).indexOf(word);
      if (next === -1) return false;
      at += next + 1;
      return true;
    });
    if (found) return true;
  }
  return false;
}

/** The folded words, each everyday word typed without marks ("hu", "thoi") left out. */
function withoutEverydayUnmarked(typed: string): string {
  const { marked, folded } = toWordForms(typed);
  return folded.map((word, i) => (EVERYDAY_WHEN_UNMARKED.has(word) && marked[i] === word ? '·' : word)).join(' ');
}

/**
 * Of several choices named, the one named in more words, when it alone is: "giao thiếu 1 hũ,
 * chỉ có 2 hũ thôi" names "missing" by two words and, folded, "thối" (rotten) by the "thôi" of
 * "only". Named equally ("bị thối và giao thiếu"), all stay, and the question asks.
 */
function mostSpecific(mentioned: Choice[], words: (choice: Choice) => number): Choice[] {
  if (mentioned.length < 2) return mentioned;
  const most = Math.max(...mentioned.map(words));
  const top = mentioned.filter((choice) => words(choice) === most);
  return top.length === 1 ? top : mentioned;
}

/**
 * The one choice a text names by its number, label, value or one of its aliases; `byLabel` when
 * its label stands inside a longer message. `clearly`: see `choicesNamedIn`. `byStart`: a reply
 * that is only the start of a label's words chooses it ("chuyen"), as an answer to the question.
 */
export function namedChoice(choices: readonly Choice[], typed: string, clearly = false, byStart = true): { choice: Choice; exact: boolean; byLabel?: boolean } | null {
  const key = foldKey(typed);
  if (!key) return null;
  if (/^\d+$/.test(key)) {
    const byNumber = choices[Number(key) - 1];
    if (byNumber) return { choice: byNumber, exact: true };
  }
  const exact = choices.find((choice) => {
    const words = foldedOf(choice);
    return words.label === key || words.value === key || words.aliases.includes(key);
  });
  if (exact) return { choice: exact, exact: true };
  const padded = ` ${key} `;
  // Clearly named, a one-word alias is not the everyday word it spells without marks ("gửi bù 1 hũ" is no "hư").
  const oneWord = clearly ? ` ${withoutEverydayUnmarked(typed)} ` : padded;
  const namedBy = (name: string) => mentionedPlainly(name.includes(' ') ? padded : oneWord, name);
  const longest = (choice: Choice) => Math.max(0, ...namesOf(choice).filter(namedBy).map((name) => name.split(' ').length));
  const mentioned = mostSpecific(choices.filter((choice) => longest(choice) > 0), longest);
  if (mentioned.length === 1) return { choice: mentioned[0]!, exact: false, byLabel: padded.includes(` ${foldedOf(mentioned[0]!).label} `) };
  if (mentioned.length > 1 || choices.some((choice) => namesOf(choice).some((name) => padded.includes(` ${name} `)))) return null;
  if (!byStart) return null;
  // As the answer to the question, a name's words may have others between them ("hoàn lại tiền 2 ký", "đổi bao gạo khác").
  const spread = choices.filter((choice) => namesOf(choice).some((name) => name.includes(' ') && saidApart(key.split(' '), name.split(' '))));
  if (spread.length === 1) return { choice: spread[0]!, exact: false };
  // The start of the label's words ("chuyen" for "Chuyển khoản"), not any letters inside them ("huy").
  const partial = choices.filter((choice) => key.length >= 3 && ` ${foldedOf(choice).label}`.includes(` ${key}`));
  return partial.length === 1 ? { choice: partial[0]!, exact: false } : null;
}

/**
 * The flow's choices a message names by an alias anywhere in it ("ship cod nha", "ck nhé"), by
 * the slot each saves; a slot is read from the first question that saves it. `clearly`, for
 * changing a choice made before: no one-word alias read from an everyday word typed without marks.
 */
export function choicesNamedIn(flow: Flow, text: string, clearly = false): Record<string, SlotValue> {
  const named: Record<string, SlotValue> = {};
  const seen = new Set<string>();
  for (const step of Object.values(flow.steps)) {
    if (!step.ask || !step.save || seen.has(step.save)) continue;
    seen.add(step.save);
    if (step.ask !== 'choice') continue;
    const choice = namedChoice((step.choices ?? []).filter((candidate) => candidate.aliases), text, clearly, false);
    if (choice) named[step.save] = choice.choice.value;
  }
  return named;
}

/**
 * The choices a message states, not asks about: "stk shop là gì", "ck được không" name the
 * transfer in a question, which chooses nothing; "ship cod nha, phí bao nhiêu?" still chooses
 * cash on delivery in its first clause.
 */
export function choicesStatedIn(flow: Flow, text: string, clearly = false): Record<string, SlotValue> {
  const stated = text.split(/[,.;!?\n]+/).filter((clause) => clause.trim() && !looksLikeQuestion(clause));
  return Object.assign({}, ...stated.map((clause) => choicesNamedIn(flow, clause, clearly))) as Record<string, SlotValue>;
}

export const choice: QuestionKind = {
  readsNumbers: true,
  read(inbound, asking) {
    const typed = textOf(inbound);
    const named = namedChoice(asking.step.choices ?? [], typed);
    if (!named) return retry(asking, asking.flows.shop.texts.retry_choice);
    // The button's own words in a sentence ("gửi hàng mới giúp mình") plainly choose it.
    return { ok: true, value: named.choice.value, plain: named.exact || named.byLabel === true || isShort(typed, 4) };
  },
  buttons: (asking) => (asking.step.choices ?? []).map((option, i) => ({ label: option.label, value: `answer:${i}` })),
  fromTap: (encoded, asking) => asking.step.choices?.[Number(encoded)]?.value,
};
