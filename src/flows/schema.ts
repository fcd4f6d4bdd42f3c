import { z } from 'zod';
import type { FaqEntry } from './faq';

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

export const PRODUCT_UNITS = ['kg', 'trái', 'hộp', 'thùng', 'túi', 'chai', 'bao', 'hũ', 'gói', 'lon'] as const;
export const JOURNEY_STAGES = ['discover', 'consider', 'buy', 'use', 'return', 'loyal'] as const;
export const JOURNEY_PHASES = ['before', 'during', 'after'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const ASK_TYPES = [
  'text',
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
  // Issue 10 part A: the VietQR code for the order's total (src/engine/payment).
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
  id: Id,
  name: Text,
  aliases: z.array(Text).default([]),
  unit: z.enum(PRODUCT_UNITS),
  price: Money.positive('giá phải lớn hơn 0'),
  min_quantity: z.number().positive().default(1),
  season: z.strictObject({ from: Month, to: Month }).optional(),
  stock: z.union([z.enum(['in_stock', 'out_of_stock']), z.number().int().min(0)]).default('in_stock'),
  origin: Text.optional(),
  description: Text.optional(),
  suits: Text.optional(),
  storage: Text.optional(),
  image: z.url().optional(),
  /** Whether the shop takes orders for it out of season, delivered when the season comes. */
  preorder: z.boolean().default(true),
  /** Days a usual purchase lasts (coffee 30, rice 20): the bot offers a reorder after them. */
  reorder_days: z.number().int().min(1, 'số ngày từ 1 trở lên').max(365, 'tối đa 365 ngày').optional(),
});

const ShippingZone = z.strictObject({
  id: Id,
  name: Text,
  provinces: z.array(Text).min(1, 'cần ít nhất một tỉnh/thành'),
  fee: Money,
  delivery_days: Text,
  free_from: Money.optional(),
});

const BankTransfer = z.strictObject({
  bank_bin: z.string().regex(/^\d{6}$/, 'mã BIN ngân hàng gồm 6 chữ số, ví dụ "970436" (Vietcombank)'),
  bank_name: Text,
  account_number: z.string().regex(/^[0-9A-Za-z]{4,19}$/, 'số tài khoản gồm 4–19 chữ số hoặc chữ cái, không dấu cách'),
  account_name: Text,
});

const Promotion = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{3,20}$/, 'mã khuyến mãi viết HOA, không dấu, 3–20 ký tự, ví dụ "XOAI10"'),
  title: Text,
  description: Text.optional(),
  type: z.enum(['percent_off', 'amount_off', 'free_shipping']),
  value: z.number().positive().optional(),
  min_order: Money.optional(),
  max_discount: Money.optional(),
  products: z.array(Id).optional(),
  valid_from: IsoDate,
  valid_until: IsoDate,
  automatic: z.boolean().default(false),
  /** Only for a customer's first order. */
  new_customers_only: z.boolean().default(false),
  /** A customer may use it on one order only. */
  once_per_customer: z.boolean().default(false),
});

const OpeningHours = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  open: ClockTime,
  close: ClockTime,
});

const MenuItem = z.strictObject({ label: Text, flow: Id });

const PhoneRetryTexts = z.strictObject({
  no_number: Text,
  too_short: Text,
  too_long: Text,
  old_mobile: Text,
  unknown_prefix: Text,
  service_number: Text,
});

