import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { flagValue } from './args';

/**
 * `tsx src/cli/worker-size.ts dist/worker/worker.js`: the Worker bundle's size, uncompressed
 * and gzipped, and a failure when it grows past the budget or carries Node-only code. The
 * free plan allows 3 MB compressed; the budget keeps us far below it, so a dependency that
 * drags in a large tree is noticed in review, not at deploy.
 */
const path = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist/worker/worker.js';
const budgetKib = Number(flagValue(process.argv, '--max-gzip-kib') ?? 768);

let bundle: Buffer;
try {
  bundle = readFileSync(path);
} catch {
  console.error(`no Worker bundle at ${path}: build it with npm run build:worker`);
  process.exit(1);
}
const gzipKib = gzipSync(bundle, { level: 9 }).length / 1024;
const rawKib = bundle.length / 1024;
console.log(`Worker bundle ${path}: ${rawKib.toFixed(1)} KiB, gzip ${gzipKib.toFixed(1)} KiB (budget ${budgetKib} KiB gzip; the free plan allows 3 MB)`);

const text = bundle.toString('utf8');
// Node-only modules would fail on Workers without nodejs_compat; the embedded database never belongs there.
const nodeOnly = ['better-sqlite3', 'from "node:fs"', "from 'node:fs'", 'require("fs")', 'from "fs"'].filter((marker) => text.includes(marker));
if (nodeOnly.length > 0) {
  console.error(`the Worker bundle contains Node-only code (${nodeOnly.join(', ')}): keep it in *.node.ts files that only src/node.ts and src/cli import`);
  process.exit(1);
}
if (gzipKib > budgetKib) {
  console.error(`the Worker bundle grew past its budget: ${gzipKib.toFixed(1)} KiB > ${budgetKib} KiB gzip. Find what grew (npx wrangler deploy --dry-run --outdir dist/worker --metafile) or raise --max-gzip-kib with a reason.`);
  process.exit(1);
}
