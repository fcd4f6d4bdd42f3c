import { toWordForms } from '../nlu/words';

/** What went wrong with a delivered order: the values of the returns flow's `problem` choices. */
export type ReturnProblem = 'damaged' | 'missing' | 'wrong_item' | 'late';

const phrases = (problem: ReturnProblem, names: string[]) => names.map((name) => ({ words: name.split(' '), problem }));

/** Folded phrases that name a problem whatever the tone marks; longer ones are tried first. */
const PHRASES = [
  ...phrases('damaged', ['dap', 'dap nat', 'nat', 'nat bet', 'hu hong', 'hu thoi', 'chay nuoc', 'bi sau', 'co sau', 'co doi', 'meo', 'khong tuoi', 'ko tuoi', 'het tuoi', 'bi heo', 'bi ung', 'bi vo', 'bi be', 'bi bep', 'mop meo']),
  ...phrases('missing', ['thieu', 'giao thieu', 'khong du', 'ko du', 'k du', 'hut can', 'nhe can', 'thieu can', 'khong du can', 'ko du can', 'thieu hang']),
  ...phrases('wrong_item', ['sai hang', 'giao sai', 'gui sai', 'sai san pham', 'sai sp', 'sai loai', 'sai mon', 'nham hang', 'giao nham', 'gui nham', 'nham san pham', 'nham loai', 'giao lon', 'gui lon', 'khong dung hang', 'ko dung hang', 'khong phai hang', 'khong giong hinh', 'khac hinh']),
  ...phrases('late', ['tre', 'giao tre', 'tre hen', 'qua hen', 'lau qua', 'qua lau', 'chua nhan duoc', 'chua nhan dc', 'chua nhan', 'chua toi', 'chua den', 'chua giao', 'mai chua']),
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
/** Before an unmarked ambiguous word: "bi thoi", "giao cham". */
const COMPLAINT_BEFORE = new Set(['bi', 'da', 'hu', 'giao', 'ship', 'rat', 'hoi', 'qua', 'deu']);
/** After one: "thoi het", "hu nhieu", "cham qua". */
const COMPLAINT_AFTER = new Set(['het', 'nat', 'rua', 'nhieu', 'ca', 'qua', 'may', 'vai', 'mot', 'thoi', 'hong', 'roi', 'r', 'meo', 'xanh', 'trang', 'the', 'vay', 'lam', 'ghe']);

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
    if (phrase) return phrase.problem;
    if (!word) continue;
    const before = packages.has(i - 1) ? '' : (folded[i - 1] ?? '');
    if (typedWithMarks ? marked[i] === word.marked : COMPLAINT_BEFORE.has(before) || COMPLAINT_AFTER.has(folded[i + 1] ?? '')) return word.problem;
  }
  return null;
}
