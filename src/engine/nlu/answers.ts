import { expandShorthand } from './shorthand';
import { toWords } from './words';

const NO_WORDS = new Set(['khong', 'chua', 'thoi', 'huy', 'no', 'nope', 'ko']);
/** "Nothing more" idioms: the answer to "anything else?" is no ("hết rồi", "đủ rồi", "vậy thôi"). */
const NO_PHRASES = /\b(het roi|du roi|vay thoi|vay du roi|vay la du|the thoi|nhu vay thoi|vay la duoc roi)\b/;
const YES_WORDS = new Set(['co', 'ok', 'dong', 'duoc', 'u', 'uh', 'um', 'vang', 'da', 'chot', 'dung', 'yes', 'y', 'xac', 'luon', 'them', 'mua']);

/** "có", "ok", "chốt", "dạ đúng rồi" → true; "không", "ko", "thôi", "hủy" → false. */
export function parseYesNo(text: string): boolean | null {
  const words = expandShorthand(toWords(text));
  if (words.length === 0 || words.length > 8) return null;
  if (words.some((word) => NO_WORDS.has(word)) || NO_PHRASES.test(words.join(' '))) return false;
  if (words.some((word) => YES_WORDS.has(word))) return onlyAnUntonedDa(text, words) ? null : true;
  return null;
}

/** What may follow a "dạ" that is a yes ("dạ nha", "dạ rồi shop"). */
const AFTER_YES = new Set(['nha', 'nhe', 'a', 'ah', 'ak', 'ha', 'shop', 'ad', 'em', 'anh', 'chi', 'roi', 'luon']);

/**
 * "da" without its tone mark is "dạ" (yes) or "đã" (already): "da ck r nha shop" is "I have
 * transferred", no yes. It counts only alone or with polite words after it, or typed "dạ".
 */
function onlyAnUntonedDa(text: string, words: readonly string[]): boolean {
  if (words.some((word) => word !== 'da' && YES_WORDS.has(word))) return false;
  if (/(^|[^\p{L}])dạ($|[^\p{L}])/iu.test(text.normalize('NFC'))) return false;
  const after = words.slice(words.indexOf('da') + 1);
  return after.some((word) => !AFTER_YES.has(word));
}

/** Words that skip an optional question ("không", "bỏ qua", "ko có"). */
export function isSkip(text: string, skipWord: string): boolean {
  const words = expandShorthand(toWords(text)).join(' ');
  const skip = toWords(skipWord).join(' ');
  return words === skip || /^(khong|khong co|bo qua|thoi|khong can|chua co|-)$/.test(words) || text.trim() === '-';
}

const SCORE_PHRASES: [RegExp, number][] = [
  [/\b(rat|qua|cuc|that) (te|toi|kem|chan)\b|\b(te|toi|kem|chan) (qua|lam|that)\b|\bthat vong\b/, 1],
  [/\b(khong|chua) (hai long|tot|on|ung|thich)\b|\bte\b|\bkem\b|\bchan\b|\bbuc\b/, 2],
  [/\b(binh thuong|tam duoc|tam tam|cung duoc|on thoi|thuong thoi|tam on)\b/, 3],
  [/\b(rat hai long|tuyet voi|xuat sac|qua tot|rat tot|rat ok|tuyet|dinh|10 diem|qua on|rat on|hoan hao)\b/, 5],
  [/\b(hai long|tot|on|ok|duoc|thich|hay|ngon|good)\b/, 4],
];

/** A 1–5 satisfaction answer: "5", "5 sao", "4/5", "⭐⭐⭐", "rất hài lòng", "tệ". */
export function parseSatisfaction(text: string): number | null {
  const stars = [...text].filter((char) => char === '⭐' || char === '★' || char === '🌟').length;
  if (stars >= 1 && stars <= 5) return stars;
  const words = expandShorthand(toWords(text));
  if (words.length === 0 || words.length > 12) return null;
  const joined = words.join(' ');
  const number = /^(?:cho |danh gia |cham )?([1-5])(?: ?(?:sao|diem|\/ ?5|tren 5|\*))?(?:\b.*)?$/.exec(joined);
  if (number && (words.length <= 3 || /sao|diem/.test(joined))) return Number(number[1]);
  for (const [pattern, score] of SCORE_PHRASES) if (pattern.test(joined)) return score;
  return null;
}
