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
  return Promise.all(yamlNames.map(async (name) => ({ path: join(dir, name), text: await readFile(join(dir, name), 'utf8') })));
}