const BotTexts = z.strictObject({
  fallback: Text,
  fallback_offer_human: Text,
  retry: Text,
  retry_number: Text,
  retry_quantity: Text,
  retry_product: Text,
  retry_province: Text,
  retry_province_ambiguous: Text,
  retry_address: Text,
  retry_yes_no: Text,
  retry_choice: Text,
  retry_photo: Text,
  retry_phone: PhoneRetryTexts,
  below_minimum: Text,
  out_of_stock: Text,
  out_of_season: Text,
  cart_empty: Text,
  /** The owner removed or renamed the step the customer was answering: told, and offered the menu. */
  flow_changed: Text.default('Dạ shop vừa cập nhật lại phần này nên em chưa hiểu câu trả lời của anh/chị 🙏 Anh/chị chọn lại giúp em một mục bên dưới nhé.'),
  /** A product in the customer's cart is no longer in the catalog: it is taken out, the rest goes on. */
  cart_item_discontinued: Text.default('Dạ có sản phẩm trong giỏ của anh/chị shop vừa ngừng bán, em đã bỏ ra khỏi giỏ ạ. Anh/chị xem giỏ và đặt tiếp giúp em nhé.'),
  no_shipping_zone: Text,
  promotion_unknown: Text,
  promotion_not_applicable: Text,
  resume_offer: Text,
  resume_yes: Text,
  resume_no: Text,
  yes: Text,
  no: Text,
  menu_button: Text,
  human_button: Text,
  satisfaction_question: Text,
  satisfaction_comment: Text,
  satisfaction_thanks: Text,
  satisfaction_thanks_low: Text,
  satisfaction_labels: z.array(Text).length(5, 'cần đúng 5 nhãn, từ 1 sao đến 5 sao'),
  skip_word: Text,
  order_not_found: Text,
  retry_order_code: Text.default('Dạ anh/chị cho em xin mã đơn hàng (có trong tin nhắn xác nhận đơn) nhé.'),
  /** Asked after a middling score (above the owner alert): thanks first, no apology. */
  satisfaction_comment_neutral: Text.default('Dạ cảm ơn anh/chị 💚 Shop cần làm gì để lần sau tốt hơn ạ?'),
  /** Said when a code is applied: `{{promo_code}}`, `{{promotion.title}}`. */
  promotion_applied: Text.default('Dạ em đã áp dụng mã {{promo_code}} ✅ {{promotion.title}}\n{{promotion.saving}}'),
  promotion_used: Text.default('Dạ mã "{{promo_code}}" anh/chị đã dùng rồi ạ, mỗi khách dùng một lần.'),
  promotion_new_customers: Text.default('Dạ mã "{{promo_code}}" chỉ dành cho đơn đầu tiên của khách mới ạ.'),
  /** More than the stock left: `{{product.stock}}` says how much is left. */
  stock_short: Text.default('Dạ {{product.name}} hiện chỉ {{product.stock}} ạ; anh/chị lấy trong số đó giúp em nhé.'),
  /** The cart changed at a later question ("bỏ bưởi ra", "à nhầm, 3 ký thôi"). */
  cart_updated: Text.default('Dạ em đã sửa giỏ hàng ✅\n{{cart.lines}}'),
  /** An order cancelled, or asked of the owner: `{{order_code}}`. */
  cart_cancelled: Text.default('Dạ em đã hủy giỏ hàng đang đặt. Khi nào cần anh/chị nhắn em nhé!'),
  cancel_requested: Text.default('Dạ em đã báo chủ shop hủy đơn {{order_code}}; shop xác nhận xong sẽ nhắn anh/chị ạ.'),
  cancel_too_late: Text.default('Dạ đơn {{order_code}} đã giao cho đơn vị vận chuyển nên em không hủy được nữa ạ; anh/chị nhắn người thật giúp em nhé.'),
  nothing_to_cancel: Text.default('Dạ anh/chị chưa có đơn nào đang chờ giao để hủy ạ.'),
  /** Out of season: `{{product.season}}`; and when the product cannot be pre-ordered. */
  preorder_note: Text.default('Dạ {{product.name}} đang trái mùa; shop nhận đặt trước, hàng gửi khi vào mùa ({{product.season}}) ạ.'),
  not_preorderable: Text.default('Dạ {{product.name}} đang trái mùa (mùa {{product.season}}), shop chưa nhận đặt ạ. Anh/chị xem sản phẩm khác giúp em nhé.'),
  /** Caption of the VietQR code sent for a bank transfer (`{{order.code}}`, `{{order.total}}`, `{{bank.…}}`). */
  payment_qr_caption: Text.optional(),
  /** A transfer the bank reported for an order (`{{code}}`, `{{amount}}`, `{{total}}`, `{{paid}}`, `{{missing}}`, `{{extra}}`). */
  payment_received: Text.default('Dạ shop đã nhận {{amount}} chuyển khoản cho đơn {{code}} ✅ Cảm ơn anh/chị, shop chuẩn bị hàng ngay ạ!'),
  payment_partial: Text.default('Dạ shop đã nhận {{amount}} cho đơn {{code}} (tổng {{total}}), còn thiếu {{missing}} ạ. Anh/chị chuyển thêm giúp em, nội dung ghi {{code}} nhé.'),
  payment_overpaid: Text.default('Dạ shop đã nhận {{amount}} cho đơn {{code}} ✅ Anh/chị chuyển dư {{extra}} so với đơn ({{total}}); shop sẽ liên hệ hoàn lại phần dư ạ.'),
  /** Answer to what the bot cannot read: a voice message, a sticker, a message Zalo hides from bots. */
  please_type: Text.default('Dạ em chưa nghe hay xem được tin nhắn này ạ 🙏 Anh/chị nhắn bằng chữ giúp em nhé.'),
  /** Answer in a group chat: ordering needs a phone number and an address, which belong in a private chat. */
  group_chat: Text.default('Dạ để giữ kín số điện thoại và địa chỉ của anh/chị, anh/chị nhắn riêng cho shop giúp em nhé 🙏'),
  /** When the customer wants the goods, as the quote and the owner's notice say it: `{{saturday}}`, `{{sunday}}`, `{{date}}` ("T7 16/05"). */
  delivery_wish: z
    .strictObject({ asap: Text, weekend: Text, date: Text })
    .prefault({ asap: 'càng sớm càng tốt', weekend: 'cuối tuần ({{saturday}} – {{sunday}})', date: '{{date}}' }),
  web_placeholder: Text,
  web_send: Text,
  web_offline: Text,
  order_status: z.strictObject({
    new: Text,
    confirmed: Text,
    awaiting_confirmation: Text,
    paid: Text,
    shipped: Text,
    delivered: Text,
    cancelled: Text,
    refunded: Text.optional(),
    returned: Text.optional(),
  }),
  /** Told to the customer when the owner changes an order's status (`{{code}}`, `{{status}}`). */
  order_status_changed: Text,
  /** A product the owner sends from the inbox ({{product.name}}, {{product.price}}, …); without it the inbox offers no product cards. */
  product_card: Text.optional(),
  /** The web chat's photo button (its label for screen readers) and what a refused photo is told. */
  web_photo: Text.optional(),
  photo_rejected: z.strictObject({ wrong_type: Text, too_big: Text, broken: Text, too_many: Text.optional() }).optional(),
  /** The Telegram button that shares the customer's phone number. */
  share_phone_button: Text,
  /** Told to a customer nobody answered within HUMAN_REPLY_MINUTES of asking for a person. */
  human_wait: z.strictObject({ open: Text, closed: Text, today: Text, tomorrow: Text }),
  labels: z.strictObject({
    subtotal: Text,
    discount: Text,
    shipping: Text,
    shipping_free: Text,
    shipping_later: Text,
    total: Text,
    all_year: Text,
    month: Text,
    in_stock: Text,
    stock_left: Text,
    out_of_stock: Text,
    preorder: Text,
    no_promotions: Text,
    auto_applied: Text,
    promo_code: Text,
    valid_until: Text,
    weekdays: z.array(Text).length(7, 'cần đúng 7 tên ngày, từ thứ Hai đến Chủ nhật'),
    /** Before a promotion's minimum order: "áp dụng cho đơn từ 300.000đ". */
    min_order: Text.default('áp dụng cho đơn từ'),
    /** Delivery of an out-of-season product: "giao khi vào mùa, tháng 3–7". */
    in_season_delivery: Text.default('giao khi vào mùa'),
  }),
});

