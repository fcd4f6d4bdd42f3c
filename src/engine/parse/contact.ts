import { fold, foldWords } from '../../text/fold';
import { parseAddress } from './address';
import { readPaymentMethod } from './payment-method';
import { parsePhone, type PhoneProblem } from './phone';
import { findProvince } from './province';

/** Who receives an order and where, as much of it as one message gives. */
export interface Contact {
  /** Only when given with a phone or an address: alone, any short text could be a name. */
  name: string | null;
  phone: string | null;
  /** What is wrong with a phone number the customer tried to give ("0912 345" is too short). */
  phoneProblem: PhoneProblem | null;
  /** As written (the shipper reads it), without the name and phone around it. */
  address: string | null;
  province: string | null;
}

/** Labels customers put before a part: "sđt:", "địa chỉ:", "tên người nhận:". */
// "tên e là …", "tên của mình là …", "em tên là …": whose name it is may sit inside the label.
const LABEL = /^(?:sdt|so dt|so dien thoai|dien thoai|dt|phone|dia chi|dc|d\/c|diachi|(?:ten nguoi nhan|nguoi nhan|ho ten|ho va ten|ten)(?: (?:cua )?(?:minh|em|e|toi|tui))?(?: la)?|giao ve|giao toi|giao den|gui ve|ship ve|ship toi|giao cho|gui cho|nhan|la|(?:minh|em|e|toi|tui) (?:ten(?: la)?|la))\b\s*:?\s*/;
/** Words that start an address: a house number ("12", "12a", "45/3", "số 7"), a street, ward or district word. */
const HOUSE_NUMBER = /^(?:so\s+)?[1-9]\d*[a-c]?(?:\/\d+[a-c]?)*(?![\p{L}\d])/u;
const ADDRESS_WORDS = new Set(['duong', 'phuong', 'quan', 'huyen', 'xa', 'ap', 'thon', 'xom', 'khu', 'kp', 'hem', 'ngo', 'ngach', 'kiet', 'cc', 'toa', 'tp', 'tinh', 'tt', 'kdc', 'kcn']);
/** Address words that are also everyday words or names ("Lò", "tổ", "Thanh"): they start an address only before a number. */
const NUMBERED_ADDRESS_WORDS = new Set(['lo', 'to', 'so', 'p', 'q', 'block', 'thon', 'xom', 'ap', 'khu', 'hem', 'ngo', 'kiet']);
/** "q1", "p12", "f5": district and ward numbers. */
const NUMBERED_AREA = /^(?:q|p|f|kp)\d{1,2}$/;
/** Units after a number make it a quantity ("2kg xoài"), not a house number. */
const UNITS = new Set([
  'kg', 'ky', 'ki', 'kilo', 'can', 'lang', 'g', 'gr', 'trai', 'qua', 'hop', 'thung', 'tui', 'chai', 'bao', 'hu', 'goi', 'lon', 'k', 'nghin', 'ngan', 'tr', 'trieu',
  'tram', 'd', 'dong', 'sao', 'p', 'phut', 'h', 'gio', 'tieng', 'ngay', 'hom', 'tuan', 'nam', 'lan', 'nua', 'cai', 'con', 'nguoi', 'diem',
]);
/** Words no name is made of: the rest of an order message. */
const NOT_NAME_WORDS = new Set([
  'ship', 'giao', 'cod', 'ck', 'nha', 'nhe', 'nhen', 'a', 'ak', 'ok', 'oke', 'shop', 'sdt', 'dt', 'dc', 'cam', 'dat', 'mua', 'lay', 'cho', 've', 'den',
  'khong', 'ko', 'k', 'gui', 'don', 'gap', 'voi', 'va', 'them', 'nua', 'thoi', 'roi', 'vay', 'nhieu', 'chuyen', 'khoan', 'giam', 'xin', 'chao', 'hi',
  'hello', 'alo', 'oi', 'nao', 'gi', 'nay', 'luc', 'gio', 'ngay', 'minh', 'em', 'toi', 'ban', 'bn', 'ky', 'kg', 'sao', 'the', 'la', 'moi', 'cu', 'nhung', 'so',
]);
/** Words that never stand in an address: a segment with one of them is the rest of the message. */
const ORDER_TALK = new Set(['ship', 'cod', 'ck', 'nhe', 'nhen', 'shop', 'ok', 'oke', 'dat', 'mua', 'lay', 'chuyen', 'khoan', 'giup', 'dum', 'gium', 'nhanh', 'gap', 'sdt', 'kg', 'ky']);

