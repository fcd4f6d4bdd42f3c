import { withoutToneMarks } from '../../text/fold';

/**
 * VietQR: NAPAS's profile of the EMVCo merchant-presented QR code, which every Vietnamese
 * banking app scans to fill in a transfer. Pure and synchronous (no Node or Workers APIs):
 * the payload is a string of TLV fields (2-digit id, 2-digit length, value) ending with a
 * CRC-16/CCITT-FALSE over everything before it, `6304` included (see /work/shared/VIETNAM.md).
 */

/** NAPAS's application id inside merchant account information (tag 38 / 00). */
export const NAPAS_GUID = 'A000000727';
/** Inter-bank fund transfer 24/7 to an account number; `QRIBFTTC` is to a card number. */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
export const SERVICE_TO_CARD = 'QRIBFTTC';

/** The transfer note (tag 62 / 08) is kept this short: some banks' apps cut longer notes. */
export const NOTE_MAX_LENGTH = 25;
/** EMVCo's amount field holds at most 13 characters. */
const AMOUNT_MAX_DIGITS = 13;

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN, e.g. "970436" (Vietcombank). */
  bankBin: string;
  /** The beneficiary's account (or card) number: 4–19 letters or digits. */
  accountNumber: string;
  /** Whole đồng; with an amount the code is for one payment (`010212`), without it static (`010211`). */
  amount?: number | undefined;
  /** The transfer note, folded to ASCII letters, digits and spaces and cut to NOTE_MAX_LENGTH. */
  note?: string | undefined;
  /** Transfer to a card number instead of an account. */
  toCard?: boolean;
}

export class VietQrError extends Error {
  constructor(
    message: string,
    readonly field: 'bankBin' | 'accountNumber' | 'amount',
  ) {
    super(message);
    this.name = 'VietQrError';
  }
}

/** One TLV field; values are ASCII, so characters and bytes agree. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`EMV tag must be 2 digits: ${id}`);
  if (value.length > 99) throw new Error(`EMV field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * A note every bank's app shows as written: tone marks folded (đ → d), anything but ASCII
 * letters, digits and spaces dropped, spaces collapsed, cut to `max` characters. Case is kept.
 */
export function transferNote(text: string, max = NOTE_MAX_LENGTH): string {
  return withoutToneMarks(text)
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** Amount in whole đồng as EMVCo wants it: digits only, no separators, no decimals. */
export function formatAmount(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new VietQrError('số tiền phải là số đồng nguyên, lớn hơn 0', 'amount');
  const digits = String(amount);
  if (digits.length > AMOUNT_MAX_DIGITS) throw new VietQrError('số tiền quá lớn cho mã VietQR', 'amount');
  return digits;
}

/** The full VietQR payload, CRC included. Throws VietQrError on a bad BIN, account number or amount. */
export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new VietQrError('mã BIN ngân hàng gồm đúng 6 chữ số, ví dụ 970436', 'bankBin');
  if (!/^[0-9A-Za-z]{4,19}$/.test(input.accountNumber)) throw new VietQrError('số tài khoản gồm 4–19 chữ số hoặc chữ cái, không dấu cách', 'accountNumber');
  const amount = input.amount === undefined ? undefined : formatAmount(input.amount);
  const note = input.note === undefined ? '' : transferNote(input.note);
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', input.toCard ? SERVICE_TO_CARD : SERVICE_TO_ACCOUNT);
  const body =
    tlv('00', '01') +
    tlv('01', amount ? '12' : '11') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (amount ? tlv('54', amount) : '') +
    tlv('58', 'VN') +
    (note ? tlv('62', tlv('08', note)) : '') +
    '6304';
  return body + crc16(body);
}

export interface EmvField {
  id: string;
  value: string;
}

/** Splits TLV text into fields; null when the lengths do not add up. */
export function parseTlv(text: string): EmvField[] | null {
  const fields: EmvField[] = [];
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(at + 2, at + 4)) || at + 4 + length > text.length) return null;
    fields.push({ id, value: text.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
}

/** True when the payload's fields parse, the CRC field comes last and its value checks out. */
export function crcMatches(payload: string): boolean {
  const fields = parseTlv(payload);
  const last = fields?.at(-1);
  if (!last || last.id !== '63' || last.value.length !== 4) return false;
  return crc16(payload.slice(0, -4)) === last.value.toUpperCase();
}

export interface ReadVietQr {
  bankBin: string;
  accountNumber: string;
  service: string;
  amount: number | null;
  note: string | null;
}

/** Reads back the transfer a VietQR payload describes; null when it is not one (or its CRC is wrong). */
export function readVietQr(payload: string): ReadVietQr | null {
  if (!crcMatches(payload)) return null;
  const fields = parseTlv(payload)!;
  const field = (list: EmvField[], id: string) => list.find((entry) => entry.id === id)?.value;
  const merchant = parseTlv(field(fields, '38') ?? '');
  if (!merchant || field(merchant, '00') !== NAPAS_GUID) return null;
  const beneficiary = parseTlv(field(merchant, '01') ?? '');
  const bankBin = beneficiary && field(beneficiary, '00');
  const accountNumber = beneficiary && field(beneficiary, '01');
  if (!bankBin || !accountNumber) return null;
  const amount = field(fields, '54');
  const extra = parseTlv(field(fields, '62') ?? '');
  return {
    bankBin,
    accountNumber,
    service: field(merchant, '02') ?? '',
    amount: amount === undefined ? null : Number(amount),
    note: (extra && field(extra, '08')) ?? null,
  };
}
