import { z } from 'zod';
import type { FaqEntry } from './faq';
import { hint, schemaLink } from './hint';

/**
 * The owner's surface: what `flows/shop.yaml` and each `flows/<flow>.yaml` may say.
 * Objects are strict so a misspelt key is reported instead of silently ignored.
 */

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'chỉ chữ thường không dấu, số và dấu gạch dưới, tối đa 32 ký tự, ví dụ "xoai_cat"');
const Text = z.string().trim().min(1, 'không được để trống');
const Money = z.number().int('phải là số nguyên (đồng)').min(0, 'không được âm');
const Month = z.number().int().min(1, 'tháng từ 1 đến 12').max(12, 'tháng từ 1 đến 12');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày viết dạng NĂM-THÁNG-NGÀY, ví dụ "2026-12-31"');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ viết dạng GIỜ:PHÚT, ví dụ "07:30"');

/** A text of the shop's own (a reply, a button, a label), with what it is for and an example. */
const said = (description: string, example: string) => Text.meta(hint(description, example));
/** A text the shop may leave out: without it the bot says its default, which is also the example. */
const saidOr = (fallback: string, description: string) => Text.default(fallback).meta(hint(description, fallback));
/** An on/off switch. */
const toggle = (fallback: boolean, description: string) => z.boolean().default(fallback).meta(hint(description, !fallback));

export const PRODUCT_UNITS = ['kg', 'trái', 'hộp', 'thùng', 'túi', 'chai', 'bao', 'hũ', 'gói', 'lon'] as const;
export const JOURNEY_STAGES = ['discover', 'consider', 'buy', 'use', 'return', 'loyal'] as const;
export const JOURNEY_PHASES = ['before', 'during', 'after'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const ASK_TYPES = [
  'text',
  // A person's name (the recipient): a few words of letters that are no order talk.
  'name',
  'number',
  'quantity',
  'phone',
  'province',
  'address',
  'product',
  'choice',
  'yes_no',
  'photo',
  // 1–5 stars: typed numbers are stars, buttons run from 1★ up.
  'rating',
  // A code of one of the customer's orders; their recent ones are offered as buttons.
  'order_code',
  // "Would you recommend us": 0–10, buttons 0 to 10, a typed number is the score.
  'nps',
  // Why a cart was left: the step's own choices, then the reasons of after_sale.abandoned_cart.reasons.
  'cart_reason',
  // The customer's own words on why (an NPS reason): any text is the answer, never another topic.
  'comment',
] as const;

/**
 * Named actions a step may run. The engine computes the pure ones (quotes, cart);
 * the conversation layer carries out the ones with side effects (orders, requests, alerts).
 */
export const ACTIONS = [
  'add_to_cart',
  'clear_cart',
  'quote_order',
  'create_order',
  'apply_promotion',
  'open_return',
  'notify_owner',
  'handover',
  'mark_paid',
  'lookup_order',
  // The VietQR code for the order's total (src/engine/payment).
  'send_payment_qr',
  // After the sale: the returning customer, the check-in, personal data.
  'recall_contact',
  'use_saved_contact',
  'reorder_last',
  'record_product_score',
  'export_personal_data',
  'delete_personal_data',
  // Cancelling: empties the cart, or asks the owner to cancel a placed order not yet shipped.
  'cancel_order',
  // The journey: the NPS answer (slots nps_score, nps_reason) and why a cart was left (slot cart_reason).
  'record_nps',
  'record_cart_reason',
] as const;

const Product = z.strictObject({
  id: Id.meta(hint('Mã sản phẩm (chữ thường không dấu, số, dấu gạch dưới): các luồng, khuyến mãi và câu chuyện thử gọi sản phẩm bằng mã này', 'xoai_cat_hoa_loc')),
  name: said('Tên sản phẩm khách thấy trong bảng giá, giỏ hàng và đơn', 'Xoài cát Hòa Lộc'),
  aliases: z.array(Text).default([]).meta(hint('Những cách khách hay gọi sản phẩm (có dấu hay không dấu đều được): bot nhận ra sản phẩm khi khách nhắn một trong các tên này', ['xoài cát', 'xoài hòa lộc'])),
  unit: z.enum(PRODUCT_UNITS).meta(hint(`Đơn vị bán, giá tính theo một đơn vị: ${PRODUCT_UNITS.join(', ')}`, 'kg')),
  price: Money.positive('giá phải lớn hơn 0').meta(hint('Giá một đơn vị, tính bằng đồng, viết liền không dấu chấm (85000, không viết 85.000 hay 85k)', 85000)),
  min_quantity: z.number().positive().default(1).meta(hint('Số lượng ít nhất mỗi đơn (theo đơn vị bán); có thể lẻ, ví dụ 0.5 kg', 2)),
  season: z
    .strictObject({
      from: Month.meta(hint('Tháng bắt đầu mùa (1–12)', 3)),
      to: Month.meta(hint('Tháng cuối mùa (1–12); nhỏ hơn tháng bắt đầu nghĩa là mùa vắt qua năm mới', 7)),
    })
    .optional()
    .meta(hint('Mùa của sản phẩm, từ tháng đến tháng; bỏ trống nếu bán quanh năm', { from: 3, to: 7 })),
  stock: z
    .union([z.enum(['in_stock', 'out_of_stock']), z.number().int().min(0)])
    .default('in_stock')
    .meta(hint('Còn hàng hay không: in_stock (còn), out_of_stock (hết), hoặc số lượng còn lại', 'in_stock', 40)),
  origin: said('Nơi trồng, nơi làm ra: bot trả lời khi khách hỏi xuất xứ', 'Cái Bè, Đồng Tháp').optional(),
  description: said('Vài dòng tả sản phẩm: bot gửi khi khách hỏi về sản phẩm', 'Thịt vàng, dẻo, thơm, hạt mỏng; trái 400–600 g.').optional(),
  suits: said('Sản phẩm hợp để làm gì: ăn tươi, làm quà, nấu món gì', 'ăn tươi, làm quà biếu, sinh tố').optional(),
  storage: said('Cách bảo quản: bot trả lời khi khách hỏi để được bao lâu', 'Để nơi thoáng mát 2–3 ngày cho chín đều.').optional(),
  image: z.url().optional().meta(hint('Địa chỉ ảnh sản phẩm trên mạng (bắt đầu bằng https://): bot gửi kèm thẻ sản phẩm', 'https://vuonnhatu.vn/anh/xoai-cat.jpg')),
  /** Whether the shop takes orders for it out of season, delivered when the season comes. */
  preorder: toggle(true, 'Trái mùa có nhận đặt trước không (true: nhận, hàng gửi khi vào mùa; false: không nhận)'),
  /** Days a usual purchase lasts (coffee 30, rice 20): the bot offers a reorder after them. */
  reorder_days: z
    .number()
    .int()
    .min(1, 'số ngày từ 1 trở lên')
    .max(365, 'tối đa 365 ngày')
    .optional()
    .meta(hint('Một lần mua thường dùng hết sau bao nhiêu ngày: bot nhắn mời khách đặt lại sau chừng ấy ngày', 30)),
});

const ShippingZone = z.strictObject({
  id: Id.meta(hint('Mã vùng giao hàng (chữ thường không dấu, số, dấu gạch dưới)', 'mien_tay')),
  name: said('Tên vùng khách thấy khi hỏi phí ship', 'Miền Tây'),
  provinces: z.array(Text).min(1, 'cần ít nhất một tỉnh/thành').meta(hint('Các tỉnh/thành trong vùng, viết tên tỉnh hiện nay (sau sáp nhập 1/7/2025)', ['Đồng Tháp', 'Cần Thơ'])),
  fee: Money.meta(hint('Phí giao hàng của vùng, tính bằng đồng, viết liền (20000)', 20000)),
  delivery_days: said('Thời gian giao tới vùng, như khách đọc', '1–2 ngày'),
  free_from: Money.optional().meta(hint('Đơn từ số tiền hàng này được miễn phí ship trong vùng (đồng, viết liền); thay cho mức chung của shipping.free_from', 300000)),
});

const BankTransfer = z.strictObject({
  bank_bin: z.string().regex(/^\d{6}$/, 'mã BIN ngân hàng gồm 6 chữ số, ví dụ "970436" (Vietcombank)').meta(hint('Mã BIN của ngân hàng, 6 chữ số, trong ngoặc kép (để làm mã VietQR)', '970436')),
  bank_name: said('Tên ngân hàng khách thấy', 'Vietcombank'),
  account_number: z
    .string()
    .regex(/^[0-9A-Za-z]{4,19}$/, 'số tài khoản gồm 4–19 chữ số hoặc chữ cái, không dấu cách')
    .meta(hint('Số tài khoản nhận tiền, trong ngoặc kép, không dấu cách', '1012345678')),
  account_name: said('Tên chủ tài khoản, viết HOA không dấu như trên thẻ', 'NGUYEN THI TU'),
});

const Promotion = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{3,20}$/, 'mã khuyến mãi viết HOA, không dấu, 3–20 ký tự, ví dụ "XOAI10"').meta(hint('Mã khách gõ để được khuyến mãi: chữ HOA không dấu và số, 3–20 ký tự', 'XOAI10')),
  title: said('Tên chương trình khách đọc', 'Giảm 10% xoài cát Hòa Lộc mùa xoài'),
  description: said('Giải thích thêm về chương trình', 'Áp dụng cho đơn xoài từ 2 kg.').optional(),
  type: z.enum(['percent_off', 'amount_off', 'free_shipping']).meta(hint('Kiểu khuyến mãi: percent_off (giảm theo %), amount_off (giảm số tiền), free_shipping (miễn phí ship)', 'percent_off')),
  value: z.number().positive().optional().meta(hint('Mức giảm: số % với percent_off, số đồng với amount_off; free_shipping không cần', 10)),
  min_order: Money.optional().meta(hint('Đơn từ số tiền hàng này mới được áp dụng (đồng, viết liền)', 300000)),
  max_discount: Money.optional().meta(hint('Giảm nhiều nhất bao nhiêu đồng (cho percent_off)', 100000)),
  products: z.array(Id).optional().meta(hint('Chỉ áp dụng cho các sản phẩm này (mã trong catalog); bỏ trống là mọi sản phẩm', ['xoai_cat_hoa_loc'])),
  valid_from: IsoDate.meta(hint('Ngày bắt đầu, dạng NĂM-THÁNG-NGÀY', '2026-03-01')),
  valid_until: IsoDate.meta(hint('Ngày kết thúc (vẫn áp dụng trong ngày này), dạng NĂM-THÁNG-NGÀY', '2026-07-31')),
  automatic: toggle(false, 'true: bot tự áp dụng cho đơn đủ điều kiện, khách không cần gõ mã'),
  /** Only for a customer's first order. */
  new_customers_only: toggle(false, 'true: chỉ cho đơn đầu tiên của khách mới'),
  /** A customer may use it on one order only. */
  once_per_customer: toggle(false, 'true: mỗi khách chỉ dùng được một lần'),
});

