import { describe, expect, it } from 'vitest';
import { readRating, readStars, type Rating } from '../../../src/engine/parse/rating';

const LABELS = ['Rất tệ', 'Chưa tốt', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];

describe('readRating reads the stars a customer gives, typed as numbers or words', () => {
  it.each<[string, Rating | null]>([
    ['2', 2],
    ['2 sao', 2],
    ['3 sao nhé', 3],
    ['hai sao', 2],
    ['5*', 5],
    ['⭐⭐⭐', 3],
    ['4/5', 4],
    ['9/10', 5],
    ['8 điểm', 4],
    ['cho shop 5 diem luon', 5],
    ['full sao nha shop 😍', 5],
    ['4 điểm', 4],
    ['cho 5 sao luon', 5],
    ['1 sao vi giao tre', 1],
    ['te qua', 1],
    ['khong hai long', 2],
    ['binh thuong', 3],
    ['tạm được', 3],
    ['ổn', 3],
    ['ok', 4],
    ['Hài lòng', 4],
    ['Rất hài lòng', 5],
    ['tuyet voi', 5],
    ['giao 2 ngay', null],
    ['cam on shop', null],
    ['bot hieu sai chu ck', null],
    ['tám', null],
    ['tuyệt', 5],
    ['7 Phan Dinh Phung, phuong 1, Da Lat', null],
    ['Huynh Thanh Tam', null],
    ['Đinh Công Mạnh', null],
    ['0', null],
    ['6', null],
  ])('"%s" → %s', (text, rating) => {
    expect(readRating(text, LABELS)).toBe(rating);
  });
});

describe('readStars reads only a score given as stars or points, which nothing else looks like', () => {
  it.each<[string, Rating | null]>([
    ['4 sao', 4],
    ['5*', 5],
    ['⭐⭐', 2],
    ['4/5', 4],
    ['8 điểm', 4],
    ['2', null],
    ['tot', null],
    ['hai long', null],
    ['2 tui mit say', null],
  ])('"%s" → %s', (text, rating) => {
    expect(readStars(text)).toBe(rating);
  });
});
