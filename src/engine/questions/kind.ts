import type { ShopFlows, Step } from '../../flows/schema';
import type { FactReader } from '../facts';
import type { IntentMatcher } from '../nlu/intent';
import { foldKey } from '../../text/fold';
import type { Button, ConversationState, Inbound, SlotValue, TurnContext } from '../types';

/** What one question sees while it reads a reply. */
export interface Asking {
  step: Step;
  flows: ShopFlows;
  matcher: IntentMatcher;
  facts: FactReader;
  state: Readonly<ConversationState>;
  context: TurnContext;
  /** The customer's words this turn ("" for a tap or a scheduled message). */
  said: string;
}

/** What a customer's reply to a question turned out to be. */
export type Answer =
  | {
      ok: true;
      value: SlotValue;
      /** Other slots the answer also fills (an address's province). */
      also?: Record<string, SlotValue>;
      /**
       * The reply is plainly this answer ("ko" to a yes/no, "ck" to the payment question), so it
       * wins over any topic the message also resembles.
       */
      plain?: boolean;
    }
  | {
      ok: false;
      retryText: string;
      variables?: Record<string, string>;
      /** The reply is plainly about this question ("không nhớ mã"): asked again, never read as another topic. */
      plain?: boolean;
    };

/** A shop rule the value breaks: the text to say (a template) and slots to render it with. */
export interface Refusal {
  text: string;
  slots?: Record<string, SlotValue>;
}

/**
 * One kind of question (`ask:` in a step): how a reply is read from text and taps, the
 * buttons it offers, the shop's rules on the value, and how the value is kept.
 */
export interface QuestionKind {
  read(inbound: Inbound, asking: Asking): Answer;
  buttons(asking: Asking): Button[];
  /** The value a tap of one of `buttons` stands for. */
  fromTap(encoded: string, asking: Asking): SlotValue | undefined;
  /**
   * Free text (a name, a note) takes anything, so another topic interrupts it only when the
   * match is clearly sure.
   */
  freeText?: boolean;
  validate?(value: SlotValue, asking: Asking): Refusal | null;
  /** The value kept in the slot (a quantity takes the product's unit; photos add up). */
  keep?(value: SlotValue, asking: Asking): SlotValue;
  /** A value to take without asking, when the situation leaves one answer (the one order still open). */
  assumed?(asking: Asking): SlotValue | undefined;
  /**
   * What a message said for this question that fits more than one answer ("DN": Đà Nẵng or
   * Đồng Nai): the text (a template) asked back instead of the question.
   */
  doubt?(text: string, asking: Asking): { text: string; variables: Record<string, string> } | null;
  /** Words naming what this question asks, for "đổi …" requests ("địa chỉ", "sđt"). */
  names?: readonly string[];
  /** A typed number is this question's own answer (stars, an amount, a score), never a button's position. */
  readsNumbers?: boolean;
  /** Telegram offers its "share my phone number" button. */
  asksPhone?: boolean;
}

export function textOf(inbound: Inbound): string {
  if (inbound.kind === 'text') return inbound.text.trim();
  if (inbound.kind === 'photo') return (inbound.caption ?? '').trim();
  return '';
}

export function retry(asking: Asking, fallback: string, variables?: Record<string, string>): Answer {
  return { ok: false, retryText: asking.step.retry ?? fallback, ...(variables ? { variables } : {}) };
}

/** Buttons shown for an optional question: "skip". */
export function skipButtons(asking: Asking): Button[] {
  return asking.step.optional ? [{ label: asking.flows.shop.texts.skip_word, value: 'skip' }] : [];
}

/** Words that open a plain yes or no ("ko, lần này giao cho em gái"). */
const YES_NO_OPENERS = new Set(['co', 'khong', 'ko', 'k', 'hong', 'hok', 'kg', 'u', 'uh', 'um', 'ok', 'oke', 'dung', 'vang', 'da', 'thoi', 'chua', 'yes', 'no']);

export function opensWithYesOrNo(text: string): boolean {
  return YES_NO_OPENERS.has(foldKey(text).split(' ')[0] ?? '');
}

/** "không", "chưa" and their shorthand, folded. */
export const NEGATING_WORDS: ReadonlySet<string> = new Set(['khong', 'ko', 'k', 'chua', 'hong', 'hok', 'kg']);

/** "ko co ma", "chua co", "ko nho ma", "khong can": the customer has nothing to give for an optional question. */
export function declines(text: string): boolean {
  const words = foldKey(text).split(' ');
  return words.length <= 5 && NEGATING_WORDS.has(words[0] ?? '');
}

/** Words that only say "go on, place it" ("ok chốt đơn", "xong rồi lên đơn đi", "đặt luôn nhé"), and what may stand around them. */
const GO_AHEAD = new Set(['chot', 'xong', 'len', 'dat']);
const AROUND_GO_AHEAD = new Set(['ok', 'oke', 'okela', 'vay', 'the', 'thi', 'don', 'di', 'roi', 'r', 'luon', 'nhe', 'nha', 'a', 'ah', 'shop', 'em', 'giup', 'minh', 'cho', 'hang', 'duoc', 'dc']);

/**
 * A short message that only asks to go on: at an optional question it means nothing to add. The
 * customer who has something to say says it ("giao buổi chiều"), not "chốt".
 */
export function goesAhead(text: string): boolean {
  const words = foldKey(text).split(' ').filter(Boolean);
  return words.length <= 6 && words.some((word) => GO_AHEAD.has(word)) && words.every((word) => GO_AHEAD.has(word) || AROUND_GO_AHEAD.has(word));
}

/** At most this many words is a short reply: an answer, not a sentence about something else. */
export function isShort(text: string, words = 3): boolean {
  return text.split(/\s+/).filter(Boolean).length <= words;
}

/** Words that ask wherever they stand, and particles that ask at the end ("còn không", "được chưa"). */
const QUESTION_WORDS = new Set(['may', 'gi', 'nao', 'sao', 'dau', 'nhieu', 'lau', 'bn']);
const QUESTION_ENDINGS = new Set(['khong', 'ko', 'k', 'chua', 'ha', 'hok', 'hem', 'hong', 'nhi', 'ta']);
/** Words of address after the particle ("có không shop", "được chưa ạ"): the question still ends there. */
const ADDRESS_AFTER = new Set(['shop', 'a', 'ad', 'admin', 'em', 'e', 'ban', 'anh', 'chi', 'oi', 'vay', 'z', 'v', 'nhe', 'nha']);

function lastMeaningful(clause: readonly string[]): string | undefined {
  let end = clause.length;
  while (end > 1 && ADDRESS_AFTER.has(clause[end - 1]!)) end--;
  return clause[end - 1];
}

/** Whether a message asks something; `tokens` are its words as understood (shorthand spelled out). */
export function looksLikeQuestion(text: string, tokens: readonly string[] = []): boolean {
  const words = foldKey(text).split(' ');
  // A particle ends a question ("còn không"); alone ("ko, …") it is an answer.
  const clauses = text.split(/[,.;!\n]+/).map((clause) => foldKey(clause).split(' ')).filter((clause) => clause.length >= 2);
  // "bao giờ" (when) asks; "giờ" alone is the hour or "now".
  const asksWhen = words.some((word, i) => word === 'bao' && words[i + 1] === 'gio');
  return text.includes('?') || asksWhen || [...words, ...tokens].some((word) => QUESTION_WORDS.has(word)) || clauses.some((clause) => QUESTION_ENDINGS.has(lastMeaningful(clause)!));
}