const OpeningHours = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1).meta(hint(`Các ngày trong tuần có giờ này: ${WEEKDAYS.join(', ')} (thứ Hai … Chủ nhật)`, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'])),
  open: ClockTime.meta(hint('Giờ mở cửa, dạng GIỜ:PHÚT trong ngoặc kép', '07:00')),
  close: ClockTime.meta(hint('Giờ nghỉ, dạng GIỜ:PHÚT trong ngoặc kép', '21:00')),
});

const MenuItem = z.strictObject({
  label: said('Chữ trên nút của menu', '🛒 Đặt hàng'),
  flow: Id.meta(hint('Luồng mở ra khi khách bấm nút (mã luồng, tên tệp trong flows/)', 'order')),
});

const PhoneRetryTexts = z.strictObject({
  no_number: said('Hỏi lại khi khách chưa gửi số điện thoại', 'Dạ anh/chị cho em xin số điện thoại người nhận (10 số, ví dụ 0912 345 678) nhé.'),
  too_short: said('Hỏi lại khi số điện thoại thiếu số', 'Dạ số điện thoại hình như thiếu số; số di động có 10 số, anh/chị kiểm tra lại giúp em.'),
  too_long: said('Hỏi lại khi số điện thoại dư số', 'Dạ số điện thoại hình như dư số; số di động có 10 số, anh/chị kiểm tra lại giúp em.'),
  old_mobile: said('Hỏi lại khi khách gửi số cũ 11 số (đầu 01…), đã đổi sang 10 số từ 2018', 'Dạ số 11 số đầu 01 đã đổi sang 10 số từ 2018; anh/chị gửi giúp em số mới nhé.'),
  unknown_prefix: said('Hỏi lại khi đầu số không phải số di động Việt Nam', 'Dạ đầu số này không phải số di động Việt Nam; anh/chị kiểm tra lại giúp em.'),
  service_number: said('Hỏi lại khi khách gửi số tổng đài 1800/1900', 'Dạ số 1800/1900 là tổng đài; anh/chị cho em số di động của người nhận nhé.'),
});

