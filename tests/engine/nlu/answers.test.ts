import { describe, expect, it } from 'vitest';
import { isSkip, parseSatisfaction, parseYesNo } from '../../../src/engine/nlu/answers';

describe('a typed satisfaction answer', () => {
  it.each([
    ['5', 5],
    ['5 sao', 5],
    ['4*', 4],
    ['4/5', 4],
    ['cho 3 sao nhé', 3],
    ['⭐⭐⭐⭐', 4],
    ['rất hài lòng', 5],
    ['rat hai long', 5],
    ['tuyệt vời shop ơi', 5],
    ['hài lòng', 4],
    ['ok', 4],
    ['bình thường', 3],
    ['tam duoc', 3],
    ['không hài lòng', 2],
    ['chưa hài lòng lắm', 2],
    ['tệ', 2],
    ['tệ quá', 1],
    ['rat te', 1],
    ['thất vọng', 1],
  ])('"%s" is %i stars', (text, score) => {
    expect(parseSatisfaction(text)).toBe(score);
  });

  it.each(['có mã giảm giá ko sh', 'ship ra hà nội bao lâu', '0912345678', '12', ''])('"%s" is not a score', (text) => {
    expect(parseSatisfaction(text)).toBeNull();
  });
});

describe('a yes or no answer', () => {
  it.each([
    ['có', true],
    ['co', true],
    ['ok chốt', true],
    ['dạ đúng rồi', true],
    ['đồng ý', true],
    ['uh', true],
    ['không', false],
    ['ko', false],
    ['k', false],
    ['thôi', false],
    ['hủy đơn', false],
    ['chưa', false],
    // "da" without its tone mark may be "dạ" (yes) or "đã" (already).
    ['da', true],
    ['da nha shop', true],
    ['dạ ck rồi', true],
    ['da co', true],
    ['da ck r nha shop', null],
    ['da nhan duoc hang roi', true],
    ['da chuyen tien xong', null],
  ])('"%s" is %s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
  });

  it('a long unrelated message is neither', () => {
    expect(parseYesNo('cho mình hỏi thêm về chuyện giao hàng ra ngoài bắc')).toBeNull();
  });
});

describe('skipping an optional question', () => {
  it.each(['không', 'ko', 'bỏ qua', 'Bo qua', 'không có', '-'])('"%s" skips', (text) => {
    expect(isSkip(text, 'bỏ qua')).toBe(true);
  });

  it('an actual note does not skip', () => {
    expect(isSkip('giao sau 5h chiều', 'bỏ qua')).toBe(false);
  });
});
