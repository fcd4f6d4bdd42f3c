import type { Product } from '../../flows/schema';
import { MentionIndex, type Mention } from '../nlu/mentions';
import { productNames } from '../nlu/product-names';
import { toWordForms, type Words } from '../nlu/words';
import { parseQuantity, type Quantity, type QuantityUnit } from './quantity';

/** One product the customer wants, with how much when they said it. */
export interface OrderLineFact {
  productId: string;
  /** In the product's own unit ("1 thùng 10kg" of a product sold by the kg is 10); null when not said or not convertible. */
  quantity: number | null;
  unit: QuantityUnit;
  /** The quantity as said, before conversion. */
  said: Quantity | null;
}

export interface OrderLinesFact {
  /** In the order named; the same product may appear twice. */
  lines: OrderLineFact[];
  /** Products taken out ("bỏ bưởi ra", "khong lay xoai nua"). */
  removed: string[];
  /** Amounts taken off a product's line ("bớt 1 ký sầu riêng"), in the product's unit. */
  reduced: OrderLineFact[];
  /** A quantity said with no product ("à nhầm, 3 ký thôi", "1 thùng 10kg"): for the product in question. */
  looseQuantity: Quantity | null;
  /** The customer corrects what came before ("nhầm", "sửa lại", "… thôi"): quantities replace, not add. */
  correction: boolean;
}

/** The shop's product names and aliases, compiled once for every message. */
export interface CatalogIndex {
  mentions: MentionIndex;
  units: ReadonlyMap<string, QuantityUnit>;
  /** The first words of each product's names: products sharing one are of a kind ("cà phê …"). */
  firstWords: ReadonlyMap<string, ReadonlySet<string>>;
}

export function catalogIndex(catalog: readonly Pick<Product, 'id' | 'name' | 'aliases' | 'unit'>[]): CatalogIndex {
  return {
    mentions: new MentionIndex(productNames(catalog)),
    units: new Map(catalog.map((product) => [product.id, product.unit])),
    firstWords: new Map(catalog.map((product) => [product.id, new Set([product.name, ...product.aliases].map((name) => toWordForms(name).folded[0] ?? ''))])),
  };
}

/** Two products of a kind: one of their names begins with the same word. */
function ofAKind(catalog: CatalogIndex, a: string, b: string): boolean {
  const words = catalog.firstWords.get(b);
  return [...(catalog.firstWords.get(a) ?? [])].some((word) => words?.has(word));
}

/**
 * The amount in a product's own unit: a bare number counts that unit, a package holding kilos
 * counts its kilos ("1 bao 10 ký" = 10 kg), packages and pieces count each other ("5 hộp" of a
 * product sold by the bag is 5), and pieces of a product sold by the kg are no amount (null).
 */
export function amountInUnit(quantity: Quantity, unit: QuantityUnit): number | null {
  if (quantity.unit === null || quantity.unit === unit) return quantity.amount;
  if (quantity.per && (quantity.per.unit === unit || quantity.per.unit === null)) return quantity.amount * quantity.per.amount;
  if (quantity.unit !== 'kg' && unit !== 'kg') return quantity.amount;
  return null;
}

/** `amountInUnit` in a product's unit; the number as said while no product is known. */
export function amountIn(quantity: Quantity, item: { unit: QuantityUnit } | undefined): number | null {
  return item ? amountInUnit(quantity, item.unit) : quantity.amount;
}

