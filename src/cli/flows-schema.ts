import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { FaqFile } from '../flows/faq';
import { FlowFile, ShopFile } from '../flows/schema';

/** `npm run flows:schema`: JSON Schemas so editors (VS Code YAML) autocomplete and underline mistakes. */
const outDir = 'schema';
await mkdir(outDir, { recursive: true });
const targets = [
  ['shop.schema.json', ShopFile, 'Vườn của bạn: shop.yaml (thông tin shop, sản phẩm, giao hàng, thanh toán, khuyến mãi, câu chữ)'],
  ['flow.schema.json', FlowFile, 'Một luồng hội thoại của bot (flows/<tên>.yaml)'],
  ['faq.schema.json', FaqFile, 'Câu hỏi thường gặp của shop (flows/faq.yaml): các cách khách hỏi và câu trả lời'],
] as const;
for (const [name, schema, title] of targets) {
  const json = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
  await writeFile(`${outDir}/${name}`, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${outDir}/${name}`);
}
