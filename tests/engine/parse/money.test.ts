import { describe, expect, it } from 'vitest';
import { formatVnd, parseMoney } from '../../../src/engine/parse/money';

describe('parseMoney reads prices as customers write them', () => {
  it.each<[string, string, number]>([
    ['thousands as "k"', '85k', 85_000],
    ['upper-case "K"', '300K', 300_000],
    ['"nghìn"', '85 nghìn', 85_000],
    ['the southern "ngàn"', '85 ngàn', 85_000],
    ['"nghin" without marks', '85 nghin', 85_000],
    ['"1tr2" as 1.2 million', '1tr2', 1_200_000],
    ['"1tr25" as 1.25 million', '1tr25', 1_250_000],
    ['a round million', '1tr', 1_000_000],
    ['a decimal comma with "triệu"', '1,2 triệu', 1_200_000],
    ['a decimal dot with "tr"', '1.5tr', 1_500_000],
    ['"triệu rưỡi"', '2 triệu rưỡi', 2_500_000],
    ['"1 triệu 200 nghìn"', '1 triệu 200 nghìn', 1_200_000],
    ['dotted thousands with "đ"', '1.200.000đ', 1_200_000],
    ['dotted thousands with "VND"', '1.200.000 VND', 1_200_000],
    ['the ₫ sign', '50.000₫', 50_000],
    ['plain digits', '1200000', 1_200_000],
    ['spaced thousands with "đồng"', '1 200 000 đồng', 1_200_000],
    ['one spaced group before "đ"', '85 000đ', 85_000],
    ['thousands with a "k" and a decimal', '2k5', 2_500],
    ['an amount inside "tầm ... thôi"', 'tầm 300k thôi', 300_000],
    ['a dotted price with politeness', 'giá 150.000 ạ', 150_000],
    ['the price before a shipping fee', '1tr2 ship 30k', 1_200_000],
  ])('reads %s', (_name, text, amount) => {
    expect(parseMoney(text)).toBe(amount);
  });

  it.each([
    ['a count of flowers', '500 cành'],
    ['a weight in kilograms', '85kg'],
    ['a small bare number', '3'],
    ['a phone number', '0912345678'],
    ['a phone number with +84', '+84 912 345 678'],
    ['"củ", a tuber not a million', '1,5 củ gừng'],
    ['text without numbers', 'bao nhiêu tiền vậy shop'],
  ])('finds no amount in %s', (_name, text) => {
    expect(parseMoney(text)).toBeNull();
  });
});

describe('formatVnd writes prices the way shops do', () => {
  it.each<[number, string]>([
    [85_000, '85.000đ'],
    [1_200_000, '1.200.000đ'],
    [0, '0đ'],
    [999, '999đ'],
    [1_000, '1.000đ'],
    [1_000_000_000, '1.000.000.000đ'],
    [-30_000, '-30.000đ'],
  ])('writes %d as %s', (amount, written) => {
    expect(formatVnd(amount)).toBe(written);
  });
});
