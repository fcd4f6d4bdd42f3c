import { fold, foldKey, foldWords } from '../../text/fold';

/** Satisfaction on a 1–5 scale, as the shop's closing question asks. */
export type Rating = 1 | 2 | 3 | 4 | 5;

const scored = (score: Rating, names: string[]) => names.map((name) => ({ words: name.split(' '), score }));

/** Folded phrases that give a score wherever they stand; longer ones are tried first. */
const PHRASES = [
  ...scored(1, ['rat te', 'qua te', 'te qua', 'te', 'that te', 'te that', 'te hai', 'that vong', 'rat that vong', 'qua that vong', 'qua kem', 'rat kem', 'kem qua', 'chan qua', 'qua chan', 'chan that', 'rat khong hai long', 'rat buc', 'buc minh', 'qua toi', 'rat toi']),
  ...scored(2, ['chua tot', 'khong tot', 'ko tot', 'k tot', 'khong hai long', 'ko hai long', 'k hai long', 'chua hai long', 'chua ung', 'khong ung', 'ko ung', 'hoi te', 'hoi kem', 'chua on', 'khong on', 'ko on', 'hoi that vong', 'khong thich', 'ko thich']),
  ...scored(3, ['binh thuong', 'bt', 'tam duoc', 'tam tam', 'tam on', 'cung duoc', 'cung on', 'trung binh', 'tb', 'tuong doi', 'tam chap nhan', 'chap nhan duoc', 'khong te', 'ko te', 'k te', 'ok thoi', 'duoc thoi', 'on thoi', 'hoi hai long']),
  ...scored(4, ['hai long', 'kha tot', 'kha hai long', 'kha on', 'tot', 'ung y', 'thich', 'on ap', 'van on', 'good', 'kha ngon']),
  ...scored(5, ['rat hai long', 'qua hai long', 'cuc ky hai long', 'rat tot', 'qua tot', 'tot lam', 'tot qua', 'tuyet voi', 'qua tuyet', 'tuyet qua', 'tuyet lam', 'xuat sac', 'hoan hao', 'rat ung', 'rat thich', 'dinh cao', 'perfect', 'excellent', 'great', 'rat ngon', 'qua ngon', 'ngon lam', 'dinh of chop', 'full sao', 'max sao', 'du sao']),
].sort((a, b) => b.words.length - a.words.length);

/** Words that score only as the whole answer: "ổn", "được", "ok" are also everyday words ("cảm ơn"). */
const WHOLE_ANSWERS = new Map<string, Rating>([
  ['on', 3], ['duoc', 3], ['dc', 3], ['tam', 3], ['ok', 4], ['oke', 4], ['okela', 4], ['ngon', 4], ['tuyet', 5], ['dinh', 5], ['chan', 1], ['kem', 1],
]);
/** Words a customer adds around a short answer ("3 sao nhé", "ok a"). */
const POLITENESS = new Set(['a', 'ak', 'ah', 'nhe', 'nha', 'nhen', 'ne', 'shop', 'oi', 'thoi', 'minh', 'em', 'chi', 'anh', 'cho', 'danh', 'gia', 'cham', 'la', 'roi', 'r', 'luon']);
const STAR_WORDS = new Set(['sao', 'diem', 'd', 'star', 'stars']);
const NUMBER_WORDS = new Map<string, number>([['mot', 1], ['hai', 2], ['ba', 3], ['bon', 4], ['tu', 4], ['nam', 5]]);

/**
 * The score a customer gives in words or numbers: "2", "2 sao", "5*", "⭐⭐⭐", "4/5", "8 điểm"
 * (out of 10), "te qua" → 1, "chua tot" → 2, "binh thuong" → 3, "hai long" → 4, "tuyet voi" → 5;
 * `labels` are the shop's own five labels (1★ first). Null when no score is given ("giao 2 ngay").
 */