/** Messages to the owner (Telegram owner chat); `{{…}}` are filled by the bot. */
const OwnerTexts = z.strictObject({
  new_order: Text,
  return_request: Text,
  payment_claimed: Text,
  handover: Text,
  low_score: Text,
  notify: Text,
  /** Money the bank reported (`{{amount}}`, `{{code}}`, `{{customer}}`, `{{total}}`, `{{paid}}`, `{{missing}}`, `{{extra}}`, `{{content}}`). */
  payment_received: Text.default('💰 Tiền về {{amount}} cho đơn {{code}} ({{customer}}): đã đủ ✅'),
  payment_partial: Text.default('💰 Tiền về {{amount}} cho đơn {{code}} ({{customer}}): còn thiếu {{missing}} (đã nhận {{paid}} / {{total}}).'),
  payment_overpaid: Text.default('💰 Tiền về {{amount}} cho đơn {{code}} ({{customer}}): dư {{extra}} so với {{total}}, nhớ hoàn lại cho khách.'),
  payment_unmatched: Text.default('💰 Tiền về {{amount}} chưa khớp đơn nào (nội dung: "{{content}}"). Ghép tay ở trang "Tiền về" của trang quản lý nhé.'),
  // The owner's desk (Telegram): relayed customer messages, replies and commands.
  relay: Text,
  relay_photo: Text,
  hand_back_button: Text,
  handed_back: Text,
  not_waiting: Text,
  reply_not_relay: Text,
  reply_not_delivered: Text,
  reply_text_only: Text,
  orders_today: Text,
  orders_none: Text,
  report: Text,
  order_changed: Text,
  order_unknown: Text,
  order_usage: Text,
  help: Text,
  /** A reply the owner wrote in the dashboard's inbox, shown in the owner's chat too ({{customer}}, {{channel}}, {{message}}). */
  inbox_reply: Text.optional(),
  /** An edit of the flow files the running bot refused ({{errors}}, {{warnings}}, {{problems}}); without it the owner's chat is not told. */
  flows_refused: Text.optional(),
  /** A customer asks to cancel an order not yet shipped (`{{code}}`, `{{status}}`, `{{date}}`). */
  cancel_request: Text.default('❌ Khách xin hủy đơn {{code}} (đặt ngày {{date}}, {{status}}). Hủy giúp khách rồi báo lại khách nhé.'),
});