const BotTexts = z.strictObject({
  fallback: said('Bot nói khi không hiểu khách, kèm menu', 'Dạ em chưa hiểu ý anh/chị lắm 🙏 Anh/chị chọn giúp em một mục bên dưới nhé.'),
  fallback_offer_human: said('Bot nói khi nhiều lần liền không hiểu: mời khách nói chuyện với người thật', 'Em xin lỗi vì chưa giúp được anh/chị. Anh/chị có muốn nói chuyện trực tiếp với chủ shop không ạ?'),
  retry: said('Hỏi lại chung khi câu trả lời chưa đúng kiểu bot cần', 'Dạ anh/chị nhập lại giúp em nhé.'),
  retry_number: said('Hỏi lại khi bot cần một con số', 'Dạ anh/chị nhập giúp em một con số nhé (ví dụ 2).'),
  retry_quantity: said('Hỏi lại khi bot chưa đọc được số lượng', 'Dạ anh/chị lấy bao nhiêu ạ? Ví dụ "2kg", "3 ký" hoặc "2 hộp".'),
  retry_product: said('Hỏi lại khi khách nói sản phẩm shop không bán; {{catalog}} là danh sách sản phẩm', 'Dạ shop chưa có sản phẩm đó ạ. Shop đang bán:\n{{catalog}}'),
  not_sold: saidOr('Dạ shop chưa bán {{produce}} ạ. Shop đang có:\n{{catalog}}', 'Bot nói khi khách hỏi mua một mặt hàng shop không bán; {{produce}} là tên mặt hàng, {{catalog}} là danh sách sản phẩm'),
  retry_province: said('Hỏi lại khi bot chưa nhận ra tỉnh/thành', 'Dạ em chưa nhận ra tỉnh/thành đó. Anh/chị gõ lại tên tỉnh/thành giúp em nhé.'),
  retry_province_ambiguous: said('Hỏi lại khi tên khách gõ hợp với nhiều tỉnh: {{matched}} là chữ khách gõ, {{candidates}} các tỉnh có thể', 'Dạ "{{matched}}" là {{candidates}} ạ? Anh/chị gõ rõ tên giúp em nhé.'),
  retry_name: saidOr('Dạ anh/chị cho em xin tên người nhận hàng (ví dụ "Nguyễn Văn An") ạ.', 'Hỏi lại khi câu khách gõ ở câu hỏi tên không phải là tên người'),
  retry_address: said('Hỏi lại khi địa chỉ chưa đủ (số nhà, đường, phường/xã, tỉnh/thành)', 'Dạ anh/chị cho em địa chỉ đầy đủ (số nhà, đường, phường/xã, tỉnh/thành) nhé.'),
  retry_yes_no: said('Hỏi lại khi bot cần khách trả lời có hay không', 'Dạ anh/chị chọn "Có" hoặc "Không" giúp em nhé.'),
  retry_choice: said('Hỏi lại khi khách chưa chọn một trong các nút', 'Dạ anh/chị chọn một mục bên dưới giúp em nhé.'),
  retry_photo: said('Hỏi lại khi bot cần một tấm ảnh (ví dụ ảnh hàng hỏng)', 'Dạ anh/chị gửi giúp em một tấm ảnh, hoặc gõ "bỏ qua".'),
  retry_phone: PhoneRetryTexts.meta(hint('Hỏi lại khi số điện thoại khách gửi chưa đúng, theo từng lỗi', { too_short: 'Dạ số điện thoại hình như thiếu số ạ.' })),
  below_minimum: said('Bot nói khi khách đặt ít hơn số lượng tối thiểu (min_quantity) của sản phẩm', 'Dạ {{product.name}} bán tối thiểu {{product.min_quantity}} {{product.unit}} ạ.'),
  out_of_stock: said('Bot nói khi sản phẩm hết hàng', 'Dạ {{product.name}} vừa hết hàng ạ 😢 Anh/chị xem sản phẩm khác giúp em nhé.'),
  out_of_season: said('Bot nói khi sản phẩm đang trái mùa; {{product.season}} là mùa của sản phẩm', 'Dạ {{product.name}} đang trái mùa (mùa {{product.season}}) ạ.'),
  cart_empty: said('Bot nói khi khách muốn đặt mà giỏ hàng còn trống', 'Dạ giỏ hàng đang trống, anh/chị chọn sản phẩm trước giúp em nhé.'),
  /** The owner removed or renamed the step the customer was answering: told, and offered the menu. */
  flow_changed: saidOr('Dạ shop vừa cập nhật lại phần này nên em chưa hiểu câu trả lời của anh/chị 🙏 Anh/chị chọn lại giúp em một mục bên dưới nhé.', 'Bot nói khi chủ shop vừa sửa hoặc xóa bước khách đang trả lời: mời khách chọn lại từ menu'),
  /** A product in the customer's cart is no longer in the catalog: it is taken out, the rest goes on. */
  cart_item_discontinued: saidOr('Dạ có sản phẩm trong giỏ của anh/chị shop vừa ngừng bán, em đã bỏ ra khỏi giỏ ạ. Anh/chị xem giỏ và đặt tiếp giúp em nhé.', 'Bot nói khi một sản phẩm trong giỏ của khách vừa bị bỏ khỏi catalog'),
  no_shipping_zone: said('Bot nói khi shop chưa giao tới tỉnh của khách ({{province}})', 'Dạ shop chưa giao tới {{province}} ạ; anh/chị nhắn người thật để shop tìm cách gửi nhé.'),
  promotion_unknown: said('Bot nói khi mã khuyến mãi không có hoặc hết hạn ({{promo_code}})', 'Dạ mã "{{promo_code}}" không đúng hoặc đã hết hạn ạ.'),
  promotion_not_applicable: said('Bot nói khi mã có thật nhưng đơn chưa đủ điều kiện ({{promotion.title}}, {{promotion.condition}})', 'Dạ mã "{{promo_code}}" chưa áp dụng được cho đơn này ạ.'),
  resume_offer: said('Bot hỏi có quay lại việc đang làm dở không; {{flow.doing}} là việc đó', 'Dạ mình quay lại {{flow.doing}} nhé ạ?'),
  resume_yes: said('Chữ trên nút quay lại việc đang dở', '▶️ Tiếp tục {{flow.doing}}'),
  resume_no: said('Chữ trên nút để việc đang dở lại sau', 'Thôi, để sau'),
  yes: said('Chữ trên nút "có"', 'Có'),
  no: said('Chữ trên nút "không"', 'Không'),
  menu_button: said('Chữ trên nút mở menu', '📋 Menu'),
  human_button: said('Chữ trên nút gặp người thật', '🙋 Gặp người thật'),
  satisfaction_question: said('Câu hỏi chấm điểm hài lòng (1–5 sao) khi xong một việc', 'Anh/chị chấm giúp shop mức hài lòng với lần trò chuyện này nhé (1 đến 5 sao) ⭐'),
  satisfaction_comment: said('Bot xin góp ý khi khách chấm thấp (từ satisfaction.comment_at_or_below trở xuống)', 'Dạ shop xin lỗi vì chưa làm anh/chị hài lòng 🙏 Anh/chị góp ý giúp shop một câu ngắn nhé?'),
  satisfaction_thanks: said('Bot cảm ơn sau khi khách chấm điểm', 'Cảm ơn anh/chị đã ủng hộ {{shop.name}} ạ 💚'),
  satisfaction_thanks_low: said('Bot cảm ơn sau góp ý của khách chấm thấp', 'Cảm ơn góp ý của anh/chị, chủ shop sẽ đọc và cải thiện ngay ạ 💚'),
  satisfaction_labels: z.array(Text).length(5, 'cần đúng 5 nhãn, từ 1 sao đến 5 sao').meta(hint('Đúng 5 nhãn của các mức sao, từ 1 sao đến 5 sao', ['Rất tệ', 'Chưa tốt', 'Bình thường', 'Hài lòng', 'Rất hài lòng'])),
  skip_word: said('Chữ khách gõ (hoặc nút) để bỏ qua câu hỏi không bắt buộc', 'bỏ qua'),
  order_not_found: said('Bot nói khi không tìm thấy đơn khách hỏi', 'Dạ em chưa tìm thấy đơn nào của anh/chị; anh/chị kiểm tra lại mã đơn giúp em nhé.'),
  order_code_forgotten: saidOr('Dạ không sao ạ, anh/chị chọn giúp em đơn hàng bên dưới nhé.', 'Bot nói khi khách không nhớ mã đơn: mời chọn một đơn gần đây của khách (các nút bên dưới)'),
  retry_order_code: saidOr('Dạ anh/chị cho em xin mã đơn hàng (có trong tin nhắn xác nhận đơn) nhé.', 'Hỏi lại khi bot cần mã đơn hàng'),
  /** Asked after a middling score (above the owner alert): thanks first, no apology. */
  satisfaction_comment_neutral: saidOr('Dạ cảm ơn anh/chị 💚 Shop cần làm gì để lần sau tốt hơn ạ?', 'Bot xin góp ý khi khách chấm mức giữa: cảm ơn trước, không xin lỗi'),
  /** Said when a code is applied: `{{promo_code}}`, `{{promotion.title}}`. */
  promotion_applied: saidOr('Dạ em đã áp dụng mã {{promo_code}} ✅ {{promotion.title}}\n{{promotion.saving}}', 'Bot nói khi áp dụng được mã: {{promo_code}}, {{promotion.title}}, {{promotion.saving}} (số tiền được giảm)'),
  promotion_noted: saidOr('Dạ em ghi nhận mã {{promo_code}} ạ, em áp dụng khi tính tiền.', 'Bot nói khi khách gõ mã khuyến mãi lúc đang được hỏi câu khác ({{promo_code}}); mã được kiểm tra ở bước nhập mã'),
  promotion_used: saidOr('Dạ mã "{{promo_code}}" anh/chị đã dùng rồi ạ, mỗi khách dùng một lần.', 'Bot nói khi khách dùng lại mã chỉ dùng được một lần'),
  promotion_new_customers: saidOr('Dạ mã "{{promo_code}}" chỉ dành cho đơn đầu tiên của khách mới ạ.', 'Bot nói khi khách cũ dùng mã chỉ dành cho khách mới'),
  /** More than the stock left: `{{product.stock}}` says how much is left. */
  stock_short: saidOr('Dạ {{product.name}} hiện chỉ {{product.stock}} ạ; anh/chị lấy trong số đó giúp em nhé.', 'Bot nói khi khách đặt nhiều hơn số hàng còn; {{product.stock}} là số còn lại'),
  /** The cart changed at a later question ("bỏ bưởi ra", "à nhầm, 3 ký thôi"). */
  cart_updated: saidOr('Dạ em đã sửa giỏ hàng ✅\n{{cart.lines}}', 'Bot nói khi khách sửa giỏ ở câu hỏi sau ("bỏ bưởi ra", "3 ký thôi"); {{cart.lines}} là giỏ mới'),
  /** An order cancelled, or asked of the owner: `{{order_code}}`. */
  cart_cancelled: saidOr('Dạ em đã hủy giỏ hàng đang đặt. Khi nào cần anh/chị nhắn em nhé!', 'Bot nói khi khách hủy giỏ hàng đang đặt'),
  cancel_requested: saidOr('Dạ em đã báo chủ shop hủy đơn {{order_code}}; shop xác nhận xong sẽ nhắn anh/chị ạ.', 'Bot nói khi đã báo chủ shop hủy đơn {{order_code}} chưa giao'),
  cancel_too_late: saidOr('Dạ đơn {{order_code}} đã giao cho đơn vị vận chuyển nên em không hủy được nữa ạ; anh/chị nhắn người thật giúp em nhé.', 'Bot nói khi đơn {{order_code}} đã giao cho vận chuyển nên không hủy được'),
  nothing_to_cancel: saidOr('Dạ anh/chị chưa có đơn nào đang chờ giao để hủy ạ.', 'Bot nói khi khách muốn hủy mà không có đơn nào đang chờ giao'),
  /** Out of season: `{{product.season}}`; and when the product cannot be pre-ordered. */
  preorder_note: saidOr('Dạ {{product.name}} đang trái mùa; shop nhận đặt trước, hàng gửi khi vào mùa ({{product.season}}) ạ.', 'Bot nói khi khách đặt trước sản phẩm trái mùa ({{product.season}})'),
  not_preorderable: saidOr('Dạ {{product.name}} đang trái mùa (mùa {{product.season}}), shop chưa nhận đặt ạ. Anh/chị xem sản phẩm khác giúp em nhé.', 'Bot nói khi sản phẩm trái mùa không nhận đặt trước (preorder: false)'),
  /** Caption of the VietQR code sent for a bank transfer (`{{order.code}}`, `{{order.total}}`, `{{bank.…}}`). */
  payment_qr_caption: said('Chú thích dưới mã VietQR gửi khi khách chọn chuyển khoản ({{order.code}}, {{order.total}}, {{bank.bank_name}}…); bỏ trống thì bot dùng câu mặc định', '🏦 Quét mã bằng app ngân hàng để chuyển {{order.total}} cho đơn {{order.code}} ạ.').optional(),
  /** A transfer the bank reported for an order (`{{code}}`, `{{amount}}`, `{{total}}`, `{{paid}}`, `{{missing}}`, `{{extra}}`). */
  payment_received: saidOr('Dạ shop đã nhận {{amount}} chuyển khoản cho đơn {{code}} ✅ Cảm ơn anh/chị, shop chuẩn bị hàng ngay ạ!', 'Báo khách khi ngân hàng báo tiền về đủ cho đơn ({{code}}, {{amount}})'),
  payment_partial: saidOr('Dạ shop đã nhận {{amount}} cho đơn {{code}} (tổng {{total}}), còn thiếu {{missing}} ạ. Anh/chị chuyển thêm giúp em, nội dung ghi {{code}} nhé.', 'Báo khách khi tiền về còn thiếu ({{amount}}, {{total}}, {{missing}})'),
  payment_overpaid: saidOr('Dạ shop đã nhận {{amount}} cho đơn {{code}} ✅ Anh/chị chuyển dư {{extra}} so với đơn ({{total}}); shop sẽ liên hệ hoàn lại phần dư ạ.', 'Báo khách khi tiền về dư ({{amount}}, {{total}}, {{extra}})'),
  /** Answer to what the bot cannot read: a voice message, a sticker, a message Zalo hides from bots. */
  please_type: saidOr('Dạ em chưa nghe hay xem được tin nhắn này ạ 🙏 Anh/chị nhắn bằng chữ giúp em nhé.', 'Bot trả lời tin nhắn thoại, nhãn dán, hoặc tin Zalo không cho bot đọc'),
  /** Answer in a group chat: ordering needs a phone number and an address, which belong in a private chat. */
  group_chat: saidOr('Dạ để giữ kín số điện thoại và địa chỉ của anh/chị, anh/chị nhắn riêng cho shop giúp em nhé 🙏', 'Bot trả lời khi được nhắc trong nhóm chat: mời khách nhắn riêng để giữ kín số điện thoại, địa chỉ'),
  /** When the customer wants the goods, as the quote and the owner's notice say it: `{{saturday}}`, `{{sunday}}`, `{{date}}` ("T7 16/05"). */
  delivery_wish: z
    .strictObject({
      asap: said('Khi khách muốn nhận càng sớm càng tốt', 'càng sớm càng tốt'),
      weekend: said('Khi khách muốn nhận cuối tuần; {{saturday}}, {{sunday}} là hai ngày đó', 'cuối tuần ({{saturday}} – {{sunday}})'),
      date: said('Khi khách hẹn một ngày; {{date}} là ngày đó ("T7 16/05")', 'ngày {{date}}'),
    })
    .prefault({ asap: 'càng sớm càng tốt', weekend: 'cuối tuần ({{saturday}} – {{sunday}})', date: '{{date}}' })
    .meta(hint('Cách báo giá và tin cho chủ shop nói khách muốn nhận hàng khi nào', { asap: 'càng sớm càng tốt' })),
  web_placeholder: said('Chữ mờ trong ô nhập tin của trang chat web', 'Nhắn cho shop…'),
  web_send: said('Chữ trên nút gửi của trang chat web', 'Gửi'),
  web_offline: said('Trang chat web báo khi mất kết nối', '⚠️ Mất kết nối, anh/chị thử lại sau ít phút nhé.'),
  order_status: z
    .strictObject({
      new: said('Trạng thái "mới": shop đã nhận đơn', 'shop đã nhận đơn, sắp gọi xác nhận'),
      confirmed: said('Trạng thái "đã xác nhận"', 'đơn đã xác nhận, shop đang chuẩn bị hàng'),
      awaiting_confirmation: said('Trạng thái "chờ xác nhận chuyển khoản"', 'shop đang kiểm tra tiền chuyển khoản'),
      paid: said('Trạng thái "đã thanh toán"', 'đã nhận tiền, shop đang chuẩn bị hàng'),
      shipped: said('Trạng thái "đang giao"', 'đã giao cho đơn vị vận chuyển'),
      delivered: said('Trạng thái "đã giao"', 'đã giao tới nơi'),
      cancelled: said('Trạng thái "đã hủy"', 'đã hủy'),
      refunded: said('Trạng thái "đã hoàn tiền"', 'shop đã hoàn tiền cho anh/chị').optional(),
      returned: said('Trạng thái "hoàn về": shop đã nhận lại hàng', 'shop đã nhận lại hàng').optional(),
    })
    .meta(hint('Câu nói trạng thái đơn khi khách hỏi đơn tới đâu, theo từng trạng thái', { shipped: 'đã giao cho đơn vị vận chuyển' })),
  /** Told to the customer when the owner changes an order's status (`{{code}}`, `{{status}}`). */
  order_status_changed: said('Báo khách khi chủ shop đổi trạng thái đơn: {{code}} là mã đơn, {{status}} là câu trong order_status', '📦 Đơn {{code}}: {{status}}.'),
  /** A product the owner sends from the inbox ({{product.name}}, {{product.price}}, …); without it the inbox offers no product cards. */
  product_card: said('Thẻ sản phẩm chủ shop gửi từ hộp thư trang quản lý ({{product.name}}, {{product.price}}, {{product.unit}}, {{product.description}}); bỏ trống thì hộp thư không có nút gửi sản phẩm', '{{product.name}} — {{product.price}}/{{product.unit}}\n{{product.description}}').optional(),
  /** The web chat's photo button (its label for screen readers) and what a refused photo is told. */
  web_photo: said('Chữ của nút gửi ảnh trong trang chat web', 'Gửi ảnh').optional(),
  photo_rejected: z
    .strictObject({
      wrong_type: said('Khi tệp khách gửi không phải ảnh', 'Dạ tệp này không phải ảnh ạ 🙏 Anh/chị chọn một tấm ảnh (JPG, PNG) rồi gửi lại giúp em nhé.'),
      too_big: said('Khi ảnh nặng quá', 'Dạ ảnh nặng quá nên em chưa nhận được 🙏 Anh/chị chọn ảnh khác giúp em nhé.'),
      broken: said('Khi ảnh gửi bị lỗi giữa chừng', 'Dạ ảnh gửi bị lỗi giữa chừng 🙏 Anh/chị gửi lại giúp em nhé.'),
      too_many: said('Khi khách gửi quá nhiều ảnh trong một giờ', 'Dạ anh/chị gửi nhiều ảnh quá ạ 🙏 Chừng này là shop đủ xem rồi.').optional(),
    })
    .optional()
    .meta(hint('Trang chat web trả lời khi ảnh khách gửi không nhận được, theo từng lý do', { too_big: 'Dạ ảnh nặng quá nên em chưa nhận được 🙏' })),
  /** The Telegram button that shares the customer's phone number. */
  share_phone_button: said('Chữ trên nút Telegram để khách gửi số điện thoại bằng một chạm', '📱 Gửi số điện thoại của tôi'),
  /** Told to a customer nobody answered within HUMAN_REPLY_MINUTES of asking for a person. */
  human_wait: z
    .strictObject({
      open: said('Khi shop đang mở cửa mà chưa ai trả lời', 'Dạ chủ shop đang bận tay một chút, sẽ nhắn lại anh/chị ngay khi rảnh ạ 🙏'),
      closed: said('Khi shop đã nghỉ; {{opens}} là lúc shop mở cửa lại', 'Dạ giờ này shop đã nghỉ ạ 🌙 Chủ shop sẽ trả lời anh/chị lúc {{opens}} nhé 🙏'),
      today: said('Chữ "hôm nay" trong {{opens}}', 'hôm nay'),
      tomorrow: said('Chữ "ngày mai" trong {{opens}}', 'ngày mai'),
    })
    .meta(hint('Bot nói khi khách xin gặp người thật mà chưa ai trả lời sau HUMAN_REPLY_MINUTES phút', { today: 'hôm nay', tomorrow: 'ngày mai' })),
  labels: z
    .strictObject({
      subtotal: said('Nhãn dòng tiền hàng trong báo giá', 'Tiền hàng'),
      discount: said('Nhãn dòng khuyến mãi trong báo giá', 'Khuyến mãi'),
      shipping: said('Nhãn dòng phí ship trong báo giá', 'Phí ship'),
      shipping_free: said('Chữ khi được miễn phí ship', 'miễn phí'),
      shipping_later: said('Chữ khi chưa tính được phí ship', 'shop báo sau'),
      total: said('Nhãn dòng tổng cộng trong báo giá', 'Tổng cộng'),
      all_year: said('Chữ cho sản phẩm bán quanh năm', 'quanh năm'),
      month: said('Chữ "tháng" khi nói mùa ("tháng 3–7")', 'tháng'),
      in_stock: said('Chữ "còn hàng" trong bảng giá', 'còn hàng'),
      stock_left: said('Chữ trước số hàng còn lại ("còn 40 túi")', 'còn'),
      out_of_stock: said('Chữ "hết hàng" trong bảng giá', 'hết hàng'),
      preorder: said('Chữ cho sản phẩm trái mùa nhận đặt trước', 'đang trái mùa, nhận đặt trước'),
      no_promotions: said('Bot nói khi không có khuyến mãi nào đang chạy', 'Hiện chưa có chương trình nào, shop sẽ báo ngay khi có ạ.'),
      auto_applied: said('Chữ cho khuyến mãi tự áp dụng', 'tự áp dụng'),
      promo_code: said('Chữ "mã" trước mã khuyến mãi', 'mã'),
      valid_until: said('Chữ trước ngày hết hạn khuyến mãi', 'đến'),
      weekdays: z.array(Text).length(7, 'cần đúng 7 tên ngày, từ thứ Hai đến Chủ nhật').meta(hint('Đúng 7 tên ngày viết tắt, từ thứ Hai đến Chủ nhật (giờ mở cửa)', ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'])),
      /** Before a promotion's minimum order: "áp dụng cho đơn từ 300.000đ". */
      min_order: saidOr('áp dụng cho đơn từ', 'Chữ trước số tiền đơn tối thiểu của khuyến mãi ("áp dụng cho đơn từ 300.000đ")'),
      /** Delivery of an out-of-season product: "giao khi vào mùa, tháng 3–7". */
      in_season_delivery: saidOr('giao khi vào mùa', 'Chữ cho hàng trái mùa đặt trước ("giao khi vào mùa, tháng 3–7")'),
    })
    .meta(hint('Chữ nhỏ bot ghép vào tin nhắn (bảng giá, báo giá, giờ mở cửa)', { total: 'Tổng cộng' })),
});

/** Messages to the owner (Telegram owner chat); `{{…}}` are filled by the bot. */
const OwnerTexts = z.strictObject({
  new_order: said('Báo chủ shop khi có đơn mới: {{code}}, {{total}}, {{channel}}, {{items}}, {{name}}, {{phone}}, {{address}}, {{payment}}, {{note}}', '🛒 Đơn mới {{code}} — {{total}} ({{channel}})\n{{items}}'),
  return_request: said('Báo chủ shop khi khách xin đổi trả: {{code}}, {{channel}}, {{problem}}, {{resolution}}, {{photos}}', '🔁 Yêu cầu đổi trả đơn {{code}} ({{channel}})\nVấn đề: {{problem}} · Khách muốn: {{resolution}}'),
  payment_claimed: said('Báo chủ shop khi khách nói đã chuyển khoản cho đơn {{code}}', '💳 Khách báo đã chuyển khoản cho đơn {{code}}. Kiểm tra tài khoản rồi xác nhận giúp khách nhé.'),
  handover: said('Báo chủ shop khi khách muốn gặp người thật ({{customer}}, {{channel}})', '🙋 Khách {{customer}} ({{channel}}) muốn nói chuyện với người thật.'),
  low_score: said('Báo chủ shop khi khách chấm thấp: {{customer}}, {{channel}}, {{score}}, {{comment}}, {{link}}', '⚠️ Khách {{customer}} ({{channel}}) chấm {{score}}/5\nGóp ý: {{comment}}'),
  notify: said('Báo chủ shop khi một bước chạy action: notify_owner ({{customer}}, {{channel}}, {{flow}}, {{summary}})', '📣 Khách {{customer}} ({{channel}}) — {{flow}}\n{{summary}}'),
  /** Money the bank reported (`{{amount}}`, `{{code}}`, `{{customer}}`, `{{total}}`, `{{paid}}`, `{{missing}}`, `{{extra}}`, `{{content}}`). */
  payment_received: saidOr('💰 Tiền về {{amount}} cho đơn {{code}} ({{customer}}): đã đủ ✅', 'Báo chủ shop khi tiền về đủ cho đơn ({{amount}}, {{code}}, {{customer}})'),
  payment_partial: saidOr('💰 Tiền về {{amount}} cho đơn {{code}} ({{customer}}): còn thiếu {{missing}} (đã nhận {{paid}} / {{total}}).', 'Báo chủ shop khi tiền về còn thiếu ({{amount}}, {{missing}}, {{paid}}, {{total}})'),
  payment_overpaid: saidOr('💰 Tiền về {{amount}} cho đơn {{code}} ({{customer}}): dư {{extra}} so với {{total}}, nhớ hoàn lại cho khách.', 'Báo chủ shop khi tiền về dư ({{amount}}, {{extra}}, {{total}})'),
  payment_unmatched: saidOr('💰 Tiền về {{amount}} chưa khớp đơn nào (nội dung: "{{content}}"). Ghép tay ở trang "Tiền về" của trang quản lý nhé.', 'Báo chủ shop khi tiền về không khớp đơn nào ({{amount}}, {{content}} là nội dung chuyển khoản)'),
  // The owner's desk (Telegram): relayed customer messages, replies and commands.
  relay: said('Chuyển tin khách nhắn cho chủ shop khi đang nói chuyện với người thật ({{customer}}, {{channel}}, {{message}})', '💬 {{customer}} ({{channel}}):\n{{message}}'),
  relay_photo: said('Chú thích ảnh khách gửi khi đang nói chuyện với người thật', '📷 Ảnh của {{customer}} ({{channel}})'),
  hand_back_button: said('Chữ trên nút trả khách lại cho bot', '✅ Xong, trả khách cho bot'),
  handed_back: said('Báo chủ shop đã trả khách {{customer}} cho bot', '✅ Đã trả {{customer}} cho bot; bot đang hỏi khách chấm điểm hài lòng.'),
  not_waiting: said('Báo chủ shop khi cuộc trò chuyện không còn chờ người thật', 'Cuộc trò chuyện với {{customer}} không còn chờ người thật.'),
  reply_not_relay: said('Báo chủ shop khi tin của chủ shop không trả lời (Reply) vào tin của khách nào', 'Tin này không gắn với khách nào. Bấm "Trả lời" (Reply) vào đúng tin của khách nhé.'),
  reply_not_delivered: said('Báo chủ shop khi không gửi được cho khách {{customer}}', '⚠️ Chưa gửi được cho {{customer}}: khách đã chặn bot hoặc không còn liên lạc được.'),
  reply_text_only: said('Báo chủ shop khi bot chỉ chuyển được tin chữ', 'Bot chỉ chuyển được tin nhắn chữ cho khách; ảnh và tệp anh/chị gửi trực tiếp giúp nhé.'),
  orders_today: said('Trả lời lệnh xem đơn hôm nay ({{count}}, {{total}}, {{orders}})', '📋 Đơn hôm nay ({{count}} đơn, {{total}}):\n{{orders}}'),
  orders_none: said('Trả lời lệnh xem đơn khi hôm nay chưa có đơn', '📋 Hôm nay chưa có đơn nào.'),
  report: said('Trả lời lệnh báo cáo ({{today}}, {{week}}, {{csat}}, {{scored}}, {{distribution}}, {{returns}}, {{return_list}})', '📊 Báo cáo\nCuộc trò chuyện: hôm nay {{today}} · tuần này {{week}}'),
  order_changed: said('Báo chủ shop đã đổi trạng thái đơn ({{code}}, {{status}}, {{told}})', '✅ Đơn {{code}}: {{status}}\nĐã báo khách: {{told}}'),
  order_unknown: said('Báo chủ shop khi không có đơn mã {{code}}', 'Không tìm thấy đơn "{{code}}". Kiểm tra lại mã đơn (ví dụ XB128) nhé.'),
  order_usage: said('Cách dùng lệnh đổi trạng thái đơn ({{statuses}} là các trạng thái)', 'Cách dùng: /don <mã đơn> <trạng thái>, ví dụ /don XB128 dang_giao\nTrạng thái: {{statuses}}'),
  help: said('Trả lời lệnh trợ giúp trong chat của chủ shop: các lệnh dùng được', 'Lệnh của chủ shop:\n/donhang — đơn hôm nay\n/baocao — báo cáo hôm nay và tuần này'),
  /** A reply the owner wrote in the dashboard's inbox, shown in the owner's chat too ({{customer}}, {{channel}}, {{message}}). */
  inbox_reply: said('Chép câu chủ shop trả lời trong hộp thư trang quản lý vào chat của chủ shop ({{customer}}, {{channel}}, {{message}}); bỏ trống thì không chép', '✍️ Trả lời {{customer}} ({{channel}}) từ trang quản lý: {{message}}').optional(),
  /** An edit of the flow files the running bot refused ({{errors}}, {{warnings}}, {{problems}}); without it the owner's chat is not told. */
  flows_refused: said('Báo chủ shop khi tệp trong flows/ vừa sửa có lỗi nên bot vẫn chạy bản cũ ({{errors}}, {{warnings}}, {{problems}}); bỏ trống thì không báo', '⚠️ Tệp luồng vừa sửa chưa được áp dụng ({{errors}} lỗi); bot vẫn chạy bản cũ. Sửa giúp:\n{{problems}}').optional(),
  /** A customer asks to cancel an order not yet shipped (`{{code}}`, `{{status}}`, `{{date}}`). */
  cancel_request: saidOr('❌ Khách xin hủy đơn {{code}} (đặt ngày {{date}}, {{status}}). Hủy giúp khách rồi báo lại khách nhé.', 'Báo chủ shop khi khách xin hủy đơn chưa giao ({{code}}, {{status}}, {{date}})'),
});

/** Messages the bot sends on its own after the sale; each kind can be turned off here. */
const AfterSale = z.strictObject({
  checkin: z
    .strictObject({
      enabled: toggle(true, 'Có nhắn hỏi thăm sau khi giao hàng không'),
      flow: Id.default('checkin').meta(hint('Luồng hỏi thăm (tên tệp trong flows/)', 'checkin')),
      /** Days after the expected delivery (the zone's delivery_days, at most) to ask. */
      days_after_delivery: z.number().int().min(0).max(60).default(1).meta(hint('Hỏi thăm sau ngày giao dự kiến thêm chừng này ngày (0–60)', 1)),
    })
    .prefault({})
    .meta(hint('Tin hỏi thăm "hàng tới nơi có ngon không" sau khi giao', { days_after_delivery: 1 })),
  abandoned_cart: z
    .strictObject({
      enabled: toggle(true, 'Có nhắn nhắc khách đặt dở không'),
      flow: Id.default('reminder').meta(hint('Luồng nhắc đơn đặt dở (tên tệp trong flows/)', 'reminder')),
      /** Minutes after the customer's last message; never later than 24 hours after it. */
      after_minutes: z
        .number()
        .int()
        .min(1)
        .max(1440, 'tối đa 1440 phút (24 giờ): sau 24 giờ nền tảng không cho nhắn')
        .default(120)
        .meta(hint('Nhắc sau tin cuối của khách chừng này phút (tối đa 1440 = 24 giờ: sau đó nền tảng chat không cho bot nhắn)', 120)),
      /** The quick choices of the one reminder, asking why the cart was left (`ask: cart_reason`). */
      reasons: z
        .strictObject({
          price: said('Nút "vì giá"', '💸 Giá'),
          shipping_fee: said('Nút "vì phí ship"', '🚚 Phí ship'),
          delivery_time: said('Nút "vì thời gian giao"', '⏱️ Thời gian giao'),
          not_now: said('Nút "chưa cần"', '🕒 Chưa cần'),
          question: said('Nút "còn thắc mắc"', '❓ Còn thắc mắc'),
          other: said('Nút "lý do khác"', 'Khác'),
        })
        .prefault({ price: 'Giá', shipping_fee: 'Phí ship', delivery_time: 'Thời gian giao', not_now: 'Chưa cần', question: 'Còn thắc mắc', other: 'Khác' })
        .meta(hint('Chữ trên các nút hỏi vì sao khách chưa đặt tiếp (câu hỏi ask: cart_reason)', { price: '💸 Giá' })),
    })
    .prefault({})
    .meta(hint('Một tin nhắc khi khách đặt dở mà chưa xong', { after_minutes: 120 })),
  /** "Would you recommend us" (0–10) in the check-in: once per customer in every `every_days`. */
  nps: z
    .strictObject({
      enabled: toggle(true, 'Có hỏi "có giới thiệu shop cho người quen không" (0–10) không'),
      every_days: z
        .number()
        .int()
        .min(30, 'ít nhất 30 ngày: hỏi dày hơn làm phiền khách')
        .max(730)
        .default(180)
        .meta(hint('Mỗi khách được hỏi nhiều nhất một lần trong chừng này ngày (30–730)', 180)),
    })
    .prefault({})
    .meta(hint('Câu hỏi giới thiệu shop (0–10) trong tin hỏi thăm sau khi giao', { every_days: 180 })),
  reorder: z
    .strictObject({
      enabled: toggle(true, 'Có nhắn mời khách đặt lại khi hàng sắp dùng hết (reorder_days của sản phẩm) không'),
      flow: Id.default('reminder').meta(hint('Luồng mời đặt lại (tên tệp trong flows/)', 'reminder')),
    })
    .prefault({})
    .meta(hint('Tin mời khách đặt lại sau reorder_days ngày', { enabled: true })),
  /** What a customer writes (the whole message) to stop every scheduled message. */
  stop_words: z
    .array(Text)
    .default(['dừng', '/stop', 'stop', 'ngừng nhắn tin'])
    .meta(hint('Khách gõ đúng một trong các chữ này là bot thôi tự nhắn tin cho khách', ['dừng', 'ngừng nhắn tin'])),
  texts: z
    .strictObject({
      opted_out: saidOr('Dạ em sẽ không tự nhắn tin nhắc nữa ạ. Khi cần gì anh/chị cứ nhắn shop nhé 💚', 'Bot nói khi khách gõ một trong stop_words: không tự nhắn nữa'),
      personal_data: saidOr(
        'Tên: {{name}}\nSố điện thoại: {{phone}}\nĐịa chỉ: {{address}}\nĐơn hàng: {{orders}}\nSố lần trò chuyện: {{conversations}}',
        'Dữ liệu của khách khi khách hỏi shop giữ gì về mình ({{name}}, {{phone}}, {{address}}, {{orders}}, {{conversations}})',
      ),
      personal_data_none: saidOr('(chưa có)', 'Chữ khi chưa có thông tin ({{name}}, {{phone}}… trống)'),
      /** On the web chat (where only a browser's id stands for the customer) the data is shown only with the last 4 digits of the phone on file. */
      personal_data_confirm: saidOr(
        'Dạ để giữ kín thông tin của anh/chị, anh/chị nhắn lại "dữ liệu của tôi" kèm 4 số cuối của số điện thoại đã dùng đặt hàng giúp em nhé (ví dụ: dữ liệu của tôi 4321).',
        'Trên chat web: bot xin 4 số cuối số điện thoại trước khi cho xem dữ liệu',
      ),
    })
    .prefault({})
    .meta(hint('Câu chữ của tin sau bán hàng và dữ liệu cá nhân', { personal_data_none: '(chưa có)' })),
});

export const ShopFile = z.strictObject({
  $schema: schemaLink('shop.schema.json'),
  shop: z
    .strictObject({
      name: said('Tên shop, bot dùng khi chào khách ({{shop.name}})', 'Vườn Nhà Tư'),
      tagline: said('Một câu giới thiệu shop ({{shop.tagline}})', 'Nông sản miền Tây, hái tại vườn gửi tận nhà').optional(),
      phone: said('Số điện thoại của shop, trong ngoặc kép ({{shop.phone}})', '0912 345 678').optional(),
      address: said('Địa chỉ vườn hoặc cửa hàng ({{shop.address}})', 'Ấp Hòa Lợi, xã Hòa Khánh, tỉnh Đồng Tháp').optional(),
      timezone: saidOr('Asia/Ho_Chi_Minh', 'Múi giờ của shop (giờ mở cửa, ngày khuyến mãi)'),
      opening_hours: z.array(OpeningHours).min(1).meta(hint('Giờ shop trả lời tin nhắn, mỗi mục cho một nhóm ngày', [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], open: '07:00', close: '21:00' }])),
    })
    .meta(hint('Thông tin shop: tên, điện thoại, địa chỉ, giờ mở cửa', { name: 'Vườn Nhà Tư', opening_hours: [{ days: ['sun'], open: '08:00', close: '17:00' }] })),
  nlu: z
    .strictObject({ threshold: z.number().min(0).max(1).default(0.5).meta(hint('Độ chắc chắn tối thiểu (0–1) để bot hiểu câu khách thuộc luồng nào: thấp thì bot đoán nhiều, cao thì bot hay nói "chưa hiểu"', 0.3)) })
    .default({ threshold: 0.5 })
    .meta(hint('Cách bot hiểu câu khách nhắn', { threshold: 0.3 })),
  satisfaction: z
    .strictObject({
      enabled: toggle(true, 'Có hỏi khách chấm điểm hài lòng (1–5 sao) khi xong một việc không'),
      comment_at_or_below: z.number().int().min(1).max(5).default(3).meta(hint('Khách chấm từ số sao này trở xuống thì bot xin góp ý', 3)),
      alert_owner_at_or_below: z.number().int().min(1).max(5).default(2).meta(hint('Khách chấm từ số sao này trở xuống thì báo chủ shop', 2)),
    })
    .default({ enabled: true, comment_at_or_below: 3, alert_owner_at_or_below: 2 })
    .meta(hint('Câu hỏi chấm điểm hài lòng cuối cuộc trò chuyện', { enabled: true, alert_owner_at_or_below: 2 })),
  menu: z.array(MenuItem).min(1, 'menu cần ít nhất một mục').meta(hint('Các nút của menu chính, theo thứ tự hiện', [{ label: '🛒 Đặt hàng', flow: 'order' }])),
  catalog: z
    .array(Product)
    .min(1, 'cần ít nhất một sản phẩm')
    .meta(hint('Các sản phẩm shop bán, mỗi sản phẩm bắt đầu bằng "- id:"', [{ id: 'xoai_cat_hoa_loc', name: 'Xoài cát Hòa Lộc', unit: 'kg', price: 85000 }])),
  shipping: z
    .strictObject({
      free_from: Money.optional().meta(hint('Đơn từ số tiền hàng này được miễn phí ship ở mọi vùng không có mức riêng (đồng, viết liền)', 700000)),
      zones: z
        .array(ShippingZone)
        .min(1, 'cần ít nhất một vùng giao hàng')
        .meta(hint('Các vùng giao hàng, mỗi vùng một mức phí', [{ id: 'mien_tay', name: 'Miền Tây', provinces: ['Cần Thơ'], fee: 20000, delivery_days: '1–2 ngày' }])),
    })
    .meta(hint('Phí và thời gian giao hàng theo vùng', { free_from: 700000 })),
  payment: z
    .strictObject({
      cod: z
        .strictObject({ note: said('Lời dặn khi khách chọn trả tiền khi nhận hàng', 'Nhận hàng, kiểm tra rồi mới trả tiền cho shipper.').optional() })
        .optional()
        .meta(hint('Trả tiền khi nhận hàng (COD); bỏ khóa này nếu shop không nhận COD', { note: 'Nhận hàng, kiểm tra rồi mới trả tiền.' })),
      bank_transfer: BankTransfer.optional().meta(hint('Chuyển khoản: tài khoản nhận tiền, bot làm mã VietQR từ đây', { bank_bin: '970436', bank_name: 'Vietcombank', account_number: '1012345678', account_name: 'NGUYEN THI TU' })),
    })
    .meta(hint('Các cách khách trả tiền', { cod: {} })),
  promotions: z
    .array(Promotion)
    .default([])
    .meta(hint('Các chương trình khuyến mãi', [{ code: 'XOAI10', title: 'Giảm 10% xoài', type: 'percent_off', value: 10, valid_from: '2026-03-01', valid_until: '2026-07-31' }])),
  policies: z
    .strictObject({
      return_days: z.number().int().min(0).meta(hint('Số ngày kể từ khi nhận hàng khách còn được đổi trả', 3)),
      returns: said('Chính sách đổi trả, bot gửi khi khách hỏi', 'Hàng dập, hỏng, thối hoặc giao sai được đổi mới hoặc hoàn tiền trong 3 ngày kể từ khi nhận.'),
      compensation: said('Chính sách bồi thường khi giao thiếu, hỏng, trễ', 'Giao thiếu hoặc hỏng trên đường: shop gửi bù hàng hoặc hoàn tiền phần hỏng.'),
    })
    .meta(hint('Chính sách đổi trả và bồi thường', { return_days: 3 })),
  texts: BotTexts.meta(hint('Câu chữ bot tự nói (ngoài các luồng): hỏi lại, nút, báo giá…; {{…}} là chỗ bot tự điền', { yes: 'Có', no: 'Không' })),
  /**
   * Short answers to everyday talk, by standard intent (thanks, acknowledge, goodbye,
   * shop_location, opening_hours…): said without leaving the question in progress.
   */
  smalltalk: z
    .record(Id, Text)
    .default({})
    .meta(hint('Câu đáp ngắn cho chuyện thường ngày, theo ý định của khách (thanks, acknowledge, goodbye, shop_location, opening_hours…); bot đáp rồi hỏi tiếp câu đang dở', { thanks: 'Dạ không có gì ạ, shop cảm ơn anh/chị 💚' })),
  /** What a customer writes (the whole message) to have the bot back while waiting for a person. */
  back_to_bot_words: z
    .array(Text)
    .default(['menu', '/start', '/menu', 'bot'])
    .meta(hint('Khách đang chờ người thật mà gõ đúng một trong các chữ này thì bot trả lời lại', ['menu', 'bot'])),
  owner_texts: OwnerTexts.meta(hint('Tin bot gửi cho chủ shop (chat Telegram của chủ shop); {{…}} là chỗ bot tự điền', { orders_none: '📋 Hôm nay chưa có đơn nào.' })),
  after_sale: AfterSale.prefault({}).meta(hint('Tin bot tự nhắn sau bán hàng; tắt loại nào thì để enabled: false', { nps: { enabled: false } })),
});

