import { beforeAll, describe, expect, it } from 'vitest';
import { catalogIndex, readOrderLines, type CatalogIndex } from '../../../src/engine/parse/order-lines';
import { sampleFlows } from '../../support/sample-flows';

let catalog: CatalogIndex;

beforeAll(async () => {
  catalog = catalogIndex((await sampleFlows()).shop.catalog);
});

const lines = (text: string) => readOrderLines(text, catalog).lines.map((line) => [line.productId, line.quantity, line.unit]);

describe('readOrderLines reads every product and its quantity from one line', () => {
  it.each<[string, string, (string | number | null)[][]]>([
    ['two products, each after its quantity, tone-less', 'cho minh dat 2 ky buoi voi nua ky ca phe', [['buoi_da_xanh', 2, 'kg'], ['ca_phe_robusta', 0.5, 'kg']]],
    ['the quantity glued to its unit before the product', 'dat 3kg xoai', [['xoai_cat_hoa_loc', 3, 'kg']]],
    ['a letter typed twice in a short word of the name ("mat onng")', 'cho minh 2kg sau rieg ri6 vs 1 chai mat onng', [['sau_rieng_ri6', 2, 'kg'], ['mat_ong_hoa_ca_phe', 1, 'chai']]],
    ['"khoai" alone is the one product whose name starts with it', 'lay 2 tui khoai nha', [['khoai_lang_say', 2, 'túi']]],
    ['"Khoa", one letter off "khoai", is a given name, not the product', 'giao cho anh Khoa 2 ky buoi', [['buoi_da_xanh', 2, 'kg']]],
    ['"1 yến" is ten kilos, "lọ" a jar, "bịch" a bag', 'lay 1 yen gao, 3 lo mat ong, 4 bich mit say', [['gao_st25', 10, 'kg'], ['mat_ong_hoa_ca_phe', 3, 'chai'], ['mit_say', 4, 'túi']]],
    ['"cf" before "arabica" names the Arabica, not Robusta and Arabica', 'cho e 5 lang cf arabica', [['ca_phe_arabica', 0.5, 'kg']]],
    ['"1kg5" is a kilo and a half', 'cho e 1kg5 cf robusta voi 2 hu mat ong', [['ca_phe_robusta', 1.5, 'kg'], ['mat_ong_hoa_ca_phe', 2, 'chai']]],
    ['"mua" with a short name', 'mua 2kg buoi', [['buoi_da_xanh', 2, 'kg']]],
    ['two packaged products joined with "+"', '5 hop mit say + 2 hu mat ong', [['mit_say', 5, 'túi'], ['mat_ong_hoa_ca_phe', 2, 'chai']]],
    ['each quantity after its product, split by a comma', 'xoai 3kg, buoi 2kg', [['xoai_cat_hoa_loc', 3, 'kg'], ['buoi_da_xanh', 2, 'kg']]],
    ['each quantity after its product, joined by "voi"', 'buoi 2kg voi xoai 3kg', [['buoi_da_xanh', 2, 'kg'], ['xoai_cat_hoa_loc', 3, 'kg']]],
    ['two quantities first, no connector', '3kg xoai 2kg buoi', [['xoai_cat_hoa_loc', 3, 'kg'], ['buoi_da_xanh', 2, 'kg']]],
    ['with tone marks and a container of kilos', 'lấy 1 thùng xoài 10kg', [['xoai_cat_hoa_loc', 10, 'kg']]],
    ['a bag of ten kilos of rice', 'cho 1 bao 10 ky gao', [['gao_st25', 10, 'kg']]],
    ['a product code in its name ("st25") is not a quantity', 'gao st25 10 ky', [['gao_st25', 10, 'kg']]],
    ['a number in words', 'lay hai chai mat ong nhe', [['mat_ong_hoa_ca_phe', 2, 'chai']]],
    ['a product without a quantity', 'shop oi minh muon dat xoai', [['xoai_cat_hoa_loc', null, 'kg']]],
    ['pieces of a product sold by the kg are not converted', 'mua 2 trai buoi', [['buoi_da_xanh', null, 'kg']]],
    ['a house number after the product is not its quantity', 'xoai giao ve 12 le loi q1', [['xoai_cat_hoa_loc', null, 'kg']]],
    ['an order code before the product is not a quantity', 'don xb12 xoai bi dap', [['xoai_cat_hoa_loc', null, 'kg']]],
    ['"bơ" with its marks is the avocado', 'bơ 2kg', [['bo_sap', 2, 'kg']]],
    ['a bare number right after the product', 'xoai 3 nha', [['xoai_cat_hoa_loc', 3, 'kg']]],
    ['a bare number right before the product', '2 xoai', [['xoai_cat_hoa_loc', 2, 'kg']]],
    ['the longer name wins over the shorter alias', 'ca phe arabica nua ky', [['ca_phe_arabica', 0.5, 'kg']]],
    ['two products joined by "va" with marks-less units', 'cho minh 1 chai mat ong va 2 tui khoai lang say', [['mat_ong_hoa_ca_phe', 1, 'chai'], ['khoai_lang_say', 2, 'túi']]],
    ['the quantity in the next words: "buoi lay 4 ky nha"', 'buoi lay 4 ky nha', [['buoi_da_xanh', 4, 'kg']]],
    ['two aliases of one product side by side are one line', 'cho e 5kg gao st25 + 1kg cafe robusta ship ra ha noi', [['gao_st25', 5, 'kg'], ['ca_phe_robusta', 1, 'kg']]],
    ['"moi loai 2kg" before the products it is for', 'cho minh moi loai 2kg: xoai, buoi, bo sap', [['xoai_cat_hoa_loc', 2, 'kg'], ['buoi_da_xanh', 2, 'kg'], ['bo_sap', 2, 'kg']]],
    ['"mỗi thứ" after the products, one of them with its own amount', 'xoài 3kg, bưởi, bơ sáp mỗi thứ 2 ký', [['xoai_cat_hoa_loc', 3, 'kg'], ['buoi_da_xanh', 2, 'kg'], ['bo_sap', 2, 'kg']]],
    ['a name ending in a word that also starts a request ("cau dat")', 'lay 1kg arabica cau dat', [['ca_phe_arabica', 1, 'kg']]],
    ['"bo qua" is bỏ qua (skip), not avocados', 'bo qua', []],
    ['"bieu bo me" is a gift for the parents (bố mẹ), not avocados', 'lay 2 ky robusta voi 1 chai mat ong, gui ve bieu bo me', [['ca_phe_robusta', 2, 'kg'], ['mat_ong_hoa_ca_phe', 1, 'chai']]],
    ['"giao buoi sang" is the morning (buổi sáng), not pomelos', 'lay 2 ky xoai, giao buoi sang nha', [['xoai_cat_hoa_loc', 2, 'kg']]],
    ['"bơ" typed with marks stays the avocado', 'lấy 2 ký bơ, giao buổi sáng', [['bo_sap', 2, 'kg']]],
    ['a message with no product', 'ship ra ha noi bao lau', []],
  ])('%s: "%s"', (_, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });

  it('keeps the quantity as said next to the converted one', () => {
    expect(readOrderLines('lấy 1 thùng xoài 10kg', catalog).lines[0]!.said).toEqual({ amount: 1, unit: 'thùng', per: { amount: 10, unit: 'kg' } });
    expect(readOrderLines('mua 2 trai buoi', catalog).lines[0]!.said).toEqual({ amount: 2, unit: 'trái' });
  });
});

