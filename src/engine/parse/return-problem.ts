import { toWordForms } from '../nlu/words';
import { findProvince } from './province';

/** What went wrong with a delivered order: the values of the returns flow's `problem` choices. */
export type ReturnProblem = 'damaged' | 'missing' | 'wrong_item' | 'late';

const phrases = (problem: ReturnProblem, names: string[]) => names.map((name) => ({ words: name.split(' '), problem }));

/** Folded phrases that name a problem whatever the tone marks; longer ones are tried first. */
const PHRASES = [
  ...phrases('damaged', ['dap', 'dap nat', 'nat', 'nat bet', 'hu hong', 'hu thoi', 'chay nuoc', 'bi sau', 'co sau', 'co doi', 'meo', 'khong tuoi', 'ko tuoi', 'het tuoi', 'bi heo', 'bi ung', 'bi vo', 'bi be', 'bi bep', 'mop meo', 'den thit', 'thit den', 'bi tham', 'tham den', 'nhun', 'bi nhun', 'nhu bun', 'bi iu', 'iu het', 'mem xiu', 'khong gion', 'ko gion', 'het gion']),
  ...phrases('missing', ['thieu', 'giao thieu', 'khong du', 'ko du', 'k du', 'hut can', 'nhe can', 'thieu can', 'khong du can', 'ko du can', 'thieu hang']),
  ...phrases('wrong_item', ['sai hang', 'giao sai', 'gui sai', 'sai san pham', 'sai sp', 'sai loai', 'sai mon', 'nham hang', 'giao nham', 'gui nham', 'nham san pham', 'nham loai', 'giao lon', 'gui lon', 'khong dung hang', 'ko dung hang', 'khong phai hang', 'khong giong hinh', 'khac hinh']),
  ...phrases('late', ['tre', 'giao tre', 'tre hen', 'qua hen', 'lau qua', 'qua lau', 'lau vay', 'lau v', 'lau z', 'lau the', 'lau ghe', 'doi lau', 'doi mai', 'chua nhan duoc', 'chua nhan dc', 'chua nhan', 'chua toi', 'chua den', 'chua giao', 'mai chua']),
].sort((a, b) => b.words.length - a.words.length);

/**
 * Words whose unmarked spelling is also an everyday word: "thoi" is thối (rotten) or thôi
 * (only), "hu" hư (spoilt) or hũ (jar), "moc" mốc or rang mộc, "cham" chậm or chấm (to rate).
 * Typed with marks they must carry these; typed without, a neighbour must make them a complaint.
 */
const AMBIGUOUS: readonly { folded: string; marked: string; problem: ReturnProblem }[] = [
  { folded: 'hu', marked: 'hư', problem: 'damaged' },
  { folded: 'thoi', marked: 'thối', problem: 'damaged' },
  { folded: 'moc', marked: 'mốc', problem: 'damaged' },
  { folded: 'hong', marked: 'hỏng', problem: 'damaged' },
  { folded: 'vo', marked: 'vỡ', problem: 'damaged' },
  { folded: 'be', marked: 'bể', problem: 'damaged' },
  { folded: 'ung', marked: 'úng', problem: 'damaged' },
  { folded: 'cham', marked: 'chậm', problem: 'late' },
];
/**
 * The unmarked spellings above, and "sau" (sâu, worms; sau, after: "giảm giá đơn sau"), which
 * this reader takes only in phrases ("bị sâu"): typed so, such a word alone names no complaint
 * (src/engine/questions/choice.ts reads choices by it too).
 */
export const EVERYDAY_WHEN_UNMARKED: ReadonlySet<string> = new Set([...AMBIGUOUS.map((word) => word.folded), 'sau']);

/** Before an unmarked ambiguous word: "bi thoi", "giao cham". */
const COMPLAINT_BEFORE = new Set(['bi', 'da', 'hu', 'giao', 'ship', 'rat', 'hoi', 'qua', 'deu']);
/** After one: "thoi het", "hu nhieu", "cham qua". */
const COMPLAINT_AFTER = new Set(['het', 'nat', 'rua', 'nhieu', 'ca', 'qua', 'may', 'vai', 'mot', 'thoi', 'hong', 'roi', 'r', 'meo', 'xanh', 'trang', 'the', 'vay', 'lam', 'ghe']);