const Goto = z
  .string()
  .regex(/^(flow:)?[a-z][a-z0-9_]{0,31}$/, 'viết tên bước (ví dụ "hoi_sdt") hoặc "flow:" + tên luồng (ví dụ "flow:order")');
const goto = (description: string) => Goto.meta(hint(`${description}: tên một bước của luồng này, hoặc "flow:" + tên luồng khác`, 'hoi_sdt', 'flow:order'));

// Each kind described: zod then keeps them apart (anyOf) instead of one list of types, which Ajv's strict mode refuses.
const Scalar = z.union([z.string().describe('một chữ'), z.number().describe('một số'), z.boolean().describe('true hoặc false')]);

type ConditionShape =
  | { slot: string; equals?: string | number | boolean; in?: (string | number | boolean)[]; filled?: boolean; at_least?: number; at_most?: number }
  | { all: ConditionShape[] }
  | { any: ConditionShape[] };

const Condition: z.ZodType<ConditionShape> = z.lazy(() =>
  z.union([
    z.strictObject({
      slot: Id.meta(hint('Ô dữ liệu được xét (tên trong save: của một bước, hoặc ô bot tự điền như product, province)', 'payment_method')),
      equals: Scalar.optional().meta(hint('Đúng khi ô có giá trị này', 'cod')),
      in: z.array(Scalar).optional().meta(hint('Đúng khi ô có một trong các giá trị này', ['Cần Thơ', 'Vĩnh Long'])),
      filled: z.boolean().optional().meta(hint('true: đúng khi ô đã có giá trị; false: khi ô còn trống', true)),
      at_least: z.number().optional().meta(hint('Đúng khi ô là số từ mức này trở lên', 5)),
      at_most: z.number().optional().meta(hint('Đúng khi ô là số từ mức này trở xuống', 2)),
    }),
    z.strictObject({ all: z.array(Condition).min(1).meta(hint('Đúng khi mọi điều kiện trong danh sách đều đúng', [{ slot: 'quantity', at_least: 5 }, { slot: 'province', equals: 'Cần Thơ' }])) }),
    z.strictObject({ any: z.array(Condition).min(1).meta(hint('Đúng khi ít nhất một điều kiện trong danh sách đúng', [{ slot: 'problem', equals: 'damaged' }, { slot: 'problem', equals: 'missing' }])) }),
  ]),
);

