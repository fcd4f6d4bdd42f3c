import { describe, expect, it } from 'vitest';
import { parsePhone, type PhoneProblem } from '../../../src/engine/parse/phone';

describe('parsePhone reads the number a customer leaves for delivery', () => {
  it.each([
    // One number per prefix group of every carrier.
    ['a Viettel 03x number', '0321234567', '0321234567', 'Viettel'],
    ['a Viettel 039 number', '0391234567', '0391234567', 'Viettel'],
    ['a Viettel 086 number', '0861234567', '0861234567', 'Viettel'],
    ['a Viettel 096 number', '0961234567', '0961234567', 'Viettel'],
    ['a Viettel 098 number', '0981234567', '0981234567', 'Viettel'],
    ['a Vinaphone 081 number', '0811234567', '0811234567', 'Vinaphone'],
    ['a Vinaphone 085 number', '0851234567', '0851234567', 'Vinaphone'],
    ['a Vinaphone 088 number', '0881234567', '0881234567', 'Vinaphone'],
    ['a Vinaphone 091 number', '0911234567', '0911234567', 'Vinaphone'],
    ['a Vinaphone 094 number', '0941234567', '0941234567', 'Vinaphone'],
    ['a MobiFone 070 number', '0701234567', '0701234567', 'MobiFone'],
    ['a MobiFone 076 number', '0761234567', '0761234567', 'MobiFone'],
    ['a MobiFone 079 number', '0791234567', '0791234567', 'MobiFone'],
    ['a MobiFone 089 number', '0891234567', '0891234567', 'MobiFone'],
    ['a MobiFone 090 number', '0901234567', '0901234567', 'MobiFone'],
    ['a MobiFone 093 number', '0931234567', '0931234567', 'MobiFone'],
    ['a Vietnamobile 052 number', '0521234567', '0521234567', 'Vietnamobile'],
    ['a Vietnamobile 056 number', '0561234567', '0561234567', 'Vietnamobile'],
    ['a Vietnamobile 058 number', '0581234567', '0581234567', 'Vietnamobile'],
    ['a Vietnamobile 092 number', '0921234567', '0921234567', 'Vietnamobile'],
    ['a Gmobile 059 number', '0591234567', '0591234567', 'Gmobile'],
    ['a Gmobile 099 number', '0991234567', '0991234567', 'Gmobile'],
    ['an Itelecom 087 number', '0871234567', '0871234567', 'Itelecom'],
    ['a Reddi 055 number', '0551234567', '0551234567', 'Reddi'],
    // The ways customers group and prefix it.
    ['spaces between groups', '0912 345 678', '0912345678', 'Vinaphone'],
    ['dots between groups', '0912.345.678', '0912345678', 'Vinaphone'],
    ['dashes between groups', '0912-345-678', '0912345678', 'Vinaphone'],
    ['groups of three and four', '091 234 5678', '0912345678', 'Vinaphone'],
    ['+84 with spaces', '+84 912 345 678', '0912345678', 'Vinaphone'],
    ['+84 glued on', '+84912345678', '0912345678', 'Vinaphone'],
    ['84 without the plus', '84912345678', '0912345678', 'Vinaphone'],
    ['(+84) in brackets', '(+84) 912345678', '0912345678', 'Vinaphone'],
    ['+84 that keeps the 0 as well', '+84 0912 345 678', '0912345678', 'Vinaphone'],
    ['0084 dialled from abroad', '0084 912 345 678', '0912345678', 'Vinaphone'],
    // Inside a sentence.
    ['a number inside "sdt em ... nha"', 'sdt em 0912345678 nha', '0912345678', 'Vinaphone'],
    ['a dotted number inside "số của chị là ... ạ"', 'số của chị là 0988.123.456 ạ', '0988123456', 'Viettel'],
    ['the phone after a price in the same message', 'giá 85.000 hả, sđt 0987654321', '0987654321', 'Viettel'],
    ['the first of two numbers', '0912345678 hoặc 0988123456', '0912345678', 'Vinaphone'],
    ['the first of two numbers with only a space between', '0912345678 0988123456', '0912345678', 'Vinaphone'],
    ['the phone right before a house number', 'Lan 0987654321 12 le loi q1 hcm', '0987654321', 'Viettel'],
    ['the phone between dashes before an address', 'Tam - 0983222111 - 45 Tran Phu', '0983222111', 'Viettel'],
  ])('takes %s as a mobile number', (_name, text, phone, carrier) => {
    expect(parsePhone(text)).toEqual({ ok: true, phone, kind: 'mobile', carrier });
  });

  it.each([
    ['a Hà Nội landline (024)', '024 3825 1234', '02438251234'],
    ['a TP Hồ Chí Minh landline with the area code in brackets', '(028) 3822 1234', '02838221234'],
    ['a Đà Nẵng landline (0236)', '0236 3822 123', '02363822123'],
    ['a Cần Thơ landline (0292)', '0292.3822.123', '02923822123'],
    ['a landline written with +84', '+84 24 3825 1234', '02438251234'],
    ['a landline inside a sentence', 'gọi cửa hàng 028 3822 1234 giờ hành chính', '02838221234'],
  ])('takes %s as a landline', (_name, text, phone) => {
    expect(parsePhone(text)).toEqual({ ok: true, phone, kind: 'landline' });
  });

  it.each<[string, string, PhoneProblem]>([
    ['a message without digits', 'abc', 'no_number'],
    ['an address with only a house number', '12 Lê Lợi', 'no_number'],
    ['an empty message', '', 'no_number'],
    ['nine digits', '091234567', 'too_short'],
    ['a number cut off after four digits', 'sdt 0912', 'too_short'],
    ['a landline missing a digit', '024 3825 123', 'too_short'],
    ['eleven digits on a 09 number', '09123456789', 'too_long'],
    ['a landline with an extra digit', '024 3825 12345', 'too_long'],
    ['an old 11-digit 01xx mobile', '01234567890', 'old_mobile'],
    ['an old 0168 mobile with dots', '0168.123.4567', 'old_mobile'],
    ['ten digits starting 01', '0123456789', 'unknown_prefix'],
    ['a 06 prefix no carrier uses', '0612345678', 'unknown_prefix'],
    ['a foreign number', '+1 650 253 0000', 'unknown_prefix'],
    ['a 1900 hotline', '1900 1234', 'service_number'],
    ['a 1800 toll-free number', '1800 599 920', 'service_number'],
  ])('reports %s as %s', (_name, text, problem) => {
    expect(parsePhone(text)).toEqual({ ok: false, problem });
  });
});