const seq = (...names: string[]) => names.map((name) => name.split(' '));
/** After unmarked "bo" these make it the verb bỏ: "bo qua" (skip), "bo ra", "bo di", "bo het". */
const BO_VERB_FOLLOWERS = new Set(['qua', 'ra', 'di', 'het', 'bot', 'giup', 'dum', 'gium']);
/** Taking a product out, before or after it: "bỏ bưởi", "bưởi không lấy nữa". */
const REMOVAL = seq('bo', 'bot', 'xoa', 'huy', 'khoi', 'khong lay', 'ko lay', 'k lay', 'khong mua', 'ko mua', 'k mua', 'khong can', 'ko can', 'dung lay', 'loai bo');
/** "bớt": with an amount, less of a product rather than none. */
const REDUCE = ['bot'];
/** Saying that what came before was wrong. */
const CORRECTION = seq('nham', 'lon', 'sua', 'sua lai', 'sua thanh', 'doi lai', 'doi thanh', 'doi sang', 'doi qua', 'chuyen sang', 'chuyen thanh', 'thay bang', 'chu khong phai', 'chi lay', 'lay lai');
/** One quantity for every product named without its own: "mỗi loại 2kg: xoài, bưởi". */
const EACH = seq('moi loai', 'moi thu', 'moi mon', 'moi sp', 'moi san pham', 'moi vi', 'moi kieu', 'moi cai', 'moi ben');
const DELIVERY_VERBS = new Set(['giao', 'gui', 'ship', 'dong']);
/** Words that start a new request inside one line: "bỏ bưởi, lấy thêm xoài". */
const CLAUSE_WORDS = new Set(['con', 'nhung', 'them', 'lay', 'mua', 'dat']);
const CONNECTORS = new Set(['voi', 'va', 'them', 'cung', 'kem']);
/** Words of a number that belongs to the word before it, not a product: "xb12", "q1", "st25". */
const GLUED_CODE = /\p{L}+\d+/gu;
/** "1kg5" is 1,5 kg, not a code: a kilo word glued to one digit of tenths. */
const KILOS_AND_TENTHS = /^(?:kg|ky|ký|ki|kí)\d$/iu;
/** Words that may close a request after its number ("xoai 3 nha"). */
const POLITENESS = new Set(['a', 'ak', 'ah', 'nhe', 'nha', 'nhen', 'ne', 'thoi', 'oi', 'shop', 'voi', 'va', 'nua']);
/** Words around a bare number that asks for that many: "lay 4 nha", "vay 5 thoi". */
const QUANTITY_TALK = new Set(['lay', 'them', 'dat', 'mua', 'cho', 'minh', 'em', 'e', 'vay', 'thi', 'thoi', 'a', 'ak', 'nha', 'nhe', 'ne', 'oi', 'shop', 'chi', 'anh', 'ok', 'uk', 'nham', 'sua', 'lai', 'doi', 'thanh', 'con', 'so', 'luong', 'sl', 'khoang', 'tam', 'chung']);
/** A number without a unit goes with a product only this close to it; farther it is a house number or a date. */
const BARE_REACH = 3;

interface Token {
  marked: string;
  folded: string;
  start: number;
  end: number;
  /** Punctuation that ends a clause comes right before this word. */
  pauseBefore: boolean;
}

/**
 * Every product named in one line with the quantity said next to it: "cho minh dat 2 ky buoi voi
 * nua ky ca phe" → bưởi 2 kg, cà phê 0.5 kg; "dat 3kg xoai"; "5 hop mit say + 2 hu mat ong";
 * removals ("bỏ bưởi ra") and corrections ("à nhầm, 3 ký thôi") apart.
 */
