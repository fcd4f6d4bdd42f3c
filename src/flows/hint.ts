import { z } from 'zod';

/**
 * What an editor shows when the owner points at a key (VS Code's YAML extension reads the
 * schema/*.json that `npm run flows:schema` writes): what the key is for, in the owner's words,
 * and what to write there. Passed to zod's `.meta()` at the key's definition.
 */
export function hint(description: string, ...examples: unknown[]): { description: string; examples: unknown[] } {
  return { description, examples };
}

/** The editor's own key: where the JSON Schema is, for editors that read it from the file. */
export function schemaLink(file: string) {
  return z.string().optional().meta(hint('Đường dẫn tới tệp JSON Schema để trình soạn thảo gợi ý và bắt lỗi; bot không đọc khóa này', `../schema/${file}`));
}
