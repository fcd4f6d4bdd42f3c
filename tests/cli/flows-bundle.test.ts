import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/index';
import { runCli } from './run-cli';

const out = mkdtempSync(join(tmpdir(), 'flows-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run flows:bundle (the flows inside the Worker)', () => {
  it('a bad flow fails the build with the same messages as flows:check, and nothing is written', async () => {
    const target = join(out, 'broken.ts');
    const bundle = await runCli('src/cli/flows-bundle.ts', ['--flows', 'tests/flows/fixtures/broken-shop', '--out', target], '');
    const check = await runCli('src/cli/flows-check.ts', ['--flows', 'tests/flows/fixtures/broken-shop'], '');
    expect(bundle.code).toBe(1);
    const problems = (stderr: string) => stderr.split('\n').filter((line) => /\.ya?ml:\d+:\d+/.test(line));
    expect(problems(bundle.stderr).length).toBeGreaterThan(0);
    expect(problems(bundle.stderr)).toEqual(problems(check.stderr));
    expect(() => readFileSync(target)).toThrow();
  });

  it('the shop flows bundle into a module that loads to the same flows version', async () => {
    const target = join(out, 'flows.ts');
    const result = await runCli('src/cli/flows-bundle.ts', ['--out', target], '');
    expect(result.code).toBe(0);
    const { bundledFlows } = (await import(target)) as { bundledFlows: { path: string; text: string }[] };
    const loaded = loadFlows(bundledFlows);
    expect(loaded.ok).toBe(true);
    expect(result.stdout).toContain(`version ${loaded.ok ? loaded.flows.version : ''}`);
    expect(bundledFlows.map((source) => source.path)).toContain('flows/shop.yaml');
  });
});
