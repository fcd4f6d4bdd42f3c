import { fold } from '../../text/fold';
import { FORMER_PROVINCES, PROVINCE_ALIASES, PROVINCES, provinceById, type Province } from '../../vietnam/provinces';

export type ProvinceMatch =
  | { kind: 'found'; province: Province; via: 'name' | 'former' | 'alias'; matched: string }
  | { kind: 'ambiguous'; candidates: Province[]; matched: string };

/**
 * True when every tone or vowel mark the customer typed on a word is also on the known
 * spelling. Unmarked typing matches anything, a missing mark is a forgivable slip, but a
 * different mark means a different word: "giá lại" is not Gia Lai, "tầm" is not "tám".
 */
export function marksFit(written: string, known: string): boolean {
  const available = marksOf(known);
  for (const mark of marksOf(written)) {
    const at = available.indexOf(mark);
    if (at < 0) return false;
    available.splice(at, 1);
  }
  return true;
}

function marksOf(word: string): string[] {
  return word.toLowerCase().normalize('NFD').match(/\p{M}/gu) ?? [];
}

type Via = 'name' | 'former' | 'alias';

interface IndexEntry {
  province: Province;
  via: Via;
  /** The known spelling's words, lower case with marks, to check the customer's marks against. */
  marked: string[];
}

/** Text as words, each with where it stands in the (NFC) text so the match can quote it. */
interface Words {
  text: string;
  marked: string[];
  folded: string[];
  starts: number[];
  ends: number[];
}

function wordsOf(raw: string): Words {
  const text = raw.normalize('NFC');
  const words: Words = { text, marked: [], folded: [], starts: [], ends: [] };
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const marked = match[0].toLowerCase();
    words.marked.push(marked);
    words.folded.push(fold(marked));
    words.starts.push(match.index);
    words.ends.push(match.index + match[0].length);
  }
  return words;
}

const INDEX = new Map<string, IndexEntry[]>();
let longestKey = 0;

// Names first, then former names, then aliases: a key's first entry for a province is its best `via`.
function addToIndex(name: string, provinceId: string, via: Via): void {
  const province = provinceById(provinceId);
  if (!province) throw new Error(`${name} points at unknown province ${provinceId}`);
  const words = wordsOf(name);
  // "TP Hồ Chí Minh", "TP.HCM": customers drop or keep the "TP"; the parsers skip it either way.
  const from = words.folded[0] === 'tp' && words.folded.length > 1 ? 1 : 0;
  const folded = words.folded.slice(from);
  const marked = words.marked.slice(from);
  const key = folded.join(' ');
  const entries = INDEX.get(key) ?? [];
  const sameSpelling = entries.some((entry) => entry.province === province && entry.marked.join(' ') === marked.join(' '));
  if (sameSpelling) return;
  entries.push({ province, via, marked });
  INDEX.set(key, entries);
  longestKey = Math.max(longestKey, folded.length);
}

for (const province of PROVINCES) addToIndex(province.name, province.id, 'name');
for (const former of FORMER_PROVINCES) addToIndex(former.name, former.now, 'former');
for (const { alias, now } of PROVINCE_ALIASES) addToIndex(alias, now, 'alias');

function matchAt(words: Words, start: number, end: number): ProvinceMatch | null {
  const entries = INDEX.get(words.folded.slice(start, end).join(' '));
  if (!entries) return null;
  const fitting = entries.filter((entry) => entry.marked.every((known, k) => marksFit(words.marked[start + k]!, known)));
  const best = new Map<string, IndexEntry>();
  for (const entry of fitting) if (!best.has(entry.province.id)) best.set(entry.province.id, entry);
  // Quote "TP.HCM" whole although the index knows it as "hcm".
  const quoteFrom = words.folded[start - 1] === 'tp' ? start - 1 : start;
  const matched = words.text.slice(words.starts[quoteFrom], words.ends[end - 1]);
  const [first, ...others] = [...best.values()];
  if (!first) return null;
  if (others.length === 0) return { kind: 'found', province: first.province, via: first.via, matched };
  return { kind: 'ambiguous', candidates: [first.province, ...others.map((entry) => entry.province)], matched };
}

function longestAt(words: Words, start: number): { match: ProvinceMatch; end: number } | null {
  for (let end = Math.min(words.folded.length, start + longestKey); end > start; end--) {
    const match = matchAt(words, start, end);
    if (match) return { match, end };
  }
  return null;
}

/** Words a customer puts before the province when answering "giao về đâu ạ?". */
const LEADING_PHRASES = [
  'tinh', 'thanh pho', 'tp', 'o', 'tai', 'la', 'dang o', 'dia chi', 'khu vuc',
  'ship', 'giao', 'gui', 'chuyen', 'hang', 'cho', 'ra', 've', 'vao', 'vo', 'toi', 'den', 'qua', 'len', 'xuong',
  'em', 'e', 'anh', 'a', 'chi', 'c', 'minh', 'mk', 'mik', 'nha', 'nha em', 'nha minh',
].map((phrase) => phrase.split(' '));

/** Politeness and address words a customer ends the answer with. */
const TRAILING_WORDS = new Set([
  'a', 'ak', 'ah', 'nhe', 'nha', 'nhen', 'ne', 'nhi', 'oi', 'luon', 'thoi', 'day', 'do',
  'shop', 'sh', 's', 'ban', 'em', 'e', 'anh', 'chi', 'c',
]);

export function parseProvince(text: string): ProvinceMatch | null {
  const words = wordsOf(text);
  let end = words.folded.length;
  const ends = [end];
  while (end > 0 && TRAILING_WORDS.has(words.folded[end - 1]!)) ends.push(--end);
  // Every start reachable by dropping leading phrases; the fewest dropped is tried first, so
  // "Nha Trang" is a city before "nha" (nhà) is taken for a leading word.
  const starts: number[] = [0];
  for (let s = 0; s < starts.length; s++) {
    const at = starts[s]!;
    for (const phrase of LEADING_PHRASES) {
      const next = at + phrase.length;
      if (phrase.every((word, k) => words.folded[at + k] === word) && !starts.includes(next)) starts.push(next);
    }
  }
  starts.sort((a, b) => a - b);
  for (const start of starts) {
    for (const stop of ends) {
      if (stop - start < 1 || stop - start > longestKey) continue;
      const match = matchAt(words, start, stop);
      if (match) return match;
    }
  }
  return null;
}

/**
 * Words that make the next name a ward, district, street or lane rather than the province:
 * "phường Hòa Bình", "huyện Quảng Ninh" (in Quảng Bình), "phố Huế" (in Hà Nội).
 */
const SUBDIVISION_MARKERS = new Set([
  'phuong', 'p', 'xa', 'quan', 'q', 'huyen', 'tx', 'tt', 'thon', 'ap', 'kp',
  'duong', 'pho', 'ngo', 'ngach', 'hem', 'kiet',
]);

function afterSubdivisionMarker(words: Words, start: number): boolean {
  const before = words.folded[start - 1];
  if (before === undefined) return false;
  return SUBDIVISION_MARKERS.has(before) || (before === 'tran' && words.folded[start - 2] === 'thi');
}

/** The last province named in the text: an address ends with its province, so a street or
 *  ward named after another province earlier in the line doesn't win. */
export function findProvince(text: string): ProvinceMatch | null {
  const words = wordsOf(text);
  let last: ProvinceMatch | null = null;
  let i = 0;
  while (i < words.folded.length) {
    const found = longestAt(words, i);
    if (!found) {
      i++;
      continue;
    }
    if (!afterSubdivisionMarker(words, i)) last = found.match;
    i = found.end;
  }
  return last;
}
