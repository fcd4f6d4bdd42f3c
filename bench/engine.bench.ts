import { createEngine, initialState, type ConversationState, type Inbound } from '../src/engine/index';
import { fold } from '../src/text/fold';
import { loadFlows } from '../src/flows/index';
import { readFlowDir } from '../src/flows/flow-dir.node.ts';
import { rate, time } from './stats';

/**
 * `npm run bench:engine`: engine turns per second over a scripted order, and intent matches
 * per second, on the sample shop. Each figure comes with a baseline measured in the same
 * run (copying the state as a turn does; folding the same text) so noisy machines compare.
 */
const loaded = loadFlows(await readFlowDir('flows'));
if (!loaded.ok) throw new Error('sample flows do not load');
const engine = createEngine(loaded.flows);
const now = new Date('2026-05-12T03:00:00Z');
const context = { now, orderCode: 'XB101', customer: { name: null, orders: [] } };

const script: Inbound[] = [
  { kind: 'text', text: 'chào shop' },
  { kind: 'button', value: 'flow:order' },
  { kind: 'text', text: 'xoai cat' },
  { kind: 'text', text: '4 ký' },
  { kind: 'button', value: 'answer:no' },
  { kind: 'text', text: 'Nguyễn Văn An' },
  { kind: 'text', text: '0912 345 678' },
  { kind: 'text', text: '12 Lê Lợi, phường Bến Thành, TP HCM' },
  { kind: 'text', text: 'xoai10' },
  { kind: 'text', text: '1' },
  { kind: 'text', text: 'không' },
  { kind: 'text', text: 'ok chốt' },
  { kind: 'button', value: 'csat:5' },
];
const messages = ['gia xoai bn 1kg', 'ship ra hn mat may ngay', 'hang bi dap doi dc ko', 'co ma giam gia ko sh', 'ck roi nha', 'cho gặp người thật', 'sầu riêng ri6 còn không', 'thời tiết hôm nay thế nào'];

const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 2000);
function runConversations(): number {
  let turns = 0;
  for (let i = 0; i < conversations; i++) {
    let state: ConversationState = initialState();
    for (const inbound of script) {
      state = engine.turn(state, inbound, context).state;
      turns++;
    }
  }
  return turns;
}
function copyStates(): number {
  let copies = 0;
  const state = engine.turn(initialState(), script[0]!, context).state;
  for (let i = 0; i < conversations * script.length; i++) {
    structuredClone(state);
    copies++;
  }
  return copies;
}
const matches = Number(process.env.BENCH_MATCHES ?? 100_000);
function understandAll(): number {
  for (let i = 0; i < matches; i++) engine.understand(messages[i % messages.length]!);
  return matches;
}
function foldAll(): number {
  for (let i = 0; i < matches; i++) fold(messages[i % messages.length]!);
  return matches;
}

runConversations();
understandAll();
const turns = await time(runConversations);
const baselineCopies = await time(copyStates);
const understood = await time(understandAll);
const folded = await time(foldAll);

const turnRate = rate(turns.result, turns.ms);
const copyRate = rate(baselineCopies.result, baselineCopies.ms);
const matchRate = rate(understood.result, understood.ms);
const foldRate = rate(folded.result, folded.ms);
console.log(`engine: ${turns.result} turns of a ${script.length}-step order in ${turns.ms.toFixed(0)} ms`);
console.log(`  turns/s            ${turnRate.toLocaleString('en')}   (baseline: state copies/s ${copyRate.toLocaleString('en')}; a turn costs ${(copyRate / turnRate).toFixed(1)}× a state copy)`);
console.log(`  intent matches/s   ${matchRate.toLocaleString('en')}   (baseline: accent folds/s ${foldRate.toLocaleString('en')}; a match costs ${(foldRate / matchRate).toFixed(1)}× folding the text)`);
