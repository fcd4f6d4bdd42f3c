import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCorpus, type LabeledText } from './engine/index';

export const CORPUS_DIR = 'src/engine/nlu/corpus';

/**
 * Reads the training files (`train-*.tsv`) of a corpus folder, or the one file asked for.
 * The held-out file is never read here: it only measures (`npm run nlu:test -- --file`).
 */
export async function readCorpus(dir = CORPUS_DIR): Promise<LabeledText[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => /^train-.*\.tsv$/.test(name)).sort();
  const files = await Promise.all(names.map((name) => readCorpusFile(join(dir, name))));
  return files.flat();
}

export async function readCorpusFile(path: string): Promise<LabeledText[]> {
  const { examples, problems } = parseCorpus(path, await readFile(path, 'utf8'));
  if (problems.length > 0) throw new Error(`the corpus file ${path} has ${problems.length} malformed line(s):\n${problems.slice(0, 20).join('\n')}`);
  return examples;
}
