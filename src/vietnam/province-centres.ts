import { provinceById, type Province } from './provinces';

/**
 * Approximate coordinates of the 63 former provincial capitals (and two island districts far
 * from theirs), each under the province it belongs to since 1 July 2025. A shared location is
 * placed in the province of the nearest point: merged provinces are large and oddly shaped,
 * so their former capitals describe them better than one centre each.
 */
export const PROVINCE_PLACES: readonly { province: string; place: string; latitude: number; longitude: number }[] = [
  { province: 'ha-noi', place: 'Hà Nội', latitude: 21.028, longitude: 105.854 },
  { province: 'hue', place: 'Huế', latitude: 16.463, longitude: 107.59 },
  { province: 'lai-chau', place: 'Lai Châu', latitude: 22.396, longitude: 103.458 },
  { province: 'dien-bien', place: 'Điện Biên Phủ', latitude: 21.386, longitude: 103.023 },
  { province: 'son-la', place: 'Sơn La', latitude: 21.327, longitude: 103.914 },
  { province: 'lang-son', place: 'Lạng Sơn', latitude: 21.853, longitude: 106.761 },
  { province: 'quang-ninh', place: 'Hạ Long', latitude: 20.951, longitude: 107.08 },
  { province: 'thanh-hoa', place: 'Thanh Hóa', latitude: 19.807, longitude: 105.776 },
  { province: 'nghe-an', place: 'Vinh', latitude: 18.679, longitude: 105.681 },
  { province: 'ha-tinh', place: 'Hà Tĩnh', latitude: 18.343, longitude: 105.905 },
  { province: 'cao-bang', place: 'Cao Bằng', latitude: 22.666, longitude: 106.258 },
  { province: 'tuyen-quang', place: 'Tuyên Quang', latitude: 21.823, longitude: 105.214 },
  { province: 'tuyen-quang', place: 'Hà Giang', latitude: 22.823, longitude: 104.984 },
  { province: 'lao-cai', place: 'Lào Cai', latitude: 22.486, longitude: 103.971 },
  { province: 'lao-cai', place: 'Yên Bái', latitude: 21.722, longitude: 104.911 },
  { province: 'thai-nguyen', place: 'Thái Nguyên', latitude: 21.594, longitude: 105.848 },
  { province: 'thai-nguyen', place: 'Bắc Kạn', latitude: 22.147, longitude: 105.835 },
  { province: 'phu-tho', place: 'Việt Trì', latitude: 21.322, longitude: 105.402 },
  { province: 'phu-tho', place: 'Vĩnh Yên', latitude: 21.309, longitude: 105.605 },
  { province: 'phu-tho', place: 'Hòa Bình', latitude: 20.817, longitude: 105.338 },
  { province: 'bac-ninh', place: 'Bắc Ninh', latitude: 21.186, longitude: 106.076 },
  { province: 'bac-ninh', place: 'Bắc Giang', latitude: 21.273, longitude: 106.194 },
  { province: 'hung-yen', place: 'Hưng Yên', latitude: 20.646, longitude: 106.051 },
  { province: 'hung-yen', place: 'Thái Bình', latitude: 20.447, longitude: 106.336 },
  { province: 'hai-phong', place: 'Hải Phòng', latitude: 20.845, longitude: 106.688 },
  { province: 'hai-phong', place: 'Hải Dương', latitude: 20.94, longitude: 106.333 },
  { province: 'ninh-binh', place: 'Ninh Bình', latitude: 20.251, longitude: 105.975 },
  { province: 'ninh-binh', place: 'Phủ Lý', latitude: 20.541, longitude: 105.914 },
  { province: 'ninh-binh', place: 'Nam Định', latitude: 20.434, longitude: 106.177 },
  { province: 'quang-tri', place: 'Đông Hà', latitude: 16.817, longitude: 107.1 },
  { province: 'quang-tri', place: 'Đồng Hới', latitude: 17.468, longitude: 106.622 },
  { province: 'da-nang', place: 'Đà Nẵng', latitude: 16.054, longitude: 108.202 },
  { province: 'da-nang', place: 'Tam Kỳ', latitude: 15.573, longitude: 108.474 },
  { province: 'quang-ngai', place: 'Quảng Ngãi', latitude: 15.12, longitude: 108.792 },
  { province: 'quang-ngai', place: 'Kon Tum', latitude: 14.35, longitude: 108.0 },
  { province: 'gia-lai', place: 'Pleiku', latitude: 13.983, longitude: 108.0 },
  { province: 'gia-lai', place: 'Quy Nhơn', latitude: 13.776, longitude: 109.224 },
  { province: 'khanh-hoa', place: 'Nha Trang', latitude: 12.238, longitude: 109.197 },
  { province: 'khanh-hoa', place: 'Phan Rang', latitude: 11.565, longitude: 108.988 },
  { province: 'lam-dong', place: 'Đà Lạt', latitude: 11.94, longitude: 108.458 },
  { province: 'lam-dong', place: 'Gia Nghĩa', latitude: 12.004, longitude: 107.69 },
  { province: 'lam-dong', place: 'Phan Thiết', latitude: 10.928, longitude: 108.102 },
  { province: 'dak-lak', place: 'Buôn Ma Thuột', latitude: 12.666, longitude: 108.038 },
  { province: 'dak-lak', place: 'Tuy Hòa', latitude: 13.096, longitude: 109.301 },
  { province: 'tp-ho-chi-minh', place: 'TP Hồ Chí Minh', latitude: 10.776, longitude: 106.701 },
  { province: 'tp-ho-chi-minh', place: 'Thủ Dầu Một', latitude: 10.98, longitude: 106.652 },
  { province: 'tp-ho-chi-minh', place: 'Bà Rịa', latitude: 10.496, longitude: 107.169 },
  { province: 'tp-ho-chi-minh', place: 'Côn Đảo', latitude: 8.683, longitude: 106.609 },
  { province: 'dong-nai', place: 'Biên Hòa', latitude: 10.945, longitude: 106.824 },
  { province: 'dong-nai', place: 'Đồng Xoài', latitude: 11.535, longitude: 106.883 },
  { province: 'tay-ninh', place: 'Tây Ninh', latitude: 11.31, longitude: 106.098 },
  { province: 'tay-ninh', place: 'Tân An', latitude: 10.535, longitude: 106.413 },
  { province: 'can-tho', place: 'Cần Thơ', latitude: 10.034, longitude: 105.788 },
  { province: 'can-tho', place: 'Sóc Trăng', latitude: 9.603, longitude: 105.98 },
  { province: 'can-tho', place: 'Vị Thanh', latitude: 9.784, longitude: 105.47 },
  { province: 'vinh-long', place: 'Vĩnh Long', latitude: 10.254, longitude: 105.972 },
  { province: 'vinh-long', place: 'Bến Tre', latitude: 10.241, longitude: 106.376 },
  { province: 'vinh-long', place: 'Trà Vinh', latitude: 9.935, longitude: 106.345 },
  { province: 'dong-thap', place: 'Cao Lãnh', latitude: 10.46, longitude: 105.633 },
  { province: 'dong-thap', place: 'Mỹ Tho', latitude: 10.36, longitude: 106.36 },
  { province: 'ca-mau', place: 'Cà Mau', latitude: 9.177, longitude: 105.15 },
  { province: 'ca-mau', place: 'Bạc Liêu', latitude: 9.285, longitude: 105.724 },
  { province: 'an-giang', place: 'Long Xuyên', latitude: 10.386, longitude: 105.435 },
  { province: 'an-giang', place: 'Rạch Giá', latitude: 10.012, longitude: 105.081 },
  { province: 'an-giang', place: 'Phú Quốc', latitude: 10.227, longitude: 103.964 },
];

/** Farther than this from every place, a location is not taken to be in Vietnam (at sea, abroad). */
const MAX_DISTANCE_KM = 150;

/** The province of a shared location, or undefined when it is not near any. */
export function provinceNear(latitude: number, longitude: number): Province | undefined {
  let nearest: { province: string; km: number } | undefined;
  for (const place of PROVINCE_PLACES) {
    const km = distanceKm(latitude, longitude, place.latitude, place.longitude);
    if (!nearest || km < nearest.km) nearest = { province: place.province, km };
  }
  return nearest && nearest.km <= MAX_DISTANCE_KM ? provinceById(nearest.province) : undefined;
}

/** Great-circle distance (haversine): plenty accurate for choosing the nearest town. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
