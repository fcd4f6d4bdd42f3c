import { z } from 'zod';
import { FaqFile } from './faq';
import { FlowFile, ShopFile } from './schema';

/** One JSON Schema for editors (VS Code's YAML extension): the file it is written to, and the schema. */
export interface EditorSchema {
  file: string;
  schema: Record<string, unknown>;
}

/**
 * The JSON Schemas of the owner's files, from the zod schemas the bot itself checks them with:
 * what an owner may write (input, before defaults), each key's description and examples from
 * its `.meta()`. Checks zod cannot say in JSON Schema (a refine) are left to `npm run flows:check`.
 */
export function editorSchemas(): EditorSchema[] {
  const targets = [
    ['shop.schema.json', ShopFile, 'Vườn của bạn: shop.yaml (thông tin shop, sản phẩm, giao hàng, thanh toán, khuyến mãi, câu chữ)'],
    ['flow.schema.json', FlowFile, 'Một luồng hội thoại của bot (flows/<tên>.yaml)'],
    ['faq.schema.json', FaqFile, 'Câu hỏi thường gặp của shop (flows/faq.yaml): các cách khách hỏi và câu trả lời'],
  ] as const;
  return targets.map(([file, schema, title]) => ({ file, schema: { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title } }));
}