/** A problem asked about as a risk ("có bị hư không", "liệu có dập không") is a question, not a complaint. */
const RISK_OPENERS = new Set(['co', 'so', 'lieu', 'de']);
const QUESTION_ENDINGS = new Set(['khong', 'ko', 'k', 'kg', 'hok', 'hem', 'hong', 'ha', 'chu', 'nhi', 'ta']);
/** Who is slow or wrong: the bot's or the shop's replies are not an order's problem ("bot hỏi chậm", "rep chậm quá"). */
const NOT_THE_ORDER = new Set(['bot', 'rep', 'tra loi', 'phan hoi', 'nhan tin', 'chat', 'tu van']);

const COUNTS = /^(?:\d+(?:[.,]\d+)?|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|nua)$/;

/**
 * The problem a complaint names ("xoai bi dap het roi" → damaged, "giao thieu 1kg" → missing,
 * "sai hang" → wrong_item, "giao tre" → late); the first one named when there are several; null
 * when none ("3 ky thoi", "2 hu mat ong", "cham 5 sao").
 */
export function readReturnProblem(text: string): ReturnProblem | null {
  const { marked, folded } = toWordForms(text);
  const packages = new Set<number>();
  for (let i = 0; i < folded.length; i++) {
    const word = AMBIGUOUS.find((candidate) => candidate.folded === folded[i]);
    const typedWithMarks = marked[i] !== folded[i];
    // After a count the word is a package or a "just": "2 hu thoi" is two jars.
    if (word && !typedWithMarks && COUNTS.test(folded[i - 1] ?? '')) {
      packages.add(i);
      continue;
    }
    const phrase = PHRASES.find((candidate) => candidate.words.every((known, k) => folded[i + k] === known));
    const problem = phrase?.problem ?? (word && namesComplaint(word, i) ? word.problem : null);
    if (!problem) continue;
    const end = i + (phrase?.words.length ?? 1);
    if (inPlaceName(folded, i)) continue;
    if (askedAsRisk(folded, i, end) || aboutTheReplies(folded, i, problem)) return null;
    return problem;
  }
  return null;

  function namesComplaint(word: (typeof AMBIGUOUS)[number], i: number): boolean {
    const before = packages.has(i - 1) ? '' : (folded[i - 1] ?? '');
    return marked[i] !== folded[i] ? marked[i] === word.marked : COMPLAINT_BEFORE.has(before) || COMPLAINT_AFTER.has(folded[i + 1] ?? '');
  }
}

/** "phường 3, Bến Tre": "tre" there ends a place's name, it is not "trễ". */
function inPlaceName(folded: readonly string[], at: number): boolean {
  const place = findProvince(folded.slice(Math.max(0, at - 2), at + 1).join(' '));
  return place !== null && place.matched.split(' ').at(-1) === folded[at];
}

/** "có bị hư không", "xoài có sâu không": "có" or "sợ" (with "bị") right before the problem, a question particle just after it. */
function askedAsRisk(folded: readonly string[], start: number, end: number): boolean {
  const opener = folded[start - 1] === 'bi' ? folded[start - 2] : folded[start - 1];
  const opened = RISK_OPENERS.has(opener ?? '') || RISK_OPENERS.has(folded[start]!);
  return opened && folded.slice(end, end + 3).some((word) => QUESTION_ENDINGS.has(word));
}

/** "bot hỏi chậm", "shop trả lời chậm quá": slowness of the conversation, not of a delivery. */
function aboutTheReplies(folded: readonly string[], start: number, problem: ReturnProblem): boolean {
  if (problem !== 'late') return false;
  const before = folded.slice(Math.max(0, start - 3), start);
  return before.some((word, k) => NOT_THE_ORDER.has(word) || NOT_THE_ORDER.has(`${word} ${before[k + 1] ?? ''}`));
}
