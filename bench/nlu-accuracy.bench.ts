import { createEngine } from '../src/engine/index';
import { loadFlows } from '../src/flows/index';
import { readFlowDir } from '../src/flows/flow-dir.node.ts';
import { HELD_OUT_MESSAGES } from '../tests/engine/nlu/held-out-messages';

/**
 * `npx tsx bench/nlu-accuracy.bench.ts`: how well intent matching does on held-out customer
 * messages (tests/engine/nlu/held-out-messages.ts) with the sample shop's flows. A message is
 * matched to `best.flow` when `best.score >= shop.nlu.threshold`, otherwise to no flow (null).
 * A measurement, not a pass/fail test: it always exits 0.
 */
const loaded = loadFlows(await readFlowDir('flows'));
if (!loaded.ok) throw new Error(`sample flows do not load: ${JSON.stringify(loaded.errors, null, 2)}`);
const flows = loaded.flows;
const engine = createEngine(flows);
const threshold = flows.shop.nlu.threshold;

/** Vietnamese letters carrying a tone or vowel mark, and đ. */
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** Chat shorthand (shared/VIETNAM.md) and the usual abbreviations/typos. */
const SHORTHAND = new Set(
  'ko k hok hong kh khong dc đc duoc bn nhiu bnh sp sdt sđt ck tk stk sh dh đh mk mik j z v vay r roi ntn lm ak oke oki hnay trc ns e c tks lh ng mun'.split(' '),
);

function informal(text: string): boolean {
  if (!MARKED.test(text)) return true;
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => SHORTHAND.has(word));
}

interface Row {
  text: string;
  expected: string | null;
  got: string | null;
  best: string | null;
  score: number | null;
  runnerUp: string;
  informal: boolean;
  ok: boolean;
}

const rows: Row[] = HELD_OUT_MESSAGES.map(({ text, flow }) => {
  const understanding = engine.understand(text);
  const best = understanding.best;
  const got = best && best.score >= threshold ? best.flow : null;
  const runner = understanding.runnerUp;
  return {
    text,
    expected: flow,
    got,
    best: best ? best.flow : null,
    score: best ? best.score : null,
    runnerUp: runner ? `${runner.flow} ${runner.score.toFixed(3)}` : '-',
    informal: informal(text),
    ok: got === flow,
  };
});

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const label = (flow: string | null) => flow ?? 'null';
function line(name: string, subset: Row[]): string {
  const hits = subset.filter((row) => row.ok).length;
  return `${name.padEnd(22)} ${String(hits).padStart(3)}/${String(subset.length).padEnd(3)} ${pct(hits, subset.length)}`;
}

console.log(`NLU accuracy on ${rows.length} held-out messages (threshold ${threshold})`);
console.log('');
console.log(line('overall', rows));
const informalRows = rows.filter((row) => row.informal);
const formalRows = rows.filter((row) => !row.informal);
console.log(`share without tone marks / with shorthand: ${informalRows.length}/${rows.length} (${pct(informalRows.length, rows.length).trim()})`);
console.log(line('  no marks / shorthand', informalRows));
console.log(line('  with marks, no short.', formalRows));
console.log('');
console.log('per expected flow        hits       recall   predicted  precision');
const names = [...new Set(rows.map((row) => label(row.expected)))];
for (const name of names) {
  const subset = rows.filter((row) => label(row.expected) === name);
  const predicted = rows.filter((row) => label(row.got) === name);
  const correct = predicted.filter((row) => row.ok).length;
  console.log(`${line(`  ${name}`, subset)}   ${String(predicted.length).padStart(5)}     ${pct(correct, predicted.length)}`);
}
console.log('');
const misses = rows.filter((row) => !row.ok);
console.log(`misses (${misses.length}):`);
for (const miss of misses) {
  const score = miss.score === null ? '' : miss.score.toFixed(3);
  console.log(
    `  ${miss.informal ? '[short]' : '[marks]'} ${JSON.stringify(miss.text)}  expected ${label(miss.expected)}, got ${label(miss.got)} (best ${label(miss.best)} ${score}; runner-up ${miss.runnerUp})`,
  );
}
