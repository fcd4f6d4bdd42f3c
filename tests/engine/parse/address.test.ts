import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../src/engine/parse/address';
import { provinceById } from '../../../src/vietnam/provinces';

describe('parseAddress takes a delivery address', () => {
  it.each([
    ['a HCM address', '  12 Lê Lợi, phường Bến Thành, Sài Gòn ', '12 Lê Lợi, phường Bến Thành, Sài Gòn', 'tp-ho-chi-minh'],
    ['a Hà Nội address without marks', 'so 5 ngo 10 lang ha, dong da, ha noi', 'so 5 ngo 10 lang ha, dong da, ha noi', 'ha-noi'],
    ['an old-province address', 'ấp 3, xã Mỹ Long, Tiền Giang', 'ấp 3, xã Mỹ Long, Tiền Giang', 'dong-thap'],
  ])('keeps %s as written and finds its province', (_name, text, kept, id) => {
    expect(parseAddress(text)).toEqual({ text: kept, province: expect.objectContaining({ kind: 'found', province: provinceById(id) }) });
  });

  it('keeps an address without a province, for the shop to ask', () => {
    expect(parseAddress('12 Lê Lợi, phường 4')).toEqual({ text: '12 Lê Lợi, phường 4', province: null });
  });

  it('keeps an address that ends in the ambiguous ĐN', () => {
    expect(parseAddress('KCN Amata, ĐN')?.province).toEqual(expect.objectContaining({ kind: 'ambiguous' }));
  });

  it.each([
    ['a single word', 'HàNội'],
    ['"ok"', 'ok'],
    ['two short words', 'a b'],
    ['spaces only', '     '],
  ])('refuses %s as too short', (_name, text) => {
    expect(parseAddress(text)).toBeNull();
  });
});