/** Order talk in a segment; "cảm ơn" too, but "cam" alone is a place ("phường Cam Linh, TP Cam Ranh"). */
function talksOrder(words: readonly string[]): boolean {
  return words.some((word, i) => ORDER_TALK.has(word) || (word === 'cam' && words[i + 1] === 'on'));
}
const QUESTION_WORDS = new Set(['phi', 'bao', 'nhieu', 'gia', 'vay', 'khong', 'ko', 'lau', 'hoi', 'nao', 'may']);
/** Labels that end a segment when the phone follows them ("tên Lê Thị Hoa sđt 0903…"). */
/**
 * A relative and whose ("bố chị", "em gái mình"), or a relative and "tên (là)", before the name
 * itself; never the relative alone, which may be a family name ("Võ Văn Tuấn", "Chu Thị Hà").
 */
const KIN = /^(?:bo|me|ba|ong|co|chu|bac|di|cau|thim|mo|vo|chong|con|chau|ban|anh|chi|em)(?: (?:gai|trai|ruot|ho))?(?: (?:minh|toi|tui|em|e|chi|c|anh|a)(?: ten(?: la)?)?| ten(?: la)?)\s+/;
const TRAILING_LABEL = /\s+(?:sdt|so dt|so dien thoai|dien thoai|dt|phone|dc|dia chi)\s*:?\s*$/;
const MAX_NAME_WORDS = 5;
/** Commas and the like, dashes and slashes between spaces, and a full stop after a word (not "TP." or "Q."). */
const SEPARATOR = /\s*(?:[,;\n|]|\s[-–—]\s|\s\/\s|(?<=[\p{L}\p{M}]{3})\.\s)\s*/u;

interface Segment {
  text: string;
  /** The phone number stands right before (or after) this segment. */
  besidePhone: boolean;
}

/**
 * Name, phone and address from one message in any order: "Lan 0987654321 12 le loi q1 hcm",
 * "12 Lê Lợi, Q1, HCM - chị Lan - 0912 345 678", "sdt 0912345678, giao ve 45 Tran Phu Da Nang".
 */
export function readContact(text: string): Contact {
  const written = withStopsAfterShortWords(text.normalize('NFC'));
  const parsed = parsePhone(written);
  const phone = parsed.ok ? parsed.phone : null;
  const span = phone ? phoneSpan(written, phone) : null;
  const pieces = span ? [written.slice(0, span.start), written.slice(span.end)] : [written];
  const segments: Segment[][] = pieces.map((piece, p) => {
    const parts = piece.split(SEPARATOR).map((part) => part.trim()).filter((part) => part.length > 0);
    return parts.flatMap((part, i) => splitAtHouseNumber(part).map((text) => ({ text, besidePhone: span !== null && (p === 0 ? i === parts.length - 1 : i === 0) })));
  });

  let address: string | null = null;
  let name: string | null = null;
  // A segment with a street starts the address before one that only names a province: "Đào Thị Huế, 09…, số 8 ngõ 45, Hà Nội".
  const strongest = segments.flat().some((segment) => addressStart(segment.text) === 'street') ? 'street' : 'province';
  const startsAddress = (segment: Segment) => addressStart(segment.text) === strongest;
  for (const piece of segments) {
    const start: number = address === null ? piece.findIndex(startsAddress) : -1;
    let end = start === -1 ? start : start + 1;
    // The address runs on until order talk ("…, ship cod nha") or a labelled part ("…, ten Huynh My").
    while (end > 0 && end < piece.length && !endsAddress(piece[end]!.text)) end++;
    let parts: Segment[] = start === -1 ? [] : piece.slice(start, end);
    // "12 le loi q1 hcm, Lan 0987…": a name just before the phone closes the address.
    const last = parts.at(-1);
    if (last && parts.length > 1 && last.besidePhone && nameOf(last.text) && !findProvince(last.text) && findProvince(parts.slice(0, -1).map((part) => part.text).join(', '))) {
      name ??= nameOf(last.text);
      parts = parts.slice(0, -1);
    }
    if (parts.length > 0) address = parseAddress(parts.map((part) => stripLabel(part.text)).join(', '))?.text ?? null;
    const others = start === -1 ? piece : [...piece.slice(0, start), ...piece.slice(end)];
    for (const segment of others) name ??= nameOf(segment.text) ?? (segment.besidePhone ? nameBeforePhone(segment.text) : null);
  }
  const province = address ? findProvince(address) : null;
  return {
    name: phone || address ? name : null,
    phone,
    phoneProblem: parsed.ok || parsed.problem === 'no_number' ? null : parsed.problem,
    address,
    province: province?.kind === 'found' ? province.province.name : null,
  };
}