const Button = z.strictObject({ label: said('Chữ trên nút', '📋 Xem menu'), goto: goto('Bấm nút thì đi tới đâu') });

/** `aliases`: words that name the choice anywhere in a message ("ck", "tiền mặt"). */
const Choice = z.strictObject({
  label: said('Chữ trên nút của lựa chọn', 'Chuyển khoản'),
  value: z
    .union([z.string().min(1).describe('một chữ'), z.number().describe('một số')])
    .meta(hint('Giá trị lưu vào ô save: khi khách chọn; điều kiện branch so với giá trị này', 'bank')),
  aliases: z.array(Text).optional().meta(hint('Những chữ khách hay gõ để chọn mục này, ở đâu trong câu cũng được', ['ck', 'chuyển khoản'])),
});

export const Step = z.strictObject({
  /** What the customer is doing at this step, for "continue …" offers ("đơn đang đặt"). */
  title: said('Tên ngắn của bước: bảng phễu trên trang quản lý và lời mời "tiếp tục …" dùng tên này', 'đơn đang đặt').optional(),
  /**
   * Phrases that answer this question "no" wherever they stand in a message ("không có mã",
   * "chỉ lấy vậy thôi"): a yes/no question takes "no", an optional one is skipped.
   */
  declined_by: z.array(Text).optional().meta(hint('Những câu có nghĩa "không" cho câu hỏi này, ở đâu trong tin cũng được: câu hỏi có/không hiểu là "không", câu hỏi không bắt buộc được bỏ qua', ['không có mã', 'chỉ lấy vậy thôi'])),
  say: z
    .union([Text.describe('một câu'), z.array(Text).min(1).describe('nhiều tin, gửi lần lượt')])
    .optional()
    .meta(hint('Bot nói gì ở bước này; {{…}} là chỗ bot tự điền (tên shop, sản phẩm, giỏ hàng…). Câu có ": " hoặc bắt đầu bằng "{{" thì đặt trong ngoặc kép', 'Dạ anh/chị cho em xin số điện thoại người nhận nhé.')),
  image: said('Ảnh gửi kèm ở bước này (địa chỉ ảnh, hoặc {{product.image}})', 'https://vuonnhatu.vn/anh/bang-gia.jpg').optional(),
  set: z.record(Id, Scalar).optional().meta(hint('Ghi sẵn giá trị vào các ô dữ liệu khi vào bước', { payment_method: 'cod' })),
  action: z
    .enum(ACTIONS)
    .optional()
    .meta(hint('Việc bot làm ở bước này: add_to_cart (thêm vào giỏ), quote_order (báo giá), create_order (tạo đơn), open_return (mở yêu cầu đổi trả), notify_owner (báo chủ shop), handover (chuyển người thật), send_payment_qr (gửi mã VietQR)…', 'create_order')),
  ask: z
    .enum(ASK_TYPES)
    .optional()
    .meta(hint('Bot hỏi khách loại câu trả lời nào: text (chữ), name (tên người nhận), number (số), quantity (số lượng), phone (số điện thoại), province (tỉnh/thành), address (địa chỉ), product (sản phẩm), choice (chọn một nút trong choices), yes_no (có/không), photo (ảnh), rating (1–5 sao), order_code (mã đơn)…', 'phone')),
  save: Id.optional().meta(hint('Tên ô dữ liệu lưu câu trả lời; các bước sau đọc lại bằng {{tên_ô}} hoặc điều kiện branch', 'phone')),
  choices: z.array(Choice).min(2, 'cần ít nhất hai lựa chọn').optional().meta(hint('Các lựa chọn của câu hỏi ask: choice (ít nhất hai)', [{ label: 'COD', value: 'cod' }, { label: 'Chuyển khoản', value: 'bank', aliases: ['ck'] }])),
  retry: said('Hỏi lại khi câu trả lời chưa đúng kiểu (thay cho câu hỏi lại chung của texts)', 'Dạ anh/chị gõ giúp em số điện thoại 10 số nhé.').optional(),
  optional: z.boolean().optional().meta(hint('true: khách được bỏ qua câu hỏi này (gõ "bỏ qua")', true)),
  always: z.boolean().optional().meta(hint('true: luôn hỏi, kể cả khi khách đã nói câu trả lời từ trước', true)),
  buttons: z
    .union([z.array(Button).min(1).describe('các nút riêng của bước'), z.literal('menu').describe('các nút của menu chính')])
    .optional()
    .meta(hint('Các nút dưới tin nhắn; viết menu để hiện các nút của menu chính', 'menu', [{ label: '🛒 Đặt hàng', goto: 'flow:order' }])),
  branch: z
    .array(z.strictObject({ if: Condition.meta(hint('Điều kiện: slot với equals, in, filled, at_least hay at_most; hoặc all / any của nhiều điều kiện', { slot: 'payment_method', equals: 'bank' })), goto: goto('Điều kiện đúng thì đi tới đâu') }))
    .min(1)
    .optional()
    .meta(hint('Rẽ nhánh: xét lần lượt từng điều kiện, đúng cái nào thì đi tới goto của cái đó; không cái nào đúng thì đi tới next', [{ if: { slot: 'payment_method', equals: 'bank' }, goto: 'gui_qr' }])),
  next: goto('Bước kế tiếp sau bước này').optional(),
  end: z.boolean().optional().meta(hint('true: kết thúc luồng ở bước này (rồi hỏi chấm điểm nếu luồng có satisfaction)', true)),
});

