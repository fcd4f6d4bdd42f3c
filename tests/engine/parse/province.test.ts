import { describe, expect, it } from 'vitest';
import { findProvince, parseProvince } from '../../../src/engine/parse/province';
import { FORMER_PROVINCES, PROVINCE_ALIASES, PROVINCES, provinceById } from '../../../src/vietnam/provinces';

/** The 34 units since 1 July 2025: name, name typed without marks, id, centrally-run city. */
const CURRENT: readonly [string, string, string, boolean][] = [
  ['Hà Nội', 'ha noi', 'ha-noi', true],
  ['Huế', 'hue', 'hue', true],
  ['Lai Châu', 'lai chau', 'lai-chau', false],
  ['Điện Biên', 'dien bien', 'dien-bien', false],
  ['Sơn La', 'son la', 'son-la', false],
  ['Lạng Sơn', 'lang son', 'lang-son', false],
  ['Quảng Ninh', 'quang ninh', 'quang-ninh', false],
  ['Thanh Hóa', 'thanh hoa', 'thanh-hoa', false],
  ['Nghệ An', 'nghe an', 'nghe-an', false],
  ['Hà Tĩnh', 'ha tinh', 'ha-tinh', false],
  ['Cao Bằng', 'cao bang', 'cao-bang', false],
  ['Tuyên Quang', 'tuyen quang', 'tuyen-quang', false],
  ['Lào Cai', 'lao cai', 'lao-cai', false],
  ['Thái Nguyên', 'thai nguyen', 'thai-nguyen', false],
  ['Phú Thọ', 'phu tho', 'phu-tho', false],
  ['Bắc Ninh', 'bac ninh', 'bac-ninh', false],
  ['Hưng Yên', 'hung yen', 'hung-yen', false],
  ['Hải Phòng', 'hai phong', 'hai-phong', true],
  ['Ninh Bình', 'ninh binh', 'ninh-binh', false],
  ['Quảng Trị', 'quang tri', 'quang-tri', false],
  ['Đà Nẵng', 'da nang', 'da-nang', true],
  ['Quảng Ngãi', 'quang ngai', 'quang-ngai', false],
  ['Gia Lai', 'gia lai', 'gia-lai', false],
  ['Khánh Hòa', 'khanh hoa', 'khanh-hoa', false],
  ['Lâm Đồng', 'lam dong', 'lam-dong', false],
  ['Đắk Lắk', 'dak lak', 'dak-lak', false],
  ['TP Hồ Chí Minh', 'tp ho chi minh', 'tp-ho-chi-minh', true],
  ['Đồng Nai', 'dong nai', 'dong-nai', false],
  ['Tây Ninh', 'tay ninh', 'tay-ninh', false],
  ['Cần Thơ', 'can tho', 'can-tho', true],
  ['Vĩnh Long', 'vinh long', 'vinh-long', false],
  ['Đồng Tháp', 'dong thap', 'dong-thap', false],
  ['Cà Mau', 'ca mau', 'ca-mau', false],
  ['An Giang', 'an giang', 'an-giang', false],
];

