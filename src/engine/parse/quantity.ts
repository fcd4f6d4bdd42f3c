import { fold } from '../../text/fold';
import { isMoneyWord, readNumeral } from './money';
import { marksFit } from './province';

export type QuantityUnit = 'kg' | 'trái' | 'hộp' | 'thùng' | 'túi' | 'chai' | 'bao' | 'hũ' | 'gói' | 'lon';

export interface Quantity {
  amount: number;
  /** Null for a bare number ("3"): the product decides what it counts. Weights are always kg. */
  unit: QuantityUnit | null;
  /** What one unit holds: '1 thùng 10kg' → { amount: 1, unit: 'thùng', per: { amount: 10, unit: 'kg' } }. */
  per?: Quantity;
}

interface UnitSpelling {
  /** Lower case with tone marks, word by word: typed marks must fit these. */
  marked: string[];
  folded: string[];
  unit: QuantityUnit;
  /** How many of `unit` one of these is: a lạng is 0.1 kg. */
  size: number;
}

function spelling(written: string, unit: QuantityUnit, size = 1): UnitSpelling {
  const marked = written.split(' ');
  return { marked, folded: marked.map(fold), unit, size };
}

// Longer spellings first, so "ki lô" is read whole before "ki".
const UNIT_SPELLINGS: readonly UnitSpelling[] = [
  ...['ki lô', 'kí lô', 'ký lô'].map((written) => spelling(written, 'kg')),
  ...['kg', 'ký', 'kí', 'kilô', 'kilogam', 'kilogram', 'cân'].map((written) => spelling(written, 'kg')),
  spelling('lạng', 'kg', 0.1),
  spelling('yến', 'kg', 10),
  ...['g', 'gr', 'gam', 'gram'].map((written) => spelling(written, 'kg', 0.001)),
  spelling('trái', 'trái'),
  spelling('quả', 'trái'),
  spelling('hộp', 'hộp'),
  spelling('thùng', 'thùng'),
  spelling('túi', 'túi'),
  spelling('bịch', 'túi'),
  spelling('chai', 'chai'),
  spelling('bao', 'bao'),
  spelling('hũ', 'hũ'),
  spelling('lọ', 'hũ'),
  spelling('gói', 'gói'),
  spelling('lon', 'lon'),
];

/** Packages that hold a count of smaller items: "1 thùng 24 lon", "1 hộp 6 trái". */
const CONTAINERS = new Set<QuantityUnit>(['thùng', 'hộp', 'bao', 'túi']);
const ITEMS = new Set<QuantityUnit>(['trái', 'chai', 'lon', 'gói', 'hũ']);

/** Words between a package and what it holds: "2 hộp loại 500g", "3 túi x 1kg". */
const PER_CONNECTORS = new Set(['loai', 'x']);

/** Digits, 1 to 9, as words; 'mốt', 'tư' and 'lăm' only stand after tens ("hai mươi mốt"). */
const DIGIT_WORDS: readonly { marked: string; value: number }[] = [
  { marked: 'một', value: 1 },
  { marked: 'hai', value: 2 },
  { marked: 'ba', value: 3 },
  { marked: 'bốn', value: 4 },
  { marked: 'năm', value: 5 },
  { marked: 'sáu', value: 6 },
  { marked: 'bảy', value: 7 },
  { marked: 'bẩy', value: 7 },
  { marked: 'tám', value: 8 },
  { marked: 'chín', value: 9 },
];
const UNITS_DIGIT_WORDS = [...DIGIT_WORDS, { marked: 'mốt', value: 1 }, { marked: 'tư', value: 4 }, { marked: 'lăm', value: 5 }];

/** Words a customer may add around a number answered on its own ("hai nhé"). */
const POLITENESS = new Set(['a', 'ak', 'ah', 'nhe', 'nha', 'nhen', 'ne', 'thoi', 'oi', 'shop']);

/** Prices and phone numbers are not quantities; no shop order counts ten thousand of anything. */
const MAX_QUANTITY = 10_000;

type Token =
  | { kind: 'number'; text: string; glued: boolean }
  | { kind: 'word'; marked: string; folded: string }
  | { kind: 'break' };

