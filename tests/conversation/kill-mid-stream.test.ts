import { spawn, type ChildProcess } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi, TelegramUpdates } from '../fakes/telegram-api-server';
import { eventually } from '../support/eventually';
import { tempDatabasePath } from '../support/harness';
import { freePort } from '../support/serve';

const SECRET = 'kill-test-webhook-secret-0123456789';
const CUSTOMERS = 30;
const SAYINGS = ['chào shop', 'giá xoài cát hòa lộc', 'phí ship về huế', 'có khuyến mãi gì không', 'giá gạo st25', 'shop ở đâu', 'cảm ơn shop'];
const KILL_AFTER = 100;

let api: FakeTelegramApi | undefined;
let child: ChildProcess | undefined;
let database: ReturnType<typeof tempDatabasePath> | undefined;

afterEach(async () => {
  child?.kill('SIGKILL');
  await api?.close();
  database?.cleanup();
});

/** `npm start` as a child process, pointed at the fake Bot API in webhook mode. */
async function startShop(env: Record<string, string>, url: string): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  started.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await eventually(
    async () => {
      if (started.exitCode !== null) throw new Error(`the shop exited at start-up: ${errors}`);
      return (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200;
    },
    'the shop to answer /healthz',
    90_000,
  );
  return started;
}

/** Undelivered rows, read from the database file the way an operator would after the crash. */
function outboxStatuses(path: string): Record<string, number> {
  const sqlite = new SQLite(path, { readonly: true });
  try {
    const rows = sqlite.prepare("SELECT status, count(*) AS n FROM outbox WHERE channel = 'telegram' GROUP BY status").all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  } finally {
    sqlite.close();
  }
}

function writtenTo(path: string, chatId: number): string[] {
  const sqlite = new SQLite(path, { readonly: true });
  try {
    const rows = sqlite.prepare('SELECT payload FROM outbox WHERE chat_id = ? ORDER BY created_at, id').all(String(chatId)) as { payload: string }[];
    return rows.map((row) => {
      const payload = JSON.parse(row.payload) as { text?: string; caption?: string };
      return payload.text ?? payload.caption ?? '';
    });
  } finally {
    sqlite.close();
  }
}

/**
 * Compares what reached a chat with what was written: lost is a written reply that never
 * arrived; a repeat right after itself is a duplicate; anything else out of place is disorder.
 */
function compare(written: string[], delivered: string[]): { lost: number; outOfOrder: boolean; duplicates: number } {
  const arrived = new Map<string, number>();
  for (const text of delivered) arrived.set(text, (arrived.get(text) ?? 0) + 1);
  let lost = 0;
  for (const text of written) {
    const left = arrived.get(text) ?? 0;
    if (left === 0) lost++;
    else arrived.set(text, left - 1);
  }
  let next = 0;
  let outOfOrder = false;
  for (const text of delivered) {
    if (next < written.length && text === written[next]) next++;
    else if (next === 0 || text !== written[next - 1]) outOfOrder = true;
  }
  return { lost, outOfOrder: outOfOrder || next < written.length - lost, duplicates: delivered.length - (written.length - lost) };
}

describe('a crash in the middle of a busy hour', () => {
  it('kill -9 while 30 customers write 210 messages: after the restart nothing is lost, no chat is out of order, and only the sends in flight at the kill may arrive twice', { timeout: 300_000 }, async () => {
    api = new FakeTelegramApi({ sendDelayMs: 15 });
    await api.start();
    database = tempDatabasePath();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      DATABASE_PATH: database.path,
      FLOWS_DIR: 'flows',
      PUBLIC_URL: 'https://shop.example.vn',
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
      OWNER_TELEGRAM_CHAT_ID: '',
      ZALO_BOT_TOKEN: '',
      ADMIN_PASSWORD: '',
      LOG_LEVEL: 'error',
    };
    const updates = new TelegramUpdates(api.bot);
    const chats = Array.from({ length: CUSTOMERS }, (_, i) => 6_100_000 + i);
    // What each customer still has to send; Telegram re-sends an update until it gets a 200.
    const queues = chats.map((id) => SAYINGS.map((text) => updates.text(updates.person(id), text)));
    let acknowledged = 0;
    const post = async (update: unknown) =>
      (await fetch(`${url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET }, body: JSON.stringify(update) }).catch(() => undefined))?.status;
    const writeUntil = (stop: () => boolean) =>
      Promise.all(
        queues.map(async (queue) => {
          while (queue.length > 0 && !stop()) {
            if ((await post(queue[0])) !== 200) return;
            queue.shift();
            acknowledged++;
          }
        }),
      );

    child = await startShop(env, url);
    let killed = false;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    const killer = (async () => {
      await eventually(() => acknowledged >= KILL_AFTER, 'half the messages to be taken', 60_000);
      child!.kill('SIGKILL');
      killed = true;
    })();
    await writeUntil(() => killed);
    await killer;
    await exited;
    // Let the fake finish the calls that were under way when the process died: those reach the customer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const atTheKill = outboxStatuses(database.path);
    const inFlight = atTheKill['sending'] ?? 0;
    expect(acknowledged).toBeLessThan(CUSTOMERS * SAYINGS.length);

    child = await startShop(env, url);
    await writeUntil(() => false);
    expect(queues.every((queue) => queue.length === 0)).toBe(true);
    await eventually(
      () => {
        const left = outboxStatuses(database!.path);
        return (left['pending'] ?? 0) + (left['sending'] ?? 0) === 0;
      },
      'every reply to be sent',
      60_000,
    );

    let lost = 0;
    let outOfOrder = 0;
    let duplicates = 0;
    for (const id of chats) {
      const delivered = [...api.sentMessages.values()].filter((message) => (message['chat'] as { id: number }).id === id).map((message) => String(message['text'] ?? message['caption'] ?? ''));
      const result = compare(writtenTo(database.path, id), delivered);
      lost += result.lost;
      duplicates += result.duplicates;
      if (result.outOfOrder) outOfOrder++;
    }
    expect({ lost, outOfOrder }).toEqual({ lost: 0, outOfOrder: 0 });
    expect(duplicates, `sends in flight at the kill: ${inFlight}, statuses then: ${JSON.stringify(atTheKill)}`).toBeLessThanOrEqual(inFlight);
  });
});