/** The 63 provinces before the merger and the unit each belongs to now. */
const FORMER: readonly [string, string][] = [
  ['Hà Nội', 'ha-noi'],
  ['Thừa Thiên Huế', 'hue'],
  ['Lai Châu', 'lai-chau'],
  ['Điện Biên', 'dien-bien'],
  ['Sơn La', 'son-la'],
  ['Lạng Sơn', 'lang-son'],
  ['Quảng Ninh', 'quang-ninh'],
  ['Thanh Hóa', 'thanh-hoa'],
  ['Nghệ An', 'nghe-an'],
  ['Hà Tĩnh', 'ha-tinh'],
  ['Cao Bằng', 'cao-bang'],
  ['Tuyên Quang', 'tuyen-quang'],
  ['Hà Giang', 'tuyen-quang'],
  ['Lào Cai', 'lao-cai'],
  ['Yên Bái', 'lao-cai'],
  ['Thái Nguyên', 'thai-nguyen'],
  ['Bắc Kạn', 'thai-nguyen'],
  ['Phú Thọ', 'phu-tho'],
  ['Vĩnh Phúc', 'phu-tho'],
  ['Hòa Bình', 'phu-tho'],
  ['Bắc Ninh', 'bac-ninh'],
  ['Bắc Giang', 'bac-ninh'],
  ['Hưng Yên', 'hung-yen'],
  ['Thái Bình', 'hung-yen'],
  ['Hải Phòng', 'hai-phong'],
  ['Hải Dương', 'hai-phong'],
  ['Ninh Bình', 'ninh-binh'],
  ['Hà Nam', 'ninh-binh'],
  ['Nam Định', 'ninh-binh'],
  ['Quảng Trị', 'quang-tri'],
  ['Quảng Bình', 'quang-tri'],
  ['Đà Nẵng', 'da-nang'],
  ['Quảng Nam', 'da-nang'],
  ['Quảng Ngãi', 'quang-ngai'],
  ['Kon Tum', 'quang-ngai'],
  ['Gia Lai', 'gia-lai'],
  ['Bình Định', 'gia-lai'],
  ['Khánh Hòa', 'khanh-hoa'],
  ['Ninh Thuận', 'khanh-hoa'],
  ['Lâm Đồng', 'lam-dong'],
  ['Đắk Nông', 'lam-dong'],
  ['Bình Thuận', 'lam-dong'],
  ['Đắk Lắk', 'dak-lak'],
  ['Phú Yên', 'dak-lak'],
  ['TP Hồ Chí Minh', 'tp-ho-chi-minh'],
  ['Bình Dương', 'tp-ho-chi-minh'],
  ['Bà Rịa – Vũng Tàu', 'tp-ho-chi-minh'],
  ['Đồng Nai', 'dong-nai'],
  ['Bình Phước', 'dong-nai'],
  ['Tây Ninh', 'tay-ninh'],
  ['Long An', 'tay-ninh'],
  ['Cần Thơ', 'can-tho'],
  ['Sóc Trăng', 'can-tho'],
  ['Hậu Giang', 'can-tho'],
  ['Vĩnh Long', 'vinh-long'],
  ['Bến Tre', 'vinh-long'],
  ['Trà Vinh', 'vinh-long'],
  ['Đồng Tháp', 'dong-thap'],
  ['Tiền Giang', 'dong-thap'],
  ['Cà Mau', 'ca-mau'],
  ['Bạc Liêu', 'ca-mau'],
  ['An Giang', 'an-giang'],
  ['Kiên Giang', 'an-giang'],
];

const ALIASES: readonly [string, string][] = [
  ['HN', 'ha-noi'],
  ['Hà Thành', 'ha-noi'],
  ['HCM', 'tp-ho-chi-minh'],
  ['TPHCM', 'tp-ho-chi-minh'],
  ['TP.HCM', 'tp-ho-chi-minh'],
  ['Sài Gòn', 'tp-ho-chi-minh'],
  ['sai gon', 'tp-ho-chi-minh'],
  ['SG', 'tp-ho-chi-minh'],
  ['Sì Gòn', 'tp-ho-chi-minh'],
  ['Vũng Tàu', 'tp-ho-chi-minh'],
  ['BRVT', 'tp-ho-chi-minh'],
  ['Thủ Dầu Một', 'tp-ho-chi-minh'],
  ['Biên Hòa', 'dong-nai'],
  ['Đà Lạt', 'lam-dong'],
  ['Phan Thiết', 'lam-dong'],
  ['Phú Quốc', 'an-giang'],
  ['Nha Trang', 'khanh-hoa'],
  ['Buôn Ma Thuột', 'dak-lak'],
  ['Buôn Mê Thuột', 'dak-lak'],
  ['BMT', 'dak-lak'],
  ['Pleiku', 'gia-lai'],
  ['Quy Nhơn', 'gia-lai'],
  ['Hội An', 'da-nang'],
  ['Hạ Long', 'quang-ninh'],
  ['Sa Pa', 'lao-cai'],
  ['Mỹ Tho', 'dong-thap'],
];