/** Messages the bot sends on its own after the sale; each kind can be turned off here. */
const AfterSale = z.strictObject({
  checkin: z
    .strictObject({
      enabled: z.boolean().default(true),
      flow: Id.default('checkin'),
      /** Days after the expected delivery (the zone's delivery_days, at most) to ask. */
      days_after_delivery: z.number().int().min(0).max(60).default(1),
    })
    .prefault({}),
  abandoned_cart: z
    .strictObject({
      enabled: z.boolean().default(true),
      flow: Id.default('reminder'),
      /** Minutes after the customer's last message; never later than 24 hours after it. */
      after_minutes: z.number().int().min(1).max(1440, 'tối đa 1440 phút (24 giờ): sau 24 giờ nền tảng không cho nhắn').default(120),
      /** The quick choices of the one reminder, asking why the cart was left (`ask: cart_reason`). */
      reasons: z
        .strictObject({ price: Text, shipping_fee: Text, delivery_time: Text, not_now: Text, question: Text, other: Text })
        .prefault({ price: 'Giá', shipping_fee: 'Phí ship', delivery_time: 'Thời gian giao', not_now: 'Chưa cần', question: 'Còn thắc mắc', other: 'Khác' }),
    })
    .prefault({}),
  /** "Would you recommend us" (0–10) in the check-in: once per customer in every `every_days`. */
  nps: z
    .strictObject({
      enabled: z.boolean().default(true),
      every_days: z.number().int().min(30, 'ít nhất 30 ngày: hỏi dày hơn làm phiền khách').max(730).default(180),
    })
    .prefault({}),
  reorder: z.strictObject({ enabled: z.boolean().default(true), flow: Id.default('reminder') }).prefault({}),
  /** What a customer writes (the whole message) to stop every scheduled message. */
  stop_words: z.array(Text).default(['dừng', '/stop', 'stop', 'ngừng nhắn tin']),
  texts: z
    .strictObject({
      opted_out: Text.default('Dạ em sẽ không tự nhắn tin nhắc nữa ạ. Khi cần gì anh/chị cứ nhắn shop nhé 💚'),
      personal_data: Text.default(
        'Tên: {{name}}\nSố điện thoại: {{phone}}\nĐịa chỉ: {{address}}\nĐơn hàng: {{orders}}\nSố lần trò chuyện: {{conversations}}',
      ),
      personal_data_none: Text.default('(chưa có)'),
      /** On the web chat (where only a browser's id stands for the customer) the data is shown only with the last 4 digits of the phone on file. */
      personal_data_confirm: Text.default(
        'Dạ để giữ kín thông tin của anh/chị, anh/chị nhắn lại "dữ liệu của tôi" kèm 4 số cuối của số điện thoại đã dùng đặt hàng giúp em nhé (ví dụ: dữ liệu của tôi 4321).',
      ),
    })
    .prefault({}),
});

