import { createInterface } from 'node:readline';
import { channelNamed } from '../channels/registry';
import { composeShop } from '../compose';
import { parseEnv } from '../config';
import { newId } from '../conversation/ids';
import { parseState, type Outbound } from '../engine/index';
import { memoryLogger } from '../log';
import { loadDotEnv, loadEngine, openDatabase } from '../runtime.node.ts';
import { takePendingForChat, conversationById } from '../store/index';
import { flagValue, hasFlag } from './args';

/**
 * `npm run chat [-- --json] [--as NAME]`: talk to the shop bot in the terminal, on the same
 * database as the server. Buttons are numbered; type the number or the text.
 * With --json every bot reply is one JSON line {"text", "buttons", "flow", "step"}.
 */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(parsed.errors.join('\n'));
  process.exit(1);
}
const json = hasFlag(process.argv, '--json');
const visitor = flagValue(process.argv, '--as') ?? 'owner-terminal';
const { engine } = await loadEngine(flagValue(process.argv, '--flows') ?? parsed.env.FLOWS_DIR).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const { store } = await openDatabase(parsed.env.DATABASE_PATH);
const clock = () => new Date();
// Only the terminal: trying the shop here must not send anything to customers or the owner's chat.
const terminal = channelNamed('terminal');
const { conversations } = await composeShop(parsed.env, { store, engine: () => engine, log: memoryLogger(), clock, persistent: false, channels: [terminal] });

const print = (message: Outbound, where: { flow: string | null; step: string | null }) => {
  if (json) {
    const text = message.kind === 'text' ? message.text : message.kind === 'payment_qr' ? message.caption : (message.caption ?? message.url);
    const buttons = message.kind === 'text' ? (message.buttons ?? []).map((button) => button.label) : [];
    console.log(JSON.stringify({ text, buttons, flow: where.flow, step: where.step }));
    return;
  }
  if (message.kind === 'text') {
    console.log(`\n🤖 ${terminal.buttons(message.text, message.buttons ?? []).text}`);
  } else if (message.kind === 'payment_qr') {
    console.log(`\n🔳 [mã VietQR: ${message.amount}đ, nội dung ${message.orderCode}] ${message.caption}`);
  } else {
    console.log(`\n🖼  ${message.url}${message.caption ? ` — ${message.caption}` : ''}`);
  }
};

const say = async (text: string) => {
  const outcome = await conversations.handle({ channel: 'terminal', updateId: newId(clock()), chatId: visitor, userId: visitor, message: { kind: 'text', text } });
  const conversation = outcome.conversationId ? await conversationById(store.db, outcome.conversationId) : undefined;
  const state = conversation ? parseState(conversation.state).state : { flow: null, step: null };
  const rows = await takePendingForChat(store.db, 'terminal', visitor, clock().toISOString());
  for (const row of rows) print(JSON.parse(row.payload) as Outbound, { flow: state.flow, step: state.step });
};

if (!json) console.log(`${engine.flows.shop.shop.name} — gõ tin nhắn như khách hàng (Ctrl+D để thoát).`);
const lines = createInterface({ input: process.stdin, output: json || !process.stdin.isTTY ? undefined : process.stdout, crlfDelay: Infinity });
if (!json && process.stdin.isTTY) lines.setPrompt('\n🧑 ');
lines.prompt?.();
for await (const line of lines) {
  if (line.trim()) await say(line.trim());
  lines.prompt?.();
}
await store.close();
