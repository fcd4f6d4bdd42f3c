import { z } from 'zod';

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
  id: Id,
  /** The standard intent the question belongs to (src/flows/intents.ts). */
  intent: Id.default('product_info'),
  questions: z.array(Text).min(2, 'cần ít nhất hai cách khách hỏi, ví dụ "xuất xứ ở đâu" và "{product} trồng ở đâu"'),
  answer: Text,
  /** Used when the message names a product: may use {{product.name}}, {{product.origin}}… */
  product_answer: Text.optional(),
  /** A product's own answer, by catalog id; wins over product_answer. */
  products: z.record(Id, Text).optional(),
});

export const FaqFile = z.strictObject({
  $schema: z.string().optional(),
  faq: z.array(FaqEntry).min(1, 'cần ít nhất một câu hỏi; xóa tệp nếu shop chưa có câu hỏi thường gặp'),
});

export type FaqEntry = z.infer<typeof FaqEntry>;
export type FaqFile = z.infer<typeof FaqFile>;