/**
 * A phrase customers write; `step` starts the flow at that step instead of its start, and
 * `intent` names what the phrase asks when it differs from the flow's (a claimed transfer).
 */
const Trigger = z.union([
  Text.describe('một câu khách hay nhắn'),
  z
    .strictObject({
      text: said('Câu khách hay nhắn', 'chuyển khoản rồi nhé'),
      step: Id.meta(hint('Bắt đầu luồng ở bước này thay vì bước đầu', 'da_chuyen')),
      intent: Id.optional().meta(hint('Ý định của câu này khi khác ý định của luồng', 'payment_claimed')),
    })
    .describe('một câu, bắt đầu luồng ở một bước riêng'),
]);

export const FlowFile = z.strictObject({
  $schema: schemaLink('flow.schema.json'),
  id: Id.meta(hint('Mã luồng, thường trùng tên tệp (order.yaml → order); menu và goto "flow:…" gọi luồng bằng mã này', 'order')),
  title: said('Tên luồng chủ shop đọc trên trang quản lý', 'Đặt hàng'),
  stage: z.enum(JOURNEY_STAGES).meta(hint('Chặng của khách: discover (tìm hiểu), consider (cân nhắc), buy (mua hàng), use (sử dụng), return (đổi trả), loyal (khách quen)', 'buy')),
  phase: z.enum(JOURNEY_PHASES).optional().meta(hint('Trước, trong hay sau khi mua: before, during, after; bỏ trống thì suy ra từ stage', 'during')),
  /** The standard intent this flow serves (src/flows/intents.ts); its triggers are examples of it. */
  intent: Id.optional().meta(hint('Ý định chuẩn mà luồng phục vụ (greeting, order, shipping, payment, returns, human…)', 'order')),
  triggers: z.array(Trigger).default([]).meta(hint('Những câu khách hay nhắn để vào luồng này; bot hiểu cả câu gần giống, có dấu hay không dấu', ['đặt hàng', 'mua 2kg xoài'])),
  satisfaction: toggle(true, 'Cuối luồng có hỏi khách chấm điểm hài lòng không'),
  start: Id.optional().meta(hint('Bước bắt đầu; bỏ trống là bước đầu tiên trong steps', 'hoi_san_pham')),
  steps: z
    .record(Id, Step)
    .refine((steps) => Object.keys(steps).length > 0, 'luồng cần ít nhất một bước')
    .meta(hint('Các bước của luồng, mỗi bước một tên (chữ thường không dấu, số, dấu gạch dưới)', { hoi_sdt: { say: 'Dạ anh/chị cho em xin số điện thoại nhé.', ask: 'phone', save: 'phone', next: 'xac_nhan' } })),
});

