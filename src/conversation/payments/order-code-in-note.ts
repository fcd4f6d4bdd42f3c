import { fold } from '../../text/fold';

/**
 * Finding an order code in a transfer note as the bank passed it on. Banks and apps change the
 * note: upper case, tone marks stripped, spaces or dots inserted ("XB 128", "X.B.128"), their
 * own prefixes and references around it ("MBVCB.3278907687.XB128.CT tu 0123…"), sometimes all
 * spaces removed. So the note and every known code are compared as letters and digits only.
 */

export type CodeInNote = { kind: 'found'; code: string } | { kind: 'none' } | { kind: 'ambiguous'; codes: string[] };

/** Letters and digits only, tone marks folded, upper case. */
export function compactCode(text: string): string {
  return fold(text).toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The one order among `codes` the note names. A code standing on its own (a separator or a
 * change between letters and digits on each side) beats one run together with other words;
 * two different codes equally well placed are ambiguous, for the owner to decide.
 */
export function findOrderCode(note: string, codes: readonly string[], serviceCode: string | null = null): CodeInNote {
  if (serviceCode) {
    const wanted = compactCode(serviceCode);
    const named = codes.find((code) => compactCode(code) === wanted);
    if (named) return { kind: 'found', code: named };
  }
  const text = readNote(note);
  const clean = new Set<string>();
  const loose = new Set<string>();
  for (const code of codes) {
    const compact = compactCode(code);
    if (compact.length < 3) continue;
    for (let at = text.compact.indexOf(compact); at >= 0; at = text.compact.indexOf(compact, at + 1)) {
      (standsAlone(text, at, compact.length) ? clean : loose).add(code);
    }
  }
  return pick(clean.size > 0 ? clean : loose);
}

interface ReadNote {
  compact: string;
  /** For each compact character, whether a separator stood right before it in the note. */
  separatedBefore: boolean[];
}

function readNote(note: string): ReadNote {
  const folded = fold(note).toUpperCase();
  let compact = '';
  const separatedBefore: boolean[] = [];
  let separated = true;
  for (const char of folded) {
    if (/[A-Z0-9]/.test(char)) {
      compact += char;
      separatedBefore.push(separated);
      separated = false;
    } else {
      separated = true;
    }
  }
  return { compact, separatedBefore };
}

function standsAlone(text: ReadNote, at: number, length: number): boolean {
  const end = at + length;
  const startsClean = at === 0 || text.separatedBefore[at]! || isDigit(text.compact[at - 1]!) !== isDigit(text.compact[at]!);
  const endsClean = end === text.compact.length || text.separatedBefore[end]! || isDigit(text.compact[end - 1]!) !== isDigit(text.compact[end]!);
  return startsClean && endsClean;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/** A code found inside a longer code that was found too is that longer code ("XB12" in "XB128"). */
function pick(found: Set<string>): CodeInNote {
  const codes = [...found].filter((code) => ![...found].some((other) => other !== code && compactCode(other).includes(compactCode(code))));
  if (codes.length === 0) return { kind: 'none' };
  if (codes.length === 1) return { kind: 'found', code: codes[0]! };
  return { kind: 'ambiguous', codes: codes.sort() };
}