/** Phone numbers, however grouped: blanked out before reading, so "0912 345 678" is not "345". */
const PHONE_LIKE = /\+?\(?\d[\d\s.\-()]{7,}\d/g;
const PHONE_MIN_DIGITS = 9;

function tokenize(text: string): Token[] {
  const unphoned = text.normalize('NFC').replace(PHONE_LIKE, (run) => (run.replace(/\D/g, '').length >= PHONE_MIN_DIGITS ? '\n' : run));
  let previousEnd = -1;
  return [...unphoned.matchAll(/(\d\/[234](?![\d/])|\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+)|([,;:!?.\n])|\S/gu)].flatMap((match): Token[] => {
    const [whole, number, word, pause] = match;
    const glued = match.index === previousEnd;
    previousEnd = match.index + whole.length;
    if (number !== undefined) return [{ kind: 'number', text: number, glued }];
    if (word !== undefined) return [{ kind: 'word', marked: word.toLowerCase(), folded: fold(word) }];
    return pause !== undefined ? [{ kind: 'break' }] : [];
  });
}

class Reader {
  constructor(private readonly tokens: Token[]) {}

  get length(): number {
    return this.tokens.length;
  }

  folded(at: number): string | undefined {
    const token = this.tokens[at];
    return token?.kind === 'word' ? token.folded : undefined;
  }

  /** True when the word at `at` is `known`, typed with or without (some of) its marks. */
  is(at: number, known: string): boolean {
    const token = this.tokens[at];
    return token?.kind === 'word' && token.folded === foldedKnown(known) && marksFit(token.marked, known);
  }

  digitWord(at: number, words: readonly { marked: string; value: number }[]): number | null {
    return words.find((word) => this.is(at, word.marked))?.value ?? null;
  }

  unit(at: number): { spelling: UnitSpelling; next: number } | null {
    for (const candidate of UNIT_SPELLINGS) {
      if (candidate.marked.every((known, k) => this.is(at + k, known))) return { spelling: candidate, next: at + candidate.marked.length };
    }
    return null;
  }

  /** A number in digits that may be a quantity: not a price ("85k", "1tr2") nor a code ("0912"). */
  digits(at: number): { value: number; next: number } | null {
    const token = this.tokens[at];
    if (token?.kind !== 'number' || /^0\d/.test(token.text)) return null;
    const value = fractionOf(token.text) ?? readNumeral(token.text);
    const after = this.folded(at + 1);
    if (value === null || value >= MAX_QUANTITY || (after !== undefined && isMoneyWord(after))) return null;
    const previous = this.tokens[at - 1];
    const afterMoney = token.glued && previous?.kind === 'word' && isMoneyWord(previous.folded);
    return afterMoney ? null : { value, next: at + 1 };
  }

  /** "hai", "mười lăm", "hai mươi mốt", "ba trăm", "chục", "nửa". */
  words(at: number): { value: number; next: number } | null {
    if (this.is(at, 'nửa')) return { value: 0.5, next: at + 1 };
    if (this.is(at, 'chục')) return { value: 10, next: at + 1 };
    if (this.is(at, 'mười')) {
      const units = this.digitWord(at + 1, UNITS_DIGIT_WORDS);
      return units === null ? { value: 10, next: at + 1 } : { value: 10 + units, next: at + 2 };
    }
    const digit = this.digitWord(at, DIGIT_WORDS);
    if (digit === null) return null;
    if (this.is(at + 1, 'mươi')) {
      const units = this.digitWord(at + 2, UNITS_DIGIT_WORDS);
      return units === null ? { value: digit * 10, next: at + 2 } : { value: digit * 10 + units, next: at + 3 };
    }
    // "hai lăm" is how "hai mươi lăm" is said.
    if (this.is(at + 1, 'lăm')) return { value: digit * 10 + 5, next: at + 2 };
    if (this.is(at + 1, 'trăm')) {
      const rest = this.words(at + 2);
      return rest && rest.value < 100 ? { value: digit * 100 + rest.value, next: rest.next } : { value: digit * 100, next: at + 2 };
    }
    return { value: digit, next: at + 1 };
  }

  number(at: number): { value: number; next: number } | null {
    const read = this.digits(at) ?? this.words(at);
    // "chục" after a number counts tens of it: "hai chục" = 20.
    if (read && read.value >= 1 && this.is(read.next, 'chục')) return { value: read.value * 10, next: read.next + 1 };
    return read;
  }

  /** A number with its unit, or a unit alone with "rưỡi" ("ký rưỡi" = 1.5 kg). */
  quantity(at: number): { quantity: Quantity; next: number } | null {
    const number = this.number(at);
    const unit = this.unit(number ? number.next : at);
    if (!unit) return null;
    let amount = number?.value ?? null;
    let next = unit.next;
    if (this.is(next, 'rưỡi')) {
      amount = (amount ?? 1) + 0.5;
      next++;
    } else if (amount === null) {
      return null;
    } else if (unit.spelling.unit === 'kg' && unit.spelling.size === 1 && Number.isInteger(amount)) {
      const tenths = this.tenthsAfterKilos(next);
      if (tenths) {
        amount += tenths.value / 10;
        next = tenths.next;
      }
    }
    const quantity: Quantity = { amount: round(amount * unit.spelling.size), unit: unit.spelling.unit };
    const per = this.per(quantity.unit, next);
    return per ? { quantity: { ...quantity, per: per.quantity }, next: per.next } : { quantity, next };
  }

  /** "1 ký 2" and "1 ký 2 lạng" are 1.2 kg. */
  private tenthsAfterKilos(at: number): { value: number; next: number } | null {
    const token = this.tokens[at];
    if (token?.kind !== 'number' || !/^[1-9]$/.test(token.text)) return null;
    const unit = this.unit(at + 1);
    if (unit?.spelling.size === 0.1) return { value: Number(token.text), next: unit.next };
    return unit ? null : { value: Number(token.text), next: at + 1 };
  }

  private per(outer: QuantityUnit | null, at: number): { quantity: Quantity; next: number } | null {
    if (outer === null || outer === 'kg') return null;
    const start = PER_CONNECTORS.has(this.folded(at) ?? '') ? at + 1 : at;
    const inner = this.number(start) ? this.quantity(start) : null;
    if (!inner?.quantity.unit) return null;
    const holds = inner.quantity.unit === 'kg' || (CONTAINERS.has(outer) && ITEMS.has(inner.quantity.unit));
    return holds ? inner : null;
  }

  /** Number words with nothing but politeness after them: the whole answer is the number. */
  wholeAnswerInWords(): number | null {
    const read = this.number(0);
    if (!read) return null;
    for (let at = read.next; at < this.tokens.length; at++) {
      const token = this.tokens[at];
      if (token?.kind === 'number' || (token?.kind === 'word' && !POLITENESS.has(token.folded))) return null;
    }
    return read.value;
  }
}

/** "1/2 ký", "3/4 ký": a half, a third or a quarter, less than one; "20/5" is a date, never read here. */
function fractionOf(text: string): number | null {
  const match = /^(\d)\/([234])$/.exec(text);
  return match && Number(match[1]) < Number(match[2]) ? Number(match[1]) / Number(match[2]) : null;
}

function round(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/**
 * The first quantity with a unit in the text ("lấy cho chị 3 ký nhé" → 3 kg), else the first
 * bare number, else a number in words that is the whole answer ("hai ạ").
 */
export function parseQuantity(text: string): Quantity | null {
  const reader = new Reader(tokenize(text));
  let bare: number | null = null;
  for (let at = 0; at < reader.length; at++) {
    const found = reader.quantity(at);
    if (found) return found.quantity;
    bare ??= reader.digits(at)?.value ?? null;
  }
  const amount = bare ?? reader.wholeAnswerInWords();
  return amount === null ? null : { amount, unit: null };
}

// The words the reader knows ("nửa", "chục", units) are a fixed few: each is folded once, not at every comparison.
const knownFolded = new Map<string, string>();

function foldedKnown(known: string): string {
  let folded = knownFolded.get(known);
  if (folded === undefined) knownFolded.set(known, (folded = fold(known)));
  return folded;
}
