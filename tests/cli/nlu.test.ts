import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOW_IDS, PRODUCT_IDS } from '../engine/nlu/labeled-messages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npx tsx src/cli/nlu.ts` with the given lines on stdin, as a script would. */
function runNlu(lines: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.FLOWS_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/nlu.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}

describe('npm run nlu: one JSON object per line of customer text', () => {
  it('answers {text, flow, score, product} (and the intent) for each line, in order', async () => {
    const lines = ['Xoài cát giá bao nhiêu vậy shop', 'cho xin stk', 'asdfgh', 'xoài này xuất xứ ở đâu vậy shop'];
    const { code, stdout, stderr } = await runNlu(lines);
    expect(code, stderr).toBe(0);

    const out = stdout.split('\n').filter((line) => line.trim() !== '');
    expect(out).toHaveLength(4);
    const answers = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const [i, answer] of answers.entries()) {
      const keys = answer.flow === 'faq' ? ['faq', 'flow', 'intent', 'product', 'score', 'text'] : ['flow', 'intent', 'product', 'score', 'text'];
      expect(Object.keys(answer).sort()).toEqual(keys);
      expect(answer.text).toBe(lines[i]);
      expect(typeof answer.score).toBe('number');
      expect(answer.score).toBeGreaterThanOrEqual(0);
      expect(answer.score).toBeLessThanOrEqual(1);
      expect(answer.flow === null || answer.flow === 'faq' || (FLOW_IDS as readonly unknown[]).includes(answer.flow)).toBe(true);
      expect(answer.product === null || (PRODUCT_IDS as readonly unknown[]).includes(answer.product)).toBe(true);
      // A flow is named only when the score reaches the shop's threshold, and the intent is out of scope otherwise.
      if (answer.flow !== null) expect(answer.score).toBeGreaterThanOrEqual(0.3);
    }

    expect(answers[0]).toMatchObject({ flow: 'advice', product: 'xoai_cat_hoa_loc' });
    expect(answers[1]).toMatchObject({ flow: 'payment', product: null });
    expect(answers[2]).toMatchObject({ flow: null, product: null });
    expect(answers[2]!.intent === null || answers[2]!.intent === 'out_of_scope').toBe(true);
    expect(answers[3]).toMatchObject({ flow: 'faq', faq: 'xuat_xu', intent: 'product_info', product: 'xoai_cat_hoa_loc' });
  }, 60_000);
});
