import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { tempDatabasePath } from '../support/harness';
import { freePort } from '../support/serve';

let folder: ReturnType<typeof tempDatabasePath> | undefined;
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  folder?.cleanup();
});

interface Started {
  process: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a child process on its own port, database and flows folder, without any platform token. */
async function start(databasePath: string, flowsDir: string): Promise<Started> {
  const port = await freePort();
  const env = { PORT: String(port), DATABASE_PATH: databasePath, FLOWS_DIR: flowsDir, TELEGRAM_BOT_TOKEN: '', ZALO_BOT_TOKEN: '', PUBLIC_URL: '', ADMIN_PASSWORD: '', LOG_LEVEL: 'warn' };
  const started = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child = started;
  let errors = '';
  started.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
  return { process: started, url: `http://127.0.0.1:${port}`, stderr: () => errors, exited };
}

async function healthOf(started: Started): Promise<{ status: string; flows: { version: string; refused?: { errors: number } } }> {
  let body: unknown;
  await eventually(
    async () => {
      if (started.process.exitCode !== null) throw new Error(`the bot exited: ${started.stderr()}`);
      const response = await fetch(`${started.url}/healthz`).catch(() => undefined);
      if (response?.status !== 200) return false;
      body = await response.json();
      return true;
    },
    'the bot to answer /healthz',
    90_000,
  );
  return body as { status: string; flows: { version: string; refused?: { errors: number } } };
}

/** A price written as words: shop.yaml no longer loads. */
function breakShopFile(dir: string): void {
  const file = join(dir, 'shop.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/price: \d+/, 'price: tám lăm nghìn'));
}

describe('a flows folder broken while the bot was down', () => {
  it('starts the bot on the last good flows kept in the database, and says so in /healthz and the log', { timeout: 240_000 }, async () => {
    folder = tempDatabasePath();
    const flowsDir = join(folder.path, '..', 'flows');
    cpSync('flows', flowsDir, { recursive: true });
    const first = await start(folder.path, flowsDir);
    const good = await healthOf(first);
    expect(good.status).toBe('ok');
    first.process.kill('SIGTERM');
    await first.exited;

    breakShopFile(flowsDir);
    const second = await start(folder.path, flowsDir);
    const health = await healthOf(second);
    expect(health.status).toBe('degraded');
    expect(health.flows.version).toBe(good.flows.version);
    expect(health.flows.refused?.errors).toBeGreaterThan(0);
    expect(second.stderr()).toContain('last good flows kept in the database');
    expect(second.stderr()).toContain('shop.yaml');
    const answer = await fetch(`${second.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId: crypto.randomUUID(), messageId: 'first-message', text: 'chào shop' }) });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { replies: unknown[] }).replies.length).toBeGreaterThan(0);
  });

  it('refuses to start, with every error listed, when no good flows were ever kept', { timeout: 120_000 }, async () => {
    folder = tempDatabasePath();
    const flowsDir = join(folder.path, '..', 'flows');
    cpSync('flows', flowsDir, { recursive: true });
    breakShopFile(flowsDir);
    const started = await start(folder.path, flowsDir);
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toContain('shop.yaml');
    expect(started.stderr()).toContain('No good flows were ever kept');
  });
});