export function readOrderLines(text: string, catalog: CatalogIndex): OrderLinesFact {
  const original = text.normalize('NFC');
  // Quantities are read where codes are blanked out; the same offsets name the products.
  const written = original.replace(GLUED_CODE, (code) => (KILOS_AND_TENTHS.test(code) ? code : ' '.repeat(code.length)));
  const tokens = tokenize(original);
  const words: Words = { marked: tokens.map((token) => token.marked), folded: tokens.map((token) => token.folded) };
  const removalVerbs = new Set<number>();
  const mentions = catalog.mentions.find(words).filter((mention, i, all) => {
    // Unmarked "bo" is bỏ (take out) when a product follows it, not bơ (avocado): "bo buoi ra".
    const next = all[i + 1];
    const unmarkedBo = mention.end - mention.start === 1 && words.marked[mention.start] === 'bo';
    const verb = unmarkedBo && (next?.start === mention.end || BO_VERB_FOLLOWERS.has(words.folded[mention.end] ?? ''));
    if (verb) removalVerbs.add(mention.start);
    return !verb;
  }).reduce<Mention[]>((merged, mention) => {
    // "cafe robusta": two aliases of one product side by side name it once; "cf arabica": the
    // word for the kind ("cf" reads as Robusta alone) before a product of that kind names that one.
    const last = merged.at(-1);
    if (last && last.id === mention.id && last.end === mention.start) merged[merged.length - 1] = { ...last, end: mention.end };
    else if (last && last.end === mention.start && last.end - last.start === 1 && ofAKind(catalog, last.id, mention.id)) merged[merged.length - 1] = { ...mention, start: last.start };
    else merged.push(mention);
    return merged;
  }, []);

  const result: OrderLinesFact = { lines: [], removed: [], reduced: [], looseQuantity: null, correction: false };
  /** Where the last clause that named products ends: a quantity in the very next clause may be theirs. */
  let namedUntil = -1;
  /** The quantity said with "mỗi loại", for the products named without one. */
  let each: Quantity | null = null;
  for (const clause of clauses(tokens, mentions)) {
    const inClause = mentions.filter((mention) => mention.start >= clause.from && mention.end <= clause.to);
    const folded = words.folded.slice(clause.from, clause.to);
    const named = (at: number) => inClause.some((mention) => at >= mention.start - clause.from && at < mention.end - clause.from);
    const removing = [...removalVerbs].some((at) => at >= clause.from && at < clause.to) || REMOVAL.some((verb) => occurrences(folded, verb).some((at) => !named(at)));
    // "giao nhầm" is a complaint about the delivery, not a correction of the customer's own words.
    const corrects = CORRECTION.some((marker) => occurrences(folded, marker).some((at) => !DELIVERY_VERBS.has(folded[at - 1] ?? '')));
    if (corrects || folded.at(-1) === 'thoi') result.correction = true;
    const forEach = EACH.some((marker) => occurrences(folded, marker).length > 0);
    if (removing) {
      // "bớt 1 ký sầu riêng": with an amount, "bớt" takes that much off the line, not the line out.
      const reduced = inClause.length > 0 && occurrences(folded, REDUCE).length > 0 ? linesOf(written, tokens, inClause, clause, catalog).filter((line) => line.quantity !== null) : [];
      if (reduced.length > 0) result.reduced.push(...reduced);
      else result.removed.push(...inClause.map((mention) => mention.id));
      continue;
    }
    if (inClause.length === 0) {
      const quantity = quantityIn(written, tokens, clause.from, clause.to);
      // A bare number stands for a quantity only among words of asking for one ("lay 4 nha"); "phuong 4" is an address.
      const plain = quantity && (quantity.unit !== null || folded.every((word) => /^\d/.test(word) || QUANTITY_TALK.has(word)));
      if (!quantity || !plain) continue;
      if (forEach) {
        each ??= quantity;
        continue;
      }
      // "buoi lay 4 ky nha": the quantity of the product just named without one.
      const previous = result.lines.at(-1);
      if (previous && previous.said === null && namedUntil === clause.from) {
        result.lines[result.lines.length - 1] = { ...previous, quantity: amountInUnit(quantity, previous.unit), said: quantity };
      } else {
        result.looseQuantity ??= quantity;
      }
      continue;
    }
    namedUntil = clause.to;
    const lines = linesOf(written, tokens, inClause, clause, catalog);
    if (forEach) each ??= lines.find((line) => line.said !== null)?.said ?? null;
    result.lines.push(...lines);
  }
  if (each) {
    const shared = each;
    result.lines = result.lines.map((line) => (line.said === null ? { ...line, quantity: amountInUnit(shared, line.unit), said: shared } : line));
  }
  if (result.lines.length === 0 && result.removed.length === 0 && result.reduced.length === 0 && result.looseQuantity === null) result.correction = false;
  return result;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}/.,]+/gu)) {
    const raw = match[0].replace(/[.,]+$/, '');
    const pauseBefore = /[,;.!?\n+&]/.test(text.slice(last, match.index)) || tokens.length === 0;
    last = match.index + raw.length;
    const forms = toWordForms(raw);
    forms.marked.forEach((marked, k) => tokens.push({ marked, folded: forms.folded[k]!, start: match.index, end: match.index + raw.length, pauseBefore: pauseBefore && k === 0 }));
  }
  return tokens;
}

