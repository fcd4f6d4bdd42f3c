import { describe, expect, it } from 'vitest';
import { crc16, crcMatches, formatAmount, parseTlv, readVietQr, transferNote, VietQrError, vietQrPayload } from '../../../src/engine/payment/vietqr';

/**
 * Published payloads, each with a CRC that checks out (verified independently before use):
 * - VIETNAM_MD: /work/shared/VIETNAM.md, "A payload published in an open-source VietQR library's
 *   documentation" (static; carries merchant category 52, name 59, city 60 and a label in 62).
 * - SUBIZ: github.com/subiz/vietqr README.md, the output of
 *   `vietqr.Generate(120000, "970415", "0011001932418", "ủng hộ lũ lụt")`.
 * - SUNARY: the documentation of a VietQR gRPC server built on github.com/sunary/vietqr (the
 *   payload labels itself "gen by sunary/vietqr"): Techcombank 970407, account 9796868, static.
 * - KOTLIN_APP: an Android shop's order screen (Kotlin, public repository; stored code excerpt),
 *   100.000đ to MB 970422 account VQRQACLNP2680, note "Thanh toan don hang ABC".
 */
const VIETNAM_MD =
  '00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN5910PHUONG CAC6005HANOI62110307NPS686963045802';
const SUBIZ = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
const SUNARY = '00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by sunary/vietqr6304BE74';
const KOTLIN_APP = '00020101021238570010A000000727012700069704220113VQRQACLNP26800208QRIBFTTA530370454061000005802VN62270823Thanh toan don hang ABC6304CE4C';

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc16('123456789')).toBe('29B1');
  });

  it.each([
    ['VIETNAM.md', VIETNAM_MD, '5802'],
    ['subiz/vietqr', SUBIZ, 'C15C'],
    ['sunary/vietqr', SUNARY, 'BE74'],
    ['Kotlin app', KOTLIN_APP, 'CE4C'],
  ])('checks out on the published payload from %s', (_source, payload, crc) => {
    expect(crc16(payload.slice(0, -4))).toBe(crc);
    expect(crcMatches(payload)).toBe(true);
  });

  it('refuses a payload with one character changed', () => {
    expect(crcMatches(SUBIZ.replace('120000', '920000'))).toBe(false);
    expect(readVietQr(SUBIZ.replace('120000', '920000'))).toBeNull();
  });
});

