/**
 * Vietnam's provinces since 1 July 2025 (resolution 202/2025/QH15: 63 units merged into 34),
 * the 63 former names customers and ID cards still use, and the common short names.
 */

export interface Province {
  /** ASCII slug, stable across renames of the display name. */
  id: string;
  /** Official name with tone marks. */
  name: string;
  /** Centrally-run city (thành phố trực thuộc trung ương) rather than a province. */
  city: boolean;
}

export const PROVINCES: readonly Province[] = [
  { id: 'ha-noi', name: 'Hà Nội', city: true },
  { id: 'hue', name: 'Huế', city: true },
  { id: 'lai-chau', name: 'Lai Châu', city: false },
  { id: 'dien-bien', name: 'Điện Biên', city: false },
  { id: 'son-la', name: 'Sơn La', city: false },
  { id: 'lang-son', name: 'Lạng Sơn', city: false },
  { id: 'quang-ninh', name: 'Quảng Ninh', city: false },
  { id: 'thanh-hoa', name: 'Thanh Hóa', city: false },
  { id: 'nghe-an', name: 'Nghệ An', city: false },
  { id: 'ha-tinh', name: 'Hà Tĩnh', city: false },
  { id: 'cao-bang', name: 'Cao Bằng', city: false },
  { id: 'tuyen-quang', name: 'Tuyên Quang', city: false },
  { id: 'lao-cai', name: 'Lào Cai', city: false },
  { id: 'thai-nguyen', name: 'Thái Nguyên', city: false },
  { id: 'phu-tho', name: 'Phú Thọ', city: false },
  { id: 'bac-ninh', name: 'Bắc Ninh', city: false },
  { id: 'hung-yen', name: 'Hưng Yên', city: false },
  { id: 'hai-phong', name: 'Hải Phòng', city: true },
  { id: 'ninh-binh', name: 'Ninh Bình', city: false },
  { id: 'quang-tri', name: 'Quảng Trị', city: false },
  { id: 'da-nang', name: 'Đà Nẵng', city: true },
  { id: 'quang-ngai', name: 'Quảng Ngãi', city: false },
  { id: 'gia-lai', name: 'Gia Lai', city: false },
  { id: 'khanh-hoa', name: 'Khánh Hòa', city: false },
  { id: 'lam-dong', name: 'Lâm Đồng', city: false },
  { id: 'dak-lak', name: 'Đắk Lắk', city: false },
  { id: 'tp-ho-chi-minh', name: 'TP Hồ Chí Minh', city: true },
  { id: 'dong-nai', name: 'Đồng Nai', city: false },
  { id: 'tay-ninh', name: 'Tây Ninh', city: false },
  { id: 'can-tho', name: 'Cần Thơ', city: true },
  { id: 'vinh-long', name: 'Vĩnh Long', city: false },
  { id: 'dong-thap', name: 'Đồng Tháp', city: false },
  { id: 'ca-mau', name: 'Cà Mau', city: false },
  { id: 'an-giang', name: 'An Giang', city: false },
];

export interface FormerProvince {
  /** Name before 1 July 2025. */
  name: string;
  /** Id of the province it belongs to now. */
  now: string;
}