export type ShopFile = z.infer<typeof ShopFile>;
export type Shop = ShopFile['shop'];
export type Product = z.infer<typeof Product>;
export type ShippingZone = z.infer<typeof ShippingZone>;
export type Promotion = z.infer<typeof Promotion>;
export type BotTexts = z.infer<typeof BotTexts>;
export type AfterSaleSettings = z.infer<typeof AfterSale>;
export type OwnerTexts = z.infer<typeof OwnerTexts>;
export type MenuItem = z.infer<typeof MenuItem>;
export type FlowFile = z.infer<typeof FlowFile>;
export type Step = z.infer<typeof Step>;
export type FlowButton = z.infer<typeof Button>;
export type Condition = ConditionShape;
export type Trigger = z.infer<typeof Trigger>;
export type AskType = (typeof ASK_TYPES)[number];
export type ActionName = (typeof ACTIONS)[number];
export type JourneyStage = (typeof JOURNEY_STAGES)[number];
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/** A flow as the engine uses it: defaults applied, start step and phase resolved. */
export interface Flow extends FlowFile {
  start: string;
  phase: JourneyPhase;
}

/** Everything the engine needs, loaded and cross-checked. */
export interface ShopFlows {
  shop: ShopFile;
  flows: ReadonlyMap<string, Flow>;
  /** The shop's own answers (flows/faq.yaml); empty when the shop has none. */
  faq?: readonly FaqEntry[];
  /** Changes whenever any flow file changes; shown by /healthz and stored with conversations. */
  version: string;
}

