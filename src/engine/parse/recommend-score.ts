import { foldWords } from '../../text/fold';

const SPELT = new Map<string, number>([
  ['khong', 0], ['mot', 1], ['hai', 2], ['ba', 3], ['bon', 4], ['tu', 4], ['nam', 5], ['sau', 6], ['bay', 7], ['tam', 8], ['chin', 9], ['muoi', 10],
]);
/** Words around a bare score: "9 điểm nha shop", "chấm 10". */
const AROUND = new Set(['diem', 'd', 'a', 'nha', 'nhe', 'shop', 'oi', 'cham', 'minh', 'em', 'cho', 'la', 'thoi', 'luon', 'roi']);

/**
 * A "would you recommend us" score from 0 to 10: "9", "9 điểm", "8/10", "8 trên 10", "10đ", "chín".
 * Null when the text gives none, or a number outside 0–10 ("12", "5/5" is not this scale).
 */
export function readRecommendScore(text: string): number | null {
  const written = text.normalize('NFC').trim();
  const fraction = /(?<![\d.,])(\d{1,2})\s*(?:\/|trên|tren)\s*10\b/iu.exec(written);
  if (fraction) return inRange(Number(fraction[1]));
  const words = foldWords(written.replace(/(\d)(đ|d)\b/giu, '$1 $2'));
  const content = words.filter((word) => !AROUND.has(word) || /^\d+$/.test(word));
  const numbers = content.filter((word) => /^\d+$/.test(word));
  if (numbers.length === 1 && content.length <= 2) return inRange(Number(numbers[0]));
  if (words.length === 1 && /^\d+$/.test(words[0]!)) return inRange(Number(words[0]));
  const spelt = content.filter((word) => SPELT.has(word));
  // Spelt numbers only as the whole answer: "không" and "tám" are everyday words too.
  if (content.length === 1 && spelt.length === 1) return SPELT.get(spelt[0]!)!;
  return null;
}

function inRange(score: number): number | null {
  return Number.isInteger(score) && score >= 0 && score <= 10 ? score : null;
}