export function readRating(text: string, labels: readonly string[] = []): Rating | null {
  const written = text.normalize('NFC');
  const given = readStars(written);
  if (given !== null) return given;

  const key = foldKey(written);
  const label = labels.findIndex((candidate) => foldKey(candidate) === key);
  if (label >= 0) return (label + 1) as Rating;

  const words = foldWords(written);
  const content = words.filter((word) => !POLITENESS.has(word));
  if (content.length === 1 && /^[1-5]$/.test(content[0]!)) return Number(content[0]) as Rating;
  if (content.length === 1 && WHOLE_ANSWERS.has(content[0]!) && !markedOtherwise(written, content[0]!)) return WHOLE_ANSWERS.get(content[0]!)!;
  for (let i = 0; i < words.length; i++) {
    const phrase = PHRASES.find((candidate) => candidate.words.every((word, k) => words[i + k] === word));
    if (phrase && !(phrase.words.length === 1 && markedOtherwise(written, phrase.words[0]!))) return phrase.score;
  }
  return null;
}

/**
 * A score given as stars or points, which no other answer looks like: "4 sao", "5*", "⭐⭐⭐",
 * "4/5", "8 điểm". Null for words ("tốt") and bare numbers, which may answer something else.
 */
export function readStars(text: string): Rating | null {
  const written = text.normalize('NFC');
  const stars = [...written.matchAll(/[⭐★🌟]/gu)].length;
  if (stars >= 1 && stars <= 5) return stars as Rating;
  const symbol = /(?<![\d.,])(\d{1,2})\s*(?:\*|\/\s*(5|10)\b)/u.exec(written);
  if (symbol) return outOf(Number(symbol[1]), symbol[2] === '10' || (!symbol[2] && Number(symbol[1]) > 5) ? 10 : 5);
  const words = foldWords(written);
  for (let i = 0; i < words.length; i++) {
    const number = /^\d{1,2}$/.test(words[i]!) ? Number(words[i]) : null;
    const spelt = NUMBER_WORDS.get(words[i]!) ?? null;
    if ((number !== null || spelt !== null) && STAR_WORDS.has(words[i + 1] ?? '')) {
      // Asked for 1 to 5, "cho shop 5 điểm" is five of five; "8 điểm" can only be out of ten.
      const value = number ?? spelt!;
      return outOf(value, (words[i + 1] === 'diem' || words[i + 1] === 'd') && value > 5 ? 10 : 5);
    }
  }
  return null;
}

/** "8 điểm" is out of 10 and "9/10" is 5★; out of 5 a number above 5 is no score. */
function outOf(value: number, scale: 5 | 10): Rating | null {
  const score = scale === 10 ? Math.round(value / 2) : value;
  return score >= 1 && score <= 5 && (scale === 10 ? value <= 10 : true) ? (score as Rating) : null;
}

/** Words typed with other marks are other words ("tám" eight, not "tạm"; "tê" numb, not "tệ"): only their own marks or none count. */
function markedOtherwise(written: string, word: string): boolean {
  const own = OWN_MARKS.get(word);
  if (!own) return false;
  const marked = written.toLowerCase().split(/[^\p{L}\p{M}]+/u).find((candidate) => fold(candidate) === word);
  return marked !== undefined && marked !== word && marked !== own;
}

const OWN_MARKS = new Map([
  ['te', 'tệ'],
  ['tot', 'tốt'],
  ['thich', 'thích'],
  ['tam', 'tạm'],
  ['dinh', 'đỉnh'],
  ['tuyet', 'tuyệt'],
  ['kem', 'kém'],
  ['chan', 'chán'],
  ['on', 'ổn'],
]);

/** Words that say nothing about the shop when they follow a score ("5 sao nha shop"); fewer than POLITENESS, since after the score "chị", "cho" may begin a comment. */
const COURTESY = new Set(['a', 'nha', 'nhe', 'shop', 'oi', 'em', 'e', 'nhen', 'ne', 'thoi', 'roi', 'r', 'luon', 'di']);

/** "1 sao, giao sai mà còn phải chờ thêm mấy ngày": what follows the score's clause, when it says something. */
export function commentBeside(text: string): string | undefined {
  const clauses = text.split(/[,.;!\n]+/).map((clause) => clause.trim()).filter(Boolean);
  const rest = clauses.slice(1).join(', ');
  const words = foldKey(rest).split(' ').filter((word) => word && !COURTESY.has(word));
  return words.length >= 2 ? rest : undefined;
}