export function phaseOfStage(stage: JourneyStage): JourneyPhase {
  if (stage === 'discover' || stage === 'consider') return 'before';
  if (stage === 'buy') return 'during';
  return 'after';
}

/** `{{ name }}` or `{{ name.field }}` inside any bot text. */
export const TEMPLATE_VARIABLE = /\{\{\s*([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\s*\}\}/g;

/** Values every text may use besides the slots saved by the flows. */
export const TEMPLATE_ROOTS = [
  'shop',
  'product',
  'cart',
  'quote',
  'order',
  'bank',
  'policy',
  'promotions',
  'catalog',
  'zones',
  'shipping',
  'customer',
  'flow',
  'matched',
  'candidates',
  'promotion',
] as const;

/** Slots the engine itself fills; flows may read them in conditions and texts. */
export const BUILT_IN_SLOTS = [
  'product',
  'quantity',
  'promo_code',
  'order_code',
  'province',
  // Filled by recall_contact (a returning customer) and by scheduled messages.
  'saved_name',
  'saved_phone',
  'saved_address',
  'saved_province',
  'last_order_code',
  'reminder',
  'reorder',
  // Set by actions for the flows to branch on: the cancel outcome, whether the shop is open now.
  'cancel_result',
  'shop_open',
  'opens_at',
  'more_lines',
  // Set by add_to_cart when a product named beside others still needs its amount asked.
  'quantity_missing',
  'promo_refused',
  // Filled by the scheduler: whether the check-in asks NPS now, and where a reminded cart was left.
  'nps_due',
  'left_flow',
  'left_step',
  // Read by quote_order from the note (or a delivery_wish question): when the customer wants the goods.
  'delivery_when',
] as const;
