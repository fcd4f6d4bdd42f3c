import { fold } from '../../text/fold';

/**
 * Shop order codes: two to four letters and two to six digits, maybe with a dash ("XB12",
 * "fp948", "XB-101"), or a space when the letters are capitals or follow "đơn"/"mã" ("XB 12", "đơn xb 601":
 * "lay 10" is no code);
 * or digits after "#" / "mã đơn" / "đơn số" ("#10245").
 */
const LETTERS_AND_DIGITS = /(?<![\p{L}\p{N}])([A-Za-z]{2,4})(-|\s)?(\d{2,6})(?![\p{L}\p{N}])/gu;
const HASH_DIGITS = /#\s?(\d{3,8})(?![\p{L}\p{N}])/u;
const AFTER_ORDER_WORD = /\b(?:ma don hang|ma don|don hang so|don so|ma)\s*:?\s*(\d{3,8})(?![\p{L}\p{N}])/u;

// The shop's words that are no codes, folded once per list (the shop's vocabulary is one list for as long as its flows stand).
const excludedByList = new WeakMap<readonly string[], Set<string>>();

function excludedCodes(notCodes: readonly string[]): Set<string> {
  let excluded = excludedByList.get(notCodes);
  if (!excluded) {
    excluded = new Set(notCodes.map((code) => fold(code).replace(/[\s-]/g, '')));
    excludedByList.set(notCodes, excluded);
  }
  return excluded;
}

/**
 * The order code a customer names ("don XB12 bi dap" → "XB12"), upper case without separators;
 * null when none ("chua co ma"). Words that merely look like codes are not: promotion codes and
 * product names of the shop (`notCodes`, e.g. "XOAI10", "ST25"), units and prices ("kg10", "85k").
 */
export function readOrderCode(text: string, notCodes: readonly string[] = []): string | null {
  const excluded = excludedCodes(notCodes);
  const written = text.normalize('NFC');
  for (const match of written.matchAll(LETTERS_AND_DIGITS)) {
    const [, letters, separator, digits] = match as unknown as [string, string, string | undefined, string];
    const lower = letters.toLowerCase();
    // "lay 10" is no code; "don xb 601" is, an order word before it.
    const afterOrderWord = ORDER_WORDS_BEFORE.test(fold(written.slice(0, match.index)));
    if (separator?.trim() === '' && letters !== letters.toUpperCase() && !afterOrderWord) continue;
    if (excluded.has(`${lower}${digits}`) || NOT_CODE_LETTERS.has(lower)) continue;
    return `${letters}${digits}`.toUpperCase();
  }
  const folded = fold(written);
  const digits = HASH_DIGITS.exec(folded) ?? AFTER_ORDER_WORD.exec(folded);
  return digits ? digits[1]! : null;
}

/** The words that name an order, just before a code written in small letters with a space ("đơn xb 601"). */
const ORDER_WORDS_BEFORE = /(?:^|\s)(?:don|ma|ma don|don hang|code|dh)\s*$/;

/** Letters that, before a number, are a unit, an address part or a time, not a code ("kg 10", "hem 12", "ngo 5"). */
const NOT_CODE_LETTERS = new Set(['kg', 'ky', 'ki', 'gr', 'kp', 'hem', 'ngo', 'so', 'to', 'ap', 'lo', 'sdt', 'dt', 'tp', 'km', 'ml', 'lit', 'thu', 'ngay', 'gio', 'luc', 'sao']);
