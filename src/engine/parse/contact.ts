import { fold, foldWords } from '../text/fold';
import { parseAddress } from './address';
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
const LABEL = /^(?:sdt|so dt|so dien thoai|dien thoai|dt|phone|dia chi|dc|d\/c|diachi|ten nguoi nhan|nguoi nhan|ho ten|ho va ten|ten|giao ve|giao toi|giao den|gui ve|ship ve|ship toi|giao cho|gui cho|nhan|la|minh ten|minh ten la|minh la|em ten|em ten la|em la|toi ten|toi ten la|toi la)\b\s*:?\s*/;
/** Words that start an address: a house number ("12", "12a", "45/3", "số 7"), a street, ward or district word. */
const HOUSE_NUMBER = /^(?:so\s+)?[1-9]\d*[a-z]?(?:\/\d+[a-z]?)*(?![\p{L}\d])/u;
const ADDRESS_WORDS = new Set(['duong', 'phuong', 'quan', 'huyen', 'xa', 'ap', 'thon', 'xom', 'khu', 'kp', 'hem', 'ngo', 'ngach', 'kiet', 'chung', 'cc', 'toa', 'lo', 'tp', 'thanh', 'tinh', 'thi', 'so', 'p', 'q', 'tt', 'kdc', 'kcn', 'block']);
/** "q1", "p12", "f5": district and ward numbers. */
const NUMBERED_AREA = /^(?:q|p|f|kp)\d{1,2}$/;
/** Units after a number make it a quantity ("2kg xoài"), not a house number. */
const UNITS = new Set(['kg', 'ky', 'ki', 'kilo', 'can', 'lang', 'g', 'gr', 'trai', 'qua', 'hop', 'thung', 'tui', 'chai', 'bao', 'hu', 'goi', 'lon', 'k', 'nghin', 'ngan', 'tr', 'trieu', 'd', 'dong', 'sao']);
/** Words no name is made of: the rest of an order message. */
const NOT_NAME_WORDS = new Set([
  'ship', 'giao', 'cod', 'ck', 'nha', 'nhe', 'nhen', 'a', 'ak', 'ok', 'oke', 'shop', 'sdt', 'dt', 'dc', 'cam', 'dat', 'mua', 'lay', 'cho', 've', 'den',
  'khong', 'ko', 'k', 'gui', 'don', 'gap', 'voi', 'va', 'them', 'nua', 'thoi', 'roi', 'vay', 'nhieu', 'chuyen', 'khoan', 'giam', 'xin', 'chao', 'hi',
  'hello', 'alo', 'oi', 'nao', 'gi', 'nay', 'luc', 'gio', 'ngay', 'minh', 'em', 'toi', 'ban', 'bn', 'ky', 'kg', 'sao', 'the',
]);
/** Words that never stand in an address: a segment with one of them is the rest of the message. */
const ORDER_TALK = new Set(['ship', 'cod', 'ck', 'nha', 'nhe', 'nhen', 'shop', 'ok', 'oke', 'dat', 'mua', 'lay', 'chuyen', 'khoan', 'giup', 'dum', 'gium', 'nhanh', 'gap', 'cam', 'sdt', 'kg', 'ky']);
const MAX_NAME_WORDS = 5;
const SEPARATOR = /\s*(?:[,;\n|]|\s[-–—]\s|\s\/\s)\s*/;

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
  const written = text.normalize('NFC');
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
  for (const piece of segments) {
    const start = piece.findIndex((segment) => startsAddress(segment.text));
    const before = start === -1 ? piece : piece.slice(0, start);
    let parts: Segment[] = start === -1 || address !== null ? [] : piece.slice(start);
    // "…, ship cod nha": the address ends where order talk begins.
    const talk = parts.findIndex((part, i) => i > 0 && foldWords(part.text).some((word) => ORDER_TALK.has(word)));
    if (talk !== -1) parts = parts.slice(0, talk);
    // "12 le loi q1 hcm, Lan 0987…": a name just before the phone closes the address.
    const last = parts.at(-1);
    if (last && parts.length > 1 && last.besidePhone && nameOf(last.text) && !findProvince(last.text) && findProvince(parts.slice(0, -1).map((part) => part.text).join(', '))) {
      name ??= nameOf(last.text);
      parts = parts.slice(0, -1);
    }
    if (parts.length > 0) address = parseAddress(parts.map((part) => stripLabel(part.text)).join(', '))?.text ?? null;
    for (const segment of before) name ??= nameOf(segment.text);
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
    if (ADDRESS_WORDS.has(fold(words[i - 1]!)) || ADDRESS_WORDS.has(fold(words[i - 2] ?? ''))) continue;
    if (isHouseNumberAt(words, i)) return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
  }
  return [part];
}

function isHouseNumberAt(words: readonly string[], i: number): boolean {
  const word = fold(words[i]!);
  const next = fold(words[i + 1] ?? '').replace(/[^\p{L}]/gu, '');
  return HOUSE_NUMBER.test(word) && /^\d/.test(word) && /^\p{L}/u.test(next) && !UNITS.has(next);
}

function startsAddress(segment: string): boolean {
  const words = foldWords(stripLabel(segment));
  const first = words[0];
  if (first === undefined) return false;
  const raw = fold(stripLabel(segment));
  if (HOUSE_NUMBER.test(raw) && /^\d/.test(raw)) {
    const next = raw.split(/\s+/)[1] ?? '';
    return /^\p{L}/u.test(next) && !UNITS.has(next.replace(/[^\p{L}]/gu, ''));
  }
  if (ADDRESS_WORDS.has(first) || NUMBERED_AREA.test(first)) return words.length >= 2;
  return findProvince(segment)?.kind === 'found' && words.length >= 2;
}

function stripLabel(segment: string): string {
  const folded = fold(segment);
  const label = LABEL.exec(folded);
  return label ? segment.slice(label[0].length).trim() : segment;
}

/** The segment as a person's name, or null: a few words of letters, none of them order talk. */
function nameOf(segment: string): string | null {
  let text = segment.replace(/[.!?:]+$/, '').trim();
  for (let label = LABEL.exec(fold(text)); label && label[0].length > 0; label = LABEL.exec(fold(text))) text = text.slice(label[0].length).trim();
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  if (!words.every((word) => /^[\p{L}\p{M}]+$/u.test(word))) return null;
  if (words.some((word) => NOT_NAME_WORDS.has(fold(word)))) return null;
  return words.join(' ');
}
