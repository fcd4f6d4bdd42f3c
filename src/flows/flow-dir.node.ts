import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlowSource } from './yaml-source';

/** Reads every `.yaml`/`.yml` file of a flows folder (Node only; Workers bundle them at build). */
export async function readFlowDir(dir: string): Promise<FlowSource[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new Error(`cannot read the flows folder "${dir}" (set FLOWS_DIR to the folder with shop.yaml): ${(error as Error).message}`);
  }
  const yamlNames = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(yamlNames.map(async (name) => sourceOf(join(dir, name), await readFile(join(dir, name)))));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text when it is UTF-8 (with or without a BOM); otherwise which encoding it seems to be in. */
function sourceOf(path: string, bytes: Buffer): FlowSource {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length > 3 && bytes.includes(0));
  if (utf16) return { path, text: '', notUtf8: 'utf-16' };
  try {
    return { path, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { path, text: '', notUtf8: 'other' };
  }
}
