import { describe, expect, it } from 'vitest';
import { ZALO_TEXT_LIMIT, splitText } from '../../../src/channels/zalo/index.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SENTENCES = [
  'Dạ shop chào anh/chị ạ, cảm ơn anh/chị đã quan tâm đến nông sản sạch của vườn nhà mình.',
  'Xoài cát Hòa Lộc loại 1 giá 85.000đ/kg, loại 2 giá 65.000đ/kg, trái chín cây, không dùng thuốc ủ.',
  'Sầu riêng Ri6 Cái Mơn cơm vàng hạt lép, giao nguyên trái, bao ăn, trái sượng shop đổi trái khác ạ 🍈.',
  'Phí ship nội thành Cần Thơ 20.000đ, các tỉnh miền Tây 30.000đ, đi Sài Gòn và Hà Nội tính theo ký.',
  'Anh/chị chuyển khoản theo mã QR bên dưới rồi gửi giúp shop ảnh bill để shop lên đơn liền nha 🙏.',
  'Đơn đặt trước 16 giờ được giao trong ngày; đơn sau giờ đó shop giao sáng hôm sau ạ.',
];

/** About `lines` lines of Vietnamese shop talk, numbered so that every line is distinct. */
function vietnameseText(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `${i + 1}. ${SENTENCES[i % SENTENCES.length]}`).join('\n');
}

describe('splitText', () => {
  it('keeps a short text whole; empty or blank text gives no part', () => {
    expect(splitText('Dạ còn ạ')).toEqual(['Dạ còn ạ']);
    expect(splitText('a\nb')).toEqual(['a\nb']);
    expect(splitText('')).toEqual([]);
    expect(splitText(' \n \n\t')).toEqual([]);
    expect(ZALO_TEXT_LIMIT).toBe(2000);
  });

  it('a text of exactly the limit is one part; one more character makes two', () => {
    const exact = 'ạ'.repeat(2000);
    expect(splitText(exact)).toEqual([exact]);
    expect(splitText(`${'ạ'.repeat(1000)}\n${'ạ'.repeat(1000)}`)).toEqual(['ạ'.repeat(1000), 'ạ'.repeat(1000)]);
  });

  it('splits a long Vietnamese text on line boundaries, packing lines greedily', () => {
    const text = vietnameseText(150);
    expect(text.length).toBeGreaterThan(12_000);
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThanOrEqual(7);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.trim()).not.toBe('');
      expect(part.startsWith('\n') || part.endsWith('\n')).toBe(false);
    }
    expect(parts.join('\n')).toBe(text);
    // Greedy: the next part's first line would not have fitted.
    for (let i = 0; i + 1 < parts.length; i++) {
      const nextLine = (parts[i + 1] ?? '').split('\n')[0] ?? '';
      expect((parts[i] ?? '').length + 1 + nextLine.length).toBeGreaterThan(2000);
    }
  });

  it('a single long line is cut at the last space before the limit', () => {
    const line = Array.from({ length: 120 }, (_, i) => `${SENTENCES[i % SENTENCES.length]}`).join(' ');
    expect(line.includes('\n')).toBe(false);
    const parts = splitText(line);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join(' ')).toBe(line);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.startsWith(' ')).toBe(false);
    }
    // It was the LAST space: the next word would not have fitted.
    for (let i = 0; i + 1 < parts.length; i++) {
      const nextWord = (parts[i + 1] ?? '').split(' ')[0] ?? '';
      expect((parts[i] ?? '').length + 1 + nextWord.length).toBeGreaterThan(2000);
    }
  });

  it('a long line inside a text: whole lines around it stay whole, its tail joins the next line', () => {
    const long = Array.from({ length: 400 }, () => 'xoài').join(' '); // 1999 chars
    expect(long.length).toBe(1999);
    const text = `Dạ anh ơi\n${long} ${long} ngắn thôi\nCảm ơn anh ạ`;
    expect(splitText(text)).toEqual(['Dạ anh ơi', long, long, 'ngắn thôi\nCảm ơn anh ạ']);
  });

  it('hard-cuts a line without spaces only when it must', () => {
    const word = 'ă'.repeat(4500);
    const parts = splitText(word);
    expect(parts.map((p) => p.length)).toEqual([2000, 2000, 500]);
    expect(parts.join('')).toBe(word);
  });

  it('never breaks a surrogate pair (emoji)', () => {
    const text = 'a' + '🥭'.repeat(1500); // the cut at 2000 would fall inside an emoji
    const parts = splitText(text);
    expect(parts.join('')).toBe(text);
    expect(parts[0]?.length).toBe(1999);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(LONE_SURROGATE.test(part)).toBe(false);
    }
    const mixed = Array.from({ length: 800 }, (_, i) => (i % 3 === 0 ? '😀👍' : 'ngon')).join('');
    const mixedParts = splitText(mixed, 100);
    expect(mixedParts.join('')).toBe(mixed);
    expect(mixedParts.some((p) => LONE_SURROGATE.test(p))).toBe(false);
  });

  it('keeps a decomposed (NFD) Vietnamese letter with its tone marks and ZWJ emoji whole', () => {
    const nfd = 'x' + 'ế'.normalize('NFD').repeat(1000); // 3 code units per letter
    const parts = splitText(nfd);
    expect(parts.join('')).toBe(nfd);
    for (const part of parts.slice(1)) expect(/^[\u0300-\u036f]/.test(part)).toBe(false);
    const family = '👨‍👩‍👧'; // 8 code units joined by ZWJ
    const zwj = family.repeat(10);
    const zwjParts = splitText(zwj, 12);
    expect(zwjParts.join('')).toBe(zwj);
    expect(zwjParts.every((p) => p.length <= 12 && p === family)).toBe(true);
  });

  it('never produces an empty or blank part, even from many blank lines', () => {
    const text = 'đầu' + '\n'.repeat(4500) + 'cuối';
    const parts = splitText(text);
    expect(parts.every((p) => p.trim() !== '' && p.length <= 2000)).toBe(true);
    expect(parts.join('')).toContain('đầu');
    expect(parts.join('')).toContain('cuối');
    expect(splitText('a' + ' '.repeat(3000) + 'b').every((p) => p.trim() !== '')).toBe(true);
  });

  it('respects a custom limit and refuses a nonsensical one', () => {
    expect(splitText('một hai ba bốn', 7)).toEqual(['một hai', 'ba bốn']);
    expect(() => splitText('abc', 1)).toThrow(RangeError);
    expect(() => splitText('abc', 2.5)).toThrow(RangeError);
  });
});