describe('readOrderLines tells removals and corrections apart from new lines', () => {
  it.each<[string, string, string[], (string | number | null)[][]]>([
    ['"bỏ … ra" with marks', 'bỏ bưởi ra', ['buoi_da_xanh'], []],
    ['unmarked "bo" before a product is bỏ, not bơ', 'bo buoi ra', ['buoi_da_xanh'], []],
    ['"không lấy … nữa"', 'khong lay xoai nua', ['xoai_cat_hoa_loc'], []],
    ['a removal and an addition in one line', 'bo buoi ra, lay them 1kg xoai', ['buoi_da_xanh'], [['xoai_cat_hoa_loc', 1, 'kg']]],
    ['"bớt" two products', 'bớt xoài với bưởi', ['xoai_cat_hoa_loc', 'buoi_da_xanh'], []],
  ])('%s: "%s"', (_, text, removed, added) => {
    const read = readOrderLines(text, catalog);
    expect(read.removed).toEqual(removed);
    expect(read.lines.map((line) => [line.productId, line.quantity, line.unit])).toEqual(added);
  });

  it.each<[string, string, object | null, boolean]>([
    ['"à nhầm, 3 ký thôi" corrects the quantity', 'à nhầm, 3 ký thôi', { amount: 3, unit: 'kg' }, true],
    ['tone-less correction', 'a nham 3 ky thoi', { amount: 3, unit: 'kg' }, true],
    ['"sửa lại" with a quantity', 'sua lai 5kg nha', { amount: 5, unit: 'kg' }, true],
    ['a container of kilos with no product', '1 thung 10kg', { amount: 1, unit: 'thùng', per: { amount: 10, unit: 'kg' } }, false],
    ['a bag of kilos with no product', '1 bao 10 ky', { amount: 1, unit: 'bao', per: { amount: 10, unit: 'kg' } }, false],
    ['a bare number as the whole answer', '4 nha', { amount: 4, unit: null }, false],
    ['a house number in an address is no quantity', 'giao toi 12 le loi phuong ben thanh', null, false],
    ['ward and house numbers are no quantity', '14 Nguyen Hue, phuong 1, Cao Lanh, Dong Thap', null, false],
    ['a wrong delivery is a complaint, not a correction', 'shop giao nham roi', null, false],
    ['"thôi" with nothing to correct is not a correction', 'thoi khong mua nua', null, false],
  ])('%s', (_, text, looseQuantity, correction) => {
    const read = readOrderLines(text, catalog);
    expect(read.looseQuantity).toEqual(looseQuantity);
    expect(read.correction).toBe(correction);
    expect(read.lines).toEqual([]);
  });

  it('a corrected line keeps its product and says it replaces', () => {
    const read = readOrderLines('à nhầm, 3 ký bưởi thôi', catalog);
    expect(read.lines.map((line) => [line.productId, line.quantity])).toEqual([['buoi_da_xanh', 3]]);
    expect(read.correction).toBe(true);
  });
});

describe('"bớt" with an amount takes that much off a line', () => {
  it.each<[string, string, (string | number | null)[][], string[]]>([
    ['an amount: less of the product', 'a thoi bot 1 ky sau rieng nha', [['sau_rieng_ri6', 1, 'kg']], []],
    ['no amount: the product out', 'bot bo sap', [], ['bo_sap']],
  ])('%s: "%s"', (_, text, reduced, removed) => {
    const read = readOrderLines(text, catalog);
    expect(read.reduced.map((line) => [line.productId, line.quantity, line.unit])).toEqual(reduced);
    expect(read.removed).toEqual(removed);
    expect(read.lines).toEqual([]);
  });
});