/** Two-letter words a full stop abbreviates, with more of the address after them: "TP. HCM", "TX. Sơn Tây", "QL. 1A". */
const ABBREVIATED = new Set(['tp', 'tx', 'tt', 'kp', 'ql', 'tl', 'dt']);

/**
 * "…, NGHE AN. COD NHA": a full stop after a two-letter word that is no abbreviation ends a part,
 * as one after a longer word does (SEPARATOR); a comma in its place keeps every position.
 */
function withStopsAfterShortWords(text: string): string {
  return text.replace(/(^|[\s,])([\p{L}\p{M}]{2})\.(?=\s)/gu, (whole, before: string, word: string) => (ABBREVIATED.has(fold(word)) ? whole : `${before}${word},`));
}

/** Where the phone number stands in the text, however it was grouped or prefixed (+84, 84). */
function phoneSpan(text: string, phone: string): { start: number; end: number } | null {
  const gap = '[\\s.\\-()]{0,3}';
  const rest = phone.slice(1).split('').join(gap);
  const match = new RegExp(`(?:\\(?\\+?(?:00)?84\\)?${gap}0?|0)${rest}`).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** "Lan 12 le loi" → "Lan", "12 le loi": words before a house number are apart from the address. */
function splitAtHouseNumber(part: string): string[] {
  const words = part.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    // "ấp 3", "hẻm 5", "tổ 7": the number belongs to the word before it.
    const before = [fold(words[i - 1]!), fold(words[i - 2] ?? '')];
    if (before.some((word) => ADDRESS_WORDS.has(word) || NUMBERED_ADDRESS_WORDS.has(word)) || /^\d/.test(before[0]!)) continue;
    if (isHouseNumberAt(words, i)) return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
  }
  return [part];
}

function isHouseNumberAt(words: readonly string[], i: number): boolean {
  const word = fold(words[i]!);
  const next = fold(words[i + 1] ?? '').replace(/[^\p{L}]/gu, '');
  return HOUSE_NUMBER.test(word) && /^\d/.test(word) && /^\p{L}/u.test(next) && !UNITS.has(next);
}

function endsAddress(segment: string): boolean {
  const folded = fold(segment);
  if (LABEL.exec(folded)?.[0] && !/^(?:dia chi|dc|d\/c|diachi)\b/.test(folded)) return true;
  return talksOrder(foldWords(segment)) && !findProvince(segment);
}

/**
 * How a segment starts an address: `street` by a house number or an address word, `province`
 * by naming a province and nothing else, which a name may do too ("Đào Thị Huế").
 */
function addressStart(segment: string): 'street' | 'province' | null {
  const words = foldWords(stripLabel(segment));
  const first = words[0];
  if (first === undefined) return null;
  const raw = fold(stripLabel(segment));
  const street = (starts: boolean) => (starts ? 'street' : null);
  if (HOUSE_NUMBER.test(raw) && /^\d/.test(raw)) {
    // "60 30 Tháng 4": a street may be named by a number too.
    const [, second = '', third = ''] = raw.split(/\s+/);
    const next = /^\d+$/.test(second) ? third : second;
    return street(/^\p{L}/u.test(next) && !UNITS.has(next.replace(/[^\p{L}]/gu, '')));
  }
  if (NUMBERED_ADDRESS_WORDS.has(first)) return street(/^\d/.test(words[1] ?? ''));
  // "Duong Van Tam" is Dương, a family name; "đường Lê Lợi", "duong so 8", "duong le loi" a street.
  if (first === 'duong') {
    const typed = stripLabel(segment).split(/\s+/);
    const writtenAsName = typed.length >= 2 && typed.every((word) => /^\p{Lu}/u.test(word));
    return street(/^đường$/iu.test(typed[0]!) || /^\d/.test(words[1] ?? '') || (!writtenAsName && words.length >= 2));
  }
  if (ADDRESS_WORDS.has(first) || NUMBERED_AREA.test(first)) return street(words.length >= 2);
  // A province alone starts an address only in a segment with nothing else to say ("ship ra ha noi bao lau" asks).
  const talk = talksOrder(words) || words.some((word) => QUESTION_WORDS.has(word) || NOT_NAME_WORDS.has(word));
  return findProvince(segment)?.kind === 'found' && words.length >= 2 && !talk && !/\d/.test(raw) ? 'province' : null;
}