const found = (id: string) => expect.objectContaining({ kind: 'found', province: provinceById(id) });

describe('the province reference data', () => {
  it('has the 34 units of 2025 and the 63 former provinces', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(FORMER_PROVINCES).toHaveLength(63);
  });

  it('has six centrally-run cities', () => {
    expect(PROVINCES.filter((province) => province.city).map((province) => province.id).sort()).toEqual(
      CURRENT.filter(([, , , city]) => city).map(([, , id]) => id).sort(),
    );
  });

  it.each(CURRENT)('knows %s by its name, id and city status', (name, _ascii, id, city) => {
    expect(provinceById(id)).toEqual({ id, name, city });
  });

  it.each(FORMER)('maps the former %s to the right unit', (name, now) => {
    expect(FORMER_PROVINCES.find((former) => former.name === name)?.now).toBe(now);
  });

  it('points every alias at a province that exists', () => {
    for (const { now } of PROVINCE_ALIASES) expect(provinceById(now)).toBeDefined();
  });
});

describe('parseProvince reads the answer to "giao về tỉnh nào ạ?"', () => {
  it.each(CURRENT)('reads %s with tone marks', (name, _ascii, id) => {
    expect(parseProvince(name)).toEqual(found(id));
  });

  it.each(CURRENT)('reads %s typed as "%s"', (_name, ascii, id) => {
    expect(parseProvince(ascii)).toEqual(found(id));
  });

  it.each(CURRENT)('reads %s in capitals without marks', (_name, ascii, id) => {
    expect(parseProvince(ascii.toUpperCase())).toEqual(found(id));
  });

  it.each(FORMER)('reads the former province %s', (name, now) => {
    const match = parseProvince(name);
    expect(match).toEqual(found(now));
    expect(match).toEqual(expect.objectContaining({ via: CURRENT.some(([current]) => current === name) ? 'name' : 'former' }));
  });

  it.each(ALIASES)('reads the everyday name %s', (alias, id) => {
    expect(parseProvince(alias)).toEqual(found(id));
  });

  it.each([
    ['"tp hcm"', 'tp hcm', 'tp-ho-chi-minh'],
    ['"Tp. Hồ Chí Minh"', 'Tp. Hồ Chí Minh', 'tp-ho-chi-minh'],
    ['"thành phố Hồ Chí Minh ạ"', 'thành phố Hồ Chí Minh ạ', 'tp-ho-chi-minh'],
    ['"Hồ Chí Minh" without TP', 'Hồ Chí Minh', 'tp-ho-chi-minh'],
    ['"tỉnh Sóc Trăng"', 'tỉnh Sóc Trăng', 'can-tho'],
    ['"ship ra hn"', 'ship ra hn', 'ha-noi'],
    ['"giao về Cần Thơ nha"', 'giao về Cần Thơ nha', 'can-tho'],
    ['"em ở Sài Gòn ạ"', 'em ở Sài Gòn ạ', 'tp-ho-chi-minh'],
    ['"ở Huế nhé"', 'ở Huế nhé', 'hue'],
    ['"Nha Trang" (not "nhà")', 'Nha Trang', 'khanh-hoa'],
    ['"Thừa Thiên - Huế"', 'Thừa Thiên - Huế', 'hue'],
    ['"Bà Rịa Vũng Tàu" without the dash', 'Bà Rịa Vũng Tàu', 'tp-ho-chi-minh'],
    ['"Hà Nôi" missing a mark', 'Hà Nôi', 'ha-noi'],
    ['"Thanh Hoá" with the old mark placement', 'Thanh Hoá', 'thanh-hoa'],
  ])('reads %s', (_name, text, id) => {
    expect(parseProvince(text)).toEqual(found(id));
  });

  it('tells which words named the province and how', () => {
    expect(parseProvince('ship ra Sài Gòn nha')).toEqual({ kind: 'found', province: provinceById('tp-ho-chi-minh'), via: 'alias', matched: 'Sài Gòn' });
    expect(parseProvince('TP.HCM')).toEqual(expect.objectContaining({ matched: 'TP.HCM' }));
    expect(parseProvince('tỉnh Bình Dương')).toEqual(expect.objectContaining({ via: 'former', matched: 'Bình Dương' }));
  });

  it.each(['ĐN', 'dn', 'Đn ạ'])('asks between Đà Nẵng and Đồng Nai for "%s"', (text) => {
    expect(parseProvince(text)).toEqual({
      kind: 'ambiguous',
      candidates: [provinceById('da-nang'), provinceById('dong-nai')],
      matched: text.replace(' ạ', ''),
    });
  });

  it.each([
    ['a greeting', 'chào shop'],
    ['"báo giá lại" (not Gia Lai)', 'báo giá lại'],
    ['an address rather than a province', '12 Lê Lợi, Hà Nội'],
    ['a province with more words after it', 'Hà Nội nhưng giao buổi chiều'],
    ['a ward named like a province', 'phường Hòa Bình'],
    ['"sg" inside a word', 'sgk'],
    ['an empty answer', ''],
  ])('finds no province in %s', (_name, text) => {
    expect(parseProvince(text)).toBeNull();
  });
});

