import { mkdir, writeFile } from 'node:fs/promises';
import { editorSchemas } from '../flows/json-schema';

/** `npm run flows:schema`: JSON Schemas so editors (VS Code YAML) autocomplete, explain each key on hover and underline mistakes. */
const outDir = 'schema';
await mkdir(outDir, { recursive: true });
for (const { file, schema } of editorSchemas()) {
  await writeFile(`${outDir}/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${outDir}/${file}`);
}