export const ShopFile = z.strictObject({
  $schema: z.string().optional(),
  shop: z.strictObject({
    name: Text,
    tagline: Text.optional(),
    phone: Text.optional(),
    address: Text.optional(),
    timezone: Text.default('Asia/Ho_Chi_Minh'),
    opening_hours: z.array(OpeningHours).min(1),
  }),
  nlu: z.strictObject({ threshold: z.number().min(0).max(1).default(0.5) }).default({ threshold: 0.5 }),
  satisfaction: z
    .strictObject({
      enabled: z.boolean().default(true),
      comment_at_or_below: z.number().int().min(1).max(5).default(3),
      alert_owner_at_or_below: z.number().int().min(1).max(5).default(2),
    })
    .default({ enabled: true, comment_at_or_below: 3, alert_owner_at_or_below: 2 }),
  menu: z.array(MenuItem).min(1, 'menu cần ít nhất một mục'),
  catalog: z.array(Product).min(1, 'cần ít nhất một sản phẩm'),
  shipping: z.strictObject({
    free_from: Money.optional(),
    zones: z.array(ShippingZone).min(1, 'cần ít nhất một vùng giao hàng'),
  }),
  payment: z.strictObject({
    cod: z.strictObject({ note: Text.optional() }).optional(),
    bank_transfer: BankTransfer.optional(),
  }),
  promotions: z.array(Promotion).default([]),
  policies: z.strictObject({
    return_days: z.number().int().min(0),
    returns: Text,
    compensation: Text,
  }),
  texts: BotTexts,
  /**
   * Short answers to everyday talk, by standard intent (thanks, acknowledge, goodbye,
   * shop_location, opening_hours…): said without leaving the question in progress.
   */
  smalltalk: z.record(Id, Text).default({}),
  /** What a customer writes (the whole message) to have the bot back while waiting for a person. */
  back_to_bot_words: z.array(Text).default(['menu', '/start', '/menu', 'bot']),
  owner_texts: OwnerTexts,
  after_sale: AfterSale.prefault({}),
});

const Goto = z
  .string()
  .regex(/^(flow:)?[a-z][a-z0-9_]{0,31}$/, 'viết tên bước (ví dụ "hoi_sdt") hoặc "flow:" + tên luồng (ví dụ "flow:order")');

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

type ConditionShape =
  | { slot: string; equals?: string | number | boolean; in?: (string | number | boolean)[]; filled?: boolean; at_least?: number; at_most?: number }
  | { all: ConditionShape[] }
  | { any: ConditionShape[] };

const Condition: z.ZodType<ConditionShape> = z.lazy(() =>
  z.union([
    z.strictObject({
      slot: Id,
      equals: Scalar.optional(),
      in: z.array(Scalar).optional(),
      filled: z.boolean().optional(),
      at_least: z.number().optional(),
      at_most: z.number().optional(),
    }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
);

const Button = z.strictObject({ label: Text, goto: Goto });

/** `aliases`: words that name the choice anywhere in a message ("ck", "tiền mặt"). */
const Choice = z.strictObject({ label: Text, value: z.union([z.string().min(1), z.number()]), aliases: z.array(Text).optional() });

export const Step = z.strictObject({
  /** What the customer is doing at this step, for "continue …" offers ("đơn đang đặt"). */
  title: Text.optional(),
  /**
   * Phrases that answer this question "no" wherever they stand in a message ("không có mã",
   * "chỉ lấy vậy thôi"): a yes/no question takes "no", an optional one is skipped.
   */
  declined_by: z.array(Text).optional(),
  say: z.union([Text, z.array(Text).min(1)]).optional(),
  image: Text.optional(),
  set: z.record(Id, Scalar).optional(),
  action: z.enum(ACTIONS).optional(),
  ask: z.enum(ASK_TYPES).optional(),
  save: Id.optional(),
  choices: z.array(Choice).min(2, 'cần ít nhất hai lựa chọn').optional(),
  retry: Text.optional(),
  optional: z.boolean().optional(),
  always: z.boolean().optional(),
  buttons: z.union([z.array(Button).min(1), z.literal('menu')]).optional(),
  branch: z.array(z.strictObject({ if: Condition, goto: Goto })).min(1).optional(),
  next: Goto.optional(),
  end: z.boolean().optional(),
});

/**
 * A phrase customers write; `step` starts the flow at that step instead of its start, and
 * `intent` names what the phrase asks when it differs from the flow's (a claimed transfer).
 */
const Trigger = z.union([Text, z.strictObject({ text: Text, step: Id, intent: Id.optional() })]);

export const FlowFile = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  title: Text,
  stage: z.enum(JOURNEY_STAGES),
  phase: z.enum(JOURNEY_PHASES).optional(),
  /** The standard intent this flow serves (src/flows/intents.ts); its triggers are examples of it. */
  intent: Id.optional(),
  triggers: z.array(Trigger).default([]),
  satisfaction: z.boolean().default(true),
  start: Id.optional(),
  steps: z.record(Id, Step).refine((steps) => Object.keys(steps).length > 0, 'luồng cần ít nhất một bước'),
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
  'promo_refused',
  // Filled by the scheduler: whether the check-in asks NPS now, and where a reminded cart was left.
  'nps_due',
  'left_flow',
  'left_step',
  // Read by quote_order from the note (or a delivery_wish question): when the customer wants the goods.
  'delivery_when',
] as const;