export const FORMER_PROVINCES: readonly FormerProvince[] = [
  // Unchanged by the merger (Huế was then called Thừa Thiên Huế).
  { name: 'Hà Nội', now: 'ha-noi' },
  { name: 'Thừa Thiên Huế', now: 'hue' },
  { name: 'Lai Châu', now: 'lai-chau' },
  { name: 'Điện Biên', now: 'dien-bien' },
  { name: 'Sơn La', now: 'son-la' },
  { name: 'Lạng Sơn', now: 'lang-son' },
  { name: 'Quảng Ninh', now: 'quang-ninh' },
  { name: 'Thanh Hóa', now: 'thanh-hoa' },
  { name: 'Nghệ An', now: 'nghe-an' },
  { name: 'Hà Tĩnh', now: 'ha-tinh' },
  { name: 'Cao Bằng', now: 'cao-bang' },
  // Merged.
  { name: 'Tuyên Quang', now: 'tuyen-quang' },
  { name: 'Hà Giang', now: 'tuyen-quang' },
  { name: 'Lào Cai', now: 'lao-cai' },
  { name: 'Yên Bái', now: 'lao-cai' },
  { name: 'Thái Nguyên', now: 'thai-nguyen' },
  { name: 'Bắc Kạn', now: 'thai-nguyen' },
  { name: 'Phú Thọ', now: 'phu-tho' },
  { name: 'Vĩnh Phúc', now: 'phu-tho' },
  { name: 'Hòa Bình', now: 'phu-tho' },
  { name: 'Bắc Ninh', now: 'bac-ninh' },
  { name: 'Bắc Giang', now: 'bac-ninh' },
  { name: 'Hưng Yên', now: 'hung-yen' },
  { name: 'Thái Bình', now: 'hung-yen' },
  { name: 'Hải Phòng', now: 'hai-phong' },
  { name: 'Hải Dương', now: 'hai-phong' },
  { name: 'Ninh Bình', now: 'ninh-binh' },
  { name: 'Hà Nam', now: 'ninh-binh' },
  { name: 'Nam Định', now: 'ninh-binh' },
  { name: 'Quảng Trị', now: 'quang-tri' },
  { name: 'Quảng Bình', now: 'quang-tri' },
  { name: 'Đà Nẵng', now: 'da-nang' },
  { name: 'Quảng Nam', now: 'da-nang' },
  { name: 'Quảng Ngãi', now: 'quang-ngai' },
  { name: 'Kon Tum', now: 'quang-ngai' },
  { name: 'Gia Lai', now: 'gia-lai' },
  { name: 'Bình Định', now: 'gia-lai' },
  { name: 'Khánh Hòa', now: 'khanh-hoa' },
  { name: 'Ninh Thuận', now: 'khanh-hoa' },
  { name: 'Lâm Đồng', now: 'lam-dong' },
  { name: 'Đắk Nông', now: 'lam-dong' },
  { name: 'Bình Thuận', now: 'lam-dong' },
  { name: 'Đắk Lắk', now: 'dak-lak' },
  { name: 'Phú Yên', now: 'dak-lak' },
  { name: 'TP Hồ Chí Minh', now: 'tp-ho-chi-minh' },
  { name: 'Bình Dương', now: 'tp-ho-chi-minh' },
  { name: 'Bà Rịa – Vũng Tàu', now: 'tp-ho-chi-minh' },
  { name: 'Đồng Nai', now: 'dong-nai' },
  { name: 'Bình Phước', now: 'dong-nai' },
  { name: 'Tây Ninh', now: 'tay-ninh' },
  { name: 'Long An', now: 'tay-ninh' },
  { name: 'Cần Thơ', now: 'can-tho' },
  { name: 'Sóc Trăng', now: 'can-tho' },
  { name: 'Hậu Giang', now: 'can-tho' },
  { name: 'Vĩnh Long', now: 'vinh-long' },
  { name: 'Bến Tre', now: 'vinh-long' },
  { name: 'Trà Vinh', now: 'vinh-long' },
  { name: 'Đồng Tháp', now: 'dong-thap' },
  { name: 'Tiền Giang', now: 'dong-thap' },
  { name: 'Cà Mau', now: 'ca-mau' },
  { name: 'Bạc Liêu', now: 'ca-mau' },
  { name: 'An Giang', now: 'an-giang' },
  { name: 'Kiên Giang', now: 'an-giang' },
];

/**
 * Short and everyday names customers use instead of the official one: abbreviations,
 * nicknames, other spellings, and well-known cities that stand for their province. An alias
 * listed for two provinces (ĐN: Đà Nẵng or Đồng Nai) is ambiguous and the bot must ask.
 */
