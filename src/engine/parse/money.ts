import { fold } from '../../text/fold';

/** Words after a number that scale it (folded): "85k", "85 nghìn", "1tr2", "2 tỷ". */
const MULTIPLIERS = new Map<string, number>([
  ['k', 1_000],
  ['nghin', 1_000],
  ['ngan', 1_000],
  ['tr', 1_000_000],
  ['trieu', 1_000_000],
  ['ty', 1_000_000_000],
  ['ti', 1_000_000_000],
]);

/** Words after a number that say it is already in đồng ('đ' folds to 'd'). */
const CURRENCY_WORDS = new Set(['d', 'dong', 'vnd', '₫']);

/** A folded word that makes the number before it a price ("85k", "85 nghìn", "85đ"). */
export function isMoneyWord(folded: string): boolean {
  return MULTIPLIERS.has(folded) || CURRENCY_WORDS.has(folded);
}

/** Units that make a bare number a count or a weight, not a price: "5000 cành", "1000 trái". */
const COUNTING_WORDS = new Set([
  'kg', 'ky', 'ki', 'kilo', 'can', 'lang', 'g', 'gr', 'gam', 'gram', 'trai', 'qua', 'hop', 'thung', 'tui', 'chai',
  'bao', 'hu', 'goi', 'lon', 'canh', 'cay', 'bo', 'chuc', 'cai', 'con', 'cu', 'bich', 'khay', 'lit', 'ml',
]);

/** Without a unit only a plausible price counts: not a quantity ("3"), not a phone number. */
const BARE_MINIMUM = 1_000;
const BARE_MAX_DIGITS = 9;

type Token =
  | { kind: 'number'; text: string; /** Written right after the previous token, as in "1tr2". */ glued: boolean }
  | { kind: 'word'; text: string }
  | { kind: 'break' };

function tokenize(text: string): Token[] {
  // "1 200 000 đồng", "85 000đ": spaces between thousands become the dots Vietnamese writes.
  const folded = fold(text)
    .replace(/(?<![\d.,])\d{1,3}(?: \d{3}){2,}(?![\d.,])/g, (digits) => digits.replace(/ /g, '.'))
    .replace(/(?<![\d.,])(\d{1,3}) (\d{3})(?=\s*(?:d|dong|vnd|₫)(?![a-z]))/g, '$1.$2');
  let previousEnd = -1;
  return [...folded.matchAll(/(\d+(?:[.,]\d+)*)|([a-z]+|₫)|\S/g)].map((match): Token => {
    const [whole, number, word] = match;
    const glued = match.index === previousEnd;
    previousEnd = match.index + whole.length;
    if (number !== undefined) return { kind: 'number', text: number, glued };
    if (word !== undefined) return { kind: 'word', text: word };
    return { kind: 'break' };
  });
}

/**
 * A written number by Vietnamese convention: '.' groups thousands ("1.200.000"), ',' is the
 * decimal comma ("1,2"); customers also write a decimal dot ("1.5tr"), told apart from
 * grouping by not having exactly three digits after it.
 */
export function readNumeral(text: string): number | null {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  return null;
}

function wordAt(tokens: Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.kind === 'word' ? token.text : undefined;
}

/** The amount written at `index` (a number token), or null when that number is no price. */
function amountAt(tokens: Token[], index: number): number | null {
  const written = tokens[index];
  if (written?.kind !== 'number') return null;
  const value = readNumeral(written.text);
  if (value === null) return null;
  const unit = wordAt(tokens, index + 1);
  const multiplier = unit === undefined ? undefined : MULTIPLIERS.get(unit);
  if (multiplier !== undefined) return Math.round(value * multiplier + remainderAfter(tokens, index + 2, multiplier));
  if (unit !== undefined && CURRENCY_WORDS.has(unit)) return Number.isInteger(value) ? value : null;
  if (unit !== undefined && COUNTING_WORDS.has(unit)) return null;
  const bare = /^[1-9]\d*$/.test(written.text.replace(/\./g, '')) && Number.isInteger(value);
  return bare && value >= BARE_MINIMUM && String(value).length <= BARE_MAX_DIGITS ? value : null;
}

/**
 * What follows a multiplier: "rưỡi" is half of it ("2 triệu rưỡi"), and digits are the next
 * places down ("1tr2" = 1.200.000, "1 triệu 250" = 1.250.000) unless a smaller unit names
 * them ("1 triệu 200 nghìn").
 */
function remainderAfter(tokens: Token[], index: number, multiplier: number): number {
  if (wordAt(tokens, index) === 'ruoi') return multiplier / 2;
  const next = tokens[index];
  if (next?.kind !== 'number' || !/^\d{1,3}$/.test(next.text)) return 0;
  const unit = wordAt(tokens, index + 1);
  const smaller = unit === undefined ? undefined : MULTIPLIERS.get(unit);
  if (smaller !== undefined) return smaller < multiplier ? Number(next.text) * smaller : 0;
  if (unit !== undefined && !CURRENCY_WORDS.has(unit) && !next.glued) return 0;
  return (Number(next.text) / 10 ** next.text.length) * multiplier;
}

/** The first amount of money in the text, in whole đồng: "tầm 300k thôi" → 300000. */
export function parseMoney(text: string): number | null {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const amount = amountAt(tokens, i);
    if (amount !== null) return amount;
  }
  return null;
}

/** 1200000 → '1.200.000đ', the way shops write prices. */
export function formatVnd(amount: number): string {
  const rounded = Math.round(amount);
  const grouped = String(Math.abs(rounded)).replace(/\B(?=(?:\d{3})+$)/g, '.');
  return `${rounded < 0 ? '-' : ''}${grouped}đ`;
}