function stripLabel(segment: string): string {
  const folded = fold(segment);
  const label = LABEL.exec(folded);
  return label ? segment.slice(label[0].length).trim() : segment;
}

/** "… giao ve Nguyen Van An 0912…": the words of a name that end a longer segment right before the phone. */
function nameBeforePhone(segment: string): string | null {
  const words = withoutTrailingLabel(segment).split(/\s+/);
  let start = words.length;
  while (start > 0 && /^[\p{L}\p{M}]+$/u.test(words[start - 1]!) && !NOT_NAME_WORDS.has(fold(words[start - 1]!)) && words.length - start < MAX_NAME_WORDS) start--;
  const run = words.slice(start);
  // One lower-case word after other talk is as likely a product or a place as a name.
  return run.length >= 2 || (run.length === 1 && /^\p{Lu}/u.test(run[0]!)) ? nameOf(run.join(' ')) : null;
}

function withoutTrailingLabel(segment: string): string {
  const label = TRAILING_LABEL.exec(fold(segment));
  return label ? segment.slice(0, label.index) : segment;
}

/** Short answers that say yes, no or "wait" rather than who: never a name, even alone. */
const NOT_A_NAME_ALONE = new Set(['co', 'da', 'vang', 'u', 'uh', 'um', 'ok', 'oke', 'roi', 'ko', 'khong', 'k', 'chua', 'thoi', 'huy', 'menu', 'xong']);

/**
 * What a customer typed when asked for a name, as one: the same rule as a name inside a longer
 * line, but one word alone is taken as typed ("minh", "Lan") unless it answers yes or no.
 * "giao chậm quá" or "ship cod nha" is no name.
 */
export function answeredName(text: string): string | null {
  const words = text.trim().replace(/[.!?,]+$/, '').split(/\s+/);
  // "Lan nhé", "Hoa ạ": the particle closing the answer is no part of the name.
  while (words.length > 1 && CLOSING_PARTICLES.has(fold(words.at(-1)!))) words.pop();
  if (words.length === 1) {
    const word = words[0]!;
    const folded = fold(word);
    return /^[\p{L}\p{M}]+$/u.test(word) && !NOT_A_NAME_ALONE.has(folded) && !ORDER_TALK.has(folded) && !QUESTION_WORDS.has(folded) ? word : null;
  }
  const named = nameOf(words.join(' '));
  if (named) return named;
  // "a Tuấn", "em Lan", "cô Ba": the word of address stays (the shipper says it too); the rest must be a name.
  if (HONORIFICS.has(fold(words[0]!))) {
    const rest = answeredName(words.slice(1).join(' '));
    return rest ? `${words[0]} ${rest}` : null;
  }
  return null;
}

const HONORIFICS = new Set(['a', 'anh', 'c', 'chi', 'e', 'em', 'co', 'chu', 'bac', 'ong', 'ba', 'di', 'cau', 'mo', 'thim']);
const CLOSING_PARTICLES = new Set(['nhe', 'nha', 'nhen', 'nghen', 'a', 'ak', 'ah', 'ha', 'shop']);

/** The segment as a person's name, or null: a few words of letters, none of them order talk. */
function nameOf(segment: string): string | null {
  let text = withoutTrailingLabel(segment).replace(/[.!?:]+$/, '').trim();
  for (let label = LABEL.exec(fold(text)); label && label[0].length > 0; label = LABEL.exec(fold(text))) text = text.slice(label[0].length).trim();
  // "người nhận là bố c Nguyễn Văn Sơn", "mẹ mình tên Nguyễn Thị Bảy": who the person is to the customer comes before the name.
  const kin = KIN.exec(fold(text));
  if (kin && text.slice(kin[0].length).trim().split(/\s+/).length >= 2) text = text.slice(kin[0].length).trim();
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  if (!words.every((word) => /^[\p{L}\p{M}]+$/u.test(word))) return null;
  // "Phạm Minh Tuấn": written as a name, every word capitalised, "Minh" is no "mình".
  const writtenAsName = words.length >= 2 && words.every((word) => /^\p{Lu}/u.test(word));
  if (words.some((word) => NOT_NAME_WORDS.has(fold(word)) && !writtenAsName)) return null;
  // "tiền mặt", "chuyển khoản": how the customer pays, not who receives.
  if (readPaymentMethod(text) !== null) return null;
  return words.join(' ');
}
