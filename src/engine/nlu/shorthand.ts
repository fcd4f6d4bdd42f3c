/**
 * Shorthand and teencode customers type, in folded form (see VIETNAM.md).
 * Single-letter forms only count as whole words, never inside "85k" or "2kg".
 */
const ALWAYS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  ko: ['khong'],
  k: ['khong'],
  kh: ['khong'],
  khg: ['khong'],
  hok: ['khong'],
  hong: ['khong'],
  hem: ['khong'],
  dc: ['duoc'],
  dk: ['duoc'],
  nhiu: ['bao', 'nhieu'],
  bnh: ['bao', 'nhieu'],
  bnhieu: ['bao', 'nhieu'],
  baonhieu: ['bao', 'nhieu'],
  sp: ['san', 'pham'],
  sdt: ['so', 'dien', 'thoai'],
  dt: ['dien', 'thoai'],
  ck: ['chuyen', 'khoan'],
  stk: ['so', 'tai', 'khoan'],
  tk: ['tai', 'khoan'],
  sh: ['shop'],
  dh: ['don', 'hang'],
  mk: ['minh'],
  mik: ['minh'],
  mjk: ['minh'],
  j: ['gi'],
  z: ['vay'],
  v: ['vay'],
  r: ['roi'],
  ntn: ['nhu', 'the', 'nao'],
  lm: ['lam'],
  ak: ['a'],
  oke: ['ok'],
  oki: ['ok'],
  okie: ['ok'],
  okela: ['ok'],
  okay: ['ok'],
  okey: ['ok'],
  oce: ['ok'],
  yes: ['ok'],
  yep: ['ok'],
  uk: ['u'],
  uki: ['u'],
  uhm: ['u'],
  um: ['u'],
  uh: ['u'],
  hnay: ['hom', 'nay'],
  trc: ['truoc'],
  ns: ['noi'],
  sl: ['so', 'luong'],
  bh: ['bao', 'gio'],
  bg: ['bao', 'gio'],
  cx: ['cung'],
  vs: ['voi'],
  ms: ['moi'],
  ng: ['nguoi'],
  nt: ['nhan', 'tin'],
  ib: ['nhan', 'tin'],
  ad: ['admin'],
  e: ['em'],
  a: ['anh'],
  c: ['chi'],
  cafe: ['ca', 'phe'],
  cf: ['ca', 'phe'],
  coffee: ['ca', 'phe'],
  fs: ['freeship'],
  bb: ['bye'],
  pp: ['bye'],
  gn: ['good', 'night'],
  g9: ['good', 'night'],
  ship: ['ship'],
}));

/** After these words "bn" asks an amount ("gia bn", "het bn"); elsewhere it can mean "bạn". */
const AMOUNT_CONTEXT = new Set(['gia', 'het', 'la', 'tien', 'mat', 'ship', 'phi', 'ban', 'nay', 'do', 'kg', 'ky', 'hop', 'thung', 'chai', 'tui']);
const PERSON_CONTEXT = new Set(['oi', 'co', 'muon', 'can', 'dang', 'da', 'lay', 'mua', 'dat', 'cho', 'nhe', 'nha', 'gui', 'giup', 'o']);

/** "bạn" as opposed to "bán"; see analyze.ts. */
const YOU = '<you>';

/** Free delivery said in several words ("free ship", "miễn phí ship"): one word, as "freeship" is typed. */
const FREE_SHIPPING: readonly (readonly string[])[] = [
  ['free', 'ship'],
  ['fre', 'ship'],
  ['mien', 'phi', 'ship'],
  ['mien', 'ship'],
  ['mien', 'phi', 'giao', 'hang'],
  ['mien', 'phi', 'van', 'chuyen'],
];

function freeShippingAt(words: readonly string[], i: number): number {
  const phrase = FREE_SHIPPING.find((parts) => parts.every((part, k) => words[i + k] === part));
  return phrase ? phrase.length : 0;
}

export function expandShorthand(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const free = word === 'free' || word === 'fre' || word === 'mien' ? freeShippingAt(words, i) : 0;
    if (free > 0) {
      out.push('freeship');
      i += free - 1;
      continue;
    }
    // A Map, so "constructor" or "__proto__" typed by a customer is just a word.
    const expansion = word === 'bn' || word === 'bnt' ? readBn(words[i - 1], words[i + 1]) : ALWAYS.get(word);
    if (expansion === undefined) out.push(word);
    else for (const part of expansion) out.push(part);
  }
  return out;
}

function readBn(before: string | undefined, after: string | undefined): string[] {
  if (after !== undefined && PERSON_CONTEXT.has(after) && !(before && AMOUNT_CONTEXT.has(before))) return [YOU];
  if (before === undefined && after === undefined) return ['bao', 'nhieu'];
  if (before === undefined) return after && /^\d/.test(after) ? ['bao', 'nhieu'] : [YOU];
  return ['bao', 'nhieu'];
}
