import { describe, expect, it } from 'vitest';
import { parseQuantity, type Quantity } from '../../../src/engine/parse/quantity';

describe('parseQuantity reads how much a customer orders', () => {
  it.each<[string, string, Quantity]>([
    ['kilograms glued to the number', '2kg', { amount: 2, unit: 'kg' }],
    ['a half written as a fraction', '1/2 ky', { amount: 0.5, unit: 'kg' }],
    ['three quarters as a fraction', '3/4 kg', { amount: 0.75, unit: 'kg' }],
    ['a date is no fraction: "20/5" stays twenty', '20/5', { amount: 20, unit: null }],
    ['"ký" for kilograms', '2 ký', { amount: 2, unit: 'kg' }],
    ['the number in words', 'hai ký', { amount: 2, unit: 'kg' }],
    ['words typed without tone marks', 'hai ky', { amount: 2, unit: 'kg' }],
    ['upper case', '3 KÝ', { amount: 3, unit: 'kg' }],
    ['"kí" spelled with i', 'năm kí', { amount: 5, unit: 'kg' }],
    ['"ki lô" in two words', '1 ki lô', { amount: 1, unit: 'kg' }],
    ['a northern "cân" as one kilogram', '2 cân', { amount: 2, unit: 'kg' }],
    ['half a kilo', 'nửa ký', { amount: 0.5, unit: 'kg' }],
    ['half a kilo without marks', 'nua ky', { amount: 0.5, unit: 'kg' }],
    ['"ký rưỡi" with no number', 'ký rưỡi', { amount: 1.5, unit: 'kg' }],
    ['one and a half kilos', '1 ký rưỡi', { amount: 1.5, unit: 'kg' }],
    ['"1 ký 2" as 1.2 kg', '1 ký 2', { amount: 1.2, unit: 'kg' }],
    ['"1 ký 2 lạng"', '1 ký 2 lạng', { amount: 1.2, unit: 'kg' }],
    ['lạng as 100 grams', '5 lạng', { amount: 0.5, unit: 'kg' }],
    ['grams', '500g', { amount: 0.5, unit: 'kg' }],
    ['"gr" for grams', '250gr', { amount: 0.25, unit: 'kg' }],
    ['hundreds of grams in words', 'ba trăm gam', { amount: 0.3, unit: 'kg' }],
    ['a decimal comma', '1,5kg', { amount: 1.5, unit: 'kg' }],
    ['a decimal dot', '2.5 kg', { amount: 2.5, unit: 'kg' }],
    ['boxes', '3 hộp', { amount: 3, unit: 'hộp' }],
    ['fruit counted with "trái"', '10 trái', { amount: 10, unit: 'trái' }],
    ['"quả" as the northern "trái"', '2 quả', { amount: 2, unit: 'trái' }],
    ['a dozen-like "chục"', 'một chục trái', { amount: 10, unit: 'trái' }],
    ['"2 chục" as twenty', '2 chục trái', { amount: 20, unit: 'trái' }],
    ['"mười lăm" as fifteen', 'mười lăm hũ', { amount: 15, unit: 'hũ' }],
    ['"hai mươi mốt" as twenty-one', 'hai mươi mốt chai', { amount: 21, unit: 'chai' }],
    ['bags', '4 túi', { amount: 4, unit: 'túi' }],
    ['sacks of rice', '2 bao', { amount: 2, unit: 'bao' }],
    ['packets', '6 gói', { amount: 6, unit: 'gói' }],
    ['cans', '12 lon', { amount: 12, unit: 'lon' }],
    ['a carton and its weight', '1 thùng 10kg', { amount: 1, unit: 'thùng', per: { amount: 10, unit: 'kg' } }],
    ['a box "loại 500g"', '2 hộp loại 500g', { amount: 2, unit: 'hộp', per: { amount: 0.5, unit: 'kg' } }],
    ['a carton of cans', '1 thùng 24 lon', { amount: 1, unit: 'thùng', per: { amount: 24, unit: 'lon' } }],
    ['the quantity inside a request', 'lấy cho chị 3 ký nhé', { amount: 3, unit: 'kg' }],
    ['"tầm ký rưỡi" (tầm is not tám)', 'tầm ký rưỡi thôi', { amount: 1.5, unit: 'kg' }],
    ['the order after the phone number', 'sdt 0912345678 lấy 2 hộp', { amount: 2, unit: 'hộp' }],
    ['a unit after a bare number elsewhere', 'đơn 12 lấy 3 ký', { amount: 3, unit: 'kg' }],
    ['a bare number', '3', { amount: 3, unit: null }],
    ['a bare number in a sentence', 'lấy 3 nhé', { amount: 3, unit: null }],
    ['a number in words as the whole answer', 'hai ạ', { amount: 2, unit: null }],
  ])('reads %s', (_name, text, quantity) => {
    expect(parseQuantity(text)).toEqual(quantity);
  });

  it.each([
    ['a question about delivery time', 'ship ra Hà Nội bao lâu'],
    ['a price in thousands', '85k'],
    ['a price in millions', '1tr2'],
    ['a price in đồng', '1.200.000đ'],
    ['a phone number', '0912345678'],
    ['a phone number in groups', '0912 345 678'],
    ['a greeting', 'chào shop'],
    ['a place named Tam Kỳ (not tám ký)', 'Tam Kỳ'],
    ['an empty message', ''],
  ])('finds no quantity in %s', (_name, text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});
