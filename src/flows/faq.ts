import { z } from 'zod';
import { hint, schemaLink } from './hint';

/**
 * `flows/faq.yaml`: the shop's own answers to questions customers ask often (origin,
 * certification, wholesale, gift wrapping, invoices). Each entry lists how customers ask it
 * and what the bot answers; an answer may differ per product, or be built from the product's
 * facts in the catalog ("{{product.origin}}").
 */
export const FAQ_FILE = 'faq.yaml';

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'chỉ chữ thường không dấu, số và dấu gạch dưới, tối đa 32 ký tự, ví dụ "xuat_xu"');
const Text = z.string().trim().min(1, 'không được để trống');

export const FaqEntry = z.strictObject({
  id: Id.meta(hint('Mã câu hỏi (chữ thường không dấu, số, dấu gạch dưới); trang quản lý và câu chuyện thử gọi câu hỏi bằng mã này', 'xuat_xu')),
  /** The standard intent the question belongs to (src/flows/intents.ts). */
  intent: Id.default('product_info').meta(hint('Ý định chuẩn của câu hỏi (product_info, shipping, payment…); bỏ trống là product_info', 'product_info')),
  questions: z
    .array(Text)
    .min(2, 'cần ít nhất hai cách khách hỏi, ví dụ "xuất xứ ở đâu" và "{product} trồng ở đâu"')
    .meta(hint('Ít nhất hai cách khách hay hỏi; {product} đứng thay cho tên một sản phẩm bất kỳ', ['xuất xứ ở đâu', '{product} trồng ở đâu'])),
  answer: Text.meta(hint('Câu bot trả lời', 'Dạ hàng của shop hái tại vườn nhà ở Đồng Tháp và Đắk Lắk ạ.')),
  /** Used when the message names a product: may use {{product.name}}, {{product.origin}}… */
  product_answer: Text.optional().meta(hint('Câu trả lời khi khách hỏi về một sản phẩm; dùng được {{product.name}}, {{product.origin}}…', 'Dạ {{product.name}} trồng ở {{product.origin}} ạ.')),
  /** A product's own answer, by catalog id; wins over product_answer. */
  products: z
    .record(Id, Text)
    .optional()
    .meta(hint('Câu trả lời riêng của từng sản phẩm, theo mã trong catalog; thắng product_answer', { gao_st25: 'Dạ gạo ST25 của shop trồng ở Sóc Trăng ạ.' })),
});

export const FaqFile = z.strictObject({
  $schema: schemaLink('faq.schema.json'),
  faq: z
    .array(FaqEntry)
    .min(1, 'cần ít nhất một câu hỏi; xóa tệp nếu shop chưa có câu hỏi thường gặp')
    .meta(hint('Các câu hỏi thường gặp, mỗi câu bắt đầu bằng "- id:"', [{ id: 'xuat_xu', questions: ['xuất xứ ở đâu', '{product} trồng ở đâu'], answer: 'Dạ hàng hái tại vườn nhà ạ.' }])),
});

export type FaqEntry = z.infer<typeof FaqEntry>;
export type FaqFile = z.infer<typeof FaqFile>;
