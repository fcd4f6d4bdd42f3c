import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/index';
import { FlowStatus, type RefusedEdit } from '../../src/flows/status';
import { memoryLogger } from '../../src/log';
import { watchFlows } from '../../src/runtime.node.ts';
import { eventually } from '../support/eventually';
import { startHarness, tempDatabasePath, type Harness } from '../support/harness';

let root: string;
let dir: string;
let stop: () => void;
let engines: Engine[];
let told: RefusedEdit[];
let status: FlowStatus;
let database: ReturnType<typeof tempDatabasePath>;
let harness: Harness;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'shop-flows-'));
  dir = join(root, 'flows');
  cpSync('flows', dir, { recursive: true });
  engines = [];
  told = [];
  status = new FlowStatus();
  stop = watchFlows(dir, { onEngine: (engine) => engines.push(engine), log: memoryLogger(), status, onRefused: (edit) => told.push(edit), settleMs: 50 });
  database = tempDatabasePath();
  harness = await startHarness({ path: database.path, flowStatus: status });
});

afterEach(async () => {
  stop();
  await harness.close();
  database.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const greeting = () => join(dir, 'greeting.yaml');
const health = async () => (await harness.app.request('/healthz')).json() as Promise<{ ok: boolean; status: string; flows: { refused?: { errors: number } } }>;

describe('the running bot watching flows/', () => {
  it('refuses a broken edit, keeps the last good flows, says degraded with the count, and is ok again after the fix', async () => {
    expect(await health()).toMatchObject({ ok: true, status: 'ok' });
    const good = readFileSync(greeting(), 'utf8');
    writeFileSync(greeting(), good.replace(/^start: .*$/m, 'start: khong_co_buoc_nay').replace(/^title: .*$/m, 'title: [chào'));
    await eventually(() => status.refusal !== null, 'the broken edit to be refused', 30_000);
    expect(engines).toHaveLength(0);
    expect(told).toHaveLength(1);
    expect(told[0]!.errors[0]!.file).toContain('greeting.yaml');
    const degraded = await health();
    expect(degraded).toMatchObject({ ok: true, status: 'degraded', flows: { refused: { errors: told[0]!.errors.length } } });

    writeFileSync(greeting(), good);
    await eventually(() => engines.length > 0 && status.refusal === null, 'the fixed flows to be loaded', 30_000);
    expect(await health()).toMatchObject({ status: 'ok' });
  }, 60_000);

  it('keeps watching when the owner replaces the whole folder with a backup', async () => {
    const backup = join(root, 'backup');
    cpSync(dir, backup, { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    cpSync(backup, dir, { recursive: true });
    await eventually(() => engines.length > 0, 'the restored folder to be loaded', 30_000);
    const loaded = engines.length;
    writeFileSync(greeting(), readFileSync(greeting(), 'utf8').replace(/^title: .*$/m, 'title: [chào'));
    await eventually(() => status.refusal !== null, 'an edit in the restored folder to be seen', 30_000);
    expect(engines.length).toBe(loaded);
  }, 60_000);
});
