/**
 * Splits a long reply into messages that fit Zalo's limit (2,000 characters per text or
 * caption). Length is counted in UTF-16 code units (`string.length`), which is never less than
 * the number of characters, so every part is within the limit however Zalo counts.
 *
 * - Parts are cut at line boundaries: as many whole lines as fit go into one part, and the
 *   newline where a cut falls is dropped.
 * - A single line longer than the limit is cut after its last space before the limit (the space
 *   is dropped); only a line with no such space is hard-cut.
 * - A hard cut never separates a surrogate pair (emoji), nor a letter from a combining mark
 *   that follows it, nor the halves of a zero-width-joiner sequence.
 * - No part is empty or only whitespace.
 */
export const ZALO_TEXT_LIMIT = 2000;

export function splitText(text: string, limit: number = ZALO_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`splitText: limit must be an integer >= 2, got ${limit}`);
  }
  const parts: string[] = [];
  const push = (part: string): void => {
    if (part.trim() !== '') parts.push(part);
  };

  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (current !== undefined && current.length + 1 + line.length <= limit) {
      current += '\n' + line;
      continue;
    }
    if (current !== undefined) push(current);
    if (line.length <= limit) {
      current = line;
      continue;
    }
    const pieces = splitLongLine(line, limit);
    current = pieces.pop();
    for (const piece of pieces) push(piece);
  }
  if (current !== undefined) push(current);
  return parts;
}

/** Splits one line longer than `limit`; every piece but possibly the last is within the limit. */
function splitLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    if (space > 0) {
      pieces.push(rest.slice(0, space));
      rest = rest.slice(space + 1);
    } else {
      const cut = safeCut(rest, limit);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
  }
  pieces.push(rest);
  return pieces;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isJoining = (code: number): boolean =>
  (code >= 0x0300 && code <= 0x036f) || // combining diacritical marks (NFD Vietnamese)
  (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
  code === 0x200d; // zero-width joiner

/** The largest cut position <= limit that does not fall inside a character or cluster. */
function safeCut(s: string, limit: number): number {
  let cut = limit;
  while (cut > 1) {
    const next = s.charCodeAt(cut);
    const prev = s.charCodeAt(cut - 1);
    if (isLowSurrogate(next) || isJoining(next) || prev === 0x200d) cut -= 1;
    else break;
  }
  // A run of joiners as long as the limit cannot be kept whole: fall back to a surrogate-safe cut.
  if (cut <= 1) cut = isLowSurrogate(s.charCodeAt(limit)) ? limit - 1 : limit;
  return cut;
}
