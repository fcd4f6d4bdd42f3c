/**
 * Farm produce by name: goods a fruit, coffee, rice or honey shop may be asked about. A name
 * the shop's catalog does not carry is read as one word, `<produce>`: to this shop it is
 * another shop's goods, like "ốp lưng". Kinds of goods ("trái cây", "đặc sản", "đồ sấy") are
 * not here: "có bán đồ sấy không" asks what the catalog holds.
 *
 * Names that are a common word when typed without tone marks — "vải" (vài), "tỏi" (tôi),
 * "ổi" (ơi) — count alone only as typed with their marks (PRODUCE_MARKED_ONLY), and in
 * PRODUCE_NAMES with a second word that makes them produce ("trái vải", "vải thiều"). Words
 * that are something else even with their marks ("cam", "nho", "đậu", "bầu") are only there.
 */
export const PRODUCE_NAMES: readonly string[] = [
  // fruit
  'chôm chôm', 'măng cụt', 'thanh long', 'mãng cầu', 'na dai', 'vú sữa', 'chanh dây', 'chanh leo',
  'dưa hấu', 'dưa lưới', 'dưa lê', 'dưa gang', 'dừa xiêm', 'dừa tươi', 'trái dừa', 'quả dừa', 'nước dừa', 'vải thiều',
  'trái vải', 'quả vải', 'nhãn lồng', 'nhãn xuồng', 'nhãn idor', 'trái nhãn', 'quả nhãn', 'long nhãn', 'cam sành', 'cam canh',
  'cam vinh', 'cam xoàn', 'trái cam', 'quả cam', 'quýt đường', 'quýt hồng', 'trái quýt', 'quả quýt', 'táo mỹ', 'táo xanh',
  'táo đỏ', 'táo tàu', 'trái táo', 'quả táo', 'nho mỹ', 'nho xanh', 'nho đen', 'nho sữa', 'nho khô', 'nho ninh thuận',
  'trái nho', 'quả nho', 'lê hàn', 'trái lê', 'quả lê', 'mận hậu', 'trái mận', 'quả mận', 'hồng giòn', 'hồng xiêm',
  'hồng treo gió', 'trái hồng', 'quả hồng', 'ổi ruột đỏ', 'ổi lê', 'trái ổi', 'quả ổi', 'trái khế', 'chuối già', 'chuối tây',
  'chuối sứ', 'chuối cau', 'trái chuối', 'quả chuối', 'nải chuối', 'đu đủ', 'dâu tây', 'việt quất', 'trái lựu', 'quả lựu',
  'quýt', 'sơ ri', 'trái cóc', 'cóc non', 'bòn bon', 'dâu tằm', 'chanh không hạt', 'trái chanh', 'quả chanh', 'kiwi', 'cherry',
  // vegetables, tubers, mushrooms
  'rau muống', 'cải ngọt', 'bắp cải', 'súp lơ', 'cà chua', 'cà rốt', 'khoai tây', 'khoai môn',
  'khoai mì', 'bí đỏ', 'bí đao', 'dưa leo', 'dưa chuột', 'hành tây', 'hành tím', 'tỏi lý sơn', 'củ tỏi', 'củ gừng',
  'ớt chuông', 'bắp mỹ', 'nấm rơm', 'nấm linh chi', 'nấm đông cô', 'nấm mèo', 'măng tây', 'đậu bắp', 'củ sắn', 'củ dền',
  // rice, grains, nuts, spices
  'gạo lứt', 'gạo nếp', 'nếp cái hoa vàng', 'gạo tám', 'gạo nàng hương', 'yến mạch', 'hạt điều', 'hạt macca', 'hạt óc chó',
  'hạnh nhân', 'hạt chia', 'hạt sen', 'mè đen', 'đậu xanh', 'đậu đen', 'đậu phộng', 'hạt tiêu', 'tiêu đen', 'tiêu xanh',
  'hạt dẻ', 'hạt bí',
  // coffee, tea, cocoa, bee products, dried goods and specialties
  'ca cao', 'cacao', 'trà xanh', 'trà shan tuyết', 'trà ô long', 'chè thái nguyên', 'trà sen', 'matcha', 'sữa ong chúa',
  'phấn hoa', 'sáp ong', 'đông trùng hạ thảo', 'mứt dừa', 'mứt gừng', 'bánh tráng', 'chuối sấy',
  'xoài sấy',
];

export const PRODUCE_MARKED_ONLY: readonly string[] = [
  'nhãn', 'vải', 'táo', 'ổi', 'mận', 'dừa', 'dưa', 'chuối', 'khế', 'lựu', 'trà', 'chè', 'nấm', 'gừng', 'tỏi', 'ớt',
  'ngô', 'sắn', 'mướp', 'vừng', 'bắp', 'cải', 'dâu',
];
