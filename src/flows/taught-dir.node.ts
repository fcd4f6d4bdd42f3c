import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from './problems';
import { parseTaught, type TaughtExample } from './taught';

/** The taught examples exported into `<flows>/taught/*.yaml`; none when the folder is missing. */
export async function readTaughtDir(flowsDir: string): Promise<TaughtExample[]> {
  const dir = join(flowsDir, 'taught');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort();
  const examples: TaughtExample[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const { examples: found, problems } = parseTaught({ path, text: await readFile(path, 'utf8') });
    if (problems.length > 0) throw new Error(`the taught examples in ${path} have mistakes; fix them or export them again from the dashboard:\n${problems.map(formatProblem).join('\n')}`);
    examples.push(...found);
  }
  return examples;
}