describe('vietQrPayload', () => {
  it('reproduces the subiz/vietqr README payload byte for byte (tone marks folded, case kept)', () => {
    expect(vietQrPayload({ bankBin: '970415', accountNumber: '0011001932418', amount: 120000, note: 'ủng hộ lũ lụt' })).toBe(SUBIZ);
  });

  it('reproduces the Kotlin app payload byte for byte', () => {
    expect(vietQrPayload({ bankBin: '970422', accountNumber: 'VQRQACLNP2680', amount: 100000, note: 'Thanh toan don hang ABC' })).toBe(KOTLIN_APP);
  });

  it('reproduces the sunary/vietqr payload up to its note (whose "/" a shop note drops)', () => {
    const ours = vietQrPayload({ bankBin: '970407', accountNumber: '9796868', note: 'gen by sunary vietqr' });
    expect(ours.slice(0, ours.indexOf('5802VN') + 6)).toBe(SUNARY.slice(0, SUNARY.indexOf('5802VN') + 6));
    expect(readVietQr(ours)).toMatchObject({ bankBin: '970407', accountNumber: '9796868', amount: null, note: 'gen by sunary vietqr' });
  });

  it('reads back the published payloads', () => {
    expect(readVietQr(VIETNAM_MD)).toEqual({ bankBin: '970403', accountNumber: '2112995044604025', service: '', amount: null, note: null });
    expect(readVietQr(SUBIZ)).toEqual({ bankBin: '970415', accountNumber: '0011001932418', service: 'QRIBFTTA', amount: 120000, note: 'ung ho lu lut' });
  });

  it('builds an order payload whose fields and lengths add up', () => {
    const payload = vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', amount: 255000, note: 'XB12' });
    expect(crcMatches(payload)).toBe(true);
    const fields = parseTlv(payload)!;
    expect(fields.map((field) => field.id)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    for (const field of fields) expect(payload).toContain(`${field.id}${String(field.value.length).padStart(2, '0')}${field.value}`);
    expect(fields.find((field) => field.id === '01')!.value).toBe('12');
    expect(fields.find((field) => field.id === '54')!.value).toBe('255000');
    const merchant = parseTlv(fields.find((field) => field.id === '38')!.value)!;
    expect(merchant).toEqual([
      { id: '00', value: 'A000000727' },
      { id: '01', value: '00069704360110' + '1012345678' },
      { id: '02', value: 'QRIBFTTA' },
    ]);
    expect(payload.startsWith('00020101021238540010A00000072701240006970436011010123456780208QRIBFTTA53037045406255000')).toBe(true);
    expect(payload).toContain('54062550005802VN');
    expect(payload).toMatch(/62080804XB126304[0-9A-F]{4}$/);
    expect(readVietQr(payload)).toEqual({ bankBin: '970436', accountNumber: '1012345678', service: 'QRIBFTTA', amount: 255000, note: 'XB12' });
  });

  it('is static (11) without an amount and leaves out 54 and an empty 62', () => {
    const payload = vietQrPayload({ bankBin: '970436', accountNumber: '1012345678' });
    expect(payload.slice(0, 12)).toBe('000201010211');
    expect(parseTlv(payload)!.map((field) => field.id)).toEqual(['00', '01', '38', '53', '58', '63']);
    expect(vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', note: '🙏 !!' })).toBe(payload);
  });

  it('uses QRIBFTTC for a card number', () => {
    expect(readVietQr(vietQrPayload({ bankBin: '970436', accountNumber: '9704360000000001', toCard: true }))!.service).toBe('QRIBFTTC');
  });

  it.each(['97043', '9704366', 'VCB436', '', ' 970436'])('rejects the bank BIN %j', (bankBin) => {
    expect(() => vietQrPayload({ bankBin, accountNumber: '1012345678' })).toThrow(VietQrError);
  });

  it.each(['123', '12345678901234567890', '1012 345 678', '1012-345678', 'số1234'])('rejects the account number %j', (accountNumber) => {
    expect(() => vietQrPayload({ bankBin: '970436', accountNumber })).toThrow(VietQrError);
  });

  it.each([0, -5000, 1234.5, Number.NaN, 1e14])('rejects the amount %s', (amount) => {
    expect(() => vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', amount })).toThrow(VietQrError);
  });
});

describe('amount and note', () => {
  it('writes amounts as digits only', () => {
    expect(formatAmount(1_200_000)).toBe('1200000');
    expect(formatAmount(85_000)).toBe('85000');
    expect(formatAmount(1)).toBe('1');
  });

  it('folds tone marks, keeps ASCII letters, digits and spaces, and stays short', () => {
    expect(transferNote('Đơn XB12 — chị Hồng, Đà Lạt!')).toBe('Don XB12 chi Hong Da Lat');
    expect(transferNote('thanh toán đơn hàng XB0012 cho cửa hàng nông sản')).toHaveLength(25);
    expect(transferNote('thanh toán đơn hàng XB0012 cho cửa hàng nông sản')).toMatch(/^[A-Za-z0-9 ]+$/);
    expect(transferNote('  XB12  ')).toBe('XB12');
    expect(transferNote('Ủng hộ', 3)).toBe('Ung');
  });

  it('never puts anything but ASCII letters, digits and spaces in the note field', () => {
    const payload = vietQrPayload({ bankBin: '970436', accountNumber: '1012345678', amount: 90000, note: 'Mã đơn: XB12 (xoài cát) 😀' });
    const note = readVietQr(payload)!.note!;
    expect(note).toBe('Ma don XB12 xoai cat');
    expect(note.length).toBeLessThanOrEqual(25);
  });
});