/**
 * Word ranges [from, to) of the requests in a line, split at punctuation and at words that start
 * a new one, never inside a product's name ("arabica cầu đất": "đất" is no "đặt" there).
 */
function clauses(tokens: readonly Token[], mentions: readonly Mention[]): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i < tokens.length; i++) {
    const negated = ['khong', 'ko', 'k', 'dung'].includes(tokens[i - 1]!.folded);
    const inName = mentions.some((mention) => mention.start < i && i < mention.end);
    if (tokens[i]!.pauseBefore || (CLAUSE_WORDS.has(tokens[i]!.folded) && !negated && !inName && !CLAUSE_WORDS.has(tokens[i - 1]!.folded))) {
      ranges.push({ from, to: i });
      from = i;
    }
  }
  if (tokens.length > 0) ranges.push({ from, to: tokens.length });
  return ranges;
}

function occurrences(words: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((word, k) => words[i + k] === word)) found.push(i);
  return found;
}

function quantityIn(text: string, tokens: readonly Token[], from: number, to: number): Quantity | null {
  if (from >= to) return null;
  return parseQuantity(text.slice(tokens[from]!.start, tokens[to - 1]!.end));
}

/**
 * Quantities go to the product they stand beside. A line that opens with a quantity ("2 ký
 * bưởi với nửa ký cà phê") puts each before its product; otherwise each follows its product
 * ("xoài 3kg"); a connector between two products ("với", "và") says where one request ends.
 */
function linesOf(text: string, tokens: readonly Token[], mentions: readonly Mention[], clause: { from: number; to: number }, catalog: CatalogIndex): OrderLineFact[] {
  const said: (Quantity | null)[] = mentions.map(() => null);
  const near = (from: number, to: number, side: 'before' | 'after'): Quantity | null => {
    const quantity = quantityIn(text, tokens, from, to);
    if (!quantity || quantity.unit !== null) return quantity;
    if (side === 'before') return quantityIn(text, tokens, Math.max(from, to - BARE_REACH), to);
    // After the product a bare number ends the request ("xoai 3 nha"); "xoai giao 12 le loi" is an address.
    const at = tokens.slice(from, Math.min(to, from + BARE_REACH)).findIndex((token) => /^\d/.test(token.folded));
    const following = tokens[from + at + 1];
    return at !== -1 && (from + at + 1 >= to || !following || POLITENESS.has(following.folded)) ? quantityIn(text, tokens, from + at, from + at + 1) : null;
  };
  const first = mentions[0]!;
  said[0] = near(clause.from, first.start, 'before');
  const quantityFirst = said[0] !== null;
  for (let i = 1; i < mentions.length; i++) {
    const from = mentions[i - 1]!.end;
    const to = mentions[i]!.start;
    const connector = tokens.slice(from, to).findIndex((token) => CONNECTORS.has(token.folded));
    if (connector !== -1) {
      said[i - 1] ??= near(from, from + connector, 'after');
      said[i] = near(from + connector + 1, to, 'before');
    } else if (quantityFirst) {
      said[i] = near(from, to, 'before');
    } else {
      said[i - 1] ??= near(from, to, 'after');
    }
  }
  const last = mentions.length - 1;
  const after = near(mentions[last]!.end, clause.to, 'after');
  const counted = said[last];
  // "1 thùng xoài 10kg": what the package holds may follow the product.
  if (counted && counted.unit !== null && counted.unit !== 'kg' && !counted.per && after?.unit === 'kg') said[last] = { ...counted, per: after };
  said[last] ??= after;
  return mentions.map((mention, i) => {
    const unit = catalog.units.get(mention.id)!;
    const quantity = said[i] ?? null;
    return { productId: mention.id, quantity: quantity ? amountInUnit(quantity, unit) : null, unit, said: quantity };
  });
}