export const PROVINCE_ALIASES: readonly { alias: string; now: string }[] = [
  { alias: 'HN', now: 'ha-noi' },
  { alias: 'Hà Thành', now: 'ha-noi' },
  { alias: 'Hanoi', now: 'ha-noi' },
  { alias: 'HCM', now: 'tp-ho-chi-minh' },
  { alias: 'TPHCM', now: 'tp-ho-chi-minh' },
  { alias: 'TP.HCM', now: 'tp-ho-chi-minh' },
  { alias: 'HCMC', now: 'tp-ho-chi-minh' },
  { alias: 'Sài Gòn', now: 'tp-ho-chi-minh' },
  { alias: 'Saigon', now: 'tp-ho-chi-minh' },
  { alias: 'SG', now: 'tp-ho-chi-minh' },
  { alias: 'Sì Gòn', now: 'tp-ho-chi-minh' },
  { alias: 'Vũng Tàu', now: 'tp-ho-chi-minh' },
  { alias: 'Bà Rịa', now: 'tp-ho-chi-minh' },
  { alias: 'BRVT', now: 'tp-ho-chi-minh' },
  { alias: 'Thủ Dầu Một', now: 'tp-ho-chi-minh' },
  { alias: 'TT Huế', now: 'hue' },
  { alias: 'ĐN', now: 'da-nang' },
  { alias: 'ĐN', now: 'dong-nai' },
  { alias: 'Hội An', now: 'da-nang' },
  { alias: 'Biên Hòa', now: 'dong-nai' },
  { alias: 'Đà Lạt', now: 'lam-dong' },
  { alias: 'Dalat', now: 'lam-dong' },
  { alias: 'Bảo Lộc', now: 'lam-dong' },
  { alias: 'Phan Thiết', now: 'lam-dong' },
  { alias: 'Đắc Nông', now: 'lam-dong' },
  { alias: 'Phú Quốc', now: 'an-giang' },
  { alias: 'Rạch Giá', now: 'an-giang' },
  { alias: 'Long Xuyên', now: 'an-giang' },
  { alias: 'Châu Đốc', now: 'an-giang' },
  { alias: 'Nha Trang', now: 'khanh-hoa' },
  { alias: 'Cam Ranh', now: 'khanh-hoa' },
  { alias: 'Phan Rang', now: 'khanh-hoa' },
  { alias: 'Buôn Ma Thuột', now: 'dak-lak' },
  { alias: 'Buôn Mê Thuột', now: 'dak-lak' },
  { alias: 'BMT', now: 'dak-lak' },
  { alias: 'Đắc Lắc', now: 'dak-lak' },
  { alias: 'Daklak', now: 'dak-lak' },
  { alias: 'Tuy Hòa', now: 'dak-lak' },
  { alias: 'Pleiku', now: 'gia-lai' },
  { alias: 'Quy Nhơn', now: 'gia-lai' },
  { alias: 'Qui Nhơn', now: 'gia-lai' },
  { alias: 'Kontum', now: 'quang-ngai' },
  { alias: 'Bắc Cạn', now: 'thai-nguyen' },
  { alias: 'Hạ Long', now: 'quang-ninh' },
  { alias: 'Móng Cái', now: 'quang-ninh' },
  { alias: 'Sa Pa', now: 'lao-cai' },
  { alias: 'Sapa', now: 'lao-cai' },
  { alias: 'Việt Trì', now: 'phu-tho' },
  { alias: 'Mỹ Tho', now: 'dong-thap' },
  // Districts of the big cities that customers write without the city ("12 đường số 8, Linh Trung, Thủ Đức");
  // only names that are not also a common street name or a place elsewhere (not Hai Bà Trưng, Đống Đa, Hoàng Mai, Tân Phú) nor a person's (Thanh Xuân).
  ...['Thủ Đức', 'Gò Vấp', 'Bình Thạnh', 'Tân Bình', 'Phú Nhuận', 'Bình Tân', 'Củ Chi', 'Hóc Môn', 'Nhà Bè', 'Bình Chánh', 'Cần Giờ'].map((alias) => ({ alias, now: 'tp-ho-chi-minh' })),
  ...['Hoàn Kiếm', 'Ba Đình', 'Cầu Giấy', 'Long Biên', 'Tây Hồ', 'Nam Từ Liêm', 'Bắc Từ Liêm', 'Hà Đông', 'Gia Lâm', 'Đông Anh', 'Sóc Sơn'].map((alias) => ({ alias, now: 'ha-noi' })),
  ...['Hải Châu', 'Thanh Khê', 'Sơn Trà', 'Ngũ Hành Sơn', 'Liên Chiểu', 'Cẩm Lệ'].map((alias) => ({ alias, now: 'da-nang' })),
  ...['Ninh Kiều', 'Cái Răng', 'Bình Thủy', 'Ô Môn', 'Thốt Nốt'].map((alias) => ({ alias, now: 'can-tho' })),
  ...['Lê Chân', 'Kiến An', 'Đồ Sơn'].map((alias) => ({ alias, now: 'hai-phong' })),
];

const PROVINCE_BY_ID = new Map(PROVINCES.map((province) => [province.id, province]));

export function provinceById(id: string): Province | undefined {
  return PROVINCE_BY_ID.get(id);
}