describe('findProvince finds the province inside an address or message', () => {
  it.each([
    ['a district of the city, typed without the city: "linh trung, thu duc"', '12 duong so 8, linh trung, thu duc', 'tp-ho-chi-minh'],
    ['"cau giay" is in Hà Nội', 'so 5 ngo 12, cau giay', 'ha-noi'],
    ['"Ninh Kiều" is in Cần Thơ', '40 mau than, ninh kieu', 'can-tho'],
    ['a HCM street address ending in Sài Gòn', '12 Lê Lợi, phường Bến Thành, Sài Gòn', 'tp-ho-chi-minh'],
    ['a Hà Nội address on phố Huế', '45 phố Huế, Hai Bà Trưng, Hà Nội', 'ha-noi'],
    ['an old-style address in Bình Dương', 'Số 8 Đại lộ Bình Dương, Thủ Dầu Một, Bình Dương', 'tp-ho-chi-minh'],
    ['a district named Quảng Ninh inside Quảng Bình', 'thôn 2, xã Hòa Bình, huyện Quảng Ninh, Quảng Bình', 'quang-tri'],
    ['an address without marks', '27 tran hung dao, p5, tp da lat, lam dong', 'lam-dong'],
    ['an address ending in tp hcm', '100 Nguyễn Thái Bình, Q1, tp hcm', 'tp-ho-chi-minh'],
    ['a short HN at the end', 'ngõ 5 Láng Hạ, Đống Đa, HN', 'ha-noi'],
    ['Hà Nam, not Nam Định', 'xã Liêm Tuyền, Hà Nam', 'ninh-binh'],
    ['Quảng Ngãi, not Quảng Nam', 'Bình Sơn, Quảng Ngãi', 'quang-ngai'],
    ['Thái Bình, not Thái Nguyên', 'Đông Hưng, Thái Bình', 'hung-yen'],
    ['a province in a question', 'ship ra Hà Nội bao lâu vậy shop', 'ha-noi'],
    ['Phú Quốc in a delivery note', 'giao giúp em ra Phú Quốc trước thứ 6', 'an-giang'],
  ])('finds it in %s', (_name, text, id) => {
    expect(findProvince(text)).toEqual(found(id));
  });

  it('reports an ambiguous ĐN at the end of an address', () => {
    expect(findProvince('KCN Amata, Long Bình, ĐN')).toEqual(expect.objectContaining({ kind: 'ambiguous', matched: 'ĐN' }));
  });

  it.each([
    ['a street address without a province', '12 Lê Lợi, phường Bến Thành'],
    ['a ward named Hòa Bình', 'tổ 3, phường Hòa Bình'],
    ['"giá lại" in a message', 'shop báo giá lại giúp em'],
    ['"hn" hidden inside another word', 'ahn sgn dnx'],
    ['a message about fruit', 'xoài cát còn không shop'],
  ])('finds none in %s', (_name, text) => {
    expect(findProvince(text)).toBeNull();
  });
});
