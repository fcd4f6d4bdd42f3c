import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** `npm run bench`: every bench/*.bench.ts in turn, each in its own process. */
for (const file of readdirSync('bench').filter((name) => name.endsWith('.bench.ts')).sort()) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
