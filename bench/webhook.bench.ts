import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TELEGRAM_SECRET_HEADER } from '../src/channels/telegram/webhook-route';
import { FakeTelegramApi, TelegramUpdates, type TelegramCall } from '../tests/fakes/telegram-api-server';
import { percentile, rate, row } from './stats';
import { ORDER_SCRIPT } from './support/bench-shop';

/**
 * `npm run bench:webhook`: the real server as `npm start` runs it (the built bundle of
 * `src/node.ts` with the start script's Node flags, webhook mode) and a bare grammY + Hono echo
 * bot, each in its own process against the same fake Telegram API on 127.0.0.1 in
 * the same run. 20 chats write at once, each sending its next message when the reply to the
 * last one reached the fake; latency runs from the POST to the first reply reaching the fake.
 */
const CHATS = Number(process.env.BENCH_CHATS ?? 20);
const MESSAGES = Number(process.env.BENCH_MESSAGES_PER_CHAT ?? 39);
const SECRET = 'bench-webhook-secret-0123456789abcdef';
const script = ORDER_SCRIPT;

const api = new FakeTelegramApi();
await api.start();
const updates = new TelegramUpdates(api.bot);
// Each chat's next reply settles whoever waits for it.
const waiting = new Map<string, () => void>();
const record = api.calls.push.bind(api.calls);
api.calls.push = (...calls: TelegramCall[]) => {
  for (const call of calls) {
    if (call.method !== 'sendMessage' && call.method !== 'sendPhoto') continue;
    const chat = String(call.body.chat_id);
    waiting.get(chat)?.();
    waiting.delete(chat);
  }
  return record(...calls);
};

/** `node [flags] <bundle>` of package.json's start script, after the build it runs first. */
function startCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const node = /node ((?:--\S+ )*)(\S+\.js)$/.exec(scripts.start);
  if (!node) throw new Error('package.json\'s start script no longer ends in "node [flags] <file>.js": update bench/webhook.bench.ts');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  return [...node[1]!.split(' ').filter(Boolean), node[2]!];
}

async function run(name: string, argv: string[], port: number, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, argv, {
    env: { ...process.env, PORT: String(port), TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'error', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await listening(child, port);
    const latencies: number[] = [];
    let chatBase = 10_000_000 + port * 1000;
    const post = async (chat: number, text: string) => {
      const person = updates.person(chat, 'Lan');
      const replied = new Promise<void>((resolve) => waiting.set(String(chat), resolve));
      const start = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TELEGRAM_SECRET_HEADER]: SECRET },
        body: JSON.stringify(updates.text(person, text)),
      });
      if (!response.ok) throw new Error(`${name} answered ${response.status} to a webhook POST`);
      await response.arrayBuffer();
      await replied;
      latencies.push(performance.now() - start);
    };
    const chat = async (chatId: number, count: number) => {
      for (let m = 0; m < count; m++) await post(chatId, script[m % script.length]!);
    };
    await Promise.all(Array.from({ length: CHATS }, (_, c) => chat(chatBase + c, 3)));
    latencies.length = 0;
    chatBase += CHATS;
    const start = performance.now();
    await Promise.all(Array.from({ length: CHATS }, (_, c) => chat(chatBase + c, MESSAGES)));
    const ms = performance.now() - start;
    latencies.sort((a, b) => a - b);
    return { name, updates: latencies.length, rate: rate(latencies.length, ms), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    child.kill('SIGTERM');
  }
}

/** Waits until the child answers HTTP on its port. */
async function listening(child: ChildProcess, port: number): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`the process on port ${port} exited with ${child.exitCode} before listening`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing listened on port ${port} within a minute`);
}

const dir = mkdtempSync(join(tmpdir(), 'shopbot-webhook-bench-'));
const echo = await run('bare grammY + Hono echo bot', ['--import', 'tsx', 'bench/support/echo-bot.ts'], 18_781, {});
const shop = await run('the shop (npm start, webhook mode)', startCommand(), 18_782, { DATABASE_PATH: join(dir, 'shop.db'), PUBLIC_URL: 'https://shop.example.vn' });
await api.close();
rmSync(dir, { recursive: true, force: true });

const widths = [40, 8, 10, 10, 10];
console.log(`${CHATS} chats at once, ${MESSAGES} messages each\n`);
console.log(row(['bot', 'updates', 'updates/s', 'p50 ms', 'p99 ms'], widths));
for (const result of [echo, shop]) console.log(row([result.name, result.updates, result.rate, result.p50.toFixed(1), result.p99.toFixed(1)], widths));
console.log(`\nwebhook end to end: ${(shop.rate / echo.rate).toFixed(2)}× the echo bot`);
