import { describe, expect, it } from 'vitest';
import { readOrderCode } from '../../../src/engine/parse/order-code';
import { forgetsCode } from '../../../src/engine/questions/order-code';

const NOT_CODES = ['XOAI10', 'KHACHMOI', 'TET2027', 'st25', 'ri6'];

describe('readOrderCode finds the order code a customer names', () => {
  it.each<[string, string | null]>([
    ['don XB12 bi dap', 'XB12'],
    ['don xb 601 nhan hom qua', 'XB601'],
    ['lay 10 ky', null],
    ['minh muon huy don FP948', 'FP948'],
    ['đơn fp948 chưa tới', 'FP948'],
    ['xb-101', 'XB101'],
    ['XB 12 nhé', 'XB12'],
    ['mã đơn: 10245', '10245'],
    ['#10245', '10245'],
    ['chua co ma', null],
    ['chưa có mã đơn', null],
    ['lay 10 ky', null],
    ['ma giam gia XOAI10', null],
    ['TET2027 con dung dc ko', null],
    ['gao st25 5kg', null],
    ['ship 85k', null],
    ['q10 hcm', null],
    ['giao trong ngay 15', null],
  ])('"%s" → %s', (text, code) => {
    expect(readOrderCode(text, NOT_CODES)).toBe(code);
  });
});

describe('a customer who has no order code to give says so', () => {
  it.each(['ko nho ma', 'khong nho ma don', 'quên mã rồi shop', 'chua co ma', 'k biet ma don la gi', 'ko có mã'])('"%s" is having no code', (text) => {
    expect(forgetsCode(text)).toBe(true);
  });

  it.each(['XB12', 'mật ong còn không', 'ko', 'shop co ma giam gia ko', 'ma khuyen mai la gi vay shop'])('"%s" is not', (text) => {
    expect(forgetsCode(text)).toBe(false);
  });
});
